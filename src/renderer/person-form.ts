// The person form as the user types it (all text), and the two ways across: from a stored
// person into the form, and from the form, checked, into PersonFields.

import type { Gender, MemberType, Person, PersonFields, PersonKind } from '@shared/api'
import { comparePartialDates, displayPartialDate } from '@shared/partial-date'
import { cleanText, normaliseName } from '@shared/vn-text'
import { checkDateText } from './date-input'

export interface PersonForm {
  unitId: number | null
  kind: PersonKind
  fullName: string
  gender: Gender | ''
  birthDate: string
  ethnicity: string
  religion: string
  hometown: string
  residence: string
  memberType: MemberType | ''
  partyJoinDate: string
  partyOfficialDate: string
  partyCardNumber: string
  partyProfileNumber: string
  nationalId: string
  position: string
  role: string
  education: string
  politicalTheory: string
  phone: string
  note: string
}

export type PersonFieldName = keyof PersonFields

export const PERSON_LABELS: Record<PersonFieldName, string> = {
  unitId: 'Chi bộ / đơn vị',
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

/** Fields that mean nothing for a non-member; hidden and sent as null. */
export const MEMBER_ONLY_FIELDS: readonly PersonFieldName[] = [
  'memberType',
  'partyJoinDate',
  'partyOfficialDate',
  'partyCardNumber',
  'partyProfileNumber'
]

export function emptyPersonForm(unitId: number | null, kind: PersonKind = 'member'): PersonForm {
  return {
    unitId,
    kind,
    fullName: '',
    gender: '',
    birthDate: '',
    ethnicity: '',
    religion: '',
    hometown: '',
    residence: '',
    memberType: kind === 'member' ? 'official' : '',
    partyJoinDate: '',
    partyOfficialDate: '',
    partyCardNumber: '',
    partyProfileNumber: '',
    nationalId: '',
    position: '',
    role: '',
    education: '',
    politicalTheory: '',
    phone: '',
    note: ''
  }
}

export function personToForm(p: Person): PersonForm {
  const t = (v: string | null) => v ?? ''
  return {
    unitId: p.unitId,
    kind: p.kind,
    fullName: p.fullName,
    gender: p.gender ?? '',
    birthDate: displayPartialDate(p.birthDate),
    ethnicity: t(p.ethnicity),
    religion: t(p.religion),
    hometown: t(p.hometown),
    residence: t(p.residence),
    memberType: p.memberType ?? '',
    partyJoinDate: displayPartialDate(p.partyJoinDate),
    partyOfficialDate: displayPartialDate(p.partyOfficialDate),
    partyCardNumber: t(p.partyCardNumber),
    partyProfileNumber: t(p.partyProfileNumber),
    nationalId: t(p.nationalId),
    position: t(p.position),
    role: t(p.role),
    education: t(p.education),
    politicalTheory: t(p.politicalTheory),
    phone: t(p.phone),
    note: t(p.note)
  }
}

const DIGIT_RULES: { field: 'partyCardNumber' | 'partyProfileNumber' | 'nationalId'; digits: number; message: string }[] = [
  { field: 'partyCardNumber', digits: 8, message: 'Số thẻ đảng viên phải gồm đúng 8 chữ số.' },
  { field: 'partyProfileNumber', digits: 8, message: 'Số lý lịch đảng viên phải gồm đúng 8 chữ số.' },
  { field: 'nationalId', digits: 12, message: 'Số CCCD phải gồm đúng 12 chữ số.' }
]

export type PersonFormCheck =
  | { ok: true; fields: PersonFields }
  | { ok: false; errors: Partial<Record<PersonFieldName, string>> }

/** Checks the form the way a careful clerk would, and builds the fields to send. */
export function checkPersonForm(form: PersonForm): PersonFormCheck {
  const errors: Partial<Record<PersonFieldName, string>> = {}
  const isMember = form.kind === 'member'
  const text = (v: string) => cleanText(v) || null
  // Identifiers are text with leading zeros; people paste them with spaces.
  const digits = (v: string) => v.replace(/\s+/g, '') || null

  const fullName = normaliseName(form.fullName)
  if (!fullName) errors.fullName = 'Chưa nhập họ và tên.'
  if (form.unitId === null) errors.unitId = 'Chưa chọn chi bộ (đơn vị).'

  const dates = {
    birthDate: checkDateText(form.birthDate),
    partyJoinDate: isMember ? checkDateText(form.partyJoinDate) : ({ ok: true, value: null } as const),
    partyOfficialDate: isMember ? checkDateText(form.partyOfficialDate) : ({ ok: true, value: null } as const)
  }
  for (const [field, check] of Object.entries(dates)) {
    if (!check.ok) errors[field as PersonFieldName] = check.error
  }
  const join = dates.partyJoinDate.ok ? dates.partyJoinDate.value : null
  const official = dates.partyOfficialDate.ok ? dates.partyOfficialDate.value : null
  if (join && official && comparePartialDates(official, join) < 0) {
    errors.partyOfficialDate = 'Ngày chính thức không được trước ngày vào Đảng.'
  }

  for (const rule of DIGIT_RULES) {
    if (!isMember && rule.field !== 'nationalId') continue
    const v = digits(form[rule.field])
    if (v !== null && !new RegExp(`^\\d{${rule.digits}}$`).test(v)) errors[rule.field] = rule.message
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const value = (check: (typeof dates)[keyof typeof dates]) => (check.ok ? check.value : null)
  return {
    ok: true,
    fields: {
      unitId: form.unitId!,
      kind: form.kind,
      fullName,
      gender: form.gender || null,
      birthDate: value(dates.birthDate),
      ethnicity: text(form.ethnicity),
      religion: text(form.religion),
      hometown: text(form.hometown),
      residence: text(form.residence),
      memberType: isMember ? form.memberType || null : null,
      partyJoinDate: join,
      partyOfficialDate: official,
      partyCardNumber: isMember ? digits(form.partyCardNumber) : null,
      partyProfileNumber: isMember ? digits(form.partyProfileNumber) : null,
      nationalId: digits(form.nationalId),
      position: text(form.position),
      role: isMember ? null : text(form.role),
      education: text(form.education),
      politicalTheory: text(form.politicalTheory),
      phone: text(form.phone),
      note: text(form.note)
    }
  }
}
