// The import part of the contract. Import of member lists from spreadsheets: open, preview, commit, undo, the copy with problems marked.

import type { ListsAll } from './common'
import type { PersonFields, PersonKind } from './people'

/** Where a column's values go. Null in a mapping: the column is ignored. */
export const IMPORT_FIELDS = [
  'fullName',
  'familyName',
  'givenName',
  'gender',
  'birthDate',
  'birthDateMale',
  'birthDateFemale',
  'ethnicity',
  'religion',
  'hometown',
  'residence',
  'partyJoinDate',
  'partyOfficialDate',
  'partyCardNumber',
  'partyProfileNumber',
  'nationalId',
  'position',
  'role',
  'education',
  'politicalTheory',
  'phone',
  'note',
  /** "Miễn sinh hoạt": a mark, the date it began, or a note (members only). */
  'exempt',
  'unitName',
  'rowNumber'
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

export interface ImportOpenInput {
  /**
   * Id the caller picks for this open (letters, digits, - and _; 8 to 100 characters): progress
   * and cancel can be asked for with it while the file is read, and the session gets it as its id.
   */
  requestId?: string
}

export const IMPORT_PHASES = [
  'reading',
  'checking',
  'matching',
  'writing',
  'exporting',
  'done'
] as const
/** reading the file · checking its rows · matching them with the data · writing · saving the copy with problems marked · finished. */
export type ImportPhase = (typeof IMPORT_PHASES)[number]

export interface ImportProgress {
  phase: ImportPhase
  /** Work done in the phase, in the unit of `total` (bytes while reading an .xlsx, rows after). */
  done: number
  /** Null when the size of the work is not known. */
  total: number | null
  /** Vietnamese, ready to show ("Đang đọc tệp… 12.000 dòng"). */
  message: string
}

export interface ImportLayoutInput {
  sessionId: string
  /** Sheet index. */
  index: number
  /** 1-based row where the column headers begin; null: the detected one. */
  headerRow: number | null
}

export interface ImportColumn {
  /** 0-based column index in the sheet. */
  index: number
  /** Column letter as Excel shows it ("A", "B" …). */
  letter: string
  /** Header text as read (the rows of a header over two or three rows joined by " / ", each text once). */
  header: string
  field: ImportField | null
  /** A few values from the first data rows (dates as dd/mm/yyyy), for the mapping screen. */
  samples: string[]
}

export interface ImportSheetInfo {
  index: number
  name: string
  /** 1-based row number of the (last) header row; null when no header was found. */
  headerRow: number | null
  /** 1-based row where the header begins (above headerRow when the header spans two or three rows); null when none. */
  headerStart: number | null
  /** Rows that look like people (totals, notes and signature rows under the list not counted). */
  dataRows: number
  columns: ImportColumn[]
  /** Unit named by the title rows or the sheet name ("Chi bộ Ấp 3"), if any. */
  unitHint: string | null
  /** Why the sheet will not be imported, when it will not. */
  skippedReason: string | null
}

export interface ImportLegacyNote {
  encoding: 'TCVN3 (ABC)' | 'VNI-Windows'
  cells: number
}

export interface ImportOpenOutput {
  sessionId: string
  fileName: string
  format: 'xlsx' | 'csv'
  /** CSV only: the text encoding found (UTF-8, UTF-16LE, Windows-1258 …). */
  encoding: string | null
  sheets: ImportSheetInfo[]
  /** Texts typed in legacy encodings, converted to Unicode. */
  legacy: ImportLegacyNote[]
  /** The mapping was taken from an earlier import of a file with the same headers. */
  rememberedMapping: boolean
}

export interface ImportSheetChoice {
  index: number
  include?: boolean
  /** 1-based row where the column headers begin, instead of the detected one (see import:layout). */
  headerRow?: number
  /** Column index → field (or null to ignore); only the columns given are changed. */
  mapping?: Record<string, ImportField | null>
}

export interface ImportUnitChoice {
  /** A unit name as written in the file. */
  name: string
  /** Existing unit to use; null: create it under the chosen parent. */
  unitId: number | null
  /** The name to create it with, when the user corrects the one proposed (createName). */
  createName?: string
}

export interface ImportPreviewInput {
  sessionId: string
  sheets?: ImportSheetChoice[]
  /** Unit for rows whose unit the file does not name; also overrides units named only in titles. */
  unitId?: number | null
  /** Parent for units that do not exist yet. */
  parentUnitId?: number | null
  unitChoices?: ImportUnitChoice[]
  /** Kind of person for new people; party members by default. */
  kind?: PersonKind
  /** Paging of rows and problems. */
  offset?: number
  limit?: number
  /** Only rows with this action, or only rows with problems. */
  filter?: ImportRowAction | 'problems'
}

export interface ImportCommitInput extends ImportPreviewInput {
  /** Everything up to the write and nothing written: the summary the commit would give, with importId and backup null. */
  dryRun?: boolean
}

export type ImportRowAction = 'create' | 'update' | 'unchanged' | 'skip'

export interface ImportProblem {
  sheet: string
  /** 1-based row number in the sheet. */
  row: number
  /** Column letter, null for a problem of the whole row. */
  column: string | null
  field: ImportField | null
  severity: 'error' | 'warning'
  message: string
  /** What became of it (see ImportProblemOutcome); null: a note on the row that changes nothing. */
  outcome: ImportProblemOutcome | null
  /** The cell as written in the file, when the problem is about one cell's value. */
  value: string | null
}

/**
 * What an import does about a problem: 'dropped', the cell is left empty and the person still comes
 * in (a value that cannot be right); 'kept', the value comes in as written (a value that is only
 * unusual); 'row', the whole row is held back (no name, or the same person as another row).
 */
export type ImportProblemOutcome = 'dropped' | 'kept' | 'row'

export interface ImportChange {
  /** A field, or the status (a member marked "miễn sinh hoạt" in the list). */
  field: keyof PersonFields | 'status'
  label: string
  from: string | null
  to: string | null
}

export interface ImportRowPlan {
  sheet: string
  row: number
  action: ImportRowAction
  fullName: string
  unitName: string | null
  personId: number | null
  /** Updates: the fields that change. */
  changes: ImportChange[]
  /** Skips: why. Updates and unchanged rows: how the person was matched. */
  reason: string | null
}

export interface ImportUnitPlan {
  /** As written in the file; null for the unit chosen for rows that name none. */
  name: string | null
  rows: number
  action: 'existing' | 'create' | 'unresolved'
  unitId: number | null
  /** Parent a new unit is created under. */
  parentId: number | null
  /** Unresolved: what the user must choose. */
  message: string | null
  /** Create: the name the unit will be created with (normal case, or as the user corrected it). */
  createName: string | null
  /**
   * An existing unit under the same parent whose name is close (the same words, or one name inside
   * the other): proposed instead of creating a near-duplicate; the user may still choose to create.
   */
  similar: { unitId: number; name: string } | null
}

export interface ImportCounts {
  total: number
  create: number
  update: number
  unchanged: number
  skip: number
  errors: number
  warnings: number
  unitsCreated: number
}

export interface ImportPreview {
  sessionId: string
  counts: ImportCounts
  units: ImportUnitPlan[]
  rows: ImportRowPlan[]
  rowsTotal: number
  problems: ImportProblem[]
  problemsTotal: number
  /** Vietnamese reasons the import cannot run yet (e.g. no unit chosen); empty when it can. */
  blockers: string[]
}

export interface ImportSummary {
  /** Null for a dry run. */
  importId: number | null
  fileName: string
  created: number
  updated: number
  unchanged: number
  skipped: number
  unitsCreated: number
  errors: ImportProblem[]
  warnings: ImportProblem[]
  /** File name of the backup taken first; null when nothing had to be written. */
  backup: string | null
}

export interface ImportRecord {
  id: number
  fileName: string
  importedAt: string
  created: number
  updated: number
  unchanged: number
  skipped: number
  unitsCreated: number
  undoneAt: string | null
  /** Undo is possible (not undone yet). */
  canUndo: boolean
}

export interface ImportUndoResult {
  importId: number
  removedPeople: number
  restoredPeople: number
  removedUnits: number
}

export interface ImportExportProblemsInput {
  sessionId: string
}

// ---------------------------------------------------------------- channels

export interface ImportApi {
  /** Reads a member list the user chooses into a preview session; null when cancelled. */
  'import:open': { input: ImportOpenInput; output: ImportOpenOutput | null }
  /** What committing would do with these choices: counts, units, row plans and problems (paged). */
  'import:preview': { input: ImportPreviewInput; output: ImportPreview }
  /** Backs up, then applies the plan in one transaction; with dryRun, writes nothing and tells what it would do. */
  'import:commit': { input: ImportCommitInput; output: ImportSummary }
  'import:history': { input: null; output: ImportRecord[] }
  'import:undo': { input: { importId: number }; output: ImportUndoResult }
  /**
   * Saves the list back as .xlsx with bad cells highlighted and a column of messages; null when the
   * user closed the dialog. Runs in slices like a preview: import:progress and import:cancel reach
   * it (refused with CANCELLED, nothing left at the path).
   */
  'import:exportProblems': {
    input: ImportExportProblemsInput
    output: { path: string; rows: number } | null
  }
  'import:close': { input: { sessionId: string }; output: null }
  /** How far the open, preview, commit or export running for this session (or open request) has got; cheap, from memory. */
  'import:progress': { input: { sessionId: string }; output: ImportProgress }
  /** Stops the open, preview, commit or export of this session at its next step (refused with CANCELLED); a commit only before it writes. */
  'import:cancel': { input: { sessionId: string }; output: null }
  /** One sheet read again with its column headers starting at another row (null: the detected one). */
  'import:layout': { input: ImportLayoutInput; output: ImportSheetInfo }
}

export const IMPORT_CHANNELS = [
  'import:open',
  'import:preview',
  'import:commit',
  'import:history',
  'import:undo',
  'import:exportProblems',
  'import:close',
  'import:progress',
  'import:cancel',
  'import:layout'
] as const satisfies readonly (keyof ImportApi)[]

const _allImportApiListed: ListsAll<ImportApi, typeof IMPORT_CHANNELS> = true
void _allImportApiListed
