// Vietnamese names of the contract's codes, for every place a user reads them (UI and CLI).
import type { Gender, MemberType, PersonKind, PersonStatus, StudySessionKind } from './api'
import type { NotRatedReason, QuotaBase, QuotaScope, Rating, RatingLevel, RatingStage } from './api'
import type {
  CommitmentHeading,
  CommitmentOutcome,
  CommitmentResultCode,
  CommitmentReviewer,
  CommitmentReviewKind,
  CommitmentState
} from './api'
import type { ImportProblem, ImportProblemOutcome } from './api'
import type { AuditAction } from './api'

export const STATUS_LABELS: Record<PersonStatus, string> = {
  active: 'Đang sinh hoạt',
  exempt: 'Miễn công tác và sinh hoạt',
  suspended: 'Đình chỉ sinh hoạt',
  temporary: 'Sinh hoạt tạm thời',
  transferred: 'Đã chuyển đi',
  removed: 'Xóa tên',
  expelled: 'Khai trừ',
  deceased: 'Từ trần'
}

export const GENDER_LABELS: Record<Gender, string> = {
  male: 'Nam',
  female: 'Nữ'
}

export const KIND_LABELS: Record<PersonKind, string> = {
  member: 'Đảng viên',
  non_member: 'Quần chúng'
}

export const MEMBER_TYPE_LABELS: Record<MemberType, string> = {
  official: 'Chính thức',
  probationary: 'Dự bị'
}

// ---- study (học tập chuyên đề)

export const STUDY_SESSION_KIND_LABELS: Record<StudySessionKind, string> = {
  provincial_online: 'Hội nghị trực tuyến cấp tỉnh',
  district_conference: 'Hội nghị cấp huyện / đảng ủy',
  cell_meeting: 'Sinh hoạt chi bộ',
  unit_conference: 'Hội nghị cơ quan, đơn vị',
  makeup: 'Học bù'
}

// ---- commitments (cam kết)

/** Headings of a commitment, as printed ("I. VỀ TƯ TƯỞNG CHÍNH TRỊ"). */
export const COMMITMENT_HEADING_LABELS: Record<CommitmentHeading, string> = {
  politics: 'Về tư tưởng chính trị',
  ethics: 'Về đạo đức, lối sống',
  duty: 'Về thực hiện chức trách, nhiệm vụ được giao',
  discipline: 'Về ý thức tổ chức kỷ luật, tinh thần nêu gương',
  topic: 'Về học tập và làm theo Chuyên đề của năm',
  breakthrough: 'Nội dung đột phá'
}

/**
 * Year-end result of a commitment. Three levels, not the four of the yearly rating: the chi bộ
 * judges whether the person did what they committed to (the wording of chi bộ minutes:
 * "hoàn thành tốt / hoàn thành / không hoàn thành cam kết"); "xuất sắc" belongs to the rating
 * (HTXSNV), which weighs this result among other things. Distinct words keep the two apart
 * when both stand side by side in the evaluation sheet.
 */
export const COMMITMENT_RESULT_LABELS: Record<CommitmentResultCode, string> = {
  completed_well: 'Hoàn thành tốt',
  completed: 'Hoàn thành',
  not_completed: 'Không hoàn thành'
}

export const COMMITMENT_OUTCOME_LABELS: Record<CommitmentOutcome, string> = {
  praise: 'Biểu dương',
  reminder: 'Nhắc nhở',
  none: 'Không'
}

export const COMMITMENT_REVIEW_KIND_LABELS: Record<CommitmentReviewKind, string> = {
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý'
}

export const COMMITMENT_REVIEWER_LABELS: Record<CommitmentReviewer, string> = {
  party_cell: 'Chi bộ (sinh hoạt chi bộ)',
  unit_leaders: 'Lãnh đạo cơ quan, đơn vị (quần chúng)'
}

