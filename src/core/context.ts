import type { Database } from './db/connection'
import type { PlatformPort } from './platform'

/** What every handler gets. `db` can be swapped by a restore, so read it each time. */
export interface CoreContext {
  readonly db: Database
  readonly dbPath: string
  readonly backupDir: string
  readonly appVersion: string
  readonly platform: PlatformPort
  /**
   * Closes the database, moves `preparedPath` (a whole, checked database file beside the data
   * file) into its place, and opens it again.
   */
  replaceDatabase(preparedPath: string): void
}
