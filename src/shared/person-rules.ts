// The rules a person's fields must meet, with Vietnamese messages per field. One copy, used by
// the form (to answer while the user types) and by the core (which never trusts the form).
import type { PersonFields } from './api'
import {
  ageAt,
  comparePartialDates,
  earliestDay,
  isPartialDate,
  latestDay,
  todayIso
} from './partial-date'
import { cleanText, normaliseName } from './vn-text'

export const PERSON_FIELD_LABELS: Record<keyof PersonFields, string> = {
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

/** Fields that mean nothing for a non-member; cleared for them. */
const MEMBER_ONLY_FIELDS = [
  'memberType',
  'partyJoinDate',
  'partyOfficialDate',
  'partyCardNumber',
  'partyProfileNumber'
] as const

const TEXT_FIELDS = [
  'ethnicity',
  'religion',
  'hometown',
  'residence',
  'position',
  'role',
  'education',
  'politicalTheory',
  'phone',
  'note'
] as const
/** Identifiers are text with leading zeros; people paste them with spaces. */
const ID_FIELDS = ['partyCardNumber', 'partyProfileNumber', 'nationalId'] as const
const ID_DIGITS: Record<(typeof ID_FIELDS)[number], number> = {
  partyCardNumber: 8,
  partyProfileNumber: 8,
  nationalId: 12
}
/** Compiled once: the importer checks every row of a list against them. */
const ID_PATTERNS = Object.fromEntries(
  ID_FIELDS.map((k) => [k, new RegExp(`^\\d{${ID_DIGITS[k]}}$`)])
) as Record<(typeof ID_FIELDS)[number], RegExp>

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
/** The number written by the digits v[from..to), or -1 if one of them is not a digit 0–9. */
function digitsAt(v: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const d = v.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}
/**
 * isPartialDate for a full "YYYY-MM-DD", by table and character codes (the rules check every row
 * of an import: no regex match, no substrings); false: ask isPartialDate.
 */
function isFullIsoDay(v: string): boolean {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false
  const year = digitsAt(v, 0, 4)
  const month = digitsAt(v, 5, 7)
  const day = digitsAt(v, 8, 10)
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)
}
/** The year of a valid partial date (its first four characters are digits). */
const yearOf = (v: string): number => digitsAt(v, 0, 4)

const DATE_FIELDS = ['birthDate', 'partyJoinDate', 'partyOfficialDate'] as const
/** Whitespace in an identifier: tested first, as identifiers seldom have any. */
const HAS_SPACE = /\s/
const SPACES = /\s+/g
const DIGIT = /\d/
const PHONE = /^[0-9 +().-]{6,20}$/

/** NFC, single spaces, normal-case names, identifiers without spaces, member-only fields cleared. */
export function normalisePersonFields(input: PersonFields): PersonFields {
  const p: PersonFields = { ...input }
  p.fullName = normaliseName(p.fullName ?? '')
  for (const key of TEXT_FIELDS) p[key] = p[key] == null ? null : cleanText(p[key]!) || null
  for (const key of ID_FIELDS) {
    const v = p[key]
    p[key] = v == null ? null : (HAS_SPACE.test(v) ? v.replace(SPACES, '') : v) || null
  }
  if (p.kind === 'non_member') {
    for (const key of MEMBER_ONLY_FIELDS) p[key] = null
  } else {
    p.role = null
    p.memberType ??= p.partyOfficialDate ? 'official' : 'probationary'
  }
  return p
}

