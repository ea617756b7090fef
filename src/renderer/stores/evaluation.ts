import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type {
  EvaluationEntry,
  EvaluationFill,
  EvaluationImportPreview,
  EvaluationImportResult,
  EvaluationRow,
  EvaluationRuleSet,
  EvaluationRuleSetInput,
  EvaluationSaveResult,
  EvaluationSheet
} from '@shared/api'
import { call } from '../api'
import { useAppStore } from './app'

/**
 * Writes into a row only the values the core's answer changes: the change shown at once is
 * usually already there, and an unchanged value (a warnings list, the commitment) written again
 * would render the row once more for nothing.
 */
function patchRow(row: EvaluationRow, fresh: EvaluationRow): void {
  const target = row as unknown as Record<string, unknown>
  for (const [key, value] of Object.entries(fresh)) {
    const was = target[key]
    if (was === value) continue
    if (typeof value === 'object' && JSON.stringify(was) === JSON.stringify(value)) continue
    target[key] = value
  }
}

/** The year-end rating of the working year: one unit's sheet, the rules of each year, import back. */
export const useEvaluationStore = defineStore('evaluation', () => {
  const app = useAppStore()
  const unitId = ref<number | null>(null)
  const sheet = ref<EvaluationSheet | null>(null)
  const loading = ref(false)
  const rules = ref<EvaluationRuleSet[]>([])
  /** Members whose change is shown but not yet saved: their row is marked until the core answers. */
  const saving = reactive(new Set<number>())

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
   * Saves one or more members' changes. They are shown at once, the rows marked "saving"
   * (`saving`) until the core answers; a refusal puts back what the rows showed before and
   * throws the core's message. The core answers with what changed (the saved rows, their
   * units' groups, the totals and quota), patched into the sheet in place: a row object keeps
   * its identity, so only the table rows whose values changed render again.
   */
  async function save(entries: EvaluationEntry[]): Promise<void> {
    const s = sheet.value
    if (!s || entries.length === 0) return
    const undo = showAtOnce(s, entries)
    let r: EvaluationSaveResult
    try {
      r = await call('evaluation:save', { year: s.year, unitId: s.unit.id, entries })
    } catch (e) {
      if (sheet.value === s) undo()
      throw e
    } finally {
      for (const e of entries) saving.delete(e.personId)
    }
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
      if (row) patchRow(s.rows[i], row)
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

  /**
   * Writes the entries into the rows they are for and marks them saving; gives what puts back
   * each value still as it was written (a later save of the same cell keeps its own value).
   */
  function showAtOnce(s: EvaluationSheet, entries: EvaluationEntry[]): () => void {
    const byId = new Map(s.rows.map((row) => [row.personId, row]))
    const undo: (() => void)[] = []
    for (const { personId, ...fields } of entries) {
      const row = byId.get(personId)
      if (!row) continue
      saving.add(personId)
      for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
        if (value === undefined) continue
        const before = row[key]
        ;(row as unknown as Record<string, unknown>)[key] = value
        undo.push(() => {
          if (row[key] === value) (row as unknown as Record<string, unknown>)[key] = before
        })
      }
    }
    return () => undo.forEach((f) => f())
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
    saving,
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
