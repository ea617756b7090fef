// The core applies the shared person rules to whatever arrives, and refuses with per-field
// Vietnamese messages (the form checks the same rules first, but is never trusted).
import type { PersonFields } from '../../shared/api'
import { normalisePersonFields, personFieldErrors } from '../../shared/person-rules'
import { todayIso } from '../../shared/partial-date'
import { CoreError } from '../db/errors'

export { PERSON_FIELD_LABELS as FIELD_LABELS } from '../../shared/person-rules'

/** Cleans a person's fields and checks the rules; throws VALIDATION with the field messages. */
export function normalisePerson(input: PersonFields, today: string = todayIso()): PersonFields {
  const p = normalisePersonFields(input)
  const errors = personFieldErrors(p, today) as Record<string, string>
  const keys = Object.keys(errors)
  if (keys.length > 0) {
    throw new CoreError(
      'VALIDATION',
      `Thông tin chưa hợp lệ: ${keys.map((k) => errors[k]).join(' ')}`,
      errors
    )
  }
  return p
}
