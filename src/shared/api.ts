// The one API contract between the UI (or CLI, or test harness) and the core.
// Every channel maps to its input and output. Payloads are JSON-safe: dates are ISO strings
// (possibly partial, see partial-date.ts), never Date objects.

import type { PartialDate } from './partial-date'

export interface ApiError {
  /** Stable machine code, e.g. VALIDATION, NOT_FOUND, CONFLICT, DB_TOO_NEW. */
  code: string
  /** Vietnamese message for the user. */
  message: string
  /** Per-field problems, keyed by the input field name, Vietnamese messages. */
  fields?: Record<string, string>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

// ---------------------------------------------------------------- units

export interface Unit {
  id: number
  parentId: number | null
  name: string
  /** Free level label: Tỉnh ủy, Huyện ủy, Đảng ủy cơ sở, Đảng bộ bộ phận, Chi bộ … */
  level: string
  /** ISO date when the unit stopped existing (merged, dissolved); null while active. */
  retiredOn: string | null
  /** People currently on the rolls of this unit itself (not its subunits). */
  peopleCount: number
}

export interface UnitHistoryEntry {
  at: string
  change: 'created' | 'renamed' | 'relabelled' | 'moved' | 'retired' | 'restored'
  /** Vietnamese description of the change, ready to show. */
  text: string
}

export interface UnitCreateInput {
  parentId: number | null
  name: string
  level: string
}

export interface UnitUpdateInput {
  id: number
  name?: string
  level?: string
}

// ---------------------------------------------------------------- people

export const PERSON_KINDS = ['member', 'non_member'] as const
export type PersonKind = (typeof PERSON_KINDS)[number]

/** Statuses from DOMAIN.md. The last four mean the person has left the rolls (kept for history). */
export const PERSON_STATUSES = [
  'active',
  'exempt',
  'suspended',
  'temporary',
  'transferred',
  'removed',
  'expelled',
  'deceased'
] as const
export type PersonStatus = (typeof PERSON_STATUSES)[number]
export const LEFT_STATUSES: readonly PersonStatus[] = ['transferred', 'removed', 'expelled', 'deceased']
/** Statuses that only make sense for a party member. */
export const MEMBER_ONLY_STATUSES: readonly PersonStatus[] = ['exempt', 'suspended', 'temporary', 'removed', 'expelled']

export const MEMBER_TYPES = ['official', 'probationary'] as const
export type MemberType = (typeof MEMBER_TYPES)[number]

export type Gender = 'male' | 'female'

/** The editable fields of a person. Optional text fields are null when unknown. */
export interface PersonFields {
  unitId: number
  kind: PersonKind
  fullName: string
  gender: Gender | null
  birthDate: PartialDate | null
  ethnicity: string | null
  religion: string | null
  hometown: string | null
  residence: string | null
  /** Members only. */
  memberType: MemberType | null
  partyJoinDate: PartialDate | null
  partyOfficialDate: PartialDate | null
  partyCardNumber: string | null
  partyProfileNumber: string | null
  nationalId: string | null
  /** Chức vụ (party or government). */
  position: string | null
  /** Non-members: cán bộ, công chức, viên chức, chiến sĩ, đoàn viên, hội viên … */
  role: string | null
  education: string | null
  politicalTheory: string | null
  phone: string | null
  note: string | null
}

export interface Person extends PersonFields {
  id: number
  status: PersonStatus
  /** ISO date of the last status change, null if never changed. */
  statusSince: string | null
  unitName: string
}

/** A row of a people list: the whole person (a page is small, and scripts want every field). */
export type PersonRow = Person

export interface PeopleListInput {
  /** null: the whole organisation. */
  unitId: number | null
  /** Include people of every unit below unitId. */
  includeSubunits: boolean
  /** Name, card number or ID; diacritics and case ignored. */
  q?: string
  statuses?: PersonStatus[]
  kind?: PersonKind | null
  offset?: number
  limit?: number
}

export interface PeopleListOutput {
  total: number
  rows: PersonRow[]
}

export interface PersonStatusInput {
  id: number
  status: PersonStatus
  /** ISO date the change took effect; today when omitted. */
  since?: string
  note?: string
}

export interface PersonStatusEntry {
  status: PersonStatus
  since: string
  note: string | null
  recordedAt: string
}

// ---------------------------------------------------------------- data & backups

export interface AppInfo {
  appVersion: string
  dbPath: string
  dbSizeBytes: number
  schemaVersion: number
  backupDir: string
  /** How many backups are kept; older ones are deleted after a new one is made. */
  backupKeep: number
}

export interface BackupInfo {
  fileName: string
  path: string
  sizeBytes: number
  createdAt: string
  reason: string
}

export interface IntegrityReport {
  ok: boolean
  /** SQLite's own messages when not ok. */
  problems: string[]
  foreignKeyProblems: number
}

// ---------------------------------------------------------------- the contract

export interface Api {
  'app:info': { input: null; output: AppInfo }

