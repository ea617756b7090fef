// Kiểm tra, giám sát (DOMAIN part 6): the year's plan, each inspection or supervision from its
// decision to its conclusion (team, targets, dated documents with their files, findings), the
// recommendations followed until they are done, and the counts rolled up the tree.
import type { ListsAll } from './common'

export const INSPECTION_KINDS = ['inspection', 'supervision'] as const
export type InspectionKind = (typeof INSPECTION_KINDS)[number]
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  inspection: 'Kiểm tra',
  supervision: 'Giám sát'
}

/** Supervision is ongoing or thematic (QĐ 86-QĐ/TW); an inspection is thematic. */
export const INSPECTION_MODES = ['thematic', 'ongoing'] as const
export type InspectionMode = (typeof INSPECTION_MODES)[number]
export const INSPECTION_MODE_LABELS: Record<InspectionMode, string> = {
  thematic: 'Chuyên đề',
  ongoing: 'Thường xuyên'
}

/** The steps of an inspection, in the one order they are taken (QĐ 89-QĐ/TW, QĐ 296-QĐ/TW). */
export const INSPECTION_STATUSES = [
  'planned',
  'notified',
  'self_review',
  'at_work',
  'results_adopted',
  'concluded',
  'closed'
] as const
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number]
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  planned: 'Đã lên kế hoạch',
  notified: 'Đã thông báo',
  self_review: 'Đã nhận báo cáo tự kiểm tra',
  at_work: 'Đoàn đang làm việc',
  results_adopted: 'Đã thông qua kết quả',
  concluded: 'Đã ban hành thông báo kết luận',
  closed: 'Đã kết thúc'
}

export const TEAM_ROLES = ['head', 'deputy', 'member', 'secretary'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  head: 'Trưởng đoàn',
  deputy: 'Phó trưởng đoàn',
  member: 'Thành viên',
  secretary: 'Thư ký'
}

export const INSPECTION_DOCUMENT_KINDS = [
  'decision',
  'plan',
  'self_review',
  'minutes',
  'results_report',
  'conclusion',
  'other'
] as const
export type InspectionDocumentKind = (typeof INSPECTION_DOCUMENT_KINDS)[number]
export const INSPECTION_DOCUMENT_KIND_LABELS: Record<InspectionDocumentKind, string> = {
  decision: 'Quyết định thành lập đoàn',
  plan: 'Kế hoạch kiểm tra, giám sát',
  self_review: 'Báo cáo tự kiểm tra',
  minutes: 'Biên bản',
  results_report: 'Báo cáo kết quả',
  conclusion: 'Thông báo kết luận',
  other: 'Văn bản khác'
}

export const FINDING_KINDS = ['strength', 'shortcoming'] as const
export type FindingKind = (typeof FINDING_KINDS)[number]
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  strength: 'Ưu điểm',
  shortcoming: 'Hạn chế, khuyết điểm'
}

/** A recommendation's status on a given day: done, past its deadline, or still open. */
export const RECOMMENDATION_STATUSES = ['open', 'done', 'late'] as const
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number]
export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  open: 'Đang thực hiện',
  done: 'Đã thực hiện',
  late: 'Quá hạn'
}

/** Where a plan item stands: computed from the inspection started for it and the day. */
export const PLAN_STATES = ['not_started', 'running', 'done', 'late'] as const
export type PlanState = (typeof PLAN_STATES)[number]
export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  not_started: 'Chưa tiến hành',
  running: 'Đang tiến hành',
  done: 'Đã hoàn thành',
  late: 'Chậm so với kế hoạch'
}

export interface PlanItemFields {
  year: number
  kind: InspectionKind
  mode: InspectionMode
  /** The unit that carries it out (its committee). */
  unitId: number
  targetUnitIds: number[]
  content: string
  /** Planned quarter (1–4) or month (1–12): exactly one of them. */
  quarter: number | null
  month: number | null
  note: string | null
}

export interface PlanItem extends PlanItemFields {
  id: number
  unitName: string
  targetNames: string[]
  /** The inspection started for it, if any. */
  inspectionId: number | null
  state: PlanState
}

export interface TeamMember {
  role: TeamRole
  /** A person on file, or null for a name from outside (another committee's staff). */
  personId: number | null
  name: string
}

export interface InspectionTarget {
  unitId: number
  /** Party members covered in that unit (as the team reports them). */
  members: number
}

export interface InspectionFields {
  kind: InspectionKind
  mode: InspectionMode
  /** The plan item it carries out, if any. */
  planItemId: number | null
  /** The unit that carries it out (its committee). */
  unitId: number
  content: string
  decisionNumber: string | null
  decisionDate: string | null
  /** The period checked. */
  periodFrom: string | null
  periodTo: string | null
  /** The team's working dates. */
  startsOn: string | null
  endsOn: string | null
  team: TeamMember[]
  targets: InspectionTarget[]
  note: string | null
}

export interface InspectionSummary {
  id: number
  kind: InspectionKind
  mode: InspectionMode
  unitId: number
  unitName: string
  content: string
  decisionNumber: string | null
  decisionDate: string | null
  startsOn: string | null
  endsOn: string | null
  status: InspectionStatus
  targetNames: string[]
  recommendations: number
  late: number
}

export interface InspectionDocument {
  id: number
  inspectionId: number
  kind: InspectionDocumentKind
  number: string | null
  datedOn: string
  title: string | null
  /** The name of the file the user attached (a copy is kept beside the data file). */
  fileName: string | null
  fileSize: number | null
  note: string | null
}

export interface Finding {
  id: number
  kind: FindingKind
  text: string
}

