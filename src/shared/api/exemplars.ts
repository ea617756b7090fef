// The exemplars part of the contract (Thi đua & điển hình): emulation movements, the register of
// exemplars and models with their status flow, reward decisions with their recipients, who may
// award what (editable data), candidates from other sections, and the counts rolled up the tree.

import type { ListsAll } from './common'

/** cá nhân (a person on file), tập thể (a unit of the tree, or an outside collective by name), mô hình. */
export const EXEMPLAR_KINDS = ['person', 'unit', 'outside', 'model'] as const
export type ExemplarKind = (typeof EXEMPLAR_KINDS)[number]
/** đề xuất → được công nhận → được biểu dương/khen thưởng → nhân rộng (only forward). */
export const EXEMPLAR_STATUSES = ['proposed', 'recognised', 'rewarded', 'spread'] as const
export type ExemplarStatus = (typeof EXEMPLAR_STATUSES)[number]
/** biểu dương, giấy khen, bằng khen, giấy chứng nhận và biểu trưng, cờ. */
export const AWARD_FORMS = ['praise', 'certificate', 'merit', 'emblem', 'flag'] as const
export type AwardForm = (typeof AWARD_FORMS)[number]
/** hằng năm, 5 năm, đột xuất, chuyên đề. */
export const AWARD_KINDS = ['annual', 'five_year', 'ad_hoc', 'thematic'] as const
export type AwardKind = (typeof AWARD_KINDS)[number]

export interface MovementFields {
  year: number
  title: string
  /** The launching unit; its subtree is the movement's scope. */
  unitId: number
  decisionNumber: string | null
  decisionDate: string | null
  fromDate: string | null
  toDate: string | null
  criteria: string | null
}
export interface Movement extends MovementFields {
  id: number
  unitName: string
}

export interface PressItem {
  outlet: string
  date: string | null
  title: string
  link: string | null
}

export interface ExemplarFields {
  kind: ExemplarKind
  /** kind 'person': the person on file; the name comes from the record. */
  personId: number | null
  /** kind 'unit': the collective; kind 'model': the owning unit. */
  unitId: number | null
  /** kind 'outside' and 'model': the collective's or the model's name. */
  name: string | null
  /** kind 'model': lĩnh vực. */
  field: string | null
  /** kind 'model': since which year. */
  sinceYear: number | null
  achievement: string | null
  /** Hình thức đề nghị: the form the proposing unit asks for (the proposal list's column). */
  proposedForm: AwardForm | null
  proposingUnitId: number
  year: number
  /** Last year of a period (5-year review); null for one year. */
  toYear: number | null
  movementId: number | null
  evidence: string | null
  press: PressItem[]
}

export interface ExemplarStep {
  status: ExemplarStatus
  date: string
  unitId: number | null
  unitName: string | null
  note: string | null
}

export interface Exemplar extends ExemplarFields {
  id: number
  /** The person's, the unit's, or the given name. */
  displayName: string
  /** Chức vụ, đơn vị: a person's position and unit, a unit's parent. */
  placeText: string
  proposingUnitName: string
  movementTitle: string | null
  status: ExemplarStatus
  steps: ExemplarStep[]
}

export interface ExemplarListInput {
  unitId?: number | null
  year?: number | null
  kind?: ExemplarKind | null
  status?: ExemplarStatus | null
  movementId?: number | null
  search?: string | null
  offset?: number
  limit?: number
}
export interface ExemplarList {
  rows: Exemplar[]
  total: number
}

export interface AwardRecipientInput {
  exemplarId: number | null
  personId: number | null
  unitId: number | null
  citation: string | null
}
export interface AwardRecipient extends AwardRecipientInput {
  displayName: string
  placeText: string
}

export interface AwardFields {
  number: string
  date: string
  /** A unit of the tree, or an outside body by name ("UBND tỉnh"). */
  issuerUnitId: number | null
  issuerName: string | null
  form: AwardForm
  kind: AwardKind
  occasion: string | null
  signer: string | null
  recipients: AwardRecipientInput[]
}
export interface Award extends Omit<AwardFields, 'recipients'> {
  id: number
  year: number
  /** The issuer's level label (its unit's level, or the outside body's name). */
  issuerLevel: string
  issuerDisplay: string
  recipients: AwardRecipient[]
}
/** A saved decision and what a clerk should look at again (never a block). */
export interface AwardSaved {
  award: Award
  warnings: string[]
}

/** Who may award what at one level (seeded from DOMAIN part 4, the user's to edit). */
export interface AwardPower {
  /** The level label as units carry it ("Chi bộ", "Đảng ủy cơ sở", "Tỉnh ủy") or an outside body ("UBND tỉnh"). */
  level: string
  forms: AwardForm[]
}

export interface ExemplarCandidate {
  kind: 'person' | 'unit'
  personId: number | null
  unitId: number | null
  name: string
  unitName: string
  /** Why: "Xếp loại HTXSNV năm 2025", "Được biểu dương 3 lần khi kiểm điểm cam kết" … */
  reason: string
  /** Already in the register for that year. */
  registered: boolean
}

export const EXEMPLAR_MEASURES = [
  'persons',
  'collectives',
  'models',
  'modelsSpread',
  'proposed',
  'recognised',
  'rewarded',
  'spread',
  ...AWARD_FORMS.map((f) => `awards_${f}` as const)
] as const
export type ExemplarMeasure = (typeof EXEMPLAR_MEASURES)[number]

