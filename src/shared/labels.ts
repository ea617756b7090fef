// Vietnamese names of the contract's codes, for every place a user reads them (UI and CLI).
import type { MemberType, PersonKind, PersonStatus } from './api'

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

export const KIND_LABELS: Record<PersonKind, string> = {
  member: 'Đảng viên',
  non_member: 'Quần chúng'
}

export const MEMBER_TYPE_LABELS: Record<MemberType, string> = {
  official: 'Chính thức',
  probationary: 'Dự bị'
}
