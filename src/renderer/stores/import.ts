// The member-list import wizard: one file at a time, from choosing it to the import and its undo.
// The core keeps the file in a preview session; this store keeps the user's choices (sheets,
// column mapping, units, kind) and asks the core what they would do.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  ImportField,
  ImportOpenOutput,
  ImportPreview,
  ImportPreviewInput,
  ImportProblem,
  ImportProgress,
  ImportRowAction,
  ImportRowPlan,
  ImportSheetInfo,
  ImportSummary,
  PersonKind
} from '@shared/api'
import { ApiFailure, call, failureMessage } from '../api'
import { useJobProgress } from '../composables/use-job-progress'
import { usePagedList } from '../composables/use-paged-list'
import { useImportHistoryStore } from './import-history'

export const STEPS = ['file', 'sheets', 'mapping', 'preview', 'import'] as const
export type ImportStep = (typeof STEPS)[number]

/** What the core is busy with; the wizard shows a progress state and disables its buttons. */
export type ImportBusy = 'open' | 'layout' | 'preview' | 'commit' | 'export' | 'undo' | null
/** The part of that the wizard itself starts (an undo is started from the history). */
type WizardTask = Exclude<ImportBusy, 'undo'>

export type RowFilter = ImportRowAction | 'problems' | 'all'

/** Rows and problems are fetched a page at a time: a list can hold tens of thousands of rows. */
export const PREVIEW_PAGE = 50

/** How often the core is asked how far a long call has got. */
export const PROGRESS_POLL_MS = 200

