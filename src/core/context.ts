import type { Database } from './db/connection'
import type { ImportSessions } from './import/sessions'
import type { PlatformPort } from './platform'

/** What every handler gets. `db` can be swapped by a restore, so read it each time. */
export interface CoreContext {
  readonly db: Database
  readonly dbPath: string
  readonly backupDir: string
  readonly appVersion: string
  readonly platform: PlatformPort
  /** Member lists open in the import wizard (kept between its calls, a few at a time). */
  readonly imports: ImportSessions
  /**
   * Closes the database, moves `preparedPath` (a whole, checked database file beside the data
   * file) into its place, and opens it again.
   */
  replaceDatabase(preparedPath: string): void
  /** The app lock (security/lock.ts): whether the data file is open, and its key. */
  readonly lock: LockPort
}

export interface LockPort {
  /** True while an encrypted data file waits for its password (`db` then refuses with LOCKED). */
  readonly locked: boolean
  /** The data key of an encrypted file, while unlocked; null for a plain file. */
  readonly dataKey: Buffer | null
  /** Opens the data file with this key (already checked against the key file). */
  open(key: Buffer | null): void
  /** Re-keys the open data file (PRAGMA rekey) to `key`, or decrypts it with null. */
  rekey(key: Buffer | null): void
  /** Closes the data file; it stays closed until open(). */
  close(): void
}
