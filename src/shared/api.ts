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
  /** Saves the list back as .xlsx with bad cells highlighted and a column of messages; null when cancelled. */
  'import:exportProblems': { input: ImportExportProblemsInput; output: { path: string; rows: number } | null }
  'import:close': { input: { sessionId: string }; output: null }

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
  'study:progress'
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
  'unitName',
  'rowNumber'
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

export interface ImportOpenInput {
  /** A file to read; when absent and chooseFile is set, the user picks one. */
  path?: string
  chooseFile?: boolean
}

export interface ImportColumn {
  /** 0-based column index in the sheet. */
  index: number
  /** Column letter as Excel shows it ("A", "B" …). */
  letter: string
  /** Header text as read (both rows of a two-row header joined by " / "). */
  header: string
  field: ImportField | null
  /** A few values from the first data rows, for the mapping screen. */
  samples: string[]
}

export interface ImportSheetInfo {
  index: number
  name: string
  /** 1-based row number of the (last) header row; null when no header was found. */
  headerRow: number | null
  /** Rows that look like people. */
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
  /** Column index → field (or null to ignore); only the columns given are changed. */
  mapping?: Record<string, ImportField | null>
}

export interface ImportUnitChoice {
  /** A unit name as written in the file. */
  name: string
  /** Existing unit to use; null: create it under the chosen parent. */
  unitId: number | null
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
}

export interface ImportChange {
  field: keyof PersonFields
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
  /** Where to save; when absent the user chooses. */
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
}

/** Cumulative share studied at the end of each month, for the progress chart. */
export interface StudyProgress {
  year: number
  required: number
  months: { month: string; studied: number; studiedMembers: number; studiedNonMembers: number }[]
}
