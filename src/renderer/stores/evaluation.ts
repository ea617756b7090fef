import { defineStore } from 'pinia'
import { ref } from 'vue'
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

  /**
   * Saves one or more members' changes. The core answers with what changed (the saved rows,
   * their units' groups, the totals and quota), patched into the sheet in place: a row object
   * keeps its identity, so only the table rows whose values changed render again.
   */
  async function save(entries: EvaluationEntry[]): Promise<void> {
    const s = sheet.value
    if (!s || entries.length === 0) return
    const r = await call('evaluation:save', { year: s.year, unitId: s.unit.id, entries })
    if (sheet.value !== s) return
    const saved = new Set(entries.map((e) => e.personId))
    const fresh = new Map(r.rows.map((row) => [row.personId, row]))
    const at = new Map<number, number>()
    const touched = new Set(r.groups.map((g) => g.unitId))
    s.rows.forEach((row, i) => {
      if (!saved.has(row.personId)) return
      at.set(row.personId, i)
      touched.add(row.unitId)
    })
    // A row or a group this sheet did not show (a save through another door): read it whole.
    if (
      r.rows.some((row) => !at.has(row.personId)) ||
      r.groups.some((g) => !s.groups.some((x) => x.unitId === g.unitId))
    ) {
      await load(s.unit.id)
      return
    }
    for (const [id, i] of at) {
      const row = fresh.get(id)
      if (row) Object.assign(s.rows[i], row)
    }
    // A member no longer on the sheet (left, every rating cleared) goes from it.
    if (fresh.size < at.size)
      s.rows = s.rows.filter((row) => !saved.has(row.personId) || fresh.has(row.personId))
    const groups = new Map(r.groups.map((g) => [g.unitId, g]))
    if (s.groups.some((g) => touched.has(g.unitId) && !groups.has(g.unitId)))
      s.groups = s.groups.filter((g) => !touched.has(g.unitId) || groups.has(g.unitId))
    s.groups.forEach((g, i) => {
      const next = groups.get(g.unitId)
      if (next) s.groups[i] = next
    })
    s.totals = r.totals
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
