import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  DocumentInput,
  FindingKind,
  Inspection,
  InspectionFields,
  InspectionStatus,
  InspectionSummary,
  PlanItem,
  PlanItemFields,
  Recommendation,
  RecommendationFields
} from '@shared/api'
import { todayIso } from '@shared/partial-date'
import { call } from '../api'
import { useAppStore } from './app'

/**
 * Kiểm tra, giám sát of the working year: the plan, the inspections, the recommendations with
 * their status as of today, and the one inspection open in the drawer.
 */
export const useInspectionsStore = defineStore('inspections', () => {
  const app = useAppStore()
  const plan = ref<PlanItem[]>([])
  const inspections = ref<InspectionSummary[]>([])
  const recommendations = ref<Recommendation[]>([])
  const current = ref<Inspection | null>(null)
  const loading = ref(false)

  const late = computed(() => recommendations.value.filter((r) => r.status === 'late'))

  async function load(): Promise<void> {
    loading.value = true
    try {
      const year = await app.ensureYear()
      const today = todayIso()
      const [p, i, r] = await Promise.all([
        call('inspections:listPlanItems', { year, today }),
        call('inspections:list', { year, today }),
        call('inspections:listRecommendations', { unitId: null, asOf: today })
      ])
      plan.value = p
      inspections.value = i
      recommendations.value = r
    } finally {
      loading.value = false
    }
  }

  async function open(id: number): Promise<Inspection> {
    current.value = await call('inspections:get', { id, today: todayIso() })
    return current.value
  }

  /** Reloads the lists and, when one is open, the open inspection. */
  async function refresh(): Promise<void> {
    await load()
    if (current.value) await open(current.value.id)
  }

  async function savePlanItem(id: number | null, fields: PlanItemFields): Promise<void> {
    if (id === null) await call('inspections:createPlanItem', fields)
    else await call('inspections:updatePlanItem', { id, fields })
    await load()
  }

  async function deletePlanItem(id: number): Promise<void> {
    await call('inspections:deletePlanItem', { id })
    await load()
  }

  async function saveInspection(id: number | null, fields: InspectionFields): Promise<Inspection> {
    const saved =
      id === null
        ? await call('inspections:create', fields)
        : await call('inspections:update', { id, fields })
    await load()
    if (current.value?.id === saved.id) current.value = saved
    return saved
  }

  async function setStatus(id: number, status: InspectionStatus): Promise<void> {
    current.value = await call('inspections:setStatus', { id, status })
    await load()
  }

  async function addDocument(input: DocumentInput): Promise<boolean> {
    const d = await call('inspections:addDocument', input)
    if (d === null) return false
    await refresh()
    return true
  }

  async function deleteDocument(id: number): Promise<void> {
    await call('inspections:deleteDocument', { id })
    await refresh()
  }

  async function saveDocumentFile(id: number): Promise<string | null> {
    return (await call('inspections:saveDocumentFile', { id }))?.path ?? null
  }

  async function saveFindings(
    inspectionId: number,
    findings: { kind: FindingKind; text: string }[]
  ): Promise<void> {
    await call('inspections:saveFindings', { inspectionId, findings })
    await refresh()
  }

  async function addRecommendation(fields: RecommendationFields): Promise<void> {
    await call('inspections:createRecommendation', fields)
    await refresh()
  }

  async function markDone(id: number, doneOn: string | null, note: string | null): Promise<void> {
    await call('inspections:setRecommendationDone', { id, doneOn, note })
    await refresh()
  }

  /** A unit's recommendations not yet done (its page in "Tổ chức đảng"). */
  function openFor(unitId: number): Promise<Recommendation[]> {
    return call('inspections:listRecommendations', { unitId, openOnly: true, asOf: todayIso() })
  }

  function lateNow(): Promise<Recommendation[]> {
    return call('inspections:listRecommendations', {
      unitId: null,
      lateOnly: true,
      asOf: todayIso()
    })
  }

  async function exportPlan(unitId: number): Promise<string | null> {
    const year = await app.ensureYear()
    return (await call('inspections:exportPlan', { year, unitId, today: todayIso() }))?.path ?? null
  }

  async function exportRecommendations(unitId: number): Promise<string | null> {
    const year = await app.ensureYear()
    return (
      (await call('inspections:exportRecommendations', { year, unitId, asOf: todayIso() }))?.path ??
      null
    )
  }

  async function exportDraft(id: number, draft: 'decision' | 'conclusion'): Promise<string | null> {
    return (await call('inspections:exportDraft', { id, draft }))?.path ?? null
  }

  return {
    plan,
    inspections,
    recommendations,
    current,
    loading,
    late,
    load,
    open,
    refresh,
    savePlanItem,
    deletePlanItem,
    saveInspection,
    setStatus,
    addDocument,
    deleteDocument,
    saveDocumentFile,
    saveFindings,
    addRecommendation,
    markDone,
    openFor,
    lateNow,
    exportPlan,
    exportRecommendations,
    exportDraft
  }
})
