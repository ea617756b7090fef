// The evaluation part of the contract. Year-end rating (đánh giá, xếp loại): the sheet, the rules of each year, export and import back.

import type { PartialDate } from '../partial-date'
import type { ListsAll } from './common'
import type { PersonStatus } from './people'

/** The four levels, best first: HTXSNV, HTTNV, HTNV, KHTNV (labels in shared/labels.ts). */
export const RATING_LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const
export type RatingLevel = (typeof RATING_LEVELS)[number]
/** A rating: one of the levels, or "không xếp loại" (with its reason on the row). */
export const RATINGS = [...RATING_LEVELS, 'not_rated'] as const
export type Rating = (typeof RATINGS)[number]
/** Self, proposed by the chi bộ, decided by the committee above. */
export const RATING_STAGES = ['self', 'proposed', 'decided'] as const
export type RatingStage = (typeof RATING_STAGES)[number]
export const NOT_RATED_REASONS = [
  'exempt',
  'suspended',
  'new_member',
  'temporary',
  'transferred',
  'illness',
  'other'
] as const
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

/** What the user edits of a rule set. */
export type EvaluationRuleSetFields = Omit<EvaluationRuleSet, 'id' | 'toYear'>
/** A rule set as its form holds it: id null for a new one. */
export type EvaluationRuleSetInput = EvaluationRuleSetFields & { id: number | null }

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

/** What a save changed on the sheet (not the whole sheet again): the page patches its copy. */
export interface EvaluationSaveResult {
  saved: number
  /** The rows saved, as the sheet now shows them; a saved member no longer on the sheet (left,
   *  all ratings cleared) is absent. */
  rows: EvaluationRow[]
  /** The groups of the units the saved members are in or were in, in tree order; a group left
   *  with no member is absent. The other groups are unchanged. */
  groups: EvaluationGroup[]
  /** The sheet's totals and quota checks, whole (they are a few figures). */
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
  /** Place for the "<Place>, ngày … tháng … năm …" line. */
  place?: string
}

export interface EvaluationImportInput {
  year: number
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
  /** Names the file the user chose, for applyImport (the page never holds a path). */
  token: string
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

// ---------------------------------------------------------------- channels

export interface EvaluationApi {
  /** Members of a unit (and its subtree) with their three ratings of the year, totals and quota. */
  'evaluation:sheet': { input: { year: number; unitId: number }; output: EvaluationSheet }
  /** Saves ratings, reasons, scores and notes in one transaction. */
  'evaluation:save': { input: EvaluationSaveInput; output: EvaluationSaveResult }
  /** Fast entry: copies a stage into the next, or marks those the rules exempt. */
  'evaluation:fill': {
    input: EvaluationFillInput
    output: { changed: number; sheet: EvaluationSheet }
  }
  'evaluation:listRules': { input: null; output: EvaluationRuleSet[] }
  'evaluation:createRule': { input: EvaluationRuleSetFields; output: EvaluationRuleSet }
  'evaluation:updateRule': {
    input: { id: number; fields: EvaluationRuleSetFields }
    output: EvaluationRuleSet
  }
  'evaluation:deleteRule': { input: { id: number }; output: null }
  /** Marks a unit as a tổ chức cơ sở đảng (true), not one (false), or by its level label (null). */
  'evaluation:setGrassroots': { input: { unitId: number; value: boolean | null }; output: null }
  /** Saves the party-format summary sheet (.xlsx); null when cancelled. */
  'evaluation:export': {
    input: EvaluationExportInput
    output: { path: string; rows: number } | null
  }
  /** Reads a filled sheet and tells what importing it would change; commits nothing. Null when cancelled. */
  'evaluation:previewImport': {
    input: EvaluationImportInput
    output: EvaluationImportPreview | null
  }
  /** Backs up, then imports the ratings and notes of the sheet in one transaction. */
  'evaluation:applyImport': {
    input: { year: number; token: string; fingerprint: string }
    output: EvaluationImportResult
  }
}

export const EVALUATION_CHANNELS = [
  'evaluation:sheet',
  'evaluation:save',
  'evaluation:fill',
  'evaluation:listRules',
  'evaluation:createRule',
  'evaluation:updateRule',
  'evaluation:deleteRule',
  'evaluation:setGrassroots',
  'evaluation:export',
  'evaluation:previewImport',
  'evaluation:applyImport'
] as const satisfies readonly (keyof EvaluationApi)[]

const _allEvaluationApiListed: ListsAll<EvaluationApi, typeof EVALUATION_CHANNELS> = true
void _allEvaluationApiListed
