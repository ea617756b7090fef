// Tuyên truyền (DOMAIN part 5): the anniversary calendar, propaganda activities, the works the
// area submits to the press award on party building, and their counts rolled up the tree.
import type { ListsAll } from './common'

export const PROPAGANDA_KINDS = [
  'conference',
  'contest',
  'themed_meeting',
  'exhibition',
  'arts',
  'mobile',
  'banners',
  'portal',
  'radio_press',
  'social_media',
  'other'
] as const
export type PropagandaKind = (typeof PROPAGANDA_KINDS)[number]

export const PROPAGANDA_KIND_LABELS: Record<PropagandaKind, string> = {
  conference: 'Hội nghị, tọa đàm',
  contest: 'Hội thi',
  themed_meeting: 'Sinh hoạt chuyên đề',
  exhibition: 'Triển lãm, trưng bày',
  arts: 'Văn nghệ',
  mobile: 'Tuyên truyền lưu động',
  banners: 'Pano, áp phích, băng rôn',
  portal: 'Tin, bài trên cổng thông tin điện tử',
  radio_press: 'Phát thanh, báo chí',
  social_media: 'Mạng xã hội',
  other: 'Hình thức khác'
}

export const PRESS_CATEGORIES = ['print', 'online', 'radio', 'television', 'photo'] as const
export type PressCategory = (typeof PRESS_CATEGORIES)[number]
export const PRESS_CATEGORY_LABELS: Record<PressCategory, string> = {
  print: 'Báo in',
  online: 'Báo điện tử',
  radio: 'Phát thanh',
  television: 'Truyền hình',
  photo: 'Ảnh báo chí'
}

export const PRESS_STAGES = ['submitted', 'preliminary', 'final'] as const
export type PressStage = (typeof PRESS_STAGES)[number]
export const PRESS_STAGE_LABELS: Record<PressStage, string> = {
  submitted: 'Đã gửi dự giải',
  preliminary: 'Vào vòng sơ khảo',
  final: 'Vào vòng chung khảo'
}

export const PRESS_RESULTS = ['not_awarded', 'special', 'a', 'b', 'c', 'encouragement'] as const
export type PressResult = (typeof PRESS_RESULTS)[number]
export const PRESS_RESULT_LABELS: Record<PressResult, string> = {
  not_awarded: 'Không đạt giải',
  special: 'Giải Đặc biệt',
  a: 'Giải A',
  b: 'Giải B',
  c: 'Giải C',
  encouragement: 'Giải Khuyến khích'
}
/** The results that count as awarded. */
export const PRESS_AWARDED: readonly PressResult[] = ['special', 'a', 'b', 'c', 'encouragement']

export interface AnniversaryFields {
  title: string
  /** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source. */
  date: string
  source: string | null
  note: string | null
}

export interface Anniversary extends AnniversaryFields {
  id: number
  /** Brought by the app (resources/anniversaries.json) rather than added by the office. */
  seeded: boolean
}

/** An anniversary in a working year (shared/anniversary.ts computes it). */
export interface AnniversaryOfYear extends Anniversary {
  years: number
  round: 'ten' | 'five' | null
  /** When it falls in the year, as precise as the event's date. */
  on: string
  label: string
  /** Activities recorded for it in the year. */
  activities: number
}

export interface PropagandaActivityFields {
  kind: PropagandaKind
  startsOn: string
  /** The last day of a range; null for one day. */
  endsOn: string | null
  unitId: number
  title: string | null
  /** Tied to the year's topic. */
  onTopic: boolean
  anniversaryId: number | null
  /** Connection points ("điểm cầu"). */
  points: number
  members: number
  nonMembers: number
  /** Attendances ("lượt") where the head count is not known; never added to the people. */
  attendances: number
  news: number
  articles: number
  reports: number
  panels: number
  note: string | null
}

export interface PropagandaActivity extends PropagandaActivityFields {
  id: number
  unitName: string
  anniversaryTitle: string | null
}

export interface PropagandaListInput {
  /** The unit and its subtree; null for the whole organisation. */
  unitId: number | null
  from: string
  to: string
  kind?: PropagandaKind | null
  anniversaryId?: number | null
}

export interface PressAuthor {
  personId: number | null
  name: string
}

export interface PressWorkFields {
  awardYear: number
  title: string
  authors: PressAuthor[]
  outlet: string | null
  publishedOn: string
  category: PressCategory
  link: string | null
  unitId: number
  stage: PressStage
  result: PressResult | null
  note: string | null
}

export interface PressWork extends PressWorkFields {
  id: number
  unitName: string
  /** Set when the publication date is outside the award year's window (1/11 – 31/10). */
  warning: string | null
}

export interface PressListInput {
  unitId: number | null
  awardYear: number | null
}

