// The study part of the contract. Study of the yearly topic: topics, sessions, attendance, coverage up the tree.

import type { ListsAll } from './common'
import type { PersonKind, PersonStatus } from './people'

/** How a study session was held. */
export const STUDY_SESSION_KINDS = [
  'provincial_online',
  'district_conference',
  'cell_meeting',
  'unit_conference',
  'makeup'
] as const
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
  matched: (StudySheetRow & {
    person: StudySheetCandidate
    by: 'card' | 'name'
    alreadyPresent: boolean
  })[]
  /** Rows that match nobody on the rolls. */
  unmatched: (StudySheetRow & { reason: string })[]
  /** Rows that could be several people (or whose card disagrees): the user decides. */
  ambiguous: (StudySheetRow & { reason: string; candidates: StudySheetCandidate[] })[]
}

export interface StudySheetInput {
  sessionId: number
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
  /** Place for the "<Place>, ngày … tháng … năm …" line. */
  place?: string
  /**
   * After the scope's list, one sheet per unit with people missing (named after the unit, in
   * tree order), each a complete document for that unit: a committee sends every chi bộ its own.
   */
  perUnit?: boolean
}

export interface StudyExportCoverageInput extends StudyCoverageInput {
  /** Place for the "<Place>, ngày … tháng … năm …" line. */
  place?: string
}

/** Cumulative share studied at the end of each month, for the progress chart. */
export interface StudyProgress {
  year: number
  required: number
  months: { month: string; studied: number; studiedMembers: number; studiedNonMembers: number }[]
}

// ---------------------------------------------------------------- channels

export interface StudyApi {
  /** Yearly topics, newest first. */
  'study:listTopics': { input: null; output: StudyTopic[] }
  /** Creates the topic of a year, or edits it when the year has one. */
  'study:saveTopic': { input: StudyTopicInput; output: StudyTopic }
  'study:listSessions': { input: StudySessionListInput; output: StudySession[] }
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
  'study:listMissing': {
    input: StudyMissingInput
    output: { total: number; rows: StudyMissingPerson[] }
  }
  /** Saves the missing list as a party-format .xlsx; null when cancelled. */
  'study:exportMissing': {
    input: StudyExportMissingInput
    output: { path: string; rows: number } | null
  }
  'study:progress': { input: StudyCoverageInput; output: StudyProgress }
  /** Saves the coverage table (per unit, as shown) as a party-format .xlsx; null when cancelled. */
  'study:exportCoverage': {
    input: StudyExportCoverageInput
    output: { path: string; rows: number } | null
  }
}

export const STUDY_CHANNELS = [
  'study:listTopics',
  'study:saveTopic',
  'study:listSessions',
  'study:getSession',
  'study:createSession',
  'study:updateSession',
  'study:deleteSession',
  'study:checklist',
  'study:setAttendance',
  'study:previewSheet',
  'study:coverage',
  'study:listMissing',
  'study:exportMissing',
  'study:progress',
  'study:exportCoverage'
] as const satisfies readonly (keyof StudyApi)[]

const _allStudyApiListed: ListsAll<StudyApi, typeof STUDY_CHANNELS> = true
void _allStudyApiListed
