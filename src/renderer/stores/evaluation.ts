import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  EvaluationEntry,
  EvaluationFill,
  EvaluationImportPreview,
  EvaluationImportResult,
  EvaluationRuleSet,
  EvaluationRuleSetInput,
  EvaluationSheet
} from '@shared/api'
import { call } from '../api'
import { useAppStore } from './app'

/** The year-end rating of the working year: one unit's sheet, the rules of each year, import back. */
export const useEvaluationStore = defineStore('evaluation', () => {
  const app = useAppStore()
  const unitId = ref<number | null>(null)
  const sheet = ref<EvaluationSheet | null>(null)
  const loading = ref(false)
  const rules = ref<EvaluationRuleSet[]>([])

  const overQuota = computed(() => sheet.value?.quota.filter((q) => q.over) ?? [])

  async function load(id: number | null = unitId.value): Promise<void> {
    unitId.value = id
    if (id === null) {
      sheet.value = null
      return
    }
    loading.value = true
    try {
      const year = await app.ensureYear()
      const s = await call('evaluation:sheet', { year, unitId: id })
      // The user may have picked another unit while this was loading.
      if (unitId.value === id) sheet.value = s
    } finally {
      loading.value = false
    }
  }

  /** Saves one or more members' changes; the rows, totals and quota come back from the core. */
  async function save(entries: EvaluationEntry[]): Promise<void> {
    const s = sheet.value
    if (!s || entries.length === 0) return
    const r = await call('evaluation:save', { year: s.year, unitId: s.unit.id, entries })
    if (sheet.value !== s) return
    const fresh = new Map(r.rows.map((row) => [row.personId, row]))
    s.rows = s.rows.map((row) => fresh.get(row.personId) ?? row)
    s.totals = r.totals
    s.groups = r.groups
    s.quota = r.quota
  }

  async function fill(kind: EvaluationFill, overwrite: boolean): Promise<number> {
    const s = sheet.value
    if (!s) return 0
    const r = await call('evaluation:fill', {
      year: s.year,
      unitId: s.unit.id,
      fill: kind,
      overwrite
    })
    sheet.value = r.sheet
    return r.changed
  }

  async function setGrassroots(value: boolean | null): Promise<void> {
    if (!sheet.value) return
    await call('evaluation:setGrassroots', { unitId: sheet.value.unit.id, value })
    await load()
  }

  async function loadRules(): Promise<void> {
    rules.value = await call('evaluation:listRules', null)
  }

  /** Creates a rule set (id null) or edits one. */
  async function saveRule(input: EvaluationRuleSetInput): Promise<EvaluationRuleSet> {
    const { id, ...fields } = input
    const saved =
      id === null
        ? await call('evaluation:createRule', fields)
        : await call('evaluation:updateRule', { id, fields })
    await loadRules()
    if (sheet.value) await load()
    return saved
  }

  async function deleteRule(id: number): Promise<void> {
    await call('evaluation:deleteRule', { id })
    await loadRules()
    if (sheet.value) await load()
  }

  async function exportSheet(place: string): Promise<{ path: string; rows: number } | null> {
    const s = sheet.value
    if (!s) return null
    return call('evaluation:export', {
      year: s.year,
      unitId: s.unit.id,
      place: place.trim() || undefined
    })
  }

  async function previewImport(): Promise<EvaluationImportPreview | null> {
    const year = await app.ensureYear()
    return call('evaluation:previewImport', { year })
  }

  async function applyImport(p: EvaluationImportPreview): Promise<EvaluationImportResult> {
    const year = await app.ensureYear()
    const r = await call('evaluation:applyImport', {
      year,
      token: p.token,
      fingerprint: p.fingerprint
    })
    await load()
    return r
  }

  return {
    unitId,
    sheet,
    loading,
    rules,
    overQuota,
    load,
    save,
    fill,
    setGrassroots,
    loadRules,
    saveRule,
    deleteRule,
    exportSheet,
    previewImport,
    applyImport
  }
})