export const PROPAGANDA_MEASURES = [
  'activities',
  'points',
  'members',
  'nonMembers',
  'attendances',
  'news',
  'articles',
  'reports',
  'panels',
  'works',
  'awarded'
] as const
export type PropagandaMeasure = (typeof PROPAGANDA_MEASURES)[number]
export type PropagandaCounts = Record<PropagandaMeasure, number>

/** One unit's whole subtree rolled up. */
export interface PropagandaCountsRow {
  unitId: number
  parentId: number | null
  name: string
  level: string
  /** 0 for the unit asked for (or the roots); -1 for a total over several roots. */
  depth: number
  counts: PropagandaCounts
  /** Activities of each kind (the other measures of that kind too). */
  byKind: Record<PropagandaKind, PropagandaCounts>
}

export interface PropagandaCountsInput {
  unitId: number | null
  from: string
  to: string
}

export interface PropagandaCountsResult {
  from: string
  to: string
  rows: PropagandaCountsRow[]
  total: PropagandaCountsRow | null
}

/** What a printed list takes besides its filters; never a file (the handler asks where). */
export interface PropagandaExportTarget {
  /** The place name written before the date ("Tân Lập, ngày …"). */
  place?: string
}

/** The working year's anniversaries printed; the issuing unit is the top of the tree when none is given. */
export interface PropagandaAnniversariesExportInput extends PropagandaExportTarget {
  year: number
  unitId: number | null
}

/** The activity list printed, with the filters of the list on screen. */
export interface PropagandaActivitiesExportInput
  extends PropagandaListInput, PropagandaExportTarget {}

export interface PropagandaExportResult {
  path: string
  rows: number
}

export interface PropagandaApi {
  /** The events with an anniversary in the year, in the order they fall. */
  'propaganda:listAnniversaries': { input: { year: number }; output: AnniversaryOfYear[] }
  /** Every event of the calendar, oldest first. */
  'propaganda:listEvents': { input: null; output: Anniversary[] }
  'propaganda:createAnniversary': { input: AnniversaryFields; output: Anniversary }
  'propaganda:updateAnniversary': {
    input: { id: number; fields: AnniversaryFields }
    output: Anniversary
  }
  /** Refused while activities name it. */
  'propaganda:deleteAnniversary': { input: { id: number }; output: null }
  /** The next anniversaries from a day on (the rest of its year), the round ones first among equals. */
  'propaganda:upcoming': { input: { today: string; limit: number }; output: AnniversaryOfYear[] }
  'propaganda:listActivities': { input: PropagandaListInput; output: PropagandaActivity[] }
  'propaganda:getActivity': { input: { id: number }; output: PropagandaActivity }
  'propaganda:createActivity': { input: PropagandaActivityFields; output: PropagandaActivity }
  'propaganda:updateActivity': {
    input: { id: number; fields: PropagandaActivityFields }
    output: PropagandaActivity
  }
  'propaganda:deleteActivity': { input: { id: number }; output: null }
  'propaganda:listPressWorks': { input: PressListInput; output: PressWork[] }
  'propaganda:createPressWork': { input: PressWorkFields; output: PressWork }
  'propaganda:updatePressWork': {
    input: { id: number; fields: PressWorkFields }
    output: PressWork
  }
  'propaganda:deletePressWork': { input: { id: number }; output: null }
  /** Counts per unit rolled up the tree for a period (activities by start day, works by publication day). */
  'propaganda:counts': { input: PropagandaCountsInput; output: PropagandaCountsResult }
  /** Saves "Danh sách các ngày kỷ niệm năm Y" (.xlsx); null when the user cancelled. */
  'propaganda:exportAnniversaries': {
    input: PropagandaAnniversariesExportInput
    output: PropagandaExportResult | null
  }
  /** Saves "Danh sách hoạt động tuyên truyền" of a period (.xlsx); null when cancelled. */
  'propaganda:exportActivities': {
    input: PropagandaActivitiesExportInput
    output: PropagandaExportResult | null
  }
}

export const PROPAGANDA_CHANNELS = [
  'propaganda:listAnniversaries',
  'propaganda:listEvents',
  'propaganda:createAnniversary',
  'propaganda:updateAnniversary',
  'propaganda:deleteAnniversary',
  'propaganda:upcoming',
  'propaganda:listActivities',
  'propaganda:getActivity',
  'propaganda:createActivity',
  'propaganda:updateActivity',
  'propaganda:deleteActivity',
  'propaganda:listPressWorks',
  'propaganda:createPressWork',
  'propaganda:updatePressWork',
  'propaganda:deletePressWork',
  'propaganda:counts',
  'propaganda:exportAnniversaries',
  'propaganda:exportActivities'
] as const satisfies readonly (keyof PropagandaApi)[]

const _allPropagandaApiListed: ListsAll<PropagandaApi, typeof PROPAGANDA_CHANNELS> = true
void _allPropagandaApiListed