/** Problems with normalised fields, keyed by field; empty when all is well. */
export function personFieldErrors(
  p: PersonFields,
  today: string = todayIso()
): Partial<Record<keyof PersonFields, string>> {
  const errors: Partial<Record<keyof PersonFields, string>> = {}
  if (!p.fullName) errors.fullName = 'Họ và tên không được để trống.'
  else if (p.fullName.length > 120) errors.fullName = 'Họ và tên quá dài (tối đa 120 ký tự).'
  else if (DIGIT.test(p.fullName)) errors.fullName = 'Họ và tên không được chứa chữ số.'

  for (const key of DATE_FIELDS) {
    const v = p[key]
    if (v === null) continue
    const label = PERSON_FIELD_LABELS[key]
    if (!(isFullIsoDay(v) || isPartialDate(v)))
      errors[key] = `${label} không hợp lệ (dùng dd/mm/yyyy, mm/yyyy hoặc yyyy).`
    else if (comparePartialDates(v, today) > 0) errors[key] = `${label} ở tương lai.`
    else if (yearOf(v) < 1890) errors[key] = `${label} quá xa (trước năm 1890).`
  }
  // Joined before being born cannot be right; joining under 18 is unusual (see personFieldWarnings).
  if (
    p.birthDate &&
    !errors.birthDate &&
    p.partyJoinDate &&
    !errors.partyJoinDate &&
    yearOf(p.partyJoinDate) <= yearOf(p.birthDate)
  ) {
    if (comparePartialDates(latestDay(p.partyJoinDate), p.birthDate) < 0)
      errors.partyJoinDate = 'Ngày vào Đảng trước ngày sinh.'
  }
  // An official year after the joining year can never be before it (no parsing).
  if (
    p.partyJoinDate &&
    p.partyOfficialDate &&
    !errors.partyJoinDate &&
    !errors.partyOfficialDate &&
    yearOf(p.partyOfficialDate) <= yearOf(p.partyJoinDate)
  ) {
    if (comparePartialDates(latestDay(p.partyOfficialDate), p.partyJoinDate) < 0) {
      errors.partyOfficialDate = 'Ngày chính thức trước ngày vào Đảng.'
    }
  }
  for (const key of ID_FIELDS) {
    const v = p[key]
    if (v && !ID_PATTERNS[key].test(v))
      errors[key] = `${PERSON_FIELD_LABELS[key]} gồm ${ID_DIGITS[key]} chữ số.`
  }
  if (p.phone && !PHONE.test(p.phone)) errors.phone = 'Số điện thoại không hợp lệ.'
  return errors
}

/**
 * Values that are possible but unusual, keyed by field: the person is saved as written and the
 * user is asked to look again (an import lists them as warnings). Only for fields without errors.
 */
export function personFieldWarnings(
  p: PersonFields,
  errors: Partial<Record<keyof PersonFields, string>> = {}
): Partial<Record<keyof PersonFields, string>> {
  const warnings: Partial<Record<keyof PersonFields, string>> = {}
  const birth = p.birthDate && !errors.birthDate ? p.birthDate : null
  const join = p.partyJoinDate && !errors.partyJoinDate ? p.partyJoinDate : null
  const official = p.partyOfficialDate && !errors.partyOfficialDate ? p.partyOfficialDate : null
  if (birth && yearOf(birth) < 1920)
    warnings.birthDate = `Năm sinh ${yearOf(birth)} (trước năm 1920); hãy kiểm tra lại.`
  // Joined 19 or more calendar years after the birth year: 18 at least, whatever the days (no parsing).
  if (birth && join && yearOf(join) - yearOf(birth) < 19) {
    const age = ageAt(birth, latestDay(join))
    if (age !== null && age >= 0 && age < 18)
      warnings.partyJoinDate = `Vào Đảng khi chưa đủ 18 tuổi (${age} tuổi); hãy kiểm tra lại.`
  }
  // Probation lasts twelve months: an official date surely less than a year after joining is unusual.
  if (join && official && yearOf(official) - yearOf(join) <= 1) {
    const start = earliestDay(join)
    const yearLater = `${String(yearOf(start) + 1).padStart(4, '0')}${start.slice(4)}`
    if (
      comparePartialDates(latestDay(official), yearLater) < 0 &&
      comparePartialDates(latestDay(official), join) >= 0
    ) {
      warnings.partyOfficialDate =
        'Ngày chính thức chưa đủ 12 tháng sau ngày vào Đảng; hãy kiểm tra lại.'
    }
  }
  return warnings
}

/** A person with nothing known but where they belong: the start of every form and import row. */
export function emptyPersonFields(
  unitId: number,
  kind: PersonFields['kind'] = 'member'
): PersonFields {
  return {
    unitId,
    kind,
    fullName: '',
    gender: null,
    birthDate: null,
    ethnicity: null,
    religion: null,
    hometown: null,
    residence: null,
    memberType: null,
    partyJoinDate: null,
    partyOfficialDate: null,
    partyCardNumber: null,
    partyProfileNumber: null,
    nationalId: null,
    position: null,
    role: null,
    education: null,
    politicalTheory: null,
    phone: null,
    note: null
  }
}
