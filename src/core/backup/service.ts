// The "Dữ liệu & sao lưu" operations: information about the data file, backups on demand,
// restore after checking, and the integrity check.
import { existsSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { AppInfo, BackupInfo, IntegrityReport } from '../../shared/api'
import type { CoreContext } from '../context'
import type { Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { schemaVersion } from '../db/migrations'
import { backupKeep, setSetting } from '../settings'
import { createBackup, pruneBackups, verifyDatabaseFile, type BackupReason } from './backups'

export function appInfo(ctx: CoreContext): AppInfo {
  return {
    appVersion: ctx.appVersion,
    dbPath: ctx.dbPath,
    dbSizeBytes: statSync(ctx.dbPath).size + (existsSync(`${ctx.dbPath}-wal`) ? statSync(`${ctx.dbPath}-wal`).size : 0),
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
    if (!existsSync(source)) throw new CoreError('NOT_FOUND', `Không tìm thấy bản sao lưu ${input.fileName}.`)
  } else {
    source = await ctx.platform.chooseOpenFile({
      title: 'Chọn tệp sao lưu để khôi phục',
      filters: [{ name: 'Tệp dữ liệu (SQLite)', extensions: ['sqlite', 'db'] }]
    })
    if (source === null) return null
  }
  verifyDatabaseFile(source)
  // The current data is copied first, so a restore can itself be undone.
  const safetyBackup = createBackup(ctx.db, ctx.backupDir, 'before-restore', Math.max(backupKeep(ctx.db), 1) + 1)
  ctx.replaceDatabase(source)
  return { restoredFrom: source, safetyBackup }
}

export function checkIntegrity(db: Database): IntegrityReport {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[]
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok')
  const fk = db.pragma('foreign_key_check') as unknown[]
  return { ok: problems.length === 0 && fk.length === 0, problems, foreignKeyProblems: fk.length }
}
