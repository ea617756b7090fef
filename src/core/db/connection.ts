import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { PRIVATE_DIR_MODE, restrictFile } from '../files'
import { CoreError } from './errors'
import { unusableFileError } from './file-header'

export type { Database }

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron); see README. */
  nativeBinding?: string
  readonly?: boolean
  /** The 32-byte data key of an encrypted file (see security/key-file.ts); none for a plain file. */
  key?: Buffer | null
}

/** Past this size the WAL is cut back after each checkpoint, so one huge write (or a write that
 * failed on a full disk) does not keep its space for as long as the app runs. */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024

/** Opens (creating if needed) a data file with the settings every connection must have. */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  // SQLite stops at a NUL and would open (or create) a file of another name.
  if (path.includes('\0'))
    throw new CoreError(
      'BAD_PATH',
      'Đường dẫn tệp dữ liệu chứa ký tự không hợp lệ; hãy chọn lại tệp.'
    )
  if (!options.readonly) mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE })
  else if (!existsSync(path))
    throw new CoreError('NOT_FOUND', `Không tìm thấy tệp dữ liệu: ${path}`)
  let db: Database
  try {
    db = new BetterSqlite3(path, {
      readonly: options.readonly ?? false,
      nativeBinding: options.nativeBinding,
      timeout: 5000
    })
  } catch (e) {
    throw new CoreError('DB_OPEN', `Không mở được tệp dữ liệu ${path} (${sqliteReason(e)}).`)
  }
  try {
    // The key must be given before the first read; a wrong key (or none for an encrypted
    // file) then fails at that read, as SQLITE_NOTADB, without writing anything.
    if (options.key) applyKey(db, options.key)
    // Touch the file so a non-database is refused here rather than at the first query.
    db.pragma('schema_version')
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      // FULL: an acknowledged write survives power loss, not only a crash of the app.
      db.pragma('synchronous = FULL')
      db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`)
    }
    db.pragma('foreign_keys = ON')
  } catch (e) {
    db.close()
    // SQLite's own words ("file is not a database") are English and do not say what to do.
    throw unusableFileError(path, (e as { code?: string }).code)
  }
  // The data file holds personal data: owner-only, like the -wal and -shm SQLite makes beside it
  // (it gives them the main file's mode).
  if (!options.readonly) restrictFile(path)
  if (options.key) keys.set(db, options.key)
  return db
}

/** The value of `PRAGMA key` for a raw 32-byte key (SQLite does not derive it a second time). */
function pragmaKey(dataKey: Buffer): string {
  return `"x'${dataKey.toString('hex')}'"`
}

const keys = new WeakMap<Database, Buffer>()

/** The data key a connection was opened with (its backups are checked with it); null when plain. */
export function keyOf(db: Database): Buffer | null {
  return keys.get(db) ?? null
}

/** Sets the SQLCipher scheme and the raw data key on a connection just opened. */
function applyKey(db: Database, key: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`)
  db.pragma(`key = ${pragmaKey(key)}`)
}

/**
 * Encrypts (key given) or decrypts (null) the open file in place with `PRAGMA rekey`. SQLite3
 * Multiple Ciphers cannot rekey in WAL mode: the WAL is folded in and the file goes back to a
 * rollback journal for the rekey, then to WAL again.
 */
export function rekeyDatabase(db: Database, key: Buffer | null): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.pragma('journal_mode = DELETE')
  try {
    if (key) db.pragma(`cipher = 'sqlcipher'`)
    db.pragma(`rekey = ${key ? pragmaKey(key) : "''"}`)
  } finally {
    db.pragma('journal_mode = WAL')
  }
  if (key) keys.set(db, key)
  else keys.delete(db)
}

/** A short Vietnamese reason for a failure to open, from the system's error code. */
function sqliteReason(e: unknown): string {
  const code = (e as { code?: string }).code ?? ''
  if (code === 'SQLITE_CANTOPEN') return 'không có quyền đọc ghi, hoặc thư mục không tồn tại'
  if (code.startsWith('SQLITE_BUSY')) return 'một chương trình khác đang giữ tệp'
  if (code === 'SQLITE_READONLY') return 'tệp chỉ cho đọc'
  return 'lỗi hệ thống'
}

/**
 * Closes a connection without making quitting wait: the final checkpoint (which folds the WAL
 * into the file) is tried once, without waiting on the busy timeout when another process holds
 * the file; SQLite checkpoints again the next time the file is opened.
 */
export function closeDatabase(db: Database): void {
  if (!db.open) return
  try {
    db.pragma('busy_timeout = 0')
    db.pragma('wal_checkpoint(TRUNCATE)')
  } catch {
    // Busy or read-only: the WAL stays and is folded in at the next open.
  }
  db.close()
}

/** Runs fn in one IMMEDIATE transaction: it lands whole or not at all. */
export function inTransaction<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate()
}

export function nowIso(): string {
  return new Date().toISOString()
}