  'units:list': { input: { includeRetired: boolean }; output: Unit[] }
  'units:create': { input: UnitCreateInput; output: Unit }
  'units:update': { input: UnitUpdateInput; output: Unit }
  'units:move': { input: { id: number; parentId: number | null }; output: Unit }
  'units:retire': { input: { id: number; on?: string }; output: Unit }
  'units:restore': { input: { id: number }; output: Unit }
  'units:history': { input: { id: number }; output: UnitHistoryEntry[] }

  'people:list': { input: PeopleListInput; output: PeopleListOutput }
  'people:get': { input: { id: number }; output: Person }
  'people:create': { input: PersonFields; output: Person }
  'people:update': { input: { id: number; fields: PersonFields }; output: Person }
  'people:setStatus': { input: PersonStatusInput; output: Person }
  'people:statusHistory': { input: { id: number }; output: PersonStatusEntry[] }

  'backup:list': { input: null; output: BackupInfo[] }
  'backup:create': { input: { reason?: string } | null; output: BackupInfo }
  /** Restores a backup (by file name in the backup folder, or a file the user chose). */
  'backup:restore': { input: { fileName?: string; chooseFile?: boolean }; output: { restoredFrom: string; safetyBackup: BackupInfo } | null }
  'backup:setKeep': { input: { keep: number }; output: AppInfo }
  'db:check': { input: null; output: IntegrityReport }

  /** Reads a member list (path given, or chosen by the user) into a preview session; null when cancelled. */
  'import:open': { input: ImportOpenInput; output: ImportOpenOutput | null }
  /** What committing would do with these choices: counts, units, row plans and problems (paged). */
  'import:preview': { input: ImportPreviewInput; output: ImportPreview }
  /** Backs up, then applies the plan in one transaction. */
  'import:commit': { input: ImportPreviewInput; output: ImportSummary }
  'import:history': { input: null; output: ImportRecord[] }
  'import:undo': { input: { importId: number }; output: ImportUndoResult }
  /**
   * Saves the list back as .xlsx with bad cells highlighted and a column of messages; null when the
   * user closed the dialog. Runs in slices like a preview: import:progress and import:cancel reach
   * it (refused with CANCELLED, nothing left at the path).
   */
  'import:exportProblems': { input: ImportExportProblemsInput; output: { path: string; rows: number } | null }
  'import:close': { input: { sessionId: string }; output: null }
  /** How far the open, preview, commit or export running for this session (or open request) has got; cheap, from memory. */
  'import:progress': { input: { sessionId: string }; output: ImportProgress }
  /** Stops the open, preview, commit or export of this session at its next step (refused with CANCELLED); a commit only before it writes. */
  'import:cancel': { input: { sessionId: string }; output: null }
  /** One sheet read again with its column headers starting at another row (null: the detected one). */
  'import:layout': { input: ImportLayoutInput; output: ImportSheetInfo }

  /** Yearly topics, newest first. */
  'study:topics': { input: null; output: StudyTopic[] }
  /** Creates the topic of a year, or edits it when the year has one. */
  'study:saveTopic': { input: StudyTopicInput; output: StudyTopic }
  'study:getYear': { input: null; output: StudyWorkingYear }
  'study:setYear': { input: { year: number }; output: StudyWorkingYear }
  'study:sessions': { input: StudySessionListInput; output: StudySession[] }
  'study:getSession': { input: { id: number }; output: StudySession }
  'study:createSession': { input: StudySessionFields; output: StudySession }
  'study:updateSession': { input: { id: number; fields: StudySessionFields }; output: StudySession }
  /** Deletes a session and its attendance records. */
  'study:deleteSession': { input: { id: number }; output: null }
  /** Everyone on the rolls of one unit (not its subunits), with their attendance at a session. */
  'study:checklist': { input: { sessionId: number; unitId: number }; output: StudyChecklist }
  /** Marks people present or absent at a session, in one transaction. */
  'study:setAttendance': { input: StudyAttendanceInput; output: StudyAttendanceResult }
  /** Reads a sheet of attendees and matches its rows to people; commits nothing. Null when cancelled. */
  'study:previewSheet': { input: StudySheetInput; output: StudySheetPreview | null }
  'study:coverage': { input: StudyCoverageInput; output: StudyCoverage }
  /** Those who must still study the year's topic (paged). */
  'study:missing': { input: StudyMissingInput; output: { total: number; rows: StudyMissingPerson[] } }
  /** Saves the missing list as a party-format .xlsx; null when cancelled. */
  'study:exportMissing': { input: StudyExportMissingInput; output: { path: string; rows: number } | null }
  'study:progress': { input: StudyCoverageInput; output: StudyProgress }