export interface ExemplarCountRow {
  unitId: number
  name: string
  level: string
  depth: number
  counts: Record<ExemplarMeasure, number>
}
export interface ExemplarCounts {
  fromYear: number
  toYear: number
  rows: ExemplarCountRow[]
  total: ExemplarCountRow | null
  /** Rewards by the issuer's level × form, for recipients in the scope. */
  byLevel: { level: string; counts: Record<AwardForm, number> }[]
}

export interface ProposalImportInput {
  /** The unit whose list comes back (a chi bộ): people and units are looked for in its subtree. */
  unitId: number
  year: number
}

/** A row of the list that will be written: a new proposal, or one already registered that changes. */
export interface ProposalImportRow {
  /** 1-based row in the sheet. */
  row: number
  action: 'add' | 'update'
  exemplarId: number | null
  kind: ExemplarKind
  /** The name on file (a person's or unit's), or the model's or outside collective's as written. */
  name: string
  placeText: string
  /** 'id': by the hidden Mã column; 'name': by name in the unit's subtree; 'new': a model or outside collective. */
  matchedBy: 'id' | 'name' | 'new'
  achievement: string | null
  proposedForm: AwardForm | null
  /** What an update changes: "Tóm tắt thành tích", "Hình thức đề nghị". */
  changes: string[]
}

export interface ProposalImportPreview {
  /** Names the file read, for applying it (the page never holds a path). */
  token: string
  fileName: string
  /** Size and time of the file read: applying refuses a file changed since. */
  fingerprint: string
  sheetName: string
  unitName: string
  /** The year named in the sheet's subtitle, if any. */
  fileYear: number | null
  rows: ProposalImportRow[]
  /** Rows already registered exactly as in the file. */
  unchanged: number
  notMatched: { row: number; name: string; reason: string }[]
  /** What the file holds that is not imported (unreadable forms, other columns …). */
  ignored: { row: number | null; column: string | null; message: string }[]
}

export interface ProposalImportResult extends ProposalImportPreview {
  added: number
  updated: number
  /** File name of the backup taken first; null when nothing had to change. */
  backup: string | null
}

export interface ExemplarsApi {
  'exemplars:listMovements': { input: { year: number | null }; output: Movement[] }
  'exemplars:createMovement': { input: MovementFields; output: Movement }
  'exemplars:updateMovement': { input: { id: number; fields: MovementFields }; output: Movement }
  'exemplars:deleteMovement': { input: { id: number }; output: null }
  'exemplars:list': { input: ExemplarListInput; output: ExemplarList }
  'exemplars:get': { input: { id: number }; output: Exemplar }
  'exemplars:create': { input: ExemplarFields; output: Exemplar }
  'exemplars:update': { input: { id: number; fields: ExemplarFields }; output: Exemplar }
  'exemplars:delete': { input: { id: number }; output: null }
  /** Moves the status forward one or more steps, each dated and by a unit. */
  'exemplars:setStatus': {
    input: {
      id: number
      status: ExemplarStatus
      date: string
      unitId: number | null
      note: string | null
    }
    output: Exemplar
  }
  'exemplars:listAwards': { input: { year: number | null; unitId: number | null }; output: Award[] }
  /** Saves a decision; warnings for a form beyond the issuer's power and for an achievement rewarded twice. */
  'exemplars:createAward': { input: AwardFields; output: AwardSaved }
  'exemplars:deleteAward': { input: { id: number }; output: null }
  /** The same warnings without saving, for the form to show before the clerk saves. */
  'exemplars:checkAward': { input: AwardFields; output: string[] }
  'exemplars:listPowers': { input: null; output: AwardPower[] }
  'exemplars:savePowers': { input: AwardPower[]; output: AwardPower[] }
  'exemplars:candidates': { input: { unitId: number; year: number }; output: ExemplarCandidate[] }
  'exemplars:counts': {
    input: { unitId: number | null; fromYear: number; toYear: number }
    output: ExemplarCounts
  }
  /** Saves "Danh sách đề nghị khen thưởng" of a unit's not yet rewarded exemplars (.xlsx); null when cancelled. */
  'exemplars:exportProposals': {
    input: { unitId: number; year: number; place?: string }
    output: { path: string; rows: number } | null
  }
  /** Reads a proposal list filled in by a chi bộ and says what importing it would do; null when cancelled. */
  'exemplars:previewProposals': {
    input: ProposalImportInput
    output: ProposalImportPreview | null
  }
  /** Imports the previewed file in one transaction, after a backup. */
  'exemplars:applyProposals': {
    input: { unitId: number; year: number; token: string; fingerprint: string }
    output: ProposalImportResult
  }
}

export const EXEMPLARS_CHANNELS = [
  'exemplars:listMovements',
  'exemplars:createMovement',
  'exemplars:updateMovement',
  'exemplars:deleteMovement',
  'exemplars:list',
  'exemplars:get',
  'exemplars:create',
  'exemplars:update',
  'exemplars:delete',
  'exemplars:setStatus',
  'exemplars:listAwards',
  'exemplars:createAward',
  'exemplars:deleteAward',
  'exemplars:checkAward',
  'exemplars:listPowers',
  'exemplars:savePowers',
  'exemplars:candidates',
  'exemplars:counts',
  'exemplars:exportProposals',
  'exemplars:previewProposals',
  'exemplars:applyProposals'
] as const satisfies readonly (keyof ExemplarsApi)[]

const _allExemplarsApiListed: ListsAll<ExemplarsApi, typeof EXEMPLARS_CHANNELS> = true
void _allExemplarsApiListed
