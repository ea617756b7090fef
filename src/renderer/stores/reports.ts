import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  Annex,
  IssuedReport,
  IssuedSummary,
  ReceivedPreview,
  ReceivedReport,
  ReportDraft,
  ReportNarrative,
  ReportPeriodInput,
  ReportPeriodSettings,
  ReportTracker
} from '@shared/api'
import { REPORT_SECTIONS } from '@shared/api'
import { call } from '../api'

/** Plain copies: reactive proxies cannot cross IPC (structured clone refuses them). */
const plainPeriod = (p: ReportPeriodInput): ReportPeriodInput => ({ ...p })
const plainNarrative = (n: ReportNarrative): ReportNarrative => {
  const out: ReportNarrative = {}
  for (const s of REPORT_SECTIONS) if (n[s]) out[s] = n[s]
  return out
}
const sameText = (a: ReportNarrative, b: ReportNarrative) =>
  REPORT_SECTIONS.every((s) => (a[s] ?? '').trim() === (b[s] ?? '').trim())

/**
 * Báo cáo for the unit and period the user chose: the office's text (as typed, and as last
 * saved), the annex with the user's choice of own records over a received annex for some
 * sub-units (`useOwn`), who has sent their annex up, and the reports issued.
 */
export const useReportsStore = defineStore('reports', () => {
  const unitId = ref<number | null>(null)
  const period = ref<ReportPeriodInput | null>(null)
  const periods = ref<ReportPeriodSettings | null>(null)
  const annex = shallowRef<Annex | null>(null)
  const draft = shallowRef<ReportDraft | null>(null)
  /** What the user is typing; `draft.narrative` is what is saved (or offered). */
  const narrative = ref<ReportNarrative>({})
  const useOwn = ref<number[]>([])
  const tracker = shallowRef<ReportTracker | null>(null)
  const issued = ref<IssuedSummary[]>([])

  /** Where the exported documents say they were written ("<Place>, ngày …"). */
  const place = ref('')

  /** Text typed and not saved (the text offered from the last period is offered again). */
  const dirty = computed(
    () => draft.value !== null && !sameText(narrative.value, draft.value.narrative)
  )

  const chosen = () =>
    unitId.value !== null && period.value !== null
      ? { unitId: unitId.value, period: plainPeriod(period.value) }
      : null

  /** The report of working year `year` due next for a unit (the rule of Tổng quan's card). */
  async function duePeriod(id: number, year: number): Promise<ReportPeriodInput> {
    const due = await call('reports:duePeriod', { unitId: id, year })
    return { kind: due.kind, year }
  }

  async function loadPeriods(): Promise<void> {
    periods.value = await call('reports:getPeriods', null)
  }

  async function savePeriods(next: ReportPeriodSettings): Promise<void> {
    periods.value = await call('reports:savePeriods', {
      h1: { ...next.h1 },
      year: { ...next.year }
    })
    // The days of the chosen period may have moved.
    await loadAll()
  }

  async function loadAnnex(): Promise<void> {
    const c = chosen()
    if (!c) return
    const a = await call('reports:annex', { ...c, useOwn: [...useOwn.value] })
    if (JSON.stringify(chosen()) === JSON.stringify(c)) annex.value = a
  }

  async function loadDraft(): Promise<void> {
    const c = chosen()
    if (!c) return
    const d = await call('reports:getDraft', c)
    if (JSON.stringify(chosen()) !== JSON.stringify(c)) return
    draft.value = d
    narrative.value = { ...d.narrative }
  }

  /** The tracker holds for the two set periods only: a custom range has no due date. */
  async function loadTracker(): Promise<void> {
    const c = chosen()
    if (!c || c.period.kind === 'custom') {
      tracker.value = null
      return
    }
    const t = await call('reports:tracker', {
      unitId: c.unitId,
      period: { kind: c.period.kind, year: c.period.year }
    })
    if (JSON.stringify(chosen()) === JSON.stringify(c)) tracker.value = t
  }

  async function loadIssued(): Promise<void> {
    if (unitId.value === null) return
    const id = unitId.value
    const list = await call('reports:listIssued', { unitId: id })
    if (unitId.value === id) issued.value = list
  }

  /** A new unit or period: what was chosen for the last one no longer applies. */
  async function choose(next: { unitId: number; period: ReportPeriodInput }): Promise<void> {
    unitId.value = next.unitId
    period.value = plainPeriod(next.period)
    useOwn.value = []
    await loadAll()
  }

  async function loadAll(): Promise<void> {
    await Promise.all([loadAnnex(), loadDraft(), loadTracker(), loadIssued()])
  }

  async function setUseOwn(id: number, own: boolean): Promise<void> {
    useOwn.value = own ? [...new Set([...useOwn.value, id])] : useOwn.value.filter((x) => x !== id)
    await loadAnnex()
  }

  async function saveDraft(): Promise<ReportDraft> {
    const c = chosen()
    if (!c) throw new Error('Chưa chọn đơn vị và kỳ báo cáo.')
    const d = await call('reports:saveDraft', { ...c, narrative: plainNarrative(narrative.value) })
    draft.value = d
    narrative.value = { ...d.narrative }
    return d
  }

  /**
   * The place the unit writes its documents at, for the issue dialog: what is typed on the page,
   * else the place of the unit's last report issued with one.
   */
  const usualPlace = computed(
    () => place.value.trim() || issued.value.find((r) => r.place)?.place || ''
  )

  /**
   * Saves the text first, so that what stays in the app is what was issued. The place is kept
   * with the report, and becomes the page's place when none is typed there.
   */
  async function issue(number: string, issuedOn: string, at = ''): Promise<IssuedReport> {
    const c = chosen()
    if (!c) throw new Error('Chưa chọn đơn vị và kỳ báo cáo.')
    await saveDraft()
    const r = await call('reports:issue', {
      ...c,
      number,
      issuedOn,
      narrative: plainNarrative(narrative.value),
      useOwn: [...useOwn.value],
      ...(at.trim() ? { place: at.trim() } : {})
    })
    if (!place.value.trim() && at.trim()) place.value = at.trim()
    await Promise.all([loadIssued(), loadDraft()])
    return r
  }

  async function exportAnnex(): Promise<{ path: string } | null> {
    const c = chosen()
    if (!c) return null
    return call('reports:exportAnnex', {
      ...c,
      useOwn: [...useOwn.value],
      place: place.value.trim() || undefined
    })
  }

  /** The report as a Word document: the saved text (saved first when changed) and today's figures. */
  async function exportWord(): Promise<{ path: string } | null> {
    const c = chosen()
    if (!c) return null
    if (dirty.value) await saveDraft()
    return call('reports:exportWord', {
      ...c,
      useOwn: [...useOwn.value],
      place: place.value.trim() || undefined
    })
  }

  /** The sub-units late with their annex for the period, as a list to chase them with. */
  async function exportLate(): Promise<{ path: string } | null> {
    const c = chosen()
    if (!c || c.period.kind === 'custom') return null
    return call('reports:exportLate', {
      unitId: c.unitId,
      period: { kind: c.period.kind, year: c.period.year },
      place: place.value.trim() || undefined
    })
  }

  async function previewReceived(): Promise<ReceivedPreview | null> {
    return call('reports:previewReceived', { parentId: unitId.value })
  }

  async function receive(token: string, into: number): Promise<ReceivedReport> {
    const r = await call('reports:receive', { token, unitId: into })
    await Promise.all([loadTracker(), loadAnnex()])
    return r
  }

  const getIssued = (id: number) => call('reports:getIssued', { id })

  const exportIssuedAnnex = (id: number) =>
    call('reports:exportIssuedAnnex', { id, place: place.value.trim() || undefined })

  const exportIssuedWord = (id: number) =>
    call('reports:exportIssuedWord', { id, place: place.value.trim() || undefined })

  return {
    unitId,
    period,
    periods,
    annex,
    draft,
    narrative,
    useOwn,
    tracker,
    issued,
    place,
    usualPlace,
    dirty,
    duePeriod,
    loadPeriods,
    savePeriods,
    loadAnnex,
    loadTracker,
    loadIssued,
    choose,
    loadAll,
    setUseOwn,
    saveDraft,
    issue,
    exportAnnex,
    exportWord,
    exportLate,
    previewReceived,
    receive,
    getIssued,
    exportIssuedAnnex,
    exportIssuedWord
  }
})