/** An id for an open, chosen here so its progress can be asked for before the core answers. */
function newRequestId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function')
    return crypto.randomUUID()
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`
}

export const useImportStore = defineStore('import', () => {
  const history = useImportHistoryStore()
  const step = ref<ImportStep>('file')
  const task = ref<WizardTask>(null)
  /** An undo from the history keeps the wizard waiting too: both change the same people. */
  const busy = computed<ImportBusy>(() => task.value ?? (history.undoing ? 'undo' : null))
  /** Why the chosen file was refused (the core's Vietnamese message), shown on the first step. */
  const openError = ref<{ code: string; message: string } | null>(null)
  const opened = shallowRef<ImportOpenOutput | null>(null)

  // ------------------------------------------------------------ the user's choices
  /** Sheet index → include it or not; absent: the core's default (sheets it can read). */
  const include = ref<Record<number, boolean>>({})
  /** Sheet index → column index → field the user chose instead of the detected one. */
  const overrides = ref<Record<number, Record<number, ImportField | null>>>({})
  const kind = ref<PersonKind>('member')
  /** Unit for rows whose unit the file does not name (also overrides a unit named only in titles). */
  const unitId = ref<number | null>(null)
  /** Parent of the units the file names that do not exist yet. */
  const parentUnitId = ref<number | null>(null)
  /** Unit name as written → existing unit id, or null: create it. Absent: automatic. */
  const unitChoices = ref<Record<string, number | null>>({})
  /** Names the user gave units the import will create, by the name in the file. */
  const unitRenames = ref<Record<string, string>>({})

  // ------------------------------------------------------------ the preview
  const preview = shallowRef<ImportPreview | null>(null)
  const rowFilter = ref<RowFilter>('all')
  /** Every row's plan, a page at a time, narrowed by a filter. */
  const rowPages = usePagedList<ImportRowPlan, RowFilter>(async (offset, filter) => {
    const out = await fetchPreview({ offset, filter: filter === 'all' ? undefined : filter })
    if (!out) return null
    preview.value = out
    rowFilter.value = filter
    return { items: out.rows, total: out.rowsTotal }
  })
  const problemPages = usePagedList<ImportProblem>(async (offset) => {
    const out = await fetchPreview({ offset })
    if (!out) return null
    preview.value = out
    return { items: out.problems, total: out.problemsTotal }
  })
  /** The preview is older than the choices (a mapping changed): it must be asked for again. */
  const stale = ref(true)

  const summary = shallowRef<ImportSummary | null>(null)
  const exported = shallowRef<{ path: string; rows: number } | null>(null)

  /** How far the open, preview, commit or export in flight has got (asked every PROGRESS_POLL_MS). */
  const job = useJobProgress<ImportProgress>({
    progress: (id) => call('import:progress', { sessionId: id }),
    cancel: (id) => call('import:cancel', { sessionId: id }),
    intervalMs: PROGRESS_POLL_MS
  })
  /** The user asked to stop the commit or the export; the core's answer tells whether it stopped. */
  const cancelling = ref(false)
  /** Sheet index → 1-based row where the user says the column headers begin. */
  const headerRows = ref<Record<number, number>>({})
  /** Why the header row typed for a sheet was refused (Vietnamese), by sheet index. */
  const headerErrors = ref<Record<number, string>>({})

  // A new file, a cancel or a reset bumps the generation: answers to older requests are dropped.
  let generation = 0

  const sheets = computed<ImportSheetInfo[]>(() => opened.value?.sheets ?? [])

  function isIncluded(sheet: ImportSheetInfo): boolean {
    return include.value[sheet.index] ?? sheet.skippedReason === null
  }
  function fieldOf(sheetIndex: number, column: number): ImportField | null {
    const o = overrides.value[sheetIndex]
    if (o && column in o) return o[column]
    return sheets.value[sheetIndex]?.columns.find((c) => c.index === column)?.field ?? null
  }
  const includedSheets = computed(() => sheets.value.filter(isIncluded))

  /** Per included sheet, why its mapping cannot be used yet (Vietnamese), if it cannot. */
  const mappingProblems = computed(() => {
    const out: { sheet: string; message: string }[] = []
    for (const s of includedSheets.value) {
      const fields = s.columns.map((c) => fieldOf(s.index, c.index))
      if (!fields.includes('fullName') && !fields.includes('givenName')) {
        out.push({
          sheet: s.name,
          message: `Trang "${s.name}": chưa có cột nào ghép vào "Họ và tên".`
        })
      }
    }
    return out
  })

  function previewInput(extra: Partial<ImportPreviewInput> = {}): ImportPreviewInput {
    const input: ImportPreviewInput = {
      sessionId: opened.value?.sessionId ?? '',
      sheets: sheets.value.map((s) => {
        const choice: {
          index: number
          include: boolean
          headerRow?: number
          mapping?: Record<string, ImportField | null>
        } = {
          index: s.index,
          include: isIncluded(s)
        }
        const header = headerRows.value[s.index]
        if (header !== undefined) choice.headerRow = header
        const o = overrides.value[s.index]
        if (o && Object.keys(o).length > 0)
          choice.mapping = Object.fromEntries(Object.entries(o).map(([c, f]) => [String(c), f]))
        return choice
      }),
      unitId: unitId.value,
      parentUnitId: parentUnitId.value,
      kind: kind.value
    }
    // A renamed unit is one to create (unitId null) with the name the user typed.
    const named = new Set([...Object.keys(unitChoices.value), ...Object.keys(unitRenames.value)])
    const choices = [...named].map((name) => ({
      name,
      unitId: unitChoices.value[name] ?? null,
      ...(unitRenames.value[name] && !unitChoices.value[name]
        ? { createName: unitRenames.value[name] }
        : {})
    }))
    if (choices.length > 0) input.unitChoices = choices
    return { ...input, ...extra }
  }

  function clearChoices(): void {
    include.value = {}
    overrides.value = {}
    headerRows.value = {}
    headerErrors.value = {}
    kind.value = 'member'
    unitId.value = null
    unitChoices.value = {}
    unitRenames.value = {}
    preview.value = null
    rowPages.clear()
    rowFilter.value = 'all'
    problemPages.clear()
    stale.value = true
    summary.value = null
    exported.value = null
  }

  /** Frees the core's copy of the file (a large list takes memory there). */
  function closeSession(sessionId: string | undefined): void {
    if (sessionId) call('import:close', { sessionId }).catch(() => undefined)
  }

  // ------------------------------------------------------------ cancel
  /**
   * Stops the open or preview in flight (the core refuses it with CANCELLED at its next step, and
   * the wizard stops waiting at once), or asks the commit or the export to stop and waits for its
   * answer: a commit stops only before it starts writing; an export stops and removes what it wrote.
   */
  function cancel(): void {
    if (task.value === 'commit' || task.value === 'export') {
      if (!cancelling.value && job.cancel()) cancelling.value = true
      return
    }
    if (task.value !== 'open' && task.value !== 'preview') return
    job.cancel()
    generation++
    task.value = null
    job.stop()
  }

  // ------------------------------------------------------------ step 1: the file
  /**
   * Asks the user for a file (native dialog) and reads it. Returns false when the user closed the
   * dialog, cancelled the reading, or the file was refused (then openError says why).
   */
  async function open(): Promise<boolean> {
    const gen = ++generation
    openError.value = null
    task.value = 'open'
    const requestId = newRequestId()
    try {
      const out = await job.run(requestId, () => call('import:open', { requestId }))
      if (gen !== generation) {
        // Cancelled while reading: nobody wants this session.
        closeSession(out?.sessionId)
        return false
      }
      if (!out) return false
      closeSession(opened.value?.sessionId)
      clearChoices()
      opened.value = out
      step.value = 'sheets'
      return true
    } catch (e) {
      if (gen !== generation || (e instanceof ApiFailure && e.code === 'CANCELLED')) return false
      openError.value = {
        code: e instanceof ApiFailure ? e.code : 'UNKNOWN',
        message: failureMessage(e)
      }
      return false
    } finally {
      if (gen === generation) task.value = null
    }
  }

  // ------------------------------------------------------------ steps 2 and 3: sheets, columns
  function setInclude(sheetIndex: number, value: boolean): void {
    include.value = { ...include.value, [sheetIndex]: value }
    stale.value = true
  }

  function setField(sheetIndex: number, column: number, field: ImportField | null): void {
    const detected =
      sheets.value[sheetIndex]?.columns.find((c) => c.index === column)?.field ?? null
    const o = { ...(overrides.value[sheetIndex] ?? {}) }
    if (field === detected) delete o[column]
    else o[column] = field
    overrides.value = { ...overrides.value, [sheetIndex]: o }
    stale.value = true
  }

  /**
   * Reads a sheet again with its column headers starting at `row` (null: where they were found).
   * Its columns change, so the columns chosen for it by hand are forgotten.
   */
  async function setHeaderRow(sheetIndex: number, row: number | null): Promise<boolean> {
    if (!opened.value) return false
    const gen = generation
    const errors = { ...headerErrors.value }
    delete errors[sheetIndex]
    headerErrors.value = errors
    task.value = 'layout'
    try {
      const info = await call('import:layout', {
        sessionId: opened.value.sessionId,
        index: sheetIndex,
        headerRow: row
      })
      if (gen !== generation || !opened.value) return false
      opened.value = {
        ...opened.value,
        sheets: opened.value.sheets.map((s) => (s.index === sheetIndex ? info : s))
      }
      const rows = { ...headerRows.value }
      if (row === null) delete rows[sheetIndex]
      else rows[sheetIndex] = row
      headerRows.value = rows
      const next = { ...overrides.value }
      delete next[sheetIndex]
      overrides.value = next
      // A header typed by hand says this sheet holds the list, even if its name column is still to be chosen.
      const inc = { ...include.value }
      if (row !== null && info.headerRow !== null) inc[sheetIndex] = true
      else delete inc[sheetIndex]
      include.value = inc
      stale.value = true
      return true
    } catch (e) {
      if (gen === generation)
        headerErrors.value = { ...headerErrors.value, [sheetIndex]: failureMessage(e) }
      return false
    } finally {
      if (gen === generation) task.value = null
    }
  }

  function setKind(value: PersonKind): void {
    kind.value = value
    stale.value = true
  }

  /** Back to what was detected (or remembered) for this sheet. */
  function resetMapping(sheetIndex: number): void {
    const next = { ...overrides.value }
    delete next[sheetIndex]
    overrides.value = next
    stale.value = true
  }

  // ------------------------------------------------------------ step 4: preview
  async function fetchPreview(extra: Partial<ImportPreviewInput>): Promise<ImportPreview | null> {
    if (!opened.value) return null
    const gen = generation
    task.value = 'preview'
    try {
      const input = previewInput({ limit: PREVIEW_PAGE, ...extra })
      const out = await job.run(input.sessionId, () => call('import:preview', input))
      return gen === generation ? out : null
    } catch (e) {
      if (gen !== generation || (e instanceof ApiFailure && e.code === 'CANCELLED')) return null
      throw e
    } finally {
      if (gen === generation) task.value = null
    }
  }

  /** Asks the core again with the current choices; the tables go back to their first page. */
  async function refreshPreview(): Promise<void> {
    const filter = rowFilter.value === 'all' ? undefined : rowFilter.value
    const out = await fetchPreview({ offset: 0, filter })
    if (!out) return
    preview.value = out
    rowPages.show({ items: out.rows, total: out.rowsTotal }, 0)
    problemPages.show({ items: out.problems, total: out.problemsTotal }, 0)
    stale.value = false
  }

  async function loadRows(offset: number, filter: RowFilter = rowFilter.value): Promise<void> {
    await rowPages.load(offset, filter)
  }

  async function loadProblems(offset: number): Promise<void> {
    await problemPages.load(offset)
  }

  async function setUnit(id: number | null): Promise<void> {
    unitId.value = id
    await refreshPreview()
  }
  async function setParentUnit(id: number | null): Promise<void> {
    parentUnitId.value = id
    await refreshPreview()
  }
  /** undefined: let the core decide by name; null: create it; a number: that existing unit. */
  async function setUnitChoice(name: string, id: number | null | undefined): Promise<void> {
    const next = { ...unitChoices.value }
    if (id === undefined) delete next[name]
    else next[name] = id
    unitChoices.value = next
    await refreshPreview()
  }

  /** The name a unit to create gets, instead of the one proposed (empty: the proposed one again). */
  async function renameUnit(name: string, createName: string): Promise<void> {
    const next = { ...unitRenames.value }
    if (createName.trim()) next[name] = createName.trim()
    else delete next[name]
    unitRenames.value = next
    await refreshPreview()
  }

  /** Moves to a step, asking for the preview when it is needed and out of date. */
  async function goTo(target: ImportStep): Promise<void> {
    if (target === 'preview' && (stale.value || !preview.value)) {
      step.value = 'preview'
      await refreshPreview()
      return
    }
    step.value = target
  }

  /**
   * Saves the file back with its problems marked (the core asks where), with progress. Null when
   * the user closed the dialog or cancelled the writing (then `cancelling` is set; nothing was saved).
   */
  async function exportProblems(): Promise<{ path: string; rows: number } | null> {
    if (!opened.value) return null
    const sessionId = opened.value.sessionId
    task.value = 'export'
    cancelling.value = false
    try {
      const out = await job.run(sessionId, () => call('import:exportProblems', { sessionId }))
      if (out) exported.value = out
      return out
    } catch (e) {
      if (e instanceof ApiFailure && e.code === 'CANCELLED') return null
      throw e
    } finally {
      task.value = null
    }
  }

  // ------------------------------------------------------------ step 5: import
  /**
   * Imports with the current choices. Returns the summary, or null when the user cancelled in
   * time (before the core began to write: then nothing was written and the preview is back).
   */
  async function commit(): Promise<ImportSummary | null> {
    if (!opened.value) throw new ApiFailure('NOT_FOUND', 'Chưa mở tệp nào.')
    step.value = 'import'
    task.value = 'commit'
    cancelling.value = false
    try {
      const input = previewInput()
      const out = await job.run(input.sessionId, () => call('import:commit', input))
      summary.value = out
      // The core closed the session: the file is done with.
      opened.value = { ...opened.value, sessionId: '' }
      await history.load().catch(() => undefined)
      return out
    } catch (e) {
      step.value = 'preview'
      if (e instanceof ApiFailure && e.code === 'CANCELLED') return null
      throw e
    } finally {
      task.value = null
    }
  }

  /** Back to an empty first step, freeing the core's copy of the file. */
  function reset(): void {
    generation++
    task.value = null
    job.stop()
    cancelling.value = false
    closeSession(opened.value?.sessionId)
    opened.value = null
    openError.value = null
    clearChoices()
    step.value = 'file'
  }

  return {
    step,
    busy,
    openError,
    opened,
    include,
    overrides,
    kind,
    unitId,
    parentUnitId,
    unitChoices,
    unitRenames,
    renameUnit,
    preview,
    rows: rowPages.items,
    rowsTotal: rowPages.total,
    rowsOffset: rowPages.offset,
    rowFilter,
    problems: problemPages.items,
    problemsTotal: problemPages.total,
    problemsOffset: problemPages.offset,
    stale,
    summary,
    exported,
    progress: job.progress,
    cancelling,
    headerRows,
    headerErrors,
    sheets,
    includedSheets,
    mappingProblems,
    isIncluded,
    fieldOf,
    open,
    cancel,
    setInclude,
    setHeaderRow,
    setField,
    setKind,
    resetMapping,
    refreshPreview,
    loadRows,
    loadProblems,
    setUnit,
    setParentUnit,
    setUnitChoice,
    goTo,
    exportProblems,
    commit,
    reset
  }
})