  /** Who must make a commitment, who has, who has not: per unit, rolled up the tree. */
  'commitments:status': { input: { year: number; unitId: number | null }; output: CommitmentStatus }
  /** The people on the rolls of one unit (not its subunits) with their commitment of the year. */
  'commitments:roster': { input: { year: number; unitId: number }; output: CommitmentRoster }
  'commitments:person': { input: { personId: number; year: number }; output: CommitmentPerson }
  /** Creates or replaces a person's commitment of the year. */
  'commitments:save': { input: CommitmentSaveInput; output: Commitment }
  'commitments:delete': { input: { personId: number; year: number }; output: null }
  /** The unit's template of the year (its own, an ancestor's, or the built-in one). */
  'commitments:template': { input: { unitId: number; year: number }; output: CommitmentTemplate }
  'commitments:saveTemplate': { input: { unitId: number; year: number; items: CommitmentItem[] }; output: CommitmentTemplate }
  /** Makes commitments from the unit's template for everyone asked who has none yet. */
  'commitments:bulk': { input: CommitmentBulkInput; output: CommitmentBulkResult }
  'commitments:reviews': { input: { year: number; unitId: number }; output: CommitmentReview[] }
  'commitments:getReview': { input: { id: number }; output: CommitmentReviewDetail }
  /** Records a review (id absent) or replaces one, with every person's outcome, in one transaction. */
  'commitments:saveReview': { input: { id?: number; fields: CommitmentReviewFields }; output: CommitmentReviewDetail }
  'commitments:deleteReview': { input: { id: number }; output: null }
  'commitments:setResult': { input: CommitmentResultInput; output: Commitment }
  /** Year-end results for the ratings part; every id asked for gets a row. */
  'commitments:results': { input: { year: number; personIds?: number[] }; output: CommitmentResultRow[] }
  /** Saves the printed commitment as a one-page party-format .xlsx; null when cancelled. */
  'commitments:export': { input: CommitmentExportInput; output: { path: string } | null }
  /** Saves the printed commitments of a unit's own people in one .xlsx, one sheet each; null when cancelled. */
  'commitments:exportUnit': { input: CommitmentUnitExportInput; output: CommitmentUnitExportResult | null }

  /** Members of a unit (and its subtree) with their three ratings of the year, totals and quota. */
  'evaluation:sheet': { input: { year: number; unitId: number }; output: EvaluationSheet }
  /** Saves ratings, reasons, scores and notes in one transaction. */
  'evaluation:save': { input: EvaluationSaveInput; output: EvaluationSaveResult }
  /** Fast entry: copies a stage into the next, or marks those the rules exempt. */
  'evaluation:fill': { input: EvaluationFillInput; output: { changed: number; sheet: EvaluationSheet } }
  'evaluation:rules': { input: null; output: EvaluationRuleSet[] }
  /** Creates (id null) or edits a rule set. */
  'evaluation:saveRule': { input: EvaluationRuleSetInput; output: EvaluationRuleSet }
  'evaluation:deleteRule': { input: { id: number }; output: null }
  /** Marks a unit as a tổ chức cơ sở đảng (true), not one (false), or by its level label (null). */
  'evaluation:setGrassroots': { input: { unitId: number; value: boolean | null }; output: null }
  /** Saves the party-format summary sheet (.xlsx); null when cancelled. */
  'evaluation:export': { input: EvaluationExportInput; output: { path: string; rows: number } | null }
  /** Reads a filled sheet and tells what importing it would change; commits nothing. Null when cancelled. */
  'evaluation:previewImport': { input: EvaluationImportInput; output: EvaluationImportPreview | null }
  /** Backs up, then imports the ratings and notes of the sheet in one transaction. */
  'evaluation:applyImport': { input: { year: number; path: string; fingerprint: string }; output: EvaluationImportResult }
}

export type Channel = keyof Api
export type Input<C extends Channel> = Api[C]['input']
export type Output<C extends Channel> = Api[C]['output']

/** Every channel, in one list: the preload and the test harness build window.api from it. */
export const CHANNELS = [
  'app:info',
  'units:list',
  'units:create',
  'units:update',
  'units:move',
  'units:retire',
  'units:restore',
  'units:history',
  'people:list',
  'people:get',
  'people:create',
  'people:update',
  'people:setStatus',
  'people:statusHistory',
  'backup:list',
  'backup:create',
  'backup:restore',
  'backup:setKeep',
  'db:check',
  'import:open',
  'import:preview',
  'import:commit',
  'import:history',
  'import:undo',
  'import:exportProblems',
  'import:close',
  'import:progress',
  'import:cancel',
  'import:layout',
  'study:topics',
  'study:saveTopic',
  'study:getYear',
  'study:setYear',
  'study:sessions',
  'study:getSession',
  'study:createSession',
  'study:updateSession',
  'study:deleteSession',
  'study:checklist',
  'study:setAttendance',
  'study:previewSheet',
  'study:coverage',
  'study:missing',
  'study:exportMissing',
  'study:progress',
  'commitments:status',
  'commitments:roster',
  'commitments:person',
  'commitments:save',
  'commitments:delete',
  'commitments:template',
  'commitments:saveTemplate',
  'commitments:bulk',
  'commitments:reviews',
  'commitments:getReview',
  'commitments:saveReview',
  'commitments:deleteReview',
  'commitments:setResult',
  'commitments:results',
  'commitments:export',
  'commitments:exportUnit',
  'evaluation:sheet',
  'evaluation:save',
  'evaluation:fill',
  'evaluation:rules',
  'evaluation:saveRule',
  'evaluation:deleteRule',
  'evaluation:setGrassroots',
  'evaluation:export',
  'evaluation:previewImport',
  'evaluation:applyImport'
] as const satisfies readonly Channel[]

// Compile-time proof that CHANNELS lists every channel of Api.
type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>
const _allChannelsListed: MissingChannels extends never ? true : MissingChannels = true
void _allChannelsListed

/** What the page sees as window.api: one function per channel. */
export type WindowApi = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> }

