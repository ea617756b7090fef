// Verified backups of the data file. A copy is made through SQLite (VACUUM INTO: a consistent
// snapshot even while the app writes, compacted, with what the WAL holds), into a partial file
// created exclusively and owner-only, checked with integrity_check, then renamed into place,
// so a file in the backup folder is always a whole, checked database. A partial left by a
// crash holds the same personal data as a backup: it is removed at start and before each backup.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { BackupInfo } from '../../shared/api'
import { backupsBeyondKeep } from '../../shared/backup-retention'
import { keyOf, openDatabase, type Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { corruptFileError, unusableFileError } from '../db/file-header'
import { SCHEMA_VERSION, schemaVersion } from '../db/migrations'
import { checkOrdinaryFile, createExclusive, ensurePrivateDir } from '../files'
import { copyAttachmentsForBackup, removeBackupAttachments } from './attachments'

const NAME = /^sao-luu_(\d{8})-(\d{6})-(\d{3})_([a-z-]+)\.sqlite$/
/** Suffix of a file being written; never a finished copy. */
export const PARTIAL_SUFFIX = '.partial'

export type BackupReason =
  | 'manual'
  | 'before-migration'
  | 'before-restore'
  | 'before-import'
  | 'before-merge'
  | 'before-erase'
  | 'before-password'
  | 'before-bulk'

/**
 * The word for each reason in a backup's file name, which the user sees in the backup list and
 * in the folder: Vietnamese without diacritics, so the name stays portable.
 */
const FILE_WORD: Record<BackupReason, string> = {
  manual: 'thu-cong',
  'before-migration': 'truoc-nang-cap',
  'before-restore': 'truoc-khoi-phuc',
  'before-import': 'truoc-nhap',
  'before-merge': 'truoc-gop-don-vi',
  'before-erase': 'truoc-xoa',
  'before-password': 'truoc-doi-mat-khau',
  'before-bulk': 'truoc-sua-hang-loat'
}
/** Both the file word and the reason itself (backups made before the names were Vietnamese). */
const REASON_OF = new Map<string, BackupReason>(
  (Object.entries(FILE_WORD) as [BackupReason, string][]).flatMap(([r, w]) => [
    [w, r],
    [r, r]
  ])
)

function stamp(d: Date): string {
  const iso = d.toISOString() // 2026-11-27T06:52:23.123Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`
}

function describe(path: string): BackupInfo | null {
  const fileName = basename(path)
  const m = NAME.exec(fileName)
  if (!m) return null
  const [, ymd, hms, ms, word] = m
  const reason = REASON_OF.get(word)
  if (!reason) return null
  const createdAt = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}T${hms.slice(0, 2)}:${hms.slice(2, 4)}:${hms.slice(4)}.${ms}Z`
  return { fileName, path, sizeBytes: statSync(path).size, createdAt, reason }
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((f) => describe(join(dir, f)))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
}

/**
 * Removes the partial copies a crash or a kill left in `dir` (only names starting with
 * `prefix`, so a user's own files in a folder given with --db are left alone); returns them.
 */
export function removePartials(dir: string, prefix = 'sao-luu_'): string[] {
  if (!existsSync(dir)) return []
  const removed: string[] = []
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith(PARTIAL_SUFFIX)) continue
    // A backup's attachments folder is written as a partial folder too.
    rmSync(join(dir, name), { recursive: true, force: true })
    removed.push(name)
  }
  return removed
}

/** Checks that a file is a whole database of this app that this version can open. */
function verifyDatabaseFile(path: string, key: Buffer | null = null): void {
  checkOrdinaryFile(path, 'tệp dữ liệu')
  const db = openDatabase(path, { readonly: true, key })
  try {
    verifyOpenDatabase(db, path)
  } finally {
    db.close()
  }
}

/** verifyDatabaseFile on a connection already open on `path` (read with its WAL). */
export function verifyOpenDatabase(db: Database, path: string): void {
  let result: { integrity_check: string }[]
  try {
    result = db.pragma('integrity_check') as { integrity_check: string }[]
  } catch (e) {
    throw unusableFileError(path, (e as { code?: string }).code)
  }
  if (result.length !== 1 || result[0].integrity_check !== 'ok') {
    // A cut-short file is told apart from a damaged one; SQLite's report stays out of it.
    const reason = unusableFileError(path)
    throw reason.code === 'DB_TRUNCATED' ? reason : corruptFileError(path, result.length)
  }
  const version = schemaVersion(db)
  if (version > SCHEMA_VERSION) {
    throw new CoreError(
      'DB_TOO_NEW',
      `Tệp ${basename(path)} được tạo bởi phiên bản mới hơn của phần mềm; hãy cập nhật phần mềm trước khi khôi phục.`
    )
  }
  const tables = db
    .prepare(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('units', 'people')"
    )
    .get() as { n: number }
  if (version < 1 || tables.n !== 2) {
    throw new CoreError(
      'NOT_OUR_FILE',
      `Tệp ${basename(path)} không phải bản sao lưu dữ liệu của phần mềm này.`
    )
  }
}

function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? ''
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code.startsWith('SQLITE_IOERR_WRITE')
}

/**
 * Writes what `source` shows (its main file and its WAL) into `target`, a new owner-only file.
 * On a full disk, a WAL left large by an earlier failed write is folded in and cut back
 * (it may hold most of the free space), and the copy is tried once more.
 */
export function snapshotInto(source: Database, target: string): void {
  const attempt = () => {
    createExclusive(target)
    try {
      source.prepare('VACUUM INTO ?').run(target)
    } catch (e) {
      rmSync(target, { force: true })
      throw e
    }
  }
  try {
    attempt()
  } catch (e) {
    if (!isDiskFull(e) || source.readonly) throw e
    try {
      source.pragma('wal_checkpoint(TRUNCATE)')
    } catch {
      throw e
    }
    attempt()
  }
}

/** The refusal for a copy that failed, in words the user can act on; `failed` says what failed. */
export function copyFailure(e: unknown, failed: string): CoreError {
  if (e instanceof CoreError) return e
  if (isDiskFull(e)) {
    return new CoreError(
      'DISK_FULL',
      `${failed}: ổ đĩa đã đầy. Hãy giải phóng dung lượng (xóa bớt tệp không cần) rồi thử lại.`
    )
  }
  const code = (e as { code?: string }).code ?? ''
  if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_READONLY'
  ) {
    return new CoreError('NO_PERMISSION', `${failed}: không có quyền ghi vào thư mục dữ liệu.`)
  }
  return new CoreError(
    'BACKUP_FAILED',
    `${failed} (mã lỗi ${code || 'không rõ'}). Hãy thử lại; nếu lỗi lặp lại, hãy kiểm tra ổ đĩa.`
  )
}

/**
 * Copies the open database into the backup folder, verifies the copy, then prunes old ones. The
 * files attached to records (backup/attachments.ts) go with it, in a folder beside the copy.
 */
export function createBackup(
  db: Database,
  dir: string,
  reason: BackupReason,
  keep: number
): BackupInfo {
  ensurePrivateDir(dir)
  removePartials(dir)
  let now = new Date()
  let final = join(dir, `sao-luu_${stamp(now)}_${FILE_WORD[reason]}.sqlite`)
  while (existsSync(final)) {
    now = new Date(now.getTime() + 1)
    final = join(dir, `sao-luu_${stamp(now)}_${FILE_WORD[reason]}.sqlite`)
  }
  const partial = `${final}${PARTIAL_SUFFIX}`
  try {
    // VACUUM INTO writes with the source's cipher and key: a backup of an encrypted file is
    // encrypted, and is checked here with that key.
    snapshotInto(db, partial)
    verifyDatabaseFile(partial, keyOf(db))
    // The attachments before the .sqlite: a backup listed is always whole.
    if (!db.memory) copyAttachmentsForBackup(db.name, final)
    renameSync(partial, final)
  } catch (e) {
    rmSync(partial, { force: true })
    removeBackupAttachments(final)
    throw copyFailure(e, 'Không tạo được bản sao lưu')
  }
  pruneBackups(dir, keep)
  return describe(final)!
}

export function pruneBackups(dir: string, keep: number): void {
  for (const old of backupsBeyondKeep(listBackups(dir), keep)) {
    rmSync(old.path, { force: true })
    removeBackupAttachments(old.path)
  }
}
