import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  AnniversaryFields,
  AnniversaryOfYear,
  PersonRow,
  PressWork,
  PressWorkFields,
  PropagandaActivity,
  PropagandaActivityFields,
  PropagandaCountsResult,
  PropagandaExportResult,
  PropagandaListInput
} from '@shared/api'
import { todayIso } from '@shared/partial-date'
import { call } from '../api'
import { useAppStore } from './app'

/** Plain copies: reactive proxies cannot cross IPC (structured clone refuses them). */
const plainWork = (f: PressWorkFields): PressWorkFields => ({
  ...f,
  authors: f.authors.map((a) => ({ personId: a.personId, name: a.name }))
})

/**
 * Tuyên truyền of the app's working year: its anniversaries, the activity list under the filters
 * the user chose, the press works of the award year, the counts of a period, and what Tổng quan
 * shows (the next anniversaries and the year's counts).
 */
export const usePropagandaStore = defineStore('propaganda', () => {
  const app = useAppStore()
  const anniversaries = ref<AnniversaryOfYear[]>([])
  const activities = ref<PropagandaActivity[]>([])
  const activityFilter = ref<PropagandaListInput | null>(null)
  const works = ref<PressWork[]>([])
  const worksUnitId = ref<number | null>(null)
  const counts = shallowRef<PropagandaCountsResult | null>(null)
  const countsInput = ref<{ unitId: number | null; from: string; to: string } | null>(null)
  const upcoming = ref<AnniversaryOfYear[]>([])
  const yearCounts = shallowRef<PropagandaCountsResult | null>(null)

  const year = () => app.ensureYear()

  async function loadAnniversaries(): Promise<void> {
    anniversaries.value = await call('propaganda:listAnniversaries', { year: await year() })
  }

  async function saveAnniversary(id: number | undefined, fields: AnniversaryFields) {
    const a =
      id === undefined
        ? await call('propaganda:createAnniversary', { ...fields })
        : await call('propaganda:updateAnniversary', { id, fields: { ...fields } })
    await loadAnniversaries()
    return a
  }

  async function deleteAnniversary(id: number): Promise<void> {
    await call('propaganda:deleteAnniversary', { id })
    await loadAnniversaries()
  }

  async function loadActivities(filter: PropagandaListInput): Promise<void> {
    activityFilter.value = { ...filter }
    const list = await call('propaganda:listActivities', { ...filter })
    // The user may have changed the filters while this was loading.
    if (activityFilter.value && JSON.stringify(activityFilter.value) !== JSON.stringify(filter))
      return
    activities.value = list
  }

  /** After a change: the list, the anniversaries' activity counts and the counts shown. */
  async function afterActivityChange(): Promise<void> {
    await Promise.all([
      activityFilter.value ? loadActivities(activityFilter.value) : null,
      loadAnniversaries(),
      countsInput.value ? loadCounts(countsInput.value) : null
    ])
  }

  async function saveActivity(
    id: number | undefined,
    fields: PropagandaActivityFields
  ): Promise<PropagandaActivity> {
    const a =
      id === undefined
        ? await call('propaganda:createActivity', { ...fields })
        : await call('propaganda:updateActivity', { id, fields: { ...fields } })
    await afterActivityChange()
    return a
  }

  async function deleteActivity(id: number): Promise<void> {
    await call('propaganda:deleteActivity', { id })
    await afterActivityChange()
  }

  /** The works of the working year's award (published 1/11 of the year before – 31/10). */
  async function loadWorks(unitId: number | null): Promise<void> {
    worksUnitId.value = unitId
    const list = await call('propaganda:listPressWorks', { unitId, awardYear: await year() })
    if (worksUnitId.value === unitId) works.value = list
  }

  async function saveWork(id: number | undefined, fields: PressWorkFields): Promise<PressWork> {
    const w =
      id === undefined
        ? await call('propaganda:createPressWork', plainWork(fields))
        : await call('propaganda:updatePressWork', { id, fields: plainWork(fields) })
    await Promise.all([
      loadWorks(worksUnitId.value),
      countsInput.value ? loadCounts(countsInput.value) : null
    ])
    return w
  }

  async function deleteWork(id: number): Promise<void> {
    await call('propaganda:deletePressWork', { id })
    await loadWorks(worksUnitId.value)
  }

  async function loadCounts(input: { unitId: number | null; from: string; to: string }) {
    countsInput.value = { ...input }
    const r = await call('propaganda:counts', { ...input })
    if (JSON.stringify(countsInput.value) === JSON.stringify(input)) counts.value = r
  }

  /** People on file whose names match, for the authors of a work. */
  async function findPeople(q: string): Promise<PersonRow[]> {
    if (!q.trim()) return []
    return (await call('people:list', { unitId: null, includeSubunits: true, q, limit: 10 })).rows
  }

  /** Tổng quan: the anniversaries still to come this year (from today) and the year's counts. */
  async function loadOverview(limit = 5): Promise<void> {
    const y = await year()
    const today = todayIso()
    // In a working year other than this one, its anniversaries from its first day.
    const from = today.startsWith(String(y)) ? today : `${y}-01-01`
    const [next, c] = await Promise.all([
      call('propaganda:upcoming', { today: from, limit }),
      call('propaganda:counts', { unitId: null, from: `${y}-01-01`, to: `${y}-12-31` })
    ])
    upcoming.value = next
    yearCounts.value = c
  }

  async function exportAnniversaries(
    unitId: number | null,
    place: string
  ): Promise<PropagandaExportResult | null> {
    return call('propaganda:exportAnniversaries', {
      year: await year(),
      unitId,
      place: place.trim() || undefined
    })
  }

  async function exportActivities(
    filter: PropagandaListInput,
    place: string
  ): Promise<PropagandaExportResult | null> {
    return call('propaganda:exportActivities', { ...filter, place: place.trim() || undefined })
  }

  return {
    anniversaries,
    activities,
    works,
    counts,
    upcoming,
    yearCounts,
    loadAnniversaries,
    saveAnniversary,
    deleteAnniversary,
    loadActivities,
    saveActivity,
    deleteActivity,
    loadWorks,
    saveWork,
    deleteWork,
    loadCounts,
    findPeople,
    loadOverview,
    exportAnniversaries,
    exportActivities
  }
})
