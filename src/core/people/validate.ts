// Domain rules for a person's fields, with Vietnamese messages per field. Shape (types, enums)
// is checked by the rpc schemas before this runs; here are the rules that need the calendar
// or the database.
import type { PersonFields } from '../../shared/api'
import { ageAt, comparePartialDates, isPartialDate, latestDay, todayIso } from '../../shared/partial-date'
import { cleanText, normaliseName } from '../../shared/vn-text'
import { CoreError } from '../db/errors'

const TEXT_FIELDS = [
  'ethnicity',
  'religion',
  'hometown',
  'residence',
  'partyCardNumber',
  'partyProfileNumber',
  'nationalId',
  'position',
  'role',
  'education',
  'politicalTheory',
  'phone',
  'note'
] as const

export const FIELD_LABELS: Record<keyof PersonFields, string> = {
  unitId: 'Đơn vị',
  kind: 'Loại',
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  hometown: 'Quê quán',
  residence: 'Nơi thường trú',
  memberType: 'Đảng viên chính thức/dự bị',
  partyJoinDate: 'Ngày vào Đảng',
  partyOfficialDate: 'Ngày chính thức',
  partyCardNumber: 'Số thẻ đảng viên',
  partyProfileNumber: 'Số lý lịch',
  nationalId: 'Số CCCD',
  position: 'Chức vụ',
  role: 'Đối tượng',
  education: 'Trình độ học vấn',
  politicalTheory: 'Lý luận chính trị',
  phone: 'Số điện thoại',
  note: 'Ghi chú'
}

/** Cleans a person's fields (NFC, spaces, name case) and checks the rules; throws VALIDATION. */
export function normalisePerson(input: PersonFields, today: string = todayIso()): PersonFields {
  const p: PersonFields = { ...input }
  p.fullName = normaliseName(p.fullName ?? '')
  for (const key of TEXT_FIELDS) {
    const v = p[key]
    p[key] = v === null || v === undefined ? null : cleanText(v) || null
  }
  if (p.kind === 'non_member') {
    p.memberType = null
    p.partyJoinDate = null
    p.partyOfficialDate = null
    p.partyCardNumber = null
    p.partyProfileNumber = null
  } else {
    p.memberType ??= p.partyOfficialDate ? 'official' : 'probationary'
  }

  const errors: Record<string, string> = {}
  if (!p.fullName) errors.fullName = 'Họ và tên không được để trống.'
  else if (p.fullName.length > 120) errors.fullName = 'Họ và tên quá dài (tối đa 120 ký tự).'
  else if (/\d/.test(p.fullName)) errors.fullName = 'Họ và tên không được chứa chữ số.'

  for (const key of ['birthDate', 'partyJoinDate', 'partyOfficialDate'] as const) {
    const v = p[key]
    if (v === null) continue
    if (!isPartialDate(v)) errors[key] = `${FIELD_LABELS[key]} không hợp lệ (dùng dd/mm/yyyy, mm/yyyy hoặc yyyy).`
    else if (comparePartialDates(v, today) > 0) errors[key] = `${FIELD_LABELS[key]} ở tương lai.`
    else if (Number(v.slice(0, 4)) < 1890) errors[key] = `${FIELD_LABELS[key]} quá xa (trước năm 1890).`
  }
  if (p.birthDate && !errors.birthDate && p.partyJoinDate && !errors.partyJoinDate) {
    const age = ageAt(p.birthDate, latestDay(p.partyJoinDate))
    if (age !== null && age < 18) errors.partyJoinDate = `Vào Đảng khi chưa đủ 18 tuổi (${age} tuổi).`
  }
  if (p.partyJoinDate && p.partyOfficialDate && !errors.partyJoinDate && !errors.partyOfficialDate) {
    if (comparePartialDates(latestDay(p.partyOfficialDate), p.partyJoinDate) < 0) {
      errors.partyOfficialDate = 'Ngày chính thức trước ngày vào Đảng.'
    }
  }
  if (p.partyCardNumber && !/^\d{8}$/.test(p.partyCardNumber)) errors.partyCardNumber = 'Số thẻ đảng viên gồm 8 chữ số.'
  if (p.partyProfileNumber && !/^\d{8}$/.test(p.partyProfileNumber)) errors.partyProfileNumber = 'Số lý lịch gồm 8 chữ số.'
  if (p.nationalId && !/^\d{12}$/.test(p.nationalId)) errors.nationalId = 'Số CCCD gồm 12 chữ số.'
  if (p.phone && !/^[0-9 +().-]{6,20}$/.test(p.phone)) errors.phone = 'Số điện thoại không hợp lệ.'

  const keys = Object.keys(errors)
  if (keys.length > 0) {
    throw new CoreError('VALIDATION', `Thông tin chưa hợp lệ: ${keys.map((k) => errors[k]).join(' ')}`, errors)
  }
  return p
}
