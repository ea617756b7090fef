// A fingerprint of a person's fields and status, as an import wrote them: undo compares it with the
// person as they are now to tell whether anyone edited them since (and an edit taken back counts as
// no edit). One integer per person instead of a JSON snapshot per person (an import of 50,000 people
// wrote 50,000 snapshots, a tenth of a second of every large import).
import type { PersonFields, PersonStatus } from '../../shared/api'
import { PERSON_FIELD_NAMES } from './people'

/** The SQL function of the same (migration 6 fingerprints older imports with it). */
export const FINGERPRINT_SQL_FUNCTION = 'person_fingerprint'

/**
 * FNV-1a (32 bits) over the values in order, each ended by a separator and null told apart from
 * every text. Not a security measure: two different states agreeing by chance is 1 in 4 billion.
 */
export function fingerprintValues(values: readonly unknown[]): number {
  let h = 0x811c9dc5
  for (const v of values) {
    if (v === null || v === undefined) {
      h = Math.imul(h ^ 0xfffe, 0x01000193)
    } else {
      // Values are SQLite scalars; an object (never stored) would hash by its JSON.
      const s =
        typeof v === 'string'
          ? v
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v as number | bigint | boolean)
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
    }
    h = Math.imul(h ^ 0xffff, 0x01000193)
  }
  return h >>> 0
}

/**
 * A person's fields in PERSON_FIELD_NAMES order, then the status: what a fingerprint and an
 * import_changes snapshot are made of. `into`: an array to fill (the importer reuses one).
 */
export function personValues(
  fields: PersonFields,
  status: PersonStatus,
  into: unknown[] = new Array(PERSON_FIELD_NAMES.length + 1)
): unknown[] {
  for (let i = 0; i < PERSON_FIELD_NAMES.length; i++)
    into[i] = fields[PERSON_FIELD_NAMES[i]] ?? null
  into[PERSON_FIELD_NAMES.length] = status
  return into
}

const values: unknown[] = new Array(PERSON_FIELD_NAMES.length + 1)

/** The fingerprint of these fields (PERSON_FIELD_NAMES order) and this status. */
export function personFingerprint(fields: PersonFields, status: PersonStatus): number {
  return fingerprintValues(personValues(fields, status, values))
}
