import { defineStore } from 'pinia'
import { reactive, ref, shallowRef } from 'vue'
import type {
  Award,
  AwardFields,
  AwardPower,
  AwardSaved,
  Exemplar,
  ExemplarCandidate,
  ExemplarCounts,
  ExemplarFields,
  ExemplarKind,
  ExemplarStatus,
  Movement,
  MovementFields,
  PersonRow,
  ProposalImportPreview,
  ProposalImportResult
} from '@shared/api'
import { call } from '../api'
import { useAppStore } from './app'

export const EXEMPLAR_PAGE = 50

/** The register's filters; the year is the app's working year. */
export interface RegisterFilter {
  unitId: number | null
  kind: ExemplarKind | null
  status: ExemplarStatus | null
  movementId: number | null
  search: string
}

/** Plain copies: reactive proxies cannot cross IPC (structured clone refuses them). */
const plainExemplar = (f: ExemplarFields): ExemplarFields => ({
  ...f,
  press: f.press.map((p) => ({ outlet: p.outlet, date: p.date, title: p.title, link: p.link }))
})
const plainAward = (f: AwardFields): AwardFields => ({
  ...f,
  recipients: f.recipients.map((r) => ({
    exemplarId: r.exemplarId,
    personId: r.personId,
    unitId: r.unitId,
    citation: r.citation
  }))
})

/**
 * Thi đua & điển hình of the app's working year: movements, the register a page at a time with
 * its filters, reward decisions, candidates from other sections and the counts rolled up.
 */
