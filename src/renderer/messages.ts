// User-facing Vietnamese shared by several views. Text used by one view only lives in that view.

import type { ImportField } from '@shared/api'

export interface Section {
  /** Route name; also the nav test id suffix (nav-<name>). */
  name: string
  path: string
  label: string
}

/** The left navigation, in the order users expect. */
export const SECTIONS: readonly Section[] = [
  { name: 'overview', path: '/', label: 'Tổng quan' },
  { name: 'units', path: '/units', label: 'Tổ chức đảng' },
  { name: 'people', path: '/people', label: 'Đảng viên & cán bộ' },
  {
    name: 'study',
    path: '/study',
    label: 'Chuyên đề & học tập'
  },
  {
    name: 'commitments',
    path: '/commitments',
    label: 'Cam kết'
  },
  {
    name: 'evaluation',
    path: '/evaluation',
    label: 'Đánh giá xếp loại'
  },
  {
    name: 'emulation',
    path: '/emulation',
    label: 'Thi đua & điển hình'
  },
  {
    name: 'propaganda',
    path: '/propaganda',
    label: 'Tuyên truyền'
  },
  {
    name: 'inspection',
    path: '/inspection',
    label: 'Kiểm tra giám sát'
  },
  {
    name: 'reports',
    path: '/reports',
    label: 'Báo cáo'
  },
  { name: 'data', path: '/data', label: 'Dữ liệu & sao lưu' }
]

/** Suggestions only: any level label may be typed. */
export const LEVEL_SUGGESTIONS = [
  'Tỉnh ủy',
  'Huyện ủy',
  'Đảng ủy trực thuộc',
  'Đảng ủy cơ sở',
  'Đảng bộ bộ phận',
  'Chi bộ'
]

export const ROLE_SUGGESTIONS = [
  'Cán bộ',
  'Công chức',
  'Viên chức',
  'Chiến sĩ',
  'Đoàn viên',
  'Hội viên'
]

export const THEORY_SUGGESTIONS = ['Sơ cấp', 'Trung cấp', 'Cao cấp', 'Cử nhân']

const BACKUP_REASONS: Record<string, string> = {
  manual: 'Sao lưu thủ công',
  'before-migration': 'Trước khi nâng cấp dữ liệu',
  'before-restore': 'Trước khi khôi phục',
  'before-merge': 'Trước khi sáp nhập đơn vị',
  'before-bulk': 'Trước khi sửa nhiều người một lúc',
  'before-import': 'Trước khi nhập dữ liệu',
  'before-erase': 'Trước khi xóa vĩnh viễn một người',
  'before-password': 'Trước khi đổi mật khẩu',
  scheduled: 'Tự động định kỳ',
  'on-quit': 'Khi đóng chương trình'
}

export function backupReasonLabel(reason: string): string {
  return BACKUP_REASONS[reason] ?? reason
}

/** Where a column of an imported list can go, as the mapping step names it. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  fullName: 'Họ và tên',
  familyName: 'Họ và tên đệm',
  givenName: 'Tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh (hoặc năm sinh)',
  birthDateMale: 'Ngày sinh – cột Nam',
  birthDateFemale: 'Ngày sinh – cột Nữ',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  hometown: 'Quê quán',
  residence: 'Nơi thường trú',
  partyJoinDate: 'Ngày vào Đảng (dự bị)',
  partyOfficialDate: 'Ngày chính thức',
  partyCardNumber: 'Số thẻ đảng viên',
  partyProfileNumber: 'Số lý lịch',
  nationalId: 'Số CCCD',
  position: 'Chức vụ',
  role: 'Đối tượng (cán bộ, công chức …)',
  education: 'Trình độ học vấn',
  politicalTheory: 'Lý luận chính trị',
  phone: 'Số điện thoại',
  note: 'Ghi chú',
  exempt: 'Miễn sinh hoạt (đánh dấu)',
  unitName: 'Chi bộ / đơn vị',
  rowNumber: 'Số thứ tự (STT)'
}
