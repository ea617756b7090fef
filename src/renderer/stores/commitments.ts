import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  Commitment,
  CommitmentBulkResult,
  CommitmentItem,
  CommitmentPerson,
  CommitmentResultCode,
  CommitmentReview,
  CommitmentReviewDetail,
  CommitmentReviewFields,
  CommitmentRoster,
  CommitmentStatus,
  CommitmentTemplate,
  CommitmentUnitExportResult
} from '@shared/api'
import { call } from '../api'
import { useAppStore } from './app'

/** Plain copies: reactive proxies cannot cross IPC (structured clone refuses them). */
const plain = (items: CommitmentItem[]): CommitmentItem[] =>
  items.map((i) => ({
    heading: i.heading,
    content: i.content,
    tasks: i.tasks,
    measures: i.measures,
    deadline: i.deadline,
    expected: i.expected
  }))

/**
 * Commitments of the app's working year (the app store's, shared by every view): a unit's
 * roster, its template and reviews, and the person open in the drawer.
 */
export const useCommitmentsStore = defineStore('commitments', () => {
  const app = useAppStore()
  const unitId = ref<number | null>(null)
  const roster = shallowRef<CommitmentRoster | null>(null)
  const reviews = ref<CommitmentReview[]>([])
  const status = shallowRef<CommitmentStatus | null>(null)
  const person = shallowRef<CommitmentPerson | null>(null)

  const year = () => app.ensureYear()

  async function loadUnit(id: number | null): Promise<void> {
    unitId.value = id
    if (id === null) {
      roster.value = null
      reviews.value = []
      return
    }
    const y = await year()
    const [r, list] = await Promise.all([
      call('commitments:roster', { year: y, unitId: id }),
      call('commitments:listReviews', { year: y, unitId: id })
    ])
    // The user may have picked another unit while this was loading.
    if (unitId.value !== id) return
    roster.value = r
    reviews.value = list
  }

  const reload = () => loadUnit(unitId.value)

  async function loadStatus(scope: number | null): Promise<CommitmentStatus> {
    const s = await call('commitments:status', { year: await year(), unitId: scope })
    status.value = s
    return s
  }

  async function template(id: number): Promise<CommitmentTemplate> {
    return call('commitments:template', { unitId: id, year: await year() })
  }

  async function saveTemplate(id: number, items: CommitmentItem[]): Promise<CommitmentTemplate> {
    return call('commitments:saveTemplate', { unitId: id, year: await year(), items: plain(items) })
  }

  async function bulk(id: number, madeOn: string | null): Promise<CommitmentBulkResult> {
    const r = await call('commitments:bulk', { unitId: id, year: await year(), madeOn })
    await reload()
    return r
  }

  async function openPerson(personId: number): Promise<CommitmentPerson> {
    const p = await call('commitments:person', { personId, year: await year() })
    person.value = p
    return p
  }

  async function refreshPerson(): Promise<void> {
    if (person.value) await openPerson(person.value.personId)
  }

  async function save(
    personId: number,
    madeOn: string | null,
    items: CommitmentItem[]
  ): Promise<Commitment> {
    const c = await call('commitments:save', {
      personId,
      year: await year(),
      madeOn,
      items: plain(items)
    })
    await Promise.all([refreshPerson(), reload()])
    return c
  }

  async function remove(personId: number): Promise<void> {
    await call('commitments:delete', { personId, year: await year() })
    await Promise.all([refreshPerson(), reload()])
  }

  async function setResult(
    personId: number,
    result: CommitmentResultCode | null,
    note: string | null
  ): Promise<Commitment> {
    const c = await call('commitments:setResult', { personId, year: await year(), result, note })
    await Promise.all([refreshPerson(), reload()])
    return c
  }

  const getReview = (id: number): Promise<CommitmentReviewDetail> =>
    call('commitments:getReview', { id })

  /** Records a new review (id undefined) or replaces one. */
  async function saveReview(
    id: number | undefined,
    fields: CommitmentReviewFields
  ): Promise<CommitmentReviewDetail> {
    const r =
      id === undefined
        ? await call('commitments:createReview', fields)
        : await call('commitments:updateReview', { id, fields })
    await reload()
    return r
  }

  async function deleteReview(id: number): Promise<void> {
    await call('commitments:deleteReview', { id })
    await reload()
  }

  async function exportOne(personId: number, place: string): Promise<{ path: string } | null> {
    return call('commitments:export', {
      personId,
      year: await year(),
      place: place.trim() || undefined
    })
  }

  /** The commitments of a unit's own people in one workbook, one sheet each; null when cancelled. */
  /** The status table per unit (the whole organisation, as shown), to .xlsx; null when cancelled. */
  async function exportStatus(place: string) {
    return call('commitments:exportStatus', {
      year: await year(),
      unitId: null,
      place: place.trim() || undefined
    })
  }

  async function exportUnit(id: number, place: string): Promise<CommitmentUnitExportResult | null> {
    return call('commitments:exportUnit', {
      unitId: id,
      year: await year(),
      place: place.trim() || undefined
    })
  }

  return {
    unitId,
    roster,
    reviews,
    status,
    person,
    loadUnit,
    reload,
    loadStatus,
    template,
    saveTemplate,
    bulk,
    openPerson,
    save,
    remove,
    setResult,
    getReview,
    saveReview,
    deleteReview,
    exportOne,
    exportUnit,
    exportStatus
  }
})
