// The "Dữ liệu & sao lưu" operations: information about the data file, backups on demand,
// restore after checking, and the integrity check.
import { existsSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { AppInfo, BackupInfo, IntegrityReport } from '../../shared/api'
import { audit } from '../audit/audit'
import type { CoreContext } from '../context'
import { inTransaction, keyOf, openDatabase, rekeyDatabase, type Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { unusableFileError } from '../db/file-header'
import { checkOrdinaryFile } from '../files'
import { backupsBeyondKeep } from '../../shared/backup-retention'
import { schemaVersion } from '../db/migrations'
import { backupKeep, DEFAULT_BACKUP_KEEP, setSetting } from '../settings'
import {
  copyFailure,
  createBackup,
  listBackups,
  PARTIAL_SUFFIX,
  pruneBackups,
  snapshotInto,
  verifyOpenDatabase
} from './backups'
import { restoreAttachments } from './attachments'

export function appInfo(ctx: CoreContext): AppInfo {
  // Answered while locked too (the lock screen names the file); what only the file knows is
  // then left at its neutral value.
  if (ctx.lock.locked) {
    return {
      appVersion: ctx.appVersion,
      dbPath: ctx.dbPath,
      dbSizeBytes: statSync(ctx.dbPath).size,
      schemaVersion: 0,
      backupDir: ctx.backupDir,
      backupKeep: DEFAULT_BACKUP_KEEP
    }
  }
  return {
    appVersion: ctx.appVersion,
    dbPath: ctx.dbPath,
    dbSizeBytes:
      statSync(ctx.dbPath).size +
      (existsSync(`${ctx.dbPath}-wal`) ? statSync(`${ctx.dbPath}-wal`).size : 0),
    schemaVersion: schemaVersion(ctx.db),
    backupDir: ctx.backupDir,
    backupKeep: backupKeep(ctx.db)
  }
}

/** A backup the user asked for (the automatic ones are named in the entry of their action). */
export function makeManualBackup(ctx: CoreContext): BackupInfo {
  const made = createBackup(ctx.db, ctx.backupDir, 'manual', backupKeep(ctx.db))
  audit(ctx.db, { action: 'backup.create', detail: { file: made.fileName } })
  return made
}

export function setBackupKeep(ctx: CoreContext, keep: number): AppInfo {
  const before = backupKeep(ctx.db)
  const going = backupsBeyondKeep(listBackups(ctx.backupDir), keep).length
  inTransaction(ctx.db, () => {
    setSetting(ctx.db, 'backup.keep', String(keep))
    if (keep !== before)
      audit(ctx.db, { action: 'backup.keep', detail: { from: before, to: keep, deleted: going } })
  })
  pruneBackups(ctx.backupDir, keep)
  return appInfo(ctx)
}

export async function restoreBackup(
  ctx: CoreContext,
  input: { fileName?: string }
): Promise<{ restoredFrom: string; safetyBackup: BackupInfo } | null> {
  let source: string | null
  if (input.fileName) {
    source = join(ctx.backupDir, basename(input.fileName))
    if (!existsSync(source))
      throw new CoreError('NOT_FOUND', `Không tìm thấy bản sao lưu ${input.fileName}.`)
  } else {
    source = await ctx.platform.chooseOpenFile({
      title: 'Chọn tệp sao lưu để khôi phục',
      filters: [{ name: 'Tệp dữ liệu (SQLite)', extensions: ['sqlite', 'db'] }]
    })
    if (source === null) return null
  }
  const incoming = restoringPath(ctx.dbPath)
  snapshotForRestore(source, incoming, keyOf(ctx.db))
  try {
    // The current data is copied first, so a restore can itself be undone.
    const safetyBackup = createBackup(
      ctx.db,
      ctx.backupDir,
      'before-restore',
      Math.max(backupKeep(ctx.db), 1) + 1
    )
    ctx.replaceDatabase(incoming)
    // The files the restored data names come back too (those still there are the same bytes).
    restoreAttachments(source, ctx.dbPath)
    // Written in the restored data: the log goes on from what came back.
    audit(ctx.db, {
      action: 'backup.restore',
      detail: { from: source, safetyBackup: safetyBackup.fileName }
    })
    return { restoredFrom: source, safetyBackup }
  } finally {
    rmSync(incoming, { force: true })
  }
}

/** Where the copy being restored is written: beside the data file, so the final rename is atomic. */
function restoringPath(dbPath: string): string {
  return `${dbPath}.restoring${PARTIAL_SUFFIX}`
}

/**
 * Checks `source` and copies what SQLite shows of it (main file and WAL: a backup taken from a
 * running app, or the live data file itself, has recent writes only in its WAL) into `target`.
 * The source is opened read-only and is not changed.
 */
function snapshotForRestore(source: string, target: string, key: Buffer | null): void {
  // SQLite takes an empty file for an empty database; the user is told it is empty.
  if (checkOrdinaryFile(source, 'tệp sao lưu').size === 0) throw unusableFileError(source)
  rmSync(target, { force: true })
  const { db, plain } = openSource(source, key)
  try {
    verifyOpenDatabase(db, source)
    try {
      snapshotInto(db, target)
    } catch (e) {
      const code = (e as { code?: string }).code ?? ''
      if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
        throw unusableFileError(source, code)
      throw copyFailure(e, 'Không khôi phục được')
    }
  } finally {
    db.close()
  }
  // A plain backup (from before the password was set) comes back encrypted like the data file.
  if (key && plain) encryptCopy(target, key)
}

/**
 * Opens a backup read-only: with the data file's key when it has one (a backup made since the
 * password was set), else as a plain file (one made before).
 */
function openSource(source: string, key: Buffer | null): { db: Database; plain: boolean } {
  if (!key) return { db: openDatabase(source, { readonly: true }), plain: true }
  try {
    return { db: openDatabase(source, { readonly: true, key }), plain: false }
  } catch {
    try {
      return { db: openDatabase(source, { readonly: true }), plain: true }
    } catch {
      throw new CoreError(
        'WRONG_KEY',
        `Tệp ${basename(source)} được mã hóa bằng một khóa khác (có thể được sao lưu trước lần đổi mật khẩu gần nhất), hoặc không phải tệp dữ liệu của phần mềm; không khôi phục được.`
      )
    }
  }
}

function encryptCopy(path: string, key: Buffer): void {
  const db = openDatabase(path)
  try {
    rekeyDatabase(db, key)
  } finally {
    db.close()
  }
}

export function checkIntegrity(db: Database): IntegrityReport {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[]
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok')
  const fk = db.pragma('foreign_key_check') as unknown[]
  return { ok: problems.length === 0 && fk.length === 0, problems, foreignKeyProblems: fk.length }
}
