import BetterSqlite3, { type Database } from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { CoreError } from './errors'

export type { Database }

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron); see README. */
  nativeBinding?: string
  readonly?: boolean
}

/** Opens (creating if needed) a data file with the settings every connection must have. */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  if (!options.readonly) mkdirSync(dirname(path), { recursive: true })
  else if (!existsSync(path)) throw new CoreError('NOT_FOUND', `Không tìm thấy tệp dữ liệu: ${path}`)
  let db: Database
  try {
    db = new BetterSqlite3(path, { readonly: options.readonly ?? false, nativeBinding: options.nativeBinding, timeout: 5000 })
  } catch (e) {
    throw new CoreError('DB_OPEN', `Không mở được tệp dữ liệu ${path}: ${(e as Error).message}`)
  }
  try {
    // Touch the file so a non-database is refused here rather than at the first query.
    db.pragma('schema_version')
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      // FULL: an acknowledged write survives power loss, not only a crash of the app.
      db.pragma('synchronous = FULL')
    }
    db.pragma('foreign_keys = ON')
  } catch (e) {
    db.close()
    throw new CoreError('DB_NOT_SQLITE', `Tệp ${path} không phải tệp dữ liệu của phần mềm (${(e as Error).message}).`)
  }
  return db
}

/** Runs fn in one IMMEDIATE transaction: it lands whole or not at all. */
export function inTransaction<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate()
}

export function nowIso(): string {
  return new Date().toISOString()
}
