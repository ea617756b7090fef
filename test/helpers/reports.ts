// Received annexes are stamped with the real clock; tests about lateness set the day one came.
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { TestCore } from './core'

/** Dates the current annex received for `unitId` (every period) as come on `day` (ISO). */
export function receivedOn(t: TestCore, unitId: number, day: string): void {
  const raw = new BetterSqlite3(join(t.dir, 'chuyen-de.sqlite'))
  try {
    raw
      .prepare(
        'UPDATE received_reports SET received_at = ? WHERE unit_id = ? AND replaced_at IS NULL'
      )
      .run(`${day}T08:00:00.000Z`, unitId)
  } finally {
    raw.close()
  }
}