// ---------------------------------------------------------------- import of member lists

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
  /** A file to read; when absent and chooseFile is set, the user picks one. */
  path?: string
  chooseFile?: boolean
  /**
   * Id the caller picks for this open (letters, digits, - and _; 8 to 100 characters): progress
   * and cancel can be asked for with it while the file is read, and the session gets it as its id.
   */
  requestId?: string
}

export const IMPORT_PHASES = ['reading', 'checking', 'matching', 'writing', 'exporting', 'done'] as const
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
  /** Where to save; when absent the user chooses. Written beside it first, then renamed. */
  path?: string
}

// ---------------------------------------------------------------- study of the yearly topic

/** How a study session was held. */
export const STUDY_SESSION_KINDS = ['provincial_online', 'district_conference', 'cell_meeting', 'unit_conference', 'makeup'] as const
export type StudySessionKind = (typeof STUDY_SESSION_KINDS)[number]

/** The yearly topic ("Chuyên đề năm …"), one per year for the whole organisation. */
export interface StudyTopic {
  id: number
  year: number
  title: string
  /** Number of the plan that launched it, e.g. "45-KH/TU". */
  planNumber: string | null
  /** ISO date of that plan. */
  planDate: string | null
  note: string | null
  /** Sessions recorded for this topic. */
  sessionCount: number
}

export interface StudyTopicInput {
  year: number
  title: string
  planNumber: string | null
  planDate: string | null
  note: string | null
}

/** The year being worked on, chosen once for the whole app, with its topic when there is one. */
export interface StudyWorkingYear {
  year: number
  topic: StudyTopic | null
}

/** A connection point (điểm cầu) of a session and how many attended there. */
export interface StudyConnectionPoint {
  name: string
  unitId: number | null
  attendees: number
}

export interface StudySessionFields {
  topicId: number
  kind: StudySessionKind
  /** ISO day. */
  heldOn: string
  hostUnitId: number
  /** Free title, e.g. "Hội nghị học tập Chuyên đề năm 2024". */
  title: string | null
  points: StudyConnectionPoint[]
  /** Lượt quần chúng: attendees who are not on any list of this app (counted, not named). */
  extraNonMembers: number
  note: string | null
}

export interface StudySession extends StudySessionFields {
  id: number
  year: number
  hostUnitName: string
  /** People on the rolls recorded as present. */
  attendedMembers: number
  attendedNonMembers: number
}

export interface StudySessionListInput {
  year: number
  /** Sessions hosted by this unit, its ancestors or its descendants; null: all. */
  unitId: number | null
}

/** One person of a unit's attendance checklist. */
export interface StudyChecklistRow {
  personId: number
  fullName: string
  kind: PersonKind
  status: PersonStatus
  partyCardNumber: string | null
  birthDate: string | null
  /** Counted in coverage (active or temporary). */
  required: boolean
  attended: boolean
  /** Has attended another session of the same topic. */
  studiedElsewhere: boolean
}

