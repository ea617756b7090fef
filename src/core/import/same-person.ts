// When two records with the same name and birth date are one person: the one rule for rows of the
// same file (rows.ts) and for a row against the data file (plan.ts). Identifiers decide first: the
// same số lý lịch, số thẻ or CCCD is the same person (looked up by key, elsewhere); a different one
// of the same kind means two people, however alike their names (in a province of 50,000 members
// two "Nguyễn Văn Hùng, 12/03/1980" happen). Name and birth date decide only when nothing differs.
import type { PersonFields } from '../../shared/api'
import { PERSON_FIELD_LABELS } from '../../shared/person-rules'

const IDENTIFIERS = ['partyProfileNumber', 'partyCardNumber', 'nationalId'] as const
export type Identifier = (typeof IDENTIFIERS)[number]
export type Identifiers = Pick<PersonFields, Identifier>

/** The first identifier both have and differ on (they are two people); null: nothing tells them apart. */
export function identifierClash(a: Identifiers, b: Identifiers): Identifier | null {
  for (const k of IDENTIFIERS) {
    const x = a[k]
    const y = b[k]
    if (x && y && x !== y) return k
  }
  return null
}

/** "số thẻ đảng viên 01234567 và 01234999", for the warning that two alike records are two people. */
export function clashText(k: Identifier, a: Identifiers, b: Identifiers): string {
  return `${PERSON_FIELD_LABELS[k].toLocaleLowerCase('vi')} ${a[k]} và ${b[k]}`
}
