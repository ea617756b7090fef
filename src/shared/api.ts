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
  'db:check'
] as const satisfies readonly Channel[]

// Compile-time proof that CHANNELS lists every channel of Api.
type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>
const _allChannelsListed: MissingChannels extends never ? true : MissingChannels = true
void _allChannelsListed

/** What the page sees as window.api: one function per channel. */
export type WindowApi = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> }