export const COMMITMENT_STATE_LABELS: Record<CommitmentState, string> = {
  made: 'Đã lập',
  missing: 'Chưa lập',
  not_asked: 'Không phải lập (miễn sinh hoạt)'
}

// ---- year-end rating (đánh giá, xếp loại)

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ'
}

/** As written in the sheets' rating columns: the abbreviations everyone uses, or "Không xếp loại". */
export const RATING_SHORT_LABELS: Record<Rating, string> = {
  HTXSNV: 'HTXSNV',
  HTTNV: 'HTTNV',
  HTNV: 'HTNV',
  KHTNV: 'KHTNV',
  not_rated: 'Không xếp loại'
}

export const RATING_STAGE_LABELS: Record<RatingStage, string> = {
  self: 'Tự xếp loại',
  proposed: 'Chi bộ đề xuất',
  decided: 'Cấp ủy quyết định'
}

export const NOT_RATED_REASON_LABELS: Record<NotRatedReason, string> = {
  exempt: 'Miễn công tác và sinh hoạt đảng',
  suspended: 'Đình chỉ sinh hoạt đảng',
  new_member: 'Mới kết nạp chưa đủ 6 tháng',
  temporary: 'Sinh hoạt tạm thời (xếp loại ở nơi sinh hoạt chính thức)',
  transferred: 'Chuyển sinh hoạt đảng',
  illness: 'Ốm đau, điều trị dài ngày',
  other: 'Lý do khác'
}

export const QUOTA_BASE_LABELS: Record<QuotaBase, string> = {
  httnv: 'số được xếp loại HTTNV',
  httnv_or_better: 'số được xếp loại HTTNV trở lên (gồm cả HTXSNV)',
  rated: 'số đảng viên được xếp loại'
}

export const QUOTA_SCOPE_LABELS: Record<QuotaScope, string> = {
  grassroots: 'từng tổ chức cơ sở đảng',
  unit: 'từng chi bộ (đơn vị trực tiếp quản lý đảng viên)'
}

/** What an import did about a problem, said after its message (preview, CLI, problem file). */
export const IMPORT_OUTCOME_LABELS: Record<ImportProblemOutcome, string> = {
  dropped: 'Đã bỏ trống ô này, người vẫn được nhập',
  kept: 'Vẫn nhập như trong tệp',
  row: 'Không nhập dòng này'
}

/**
 * A problem in one line: "Lỗi (cột F): Ngày sinh ở tương lai. → Đã bỏ trống ô này, người vẫn được
 * nhập (ô ghi "12/03/2099")." `where` says where it is (the column by default).
 */
export function importProblemText(
  p: ImportProblem,
  where: string | null = p.column ? `cột ${p.column}` : null
): string {
  const written = p.value !== null && p.outcome === 'dropped' ? ` (ô ghi "${p.value}")` : ''
  const outcome = p.outcome ? ` → ${IMPORT_OUTCOME_LABELS[p.outcome]}${written}.` : ''
  return `${p.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}${where ? ` (${where})` : ''}: ${p.message}${outcome}`
}

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'import.commit': 'Nhập danh sách',
  'import.undo': 'Hoàn tác lần nhập',
  export: 'Xuất tệp',
  'backup.create': 'Sao lưu',
  'backup.restore': 'Khôi phục',
  'backup.keep': 'Đổi số bản sao lưu giữ lại',
  'record.delete': 'Xóa bản ghi',
  'person.erase': 'Xóa vĩnh viễn một người',
  'units.merge': 'Sáp nhập đơn vị',
  'ratings.bulk': 'Xếp loại hàng loạt',
  'commitments.bulk': 'Lập cam kết hàng loạt',
  'people.bulk': 'Sửa hàng loạt người',
  'reports.receive': 'Nhận phụ lục cấp dưới',
  'reports.issue': 'Ban hành báo cáo',
  'password.set': 'Đặt mật khẩu',
  'password.change': 'Đổi mật khẩu',
  'password.remove': 'Bỏ mật khẩu'
}
