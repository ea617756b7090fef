// The person form as the user types it (all text), and the two ways across: from a stored
// person into the form, and from the form, checked, into PersonFields.

import type { Gender, MemberType, Person, PersonFields, PersonKind } from '@shared/api'
import { displayPartialDate } from '@shared/partial-date'
import { normalisePersonFields, personFieldErrors, personFieldWarnings } from '@shared/person-rules'
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

export { PERSON_FIELD_LABELS as PERSON_LABELS } from '@shared/person-rules'

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

export type PersonFormCheck =
  | { ok: true; fields: PersonFields }
  | { ok: false; errors: Partial<Record<PersonFieldName, string>> }

/** The typed text read into fields, and what could not even be read (a malformed date, no unit). */
function readPersonForm(form: PersonForm): {
  fields: PersonFields
  unreadable: Partial<Record<PersonFieldName, string>>
} {
  const unreadable: Partial<Record<PersonFieldName, string>> = {}
  const isMember = form.kind === 'member'
  const text = (v: string) => v || null
  if (form.unitId === null) unreadable.unitId = 'Chưa chọn chi bộ (đơn vị).'

  const dates = {
    birthDate: checkDateText(form.birthDate),
    partyJoinDate: isMember
      ? checkDateText(form.partyJoinDate)
      : ({ ok: true, value: null } as const),
    partyOfficialDate: isMember
      ? checkDateText(form.partyOfficialDate)
      : ({ ok: true, value: null } as const)
  }
  for (const [field, check] of Object.entries(dates)) {
    if (!check.ok) unreadable[field as PersonFieldName] = check.error
  }
  const value = (check: (typeof dates)[keyof typeof dates]) => (check.ok ? check.value : null)
  const fields = normalisePersonFields({
    unitId: form.unitId ?? 0,
    kind: form.kind,
    fullName: form.fullName,
    gender: form.gender || null,
    birthDate: value(dates.birthDate),
    ethnicity: text(form.ethnicity),
    religion: text(form.religion),
    hometown: text(form.hometown),
    residence: text(form.residence),
    memberType: form.memberType || null,
    partyJoinDate: value(dates.partyJoinDate),
    partyOfficialDate: value(dates.partyOfficialDate),
    partyCardNumber: text(form.partyCardNumber),
    partyProfileNumber: text(form.partyProfileNumber),
    nationalId: text(form.nationalId),
    position: text(form.position),
    role: text(form.role),
    education: text(form.education),
    politicalTheory: text(form.politicalTheory),
    phone: text(form.phone),
    note: text(form.note)
  })
  return { fields, unreadable }
}

/** Reads the typed text into fields, then applies the same rules as the core. */
export function checkPersonForm(form: PersonForm): PersonFormCheck {
  const { fields, unreadable } = readPersonForm(form)
  const errors = { ...personFieldErrors(fields), ...unreadable }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, fields }
}

/**
 * Values that are unusual but may be right (joined under 18, born before 1920, official less than
 * a year after joining), as the importer warns of them: shown while the user types, never a bar
 * to saving. A field with an error gets no warning.
 */
export function personFormWarnings(form: PersonForm): Partial<Record<PersonFieldName, string>> {
  const { fields, unreadable } = readPersonForm(form)
  return personFieldWarnings(fields, { ...personFieldErrors(fields), ...unreadable })
}