export interface Recommendation {
  id: number
  inspectionId: number
  inspectionContent: string
  unitId: number
  unitName: string
  text: string
  dueOn: string
  madeOn: string
  doneOn: string | null
  doneNote: string | null
  /** As of the day asked for (today unless said). */
  status: RecommendationStatus
}

export interface Inspection extends Omit<InspectionFields, 'targets'> {
  id: number
  unitName: string
  status: InspectionStatus
  targets: (InspectionTarget & { name: string })[]
  documents: InspectionDocument[]
  findings: Finding[]
  recommendations: Recommendation[]
}

export interface DocumentInput {
  inspectionId: number
  kind: InspectionDocumentKind
  number: string | null
  datedOn: string
  title: string | null
  note: string | null
  /** Attach a file: the user chooses it (the CLI and tests answer the dialog with a path). */
  attach?: boolean
}

export interface RecommendationFields {
  inspectionId: number
  unitId: number
  text: string
  dueOn: string
  madeOn: string
}

export interface RecommendationListInput {
  /** The responsible unit and its subtree; null for all. */
  unitId: number | null
  inspectionId?: number | null
  /** Only those late on `asOf`. */
  lateOnly?: boolean
  /** Only those not done on `asOf` (open or late). */
  openOnly?: boolean
  /** The day statuses are computed for. */
  asOf: string
}

export const INSPECTION_MEASURES = [
  'inspections',
  'supervisions',
  'organisations',
  'members',
  'recommendations',
  'done',
  'late'
] as const
export type InspectionMeasure = (typeof INSPECTION_MEASURES)[number]

export interface InspectionCountsRow {
  unitId: number
  parentId: number | null
  name: string
  level: string
  depth: number
  counts: Record<InspectionMeasure, number>
}

export interface InspectionCountsResult {
  from: string
  to: string
  rows: InspectionCountsRow[]
  total: InspectionCountsRow | null
}

export interface InspectionExportInput {
  /** Place for the "<Place>, ngày … tháng … năm …" line. */
  place?: string
}

export interface InspectionsApi {
  'inspections:listPlanItems': { input: { year: number; today: string }; output: PlanItem[] }
  'inspections:createPlanItem': { input: PlanItemFields; output: PlanItem }
  'inspections:updatePlanItem': { input: { id: number; fields: PlanItemFields }; output: PlanItem }
  /** Refused once an inspection was started for it. */
  'inspections:deletePlanItem': { input: { id: number }; output: null }
  /** A year's inspections (by working start, else decision date, else creation year). */
  'inspections:list': { input: { year: number; today: string }; output: InspectionSummary[] }
  'inspections:get': { input: { id: number; today: string }; output: Inspection }
  'inspections:create': { input: InspectionFields; output: Inspection }
  'inspections:update': { input: { id: number; fields: InspectionFields }; output: Inspection }
  /** Refused once it has documents or recommendations. */
  'inspections:delete': { input: { id: number }; output: null }
  /** Moves to the next step only; any other step is refused with what comes next. */
  'inspections:setStatus': {
    input: { id: number; status: InspectionStatus }
    output: Inspection
  }
  /** null when the user cancelled choosing the file. */
  'inspections:addDocument': { input: DocumentInput; output: InspectionDocument | null }
  'inspections:deleteDocument': { input: { id: number }; output: null }
  /** Saves a copy of the attached file where the user says. */
  'inspections:saveDocumentFile': {
    input: { id: number }
    output: { path: string } | null
  }
  'inspections:saveFindings': {
    input: { inspectionId: number; findings: { kind: FindingKind; text: string }[] }
    output: Finding[]
  }
  'inspections:createRecommendation': { input: RecommendationFields; output: Recommendation }
  'inspections:updateRecommendation': {
    input: { id: number; fields: RecommendationFields }
    output: Recommendation
  }
  'inspections:deleteRecommendation': { input: { id: number }; output: null }
  /** Marks done on a day with a note of what was done; `doneOn: null` opens it again. */
  'inspections:setRecommendationDone': {
    input: { id: number; doneOn: string | null; note: string | null }
    output: Recommendation
  }
  'inspections:listRecommendations': {
    input: RecommendationListInput
    output: Recommendation[]
  }
  'inspections:counts': {
    input: { unitId: number | null; from: string; to: string }
    output: InspectionCountsResult
  }
  'inspections:exportPlan': {
    input: InspectionExportInput & { year: number; unitId: number; today: string }
    output: { path: string } | null
  }
  'inspections:exportRecommendations': {
    input: InspectionExportInput & { year: number; unitId: number; asOf: string }
    output: { path: string } | null
  }
  /** The decision forming the team or the conclusion notice, as a .docx draft. */
  'inspections:exportDraft': {
    input: InspectionExportInput & { id: number; draft: 'decision' | 'conclusion' }
    output: { path: string } | null
  }
}

export const INSPECTIONS_CHANNELS = [
  'inspections:listPlanItems',
  'inspections:createPlanItem',
  'inspections:updatePlanItem',
  'inspections:deletePlanItem',
  'inspections:list',
  'inspections:get',
  'inspections:create',
  'inspections:update',
  'inspections:delete',
  'inspections:setStatus',
  'inspections:addDocument',
  'inspections:deleteDocument',
  'inspections:saveDocumentFile',
  'inspections:saveFindings',
  'inspections:createRecommendation',
  'inspections:updateRecommendation',
  'inspections:deleteRecommendation',
  'inspections:setRecommendationDone',
  'inspections:listRecommendations',
  'inspections:counts',
  'inspections:exportPlan',
  'inspections:exportRecommendations',
  'inspections:exportDraft'
] as const satisfies readonly (keyof InspectionsApi)[]

const _allInspectionsApiListed: ListsAll<InspectionsApi, typeof INSPECTIONS_CHANNELS> = true
void _allInspectionsApiListed