export const useExemplarsStore = defineStore('exemplars', () => {
  const app = useAppStore()
  const year = () => app.ensureYear()

  const movements = ref<Movement[]>([])
  const filter = reactive<RegisterFilter>({
    unitId: null,
    kind: null,
    status: null,
    movementId: null,
    search: ''
  })
  const rows = shallowRef<Exemplar[]>([])
  const total = ref(0)
  const offset = ref(0)
  const awards = shallowRef<Award[]>([])
  const counts = shallowRef<ExemplarCounts | null>(null)
  let listTicket = 0

  async function loadMovements(): Promise<void> {
    movements.value = await call('exemplars:listMovements', { year: await year() })
  }

  async function saveMovement(id: number | undefined, fields: MovementFields): Promise<Movement> {
    const m =
      id === undefined
        ? await call('exemplars:createMovement', { ...fields })
        : await call('exemplars:updateMovement', { id, fields: { ...fields } })
    await loadMovements()
    return m
  }

  async function deleteMovement(id: number): Promise<void> {
    await call('exemplars:deleteMovement', { id })
    await loadMovements()
  }

  /** A page of the register under the filters; an answer overtaken by a newer ask is dropped. */
  async function loadList(at = 0): Promise<void> {
    const ticket = ++listTicket
    const page = await call('exemplars:list', {
      unitId: filter.unitId,
      year: await year(),
      kind: filter.kind,
      status: filter.status,
      movementId: filter.movementId,
      search: filter.search.trim() || null,
      offset: at,
      limit: EXEMPLAR_PAGE
    })
    if (ticket !== listTicket) return
    rows.value = page.rows
    total.value = page.total
    offset.value = at
  }

  const reloadList = () => loadList(offset.value)

  async function saveExemplar(id: number | undefined, fields: ExemplarFields): Promise<Exemplar> {
    const f = plainExemplar(fields)
    const e =
      id === undefined
        ? await call('exemplars:create', f)
        : await call('exemplars:update', { id, fields: f })
    await reloadList()
    return e
  }

  async function deleteExemplar(id: number): Promise<void> {
    await call('exemplars:delete', { id })
    await reloadList()
  }

  async function setStatus(input: {
    id: number
    status: ExemplarStatus
    date: string
    unitId: number | null
    note: string | null
  }): Promise<Exemplar> {
    const e = await call('exemplars:setStatus', { ...input })
    await reloadList()
    return e
  }

  /** Exemplars of the year a decision may reward (all pages: a decision lists them all). */
  async function exemplarsOfYear(unitId: number | null): Promise<Exemplar[]> {
    const y = await year()
    const out: Exemplar[] = []
    for (let at = 0; ; at += 500) {
      const p = await call('exemplars:list', { unitId, year: y, offset: at, limit: 500 })
      out.push(...p.rows)
      if (out.length >= p.total || p.rows.length === 0) return out
    }
  }

  /** People on file by name or card number, for the person of an exemplar. */
  async function searchPeople(q: string): Promise<PersonRow[]> {
    if (!q.trim()) return []
    return (
      await call('people:list', { unitId: null, includeSubunits: true, q: q.trim(), limit: 30 })
    ).rows
  }

  async function loadAwards(unitId: number | null): Promise<void> {
    awards.value = await call('exemplars:listAwards', { year: await year(), unitId })
  }

  /** The warnings a decision would get, before it is saved. */
  const checkAward = (fields: AwardFields): Promise<string[]> =>
    call('exemplars:checkAward', plainAward(fields))

  async function createAward(fields: AwardFields): Promise<AwardSaved> {
    const r = await call('exemplars:createAward', plainAward(fields))
    await Promise.all([loadAwards(null), reloadList()])
    return r
  }

  async function deleteAward(id: number): Promise<void> {
    await call('exemplars:deleteAward', { id })
    await loadAwards(null)
  }

  const listPowers = (): Promise<AwardPower[]> => call('exemplars:listPowers', null)
  const savePowers = (powers: AwardPower[]): Promise<AwardPower[]> =>
    call('exemplars:savePowers', powers)

  async function candidates(unitId: number): Promise<ExemplarCandidate[]> {
    return call('exemplars:candidates', { unitId, year: await year() })
  }

  /** Counts of the working year, rolled up from a unit (null: the whole tree). */
  async function loadCounts(unitId: number | null): Promise<ExemplarCounts> {
    const y = await year()
    const c = await call('exemplars:counts', { unitId, fromYear: y, toYear: y })
    counts.value = c
    return c
  }

  /** The whole organisation's counts of the working year (Tổng quan), not kept in the store. */
  async function yearTotals(): Promise<{ year: number; counts: ExemplarCounts }> {
    const y = await year()
    return {
      year: y,
      counts: await call('exemplars:counts', { unitId: null, fromYear: y, toYear: y })
    }
  }

  /** "Danh sách đề nghị khen thưởng" of a unit; the main process asks where; null when cancelled. */
  async function exportProposals(
    unitId: number,
    place: string
  ): Promise<{ path: string; rows: number } | null> {
    return call('exemplars:exportProposals', {
      unitId,
      year: await year(),
      place: place.trim() || undefined
    })
  }

  /** Reads a filled proposal list the user picks; null when cancelled. */
  async function previewProposals(unitId: number): Promise<ProposalImportPreview | null> {
    return call('exemplars:previewProposals', { unitId, year: await year() })
  }

  async function applyProposals(
    unitId: number,
    p: ProposalImportPreview
  ): Promise<ProposalImportResult> {
    const r = await call('exemplars:applyProposals', {
      unitId,
      year: await year(),
      token: p.token,
      fingerprint: p.fingerprint
    })
    await reloadList()
    return r
  }

  return {
    movements,
    filter,
    rows,
    total,
    offset,
    awards,
    counts,
    loadMovements,
    saveMovement,
    deleteMovement,
    loadList,
    reloadList,
    saveExemplar,
    deleteExemplar,
    setStatus,
    exemplarsOfYear,
    searchPeople,
    loadAwards,
    checkAward,
    createAward,
    deleteAward,
    listPowers,
    savePowers,
    candidates,
    loadCounts,
    yearTotals,
    exportProposals,
    previewProposals,
    applyProposals
  }
})
