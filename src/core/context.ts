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
}
