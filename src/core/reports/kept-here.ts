// Whether a sub-unit's data is kept in this file (so it has no annex to send up) or in a file of
// its own (so its annex is awaited, and late after the due date). The one rule the tracker, the
// list of those late and Tổng quan's card all read, through the tracker's rows.
//
// DOMAIN part 7: the lower levels that keep their own files are committees with an office (a
// commune's office sends its annex to the province); a chi bộ keeps no file of its own, its
// records are kept by the committee above. So a sub-unit's data is here when this file holds
// people of it, or units below it (the office keeps that part of the tree), or when it is a chi
// bộ. Only a committee with nothing of it in this file is taken to keep its own: a chi bộ whose
// members are not imported yet is kept here, and said to be empty rather than "not sent".
import type { Database } from '../db/connection'
import { LEFT_SQL } from '../people/status-sql'
import { signingBody } from '../units/signer'
import { scopeRange, UNIT_IDS_IN_RANGE, type TreeUnitRow } from '../units/subtree'

export interface KeptHere {
  /** Its data is kept in this file: nothing to send. */
  here: boolean
  /** Kept here, yet nobody of it is on the rolls in this file: its row of the annex is empty. */
  nobody: boolean
}

/** Where the data of `unit` lives; `units` holds at least its direct sub-units. */
export function keptHere(db: Database, unit: TreeUnitRow, units: readonly TreeUnitRow[]): KeptHere {
  const [lo, hi] = scopeRange(db, unit.id)
  const people =
    (
      db
        .prepare(
          `SELECT EXISTS (SELECT 1 FROM people p WHERE p.status NOT IN ${LEFT_SQL} AND p.unit_id IN ${UNIT_IDS_IN_RANGE}) AS has`
        )
        .get(lo, hi) as { has: number }
    ).has === 1
  if (people) return { here: true, nobody: false }
  const below = units.some((u) => u.parent_id === unit.id && u.retired_on === null)
  const cell = signingBody({ level: unit.level, name: unit.name }) === 'CHI BỘ'
  return below || cell ? { here: true, nobody: true } : { here: false, nobody: false }
}
