// The commitments part of the contract. Yearly commitments (cam kết): templates, reviews, year-end results, the printed commitment.

import type { ListsAll } from './common'
import type { PersonKind, PersonStatus } from './people'

/** Headings of a commitment's items, in the order they are printed. */
export const COMMITMENT_HEADINGS = [
  'politics',
  'ethics',
  'duty',
  'discipline',
  'topic',
  'breakthrough'
] as const
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
  /** The person's own unit (a committee's roster lists the people of its whole subtree). */
  unitId: number
  unitName: string
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

export interface CommitmentStatusExportInput {
  year: number
  /** null: the whole organisation. */
  unitId: number | null
  /** Place for the "<Place>, ngày … tháng … năm …" line. */
  place?: string
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
  /** Place for the "<Place>, ngày … tháng … năm …" line. */
  place?: string
}

export interface CommitmentUnitExportInput {
  year: number
  unitId: number
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

// ---------------------------------------------------------------- channels

export interface CommitmentsApi {
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
  'commitments:saveTemplate': {
    input: { unitId: number; year: number; items: CommitmentItem[] }
    output: CommitmentTemplate
  }
  /** Makes commitments from the unit's template for everyone asked who has none yet. */
  'commitments:bulk': { input: CommitmentBulkInput; output: CommitmentBulkResult }
  'commitments:listReviews': { input: { year: number; unitId: number }; output: CommitmentReview[] }
  'commitments:getReview': { input: { id: number }; output: CommitmentReviewDetail }
  /** Records a review with every person's outcome, in one transaction. */
  'commitments:createReview': { input: CommitmentReviewFields; output: CommitmentReviewDetail }
  /** Replaces a review and every person's outcome, in one transaction. */
  'commitments:updateReview': {
    input: { id: number; fields: CommitmentReviewFields }
    output: CommitmentReviewDetail
  }
  'commitments:deleteReview': { input: { id: number }; output: null }
  'commitments:setResult': { input: CommitmentResultInput; output: Commitment }
  /** Year-end results for the ratings part; every id asked for gets a row. */
  'commitments:listResults': {
    input: { year: number; personIds?: number[] }
    output: CommitmentResultRow[]
  }
  /** Saves the printed commitment as a one-page party-format .xlsx; null when cancelled. */
  'commitments:export': { input: CommitmentExportInput; output: { path: string } | null }
  /** Saves the printed commitments of a unit's own people in one .xlsx, one sheet each; null when cancelled. */
  'commitments:exportUnit': {
    input: CommitmentUnitExportInput
    output: CommitmentUnitExportResult | null
  }
  /** Saves the status table (per unit, as shown) as a party-format .xlsx; null when cancelled. */
  'commitments:exportStatus': {
    input: CommitmentStatusExportInput
    output: { path: string; rows: number } | null
  }
}

export const COMMITMENTS_CHANNELS = [
  'commitments:status',
  'commitments:roster',
  'commitments:person',
  'commitments:save',
  'commitments:delete',
  'commitments:template',
  'commitments:saveTemplate',
  'commitments:bulk',
  'commitments:listReviews',
  'commitments:getReview',
  'commitments:createReview',
  'commitments:updateReview',
  'commitments:deleteReview',
  'commitments:setResult',
  'commitments:listResults',
  'commitments:export',
  'commitments:exportUnit',
  'commitments:exportStatus'
] as const satisfies readonly (keyof CommitmentsApi)[]

const _allCommitmentsApiListed: ListsAll<CommitmentsApi, typeof COMMITMENTS_CHANNELS> = true
void _allCommitmentsApiListed
