// The people part of the contract. Members and non-members, their statuses and history.

import type { PartialDate } from '../partial-date'
import type { ListsAll } from './common'

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
export const LEFT_STATUSES: readonly PersonStatus[] = [
  'transferred',
  'removed',
  'expelled',
  'deceased'
]
/** Statuses that only make sense for a party member. */
export const MEMBER_ONLY_STATUSES: readonly PersonStatus[] = [
  'exempt',
  'suspended',
  'temporary',
  'removed',
  'expelled'
]

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

/** The list's filter without its paging: what "everyone the filter finds" means. */
export type PeopleFilter = Omit<PeopleListInput, 'offset' | 'limit'>

/**
 * The people a bulk action applies to: those ticked in the list, or everyone the list's filter
 * finds (every page of it), read by the core with the list's own query.
 */
export type PeopleSelection = { ids: number[] } | { filter: PeopleFilter }

export interface PeopleMoveInput {
  selection: PeopleSelection
  /** The unit they move to (in activity). */
  unitId: number
}

export interface PeopleMoveResult {
  /** Moved to the unit. */
  moved: number
  /** Already in it: nothing written. */
  unchanged: number
  unitName: string
  /** The copy taken before the change. */
  backup: string
}

export interface PeopleStatusManyInput {
  selection: PeopleSelection
  status: PersonStatus
  /** ISO date the change took effect; today when omitted. */
  since?: string
  note?: string
}

export interface PeopleStatusManyResult {
  /** Given the new status (a history entry each). */
  changed: number
  /** Already in that status: nothing written. */
  unchanged: number
  backup: string
}

export interface PeopleExportInput {
  selection: PeopleSelection
  /** Place for the "<Place>, ngày … tháng … năm …" line. */
  place?: string
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

/** Records of one kind that point at a person (study attendance, commitments, ratings …). */
export interface PersonRecordCount {
  /** The table that holds them: a stable code for scripts. */
  kind: string
  /** Their Vietnamese name. */
  label: string
  count: number
}

export interface PersonEraseResult {
  /** Records that pointed at the person, erased with them. */
  erasedRecords: number
  /** The copy taken just before (it still holds the person, until it ages out). */
  backupFile: string
  /** Whether the log beside the file was emptied into it (false when another program held it). */
  walEmptied: boolean
}

// ---------------------------------------------------------------- channels

export interface PeopleApi {
  'people:list': { input: PeopleListInput; output: PeopleListOutput }
  'people:get': { input: { id: number }; output: Person }
  'people:create': { input: PersonFields; output: Person }
  'people:update': { input: { id: number; fields: PersonFields }; output: Person }
  'people:setStatus': { input: PersonStatusInput; output: Person }
  'people:statusHistory': { input: { id: number }; output: PersonStatusEntry[] }
  /** What points at a person, counted per kind: what an erasure would take with it. */
  'people:listRecords': { input: { id: number }; output: PersonRecordCount[] }
  /** Erases a person for good (after a backup), refused while records point at them unless
   *  `withRecords`; then compacts the file so their values are gone from it. */
  'people:erase': { input: { id: number; withRecords?: boolean }; output: PersonEraseResult }
  /** Moves the selected people to another unit, in one transaction (a backup first). */
  'people:move': { input: PeopleMoveInput; output: PeopleMoveResult }
  /** Gives the selected people one status from one day, in one transaction (a backup first). */
  'people:setStatusMany': { input: PeopleStatusManyInput; output: PeopleStatusManyResult }
  /** Saves the selected people as a party-format .xlsx, in the list's order; null when cancelled. */
  'people:export': { input: PeopleExportInput; output: { path: string; rows: number } | null }
}

export const PEOPLE_CHANNELS = [
  'people:list',
  'people:get',
  'people:create',
  'people:update',
  'people:setStatus',
  'people:statusHistory',
  'people:listRecords',
  'people:erase',
  'people:move',
  'people:setStatusMany',
  'people:export'
] as const satisfies readonly (keyof PeopleApi)[]

const _allPeopleApiListed: ListsAll<PeopleApi, typeof PEOPLE_CHANNELS> = true
void _allPeopleApiListed
