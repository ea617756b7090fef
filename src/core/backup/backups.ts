// Verified backup copies of the data file. A copy is made with VACUUM INTO (a consistent
// snapshot even while the app writes, compacted), checked with integrity_check, then renamed
// into place, so a file in the backup folder is always a whole, checked database.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { BackupInfo } from '../../shared/api'
import { openDatabase, type Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { SCHEMA_VERSION, schemaVersion } from '../db/migrations'

const NAME = /^sao-luu_(\d{8})-(\d{6})-(\d{3})_([a-z-]+)\.sqlite$/

const BACKUP_REASONS = ['manual', 'before-migration', 'before-restore', 'before-import'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

function stamp(d: Date): string {
  const iso = d.toISOString() // 2026-11-27T06:52:23.123Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`
}

function describe(path: string): BackupInfo | null {
  const fileName = basename(path)
  const m = NAME.exec(fileName)
  if (!m) return null
  const [, ymd, hms, ms, reason] = m
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

/** Checks that a file is a whole database of this app that this version can open. */
export function verifyDatabaseFile(path: string): void {
  const db = openDatabase(path, { readonly: true })
  try {
    const result = db.pragma('integrity_check') as { integrity_check: string }[]
    if (result.length !== 1 || result[0].integrity_check !== 'ok') {
      throw new CoreError('BACKUP_CORRUPT', `Tệp ${basename(path)} bị hỏng: ${result.map((r) => r.integrity_check).slice(0, 3).join('; ')}`)
    }
    const version = schemaVersion(db)
    if (version > SCHEMA_VERSION) {
      throw new CoreError('DB_TOO_NEW', `Tệp ${basename(path)} được tạo bởi phiên bản mới hơn của phần mềm; hãy cập nhật phần mềm trước khi khôi phục.`)
    }
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('units', 'people')").get() as { n: number }
    if (version < 1 || tables.n !== 2) {
      throw new CoreError('NOT_OUR_FILE', `Tệp ${basename(path)} không phải bản sao lưu dữ liệu của phần mềm này.`)
    }
  } finally {
    db.close()
  }
}

/** Copies the open database into the backup folder, verifies the copy, then prunes old ones. */
export function createBackup(db: Database, dir: string, reason: BackupReason, keep: number): BackupInfo {
  mkdirSync(dir, { recursive: true })
  let now = new Date()
  let final = join(dir, `sao-luu_${stamp(now)}_${reason}.sqlite`)
  while (existsSync(final)) {
    now = new Date(now.getTime() + 1)
    final = join(dir, `sao-luu_${stamp(now)}_${reason}.sqlite`)
  }
  const partial = `${final}.partial`
  rmSync(partial, { force: true })
  try {
    db.prepare('VACUUM INTO ?').run(partial)
    verifyDatabaseFile(partial)
    renameSync(partial, final)
  } catch (e) {
    rmSync(partial, { force: true })
    if (e instanceof CoreError) throw e
    throw new CoreError('BACKUP_FAILED', `Không tạo được bản sao lưu: ${(e as Error).message}`)
  }
  pruneBackups(dir, keep)
  return describe(final)!
}

export function pruneBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) rmSync(old.path, { force: true })
}