export interface StudyChecklist {
  sessionId: number
  unitId: number
  unitName: string
  rows: StudyChecklistRow[]
}

export interface StudyAttendanceInput {
  sessionId: number
  /** Person ids to mark present. */
  present: number[]
  /** Person ids to mark absent (their record for this session is removed). */
  absent: number[]
}

export interface StudyAttendanceResult {
  sessionId: number
  added: number
  removed: number
  attendedMembers: number
  attendedNonMembers: number
}

/** A person a sheet row may mean. */
export interface StudySheetCandidate {
  personId: number
  fullName: string
  unitName: string
  kind: PersonKind
  birthDate: string | null
  partyCardNumber: string | null
}

export interface StudySheetRow {
  /** 1-based row number in the sheet. */
  row: number
  name: string
  card: string | null
}

export interface StudySheetPreview {
  sessionId: number
  fileName: string
  sheetName: string
  matched: (StudySheetRow & { person: StudySheetCandidate; by: 'card' | 'name'; alreadyPresent: boolean })[]
  /** Rows that match nobody on the rolls. */
  unmatched: (StudySheetRow & { reason: string })[]
  /** Rows that could be several people (or whose card disagrees): the user decides. */
  ambiguous: (StudySheetRow & { reason: string; candidates: StudySheetCandidate[] })[]
}

export interface StudySheetInput {
  sessionId: number
  /** A file to read; when absent and chooseFile is set, the user picks one. */
  path?: string
  chooseFile?: boolean
}

export interface StudyCounts {
  required: number
  studied: number
  missing: number
  /** studied / required × 100, one decimal; null when nobody is required. */
  percent: number | null
}

/** Coverage of one unit, its whole subtree rolled up. */
export interface StudyCoverageRow extends StudyCounts {
  unitId: number
  parentId: number | null
  name: string
  level: string
  /** 0 for the unit asked for (or the roots). */
  depth: number
  members: StudyCounts
  nonMembers: StudyCounts
}

export interface StudyCoverage {
  year: number
  topic: StudyTopic | null
  /** The units asked for and every unit below them, in tree order (by path). */
  rows: StudyCoverageRow[]
  /** Sum over the top rows: the whole scope asked for. */
  total: StudyCoverageRow | null
}

export interface StudyCoverageInput {
  year: number
  /** null: the whole organisation. */
  unitId: number | null
}

export interface StudyMissingPerson {
  personId: number
  fullName: string
  kind: PersonKind
  status: PersonStatus
  birthDate: string | null
  partyCardNumber: string | null
  position: string | null
  unitId: number
  unitName: string
}

export interface StudyMissingInput extends StudyCoverageInput {
  offset?: number
  limit?: number
}

export interface StudyExportMissingInput extends StudyCoverageInput {
  /** Where to save; when absent the user chooses. */
  path?: string
  /** Place for the "<Place>, ngày … tháng … năm …" line. */
  place?: string
  /**
   * After the scope's list, one sheet per unit with people missing (named after the unit, in
   * tree order), each a complete document for that unit: a committee sends every chi bộ its own.
   */
  perUnit?: boolean
}

/** Cumulative share studied at the end of each month, for the progress chart. */
export interface StudyProgress {
  year: number
  required: number
  months: { month: string; studied: number; studiedMembers: number; studiedNonMembers: number }[]
}

// ---------------------------------------------------------------- commitments (cam kết)

/** Headings of a commitment's items, in the order they are printed. */
export const COMMITMENT_HEADINGS = ['politics', 'ethics', 'duty', 'discipline', 'topic', 'breakthrough'] as const
export type CommitmentHeading = (typeof COMMITMENT_HEADINGS)[number]

/** Year-end result of a commitment (labels and the reason for three levels: shared/labels.ts). */
export const COMMITMENT_RESULTS = ['completed_well', 'completed', 'not_completed'] as const
export type CommitmentResultCode = (typeof COMMITMENT_RESULTS)[number]

/** What a person got at a periodic review: biểu dương, nhắc nhở, or neither. */
export const COMMITMENT_OUTCOMES = ['praise', 'reminder', 'none'] as const
export type CommitmentOutcome = (typeof COMMITMENT_OUTCOMES)[number]

export const COMMITMENT_REVIEW_KINDS = ['monthly', 'quarterly'] as const
export type CommitmentReviewKind = (typeof COMMITMENT_REVIEW_KINDS)[number]

/** Who reviews: the chi bộ at its meeting, or the unit's leaders (for non-members). */
export const COMMITMENT_REVIEWERS = ['party_cell', 'unit_leaders'] as const
export type CommitmentReviewer = (typeof COMMITMENT_REVIEWERS)[number]

