// The three-row header the header tests build (unit: from cells; integration: as a real .xlsx):
// A STT, B Họ và tên, C–H under "Thông tin đảng viên" (C Nam, D Nữ, E Dự bị, F Chính thức,
// G Đảng, H Chính quyền, đoàn thể), I Số thẻ ĐV, J Quê quán. The labels and fields expected.
export const THREE_ROW_LABELS = [
  'STT',
  'Họ và tên',
  'Thông tin đảng viên / Ngày sinh / Nam',
  'Thông tin đảng viên / Ngày sinh / Nữ',
  'Thông tin đảng viên / Ngày vào Đảng / Dự bị',
  'Thông tin đảng viên / Ngày vào Đảng / Chính thức',
  'Thông tin đảng viên / Chức vụ / Đảng',
  'Thông tin đảng viên / Chức vụ / Chính quyền, đoàn thể',
  'Số thẻ ĐV',
  'Quê quán'
]
export const THREE_ROW_FIELDS = [
  'rowNumber',
  'fullName',
  'birthDateMale',
  'birthDateFemale',
  'partyJoinDate',
  'partyOfficialDate',
  'position',
  'position',
  'partyCardNumber',
  'hometown'
]
