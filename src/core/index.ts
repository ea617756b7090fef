// The core's entry point: opens the data file (migrating it, with a backup first), and hands
// out one dispatch function for the IPC adapter, the CLI and the test harness.
import { renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Result } from '../shared/api'
import type { CoreContext } from './context'
import { closeDatabase, openDatabase, rekeyDatabase, type Database } from './db/connection'
import { applyMigrations, pendingMigrations, schemaVersion } from './db/migrations'
import { ImportSessions } from './import/sessions'
import { createBackup, removePartials } from './backup/backups'
import { ensurePrivateDir } from './files'
import { backupKeep } from './settings'
import type { PlatformPort } from './platform'
import { dispatch } from './rpc/dispatch'
import { trustedCall } from './rpc/trusted'
import { renumberUnits } from './units/tree-order'
import { readKeyFile, openDataKey } from './security/key-file'
import { lockedError, wrongPasswordError } from './security/lock'

export { CoreError } from './db/errors'
export type { PlatformPort } from './platform'
export type { TrustedInput } from './rpc/trusted'

/** Folder name under the system's application-data folder (Electron's appData). */
export const appDataFolderName = 'ChuyenDe05'
const DB_FILE_NAME = 'chuyen-de.sqlite'

export interface CoreOptions {
  dataDir: string
  /** Overrides the data file (the CLI's --db); defaults to <dataDir>/chuyen-de.sqlite. */
  dbPath?: string
  appVersion: string
  platform: PlatformPort
  /** better_sqlite3.node built for Electron's ABI; see README, "Native module". */
  nativeBinding?: string
  /**
   * The password (or recovery key) of an encrypted data file. Without it such a file starts
   * locked: every channel but app:info, app:lockState and app:unlock refuses until app:unlock.
   */
  password?: string
}

export interface Core {
  /** The page's door (IPC, the harness's /rpc): no channel takes a path; files come from dialogs. */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>
  /** The CLI's and the tests' door: as dispatch, but `input.path` answers the channel's file chooser. */
  dispatchTrusted(channel: string, input: unknown): Promise<Result<unknown>>
  close(): void
  readonly dbPath: string
  readonly ctx: CoreContext
}

/** Opens a data file and brings its schema up to date; backs up an existing file first. */
function openAndMigrate(
  path: string,
  backupDir: string,
  nativeBinding: string | undefined,
  key: Buffer | null
): Database {
  const db = openDatabase(path, { nativeBinding, key })
  try {
    const pending = pendingMigrations(db)
    if (pending.length > 0 && schemaVersion(db) > 0) {
      createBackup(db, backupDir, 'before-migration', backupKeep(db))
    }
    applyMigrations(db, pending)
    // Cheap, and it also numbers the tree of a file that came from a version without tree_order.
    renumberUnits(db)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

export function openCore(options: CoreOptions): Core {
  const dbPath = options.dbPath ?? join(options.dataDir, DB_FILE_NAME)
  const backupDir = join(options.dataDir, 'backups')
  // The app's own folder is the owner's alone; a folder given with --db is the user's business.
  if (!options.dbPath) ensurePrivateDir(options.dataDir)
  // Copies cut short by a crash or a kill hold the same personal data as the file: gone at start.
  removePartials(backupDir)
  removePartials(dirname(dbPath), `${basename(dbPath)}.`)
  let db: Database | null = null
  let dataKey: Buffer | null = null
  const keyFile = readKeyFile(dbPath)
  if (keyFile && options.password !== undefined) {
    dataKey = openDataKey(keyFile, options.password)
    if (!dataKey) throw wrongPasswordError()
  }
  if (!keyFile || dataKey) db = openAndMigrate(dbPath, backupDir, options.nativeBinding, dataKey)

  const ctx: CoreContext = {
    get db(): Database {
      if (!db) throw lockedError()
      return db
    },
    lock: {
      get locked() {
        return db === null
      },
      get dataKey() {
        return dataKey
      },
      open(key) {
        if (db) return
        db = openAndMigrate(dbPath, backupDir, options.nativeBinding, key)
        dataKey = key
      },
      rekey(key) {
        if (!db) throw lockedError()
        rekeyDatabase(db, key)
        dataKey = key
      },
      close() {
        if (db) closeDatabase(db)
        db = null
        dataKey = null
      }
    },
    dbPath,
    backupDir,
    appVersion: options.appVersion,
    platform: options.platform,
    imports: new ImportSessions(),
    replaceDatabase(preparedPath: string) {
      if (db) closeDatabase(db)
      // The old WAL belongs to the old file; SQLite must not see it beside the new one.
      for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true })
      renameSync(preparedPath, dbPath)
      db = openAndMigrate(dbPath, backupDir, options.nativeBinding, dataKey)
    }
  }

  return {
    dispatch: (channel, input) => dispatch(ctx, channel, input),
    dispatchTrusted: (channel, input) => {
      const t = trustedCall(ctx, input)
      return dispatch(t.ctx, channel, t.input)
    },
    close: () => {
      if (db) closeDatabase(db)
    },
    dbPath,
    ctx
  }
}
