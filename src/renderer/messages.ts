// User-facing Vietnamese shared by several views. Text used by one view only lives in that view.

import type { ImportField } from '@shared/api'

export interface Section {
  /** Route name; also the nav test id suffix (nav-<name>). */
  name: string
  path: string
  label: string
  /** For sections not built yet: what the section will do, told plainly. */
  plan?: string
}

/** The left navigation, in the order users expect. */
export const SECTIONS: readonly Section[] = [
  { name: 'overview', path: '/', label: 'Tổng quan' },
  { name: 'units', path: '/units', label: 'Tổ chức đảng' },
  { name: 'people', path: '/people', label: 'Đảng viên & cán bộ' },
  {
    name: 'study',
    path: '/study',
    label: 'Chuyên đề & học tập',
    plan: 'Ghi chủ đề Chuyên đề của từng năm, hội nghị trực tuyến và các điểm cầu, số người dự, các đợt học bù qua sinh hoạt chi bộ, hội nghị; cho biết ai đã học, ai chưa học và tỷ lệ theo từng đơn vị.'
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
    label: 'Thi đua & điển hình',
    plan: 'Quản lý phong trào thi đua, mô hình tốt, cách làm hay, điển hình tiên tiến (tập thể, cá nhân) và khen thưởng.'
  },
  {
    name: 'propaganda',
    path: '/propaganda',
    label: 'Tuyên truyền',
    plan: 'Ghi các đợt tuyên truyền gắn với ngày kỷ niệm, tin bài, hội thi và số người tham gia.'
  },
  {
    name: 'inspection',
    path: '/inspection',
    label: 'Kiểm tra giám sát',
    plan: 'Lập kế hoạch và ghi kết quả kiểm tra, giám sát việc thực hiện Chuyên đề ở các đơn vị.'
  },
  {
    name: 'reports',
    path: '/reports',
    label: 'Báo cáo',
    plan: 'Lập báo cáo sơ kết, tổng kết và biểu thống kê theo mẫu gửi cấp trên, xuất ra tệp Excel.'
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