/** One item: what to study and follow, the concrete tasks, the measures, by when, to what end. */
export interface CommitmentItem {
  heading: CommitmentHeading
  content: string
  tasks: string | null
  measures: string | null
  /** Free text: "Thường xuyên", "Quý II/2024", "30/6/2024" … */
  deadline: string | null
  expected: string | null
}

/** Where a person stands for the year: made one, must still make one, or is not asked. */
export type CommitmentState = 'made' | 'missing' | 'not_asked'

export interface Commitment {
  id: number
  personId: number
  year: number
  /** The unit the person was in when it was made. */
  unitId: number
  unitName: string
  /** ISO day it was made (signed); null when not recorded. */
  madeOn: string | null
  source: 'template' | 'manual'
  items: CommitmentItem[]
  result: CommitmentResultCode | null
  /** Year-end comment (for non-members: by the unit's leaders). */
  resultNote: string | null
  resultOn: string | null
  updatedAt: string
}

/** One line of a person's trail for the year: what a review said about them. */
export interface CommitmentTrailEntry {
  reviewId: number
  heldOn: string
  kind: CommitmentReviewKind
  reviewer: CommitmentReviewer
  /** "Tháng 05/2024", "Quý II/2024". */
  period: string
  unitName: string
  outcome: CommitmentOutcome
  progress: string | null
}

/** Everything about one person's commitment of a year, for the person drawer. */
export interface CommitmentPerson {
  personId: number
  year: number
  fullName: string
  kind: PersonKind
  status: PersonStatus
  unitId: number
  unitName: string
  position: string | null
  state: CommitmentState
  commitment: Commitment | null
  trail: CommitmentTrailEntry[]
}

/** One person of a unit's roster for the year. */
export interface CommitmentRosterRow {
  personId: number
  fullName: string
  kind: PersonKind
  status: PersonStatus
  position: string | null
  partyCardNumber: string | null
  state: CommitmentState
  itemCount: number
  hasBreakthrough: boolean
  madeOn: string | null
  praises: number
  reminders: number
  /** Outcome at the latest review that included the person. */
  lastOutcome: CommitmentOutcome | null
  result: CommitmentResultCode | null
}

export interface CommitmentRoster {
  year: number
  unitId: number
  unitName: string
  unitLevel: string
  rows: CommitmentRosterRow[]
  counts: CommitmentCounts
}

export interface CommitmentCounts {
  /** Asked: on the rolls and not exempt. */
  required: number
  made: number
  missing: number
  /** Exempt (miễn công tác và sinh hoạt đảng). */
  notAsked: number
  /** made / required × 100, one decimal; null when nobody is required. */
  percent: number | null
}

/** A unit's counts, its whole subtree rolled up (as study coverage rows). */
export interface CommitmentStatusRow extends CommitmentCounts {
  unitId: number
  parentId: number | null
  name: string
  level: string
  depth: number
  members: CommitmentCounts
  nonMembers: CommitmentCounts
}

export interface CommitmentStatus {
  year: number
  rows: CommitmentStatusRow[]
  total: CommitmentStatusRow | null
}

export interface CommitmentSaveInput {
  personId: number
  year: number
  madeOn: string | null
  items: CommitmentItem[]
}

export interface CommitmentTemplate {
  /** The unit asked about. */
  unitId: number
  year: number
  /** own: the unit's; inherited: an ancestor's; default: the built-in suggestion. */
  source: 'own' | 'inherited' | 'default'
  fromUnitId: number | null
  fromUnitName: string | null
  items: CommitmentItem[]
  updatedAt: string | null
}

export interface CommitmentBulkInput {
  unitId: number
  year: number
  /** ISO day written as the date each commitment was made; null leaves it blank. */
  madeOn?: string | null
  /** Only these people (of the unit); all who are asked and have none yet when absent. */
  personIds?: number[]
}

export interface CommitmentBulkResult {
  created: number
  /** Already had one this year: left as they were. */
  skippedExisting: number
  /** Exempt: not asked. */
  skippedNotAsked: number
  templateSource: CommitmentTemplate['source']
}

export interface CommitmentReviewEntry {
  personId: number
  outcome: CommitmentOutcome
  progress: string | null
}

export interface CommitmentReviewFields {
  unitId: number
  year: number
  /** ISO day of the meeting. */
  heldOn: string
  kind: CommitmentReviewKind
  reviewer: CommitmentReviewer
  note: string | null
  entries: CommitmentReviewEntry[]
}

