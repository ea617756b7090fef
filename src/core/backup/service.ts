// The "Dữ liệu & sao lưu" operations: information about the data file, backups on demand,
// restore after checking, and the integrity check.
import { existsSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { AppInfo, BackupInfo, IntegrityReport } from '../../shared/api'
import type { CoreContext } from '../context'
import { openDatabase, type Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { unusableFileError } from '../db/file-header'
import { checkOrdinaryFile } from '../files'
import { schemaVersion } from '../db/migrations'
import { backupKeep, setSetting } from '../settings'
import {
  copyFailure,
  createBackup,
  PARTIAL_SUFFIX,
  pruneBackups,
  snapshotInto,
  verifyOpenDatabase,
  type BackupReason
} from './backups'
import { restoreAttachments } from './attachments'

export function appInfo(ctx: CoreContext): AppInfo {
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

export function makeBackup(ctx: CoreContext, reason: BackupReason): BackupInfo {
  return createBackup(ctx.db, ctx.backupDir, reason, backupKeep(ctx.db))
}

export function setBackupKeep(ctx: CoreContext, keep: number): AppInfo {
  setSetting(ctx.db, 'backup.keep', String(keep))
  pruneBackups(ctx.backupDir, keep)
  return appInfo(ctx)
}

export async function restoreBackup(
  ctx: CoreContext,
  input: { fileName?: string; chooseFile?: boolean }
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
  snapshotForRestore(source, incoming)
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
function snapshotForRestore(source: string, target: string): void {
  // SQLite takes an empty file for an empty database; the user is told it is empty.
  if (checkOrdinaryFile(source, 'tệp sao lưu').size === 0) throw unusableFileError(source)
  rmSync(target, { force: true })
  const db = openDatabase(source, { readonly: true })
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
}

export function checkIntegrity(db: Database): IntegrityReport {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[]
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok')
  const fk = db.pragma('foreign_key_check') as unknown[]
  return { ok: problems.length === 0 && fk.length === 0, problems, foreignKeyProblems: fk.length }
}
