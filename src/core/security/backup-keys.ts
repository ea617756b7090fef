// The backups follow the data file's key: when a password is set, changed or removed, every
// backup in the folder is re-keyed too, so none stays readable without the password (a backup
// taken before the password held the members' data in plain text) and none is left under a key
// nobody has any more (a restore opens backups with the current key).
import type { Database } from '../db/connection'
import { closeDatabase, openDatabase, rekeyDatabase } from '../db/connection'
import { listBackups } from '../backup/backups'

/**
 * Re-keys every backup in `dir` that opens with one of `keys` (null: plain) to `next` (null:
 * plain). A backup that opens with none of them is left as it is and named in the result.
 */
export function rekeyBackups(
  dir: string,
  keys: readonly (Buffer | null)[],
  next: Buffer | null
): { rekeyed: number; skipped: string[] } {
  let rekeyed = 0
  const skipped: string[] = []
  for (const b of listBackups(dir)) {
    let db: Database | null = null
    for (const key of keys) {
      try {
        db = openDatabase(b.path, key ? { key } : {})
        break
      } catch {
        db = null
      }
    }
    if (!db) {
      skipped.push(b.fileName)
      continue
    }
    try {
      rekeyDatabase(db, next)
      rekeyed++
    } finally {
      closeDatabase(db)
    }
  }
  return { rekeyed, skipped }
}