export interface CommitmentReview extends Omit<CommitmentReviewFields, 'entries'> {
  id: number
  unitName: string
  period: string
  praises: number
  reminders: number
  reviewed: number
}

export interface CommitmentReviewDetail extends CommitmentReview {
  entries: (CommitmentReviewEntry & { fullName: string })[]
}

export interface CommitmentResultInput {
  personId: number
  year: number
  result: CommitmentResultCode | null
  note: string | null
}

/** The year-end result as the ratings part shows it beside a rating. */
export interface CommitmentResultRow {
  personId: number
  result: CommitmentResultCode | null
  /** The result's label, or why there is none ("Chưa đánh giá", "Chưa lập cam kết" …). */
  label: string
}

export interface CommitmentExportInput {
  personId: number
  year: number
  /** Where to save; when absent the user chooses. */
  path?: string
  /** Place for the "<Place>, ngày … tháng … năm …" line. */
  place?: string
}

export interface CommitmentUnitExportInput {
  year: number
  unitId: number
  /** Where to save; when absent the user chooses. */
  path?: string
  /** Place for the "<Place>, ngày … tháng … năm …" line of every sheet. */
  place?: string
}

export interface CommitmentUnitExportResult {
  path: string
  /** People whose commitment is in the workbook (one sheet each). */
  people: number
  /** People on the unit's rolls without a commitment of the year, left out. */
  withoutCommitment: number
}

// ---------------------------------------------------------------- year-end rating (đánh giá, xếp loại)

/** The four levels, best first: HTXSNV, HTTNV, HTNV, KHTNV (labels in shared/labels.ts). */
export const RATING_LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const
export type RatingLevel = (typeof RATING_LEVELS)[number]
/** A rating: one of the levels, or "không xếp loại" (with its reason on the row). */
export const RATINGS = [...RATING_LEVELS, 'not_rated'] as const
export type Rating = (typeof RATINGS)[number]
/** Self, proposed by the chi bộ, decided by the committee above. */
export const RATING_STAGES = ['self', 'proposed', 'decided'] as const
export type RatingStage = (typeof RATING_STAGES)[number]
export const NOT_RATED_REASONS = ['exempt', 'suspended', 'new_member', 'temporary', 'transferred', 'illness', 'other'] as const
export type NotRatedReason = (typeof NOT_RATED_REASONS)[number]
/** Whom the HTXSNV quota is a share of. */
export const QUOTA_BASES = ['httnv', 'httnv_or_better', 'rated'] as const
export type QuotaBase = (typeof QUOTA_BASES)[number]
/** Where the quota is counted: each tổ chức cơ sở đảng, or each unit holding members (chi bộ). */
export const QUOTA_SCOPES = ['grassroots', 'unit'] as const
export type QuotaScope = (typeof QUOTA_SCOPES)[number]

/** The rules of a span of years (QĐ 132, QĐ 124, QĐ 366 …), kept as data the user can edit. */
export interface EvaluationRuleSet {
  id: number
  /** First year it applies to; it applies until the next rule set's first year. */
  fromYear: number
  /** Last year it applies to (derived); null while no later rule set exists. */
  toYear: number | null
  /** The documents, e.g. "QĐ 124-QĐ/TW; HD 25-HD/BTCTW". */
  name: string
  /** At most this many percent HTXSNV; null: no quota. */
  quotaPercent: number | null
  quotaBase: QuotaBase
  quotaScope: QuotaScope
  /** Statuses whose members are not rated. */
  exemptStatuses: PersonStatus[]
  /** Members admitted fewer than this many months before 31/12 are not rated; null: no such rule. */
  newMemberMonths: number | null
  /** 100-point scale: the lowest score of HTXSNV, HTTNV and HTNV (below: KHTNV); null: no scale. */
  scoreThresholds: { excellent: number; good: number; done: number } | null
  note: string | null
}

export type EvaluationRuleSetInput = Omit<EvaluationRuleSet, 'id' | 'toYear'> & { id: number | null }

export interface EvaluationCommitment {
  code: string | null
  label: string
}

/** One member of the sheet with their three ratings of the year. */
export interface EvaluationRow {
  personId: number
  fullName: string
  birthDate: PartialDate | null
  position: string | null
  status: PersonStatus
  partyJoinDate: PartialDate | null
  unitId: number
  unitName: string
  self: Rating | null
  proposed: Rating | null
  decided: Rating | null
  /** Why a "không xếp loại" is given. */
  reason: NotRatedReason | null
  /** Points on the 100-point scale (2025 on), when recorded. */
  score: number | null
  note: string | null
  /** Not rated under the year's rules (status, newly admitted); null when the member is rated. */
  exemptBy: NotRatedReason | null
  /** Year-end result of the commitment (from the commitments part); null when unknown. */
  commitment: EvaluationCommitment | null
  /** Vietnamese remarks: rated although exempt, a score that disagrees with the level … */
  warnings: string[]
}

export interface EvaluationCounts {
  /** Members on the sheet. */
  total: number
  levels: Record<RatingLevel, number>
  notRated: number
  /** Nothing entered yet. total = sum(levels) + notRated + blank. */
  blank: number
  /** Share of each level among those given a level (sum(levels)), one decimal; null when none. */
  percents: Record<RatingLevel, number | null>
}

export type EvaluationTotals = Record<RatingStage, EvaluationCounts>

/** The HTXSNV quota in one scope (a tổ chức cơ sở đảng, or a unit), for one stage. */
export interface EvaluationQuotaCheck {
  stage: 'proposed' | 'decided'
  unitId: number
  unitName: string
  excellent: number
  base: number
  limit: number
  percent: number
  over: boolean
  /** Vietnamese, ready to show: the unit, the count and the limit. */
  message: string
}

export interface EvaluationGroup {
  unitId: number
  unitName: string
  level: string
  totals: EvaluationTotals
}

/** How the selected unit counts for the quota scope. */
export interface EvaluationUnitInfo {
  id: number
  name: string
  level: string
  parentName: string | null
  /** Its level label says it is a tổ chức cơ sở đảng ("Đảng ủy cơ sở", "Chi bộ cơ sở" …). */
  grassrootsByLabel: boolean
  /** The user's word: true (is one), false (is not, whatever its label), null (go by the label). */
  grassrootsFlag: boolean | null
}

export interface EvaluationSheet {
  year: number
  unit: EvaluationUnitInfo
  ruleSet: EvaluationRuleSet | null
  rows: EvaluationRow[]
  /** Per unit holding members, in tree order (one group for a chi bộ). */
  groups: EvaluationGroup[]
  totals: EvaluationTotals
  /** Every quota scope the sheet touches; `over` marks those exceeded. */
  quota: EvaluationQuotaCheck[]
}

export interface EvaluationEntry {
  personId: number
  /** Absent: unchanged; null: cleared. */
  self?: Rating | null
  proposed?: Rating | null
  decided?: Rating | null
  reason?: NotRatedReason | null
  score?: number | null
  note?: string | null
}

export interface EvaluationSaveInput {
  year: number
  /** The sheet being edited: the answer is its new totals and quota. */
  unitId: number
  entries: EvaluationEntry[]
}

export interface EvaluationSaveResult {
  saved: number
  /** The rows saved, as the sheet now shows them. */
  rows: EvaluationRow[]
  groups: EvaluationGroup[]
  totals: EvaluationTotals
  quota: EvaluationQuotaCheck[]
}

/** Fast entry over a whole sheet. */
export const EVALUATION_FILLS = ['selfToProposed', 'proposedToDecided', 'notRatedByRules'] as const
export type EvaluationFill = (typeof EVALUATION_FILLS)[number]

export interface EvaluationFillInput {
  year: number
  unitId: number
  fill: EvaluationFill
  /** Also replace ratings already entered (otherwise only empty ones are filled). */
  overwrite: boolean
}

export interface EvaluationExportInput {
  year: number
  unitId: number
  /** Where to save; when absent the user chooses. */
  path?: string
  /** Place for the "<Place>, ngày … tháng … năm …" line. */
  place?: string
}

export interface EvaluationImportInput {
  year: number
  /** A file to read; when absent and chooseFile is set, the user picks one. */
  path?: string
  chooseFile?: boolean
}

export type EvaluationField = RatingStage | 'reason' | 'score' | 'note'

export interface EvaluationImportChange {
  /** 1-based row in the sheet. */
  row: number
  personId: number
  fullName: string
  unitName: string
  matchedBy: 'id' | 'name'
  fields: { field: EvaluationField; label: string; from: string | null; to: string | null }[]
}

export interface EvaluationImportPreview {
  path: string
  fileName: string
  /** Size and time of the file read: applying refuses a file changed since. */
  fingerprint: string
  sheetName: string
  /** The year named in the sheet's title, if any. */
  fileYear: number | null
  changes: EvaluationImportChange[]
  /** Rows matched to a member whose ratings and note are already as in the file. */
  unchanged: number
  notMatched: { row: number; name: string; reason: string }[]
  /** What the file holds that is not imported (other columns edited, unreadable values …). */
  ignored: { row: number | null; column: string | null; message: string }[]
}

export interface EvaluationImportResult extends EvaluationImportPreview {
  /** File name of the backup taken first; null when nothing had to change. */
  backup: string | null
}
