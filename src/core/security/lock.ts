// The app lock and the password: unlocking with the password or the recovery key, locking
// (the data file is closed), and setting, changing or removing the password, which re-keys the
// file after a backup, and every backup with it. A wrong password is refused by the key file alone: the data file is not
// opened, so its bytes stay as they were.
import type { LockState, PasswordSet } from '../../shared/api'
import { audit } from '../audit/audit'
import type { CoreContext } from '../context'
import { keyOf } from '../db/connection'
import { CoreError } from '../db/errors'
import { backupKeep, getSetting, setSetting } from '../settings'
import { createBackup } from '../backup/backups'
import {
  keyFilePath,
  newKeyFile,
  openDataKey,
  readKeyFile,
  removeKeyFile,
  writeKeyFile
} from './key-file'
import { renameSync } from 'node:fs'
import { rekeyBackups } from './backup-keys'

/** Minutes without use before the app locks itself; 0 = never. */
const IDLE_SETTING = 'security.idleMinutes'
const DEFAULT_IDLE_MINUTES = 10

export function lockedError(): CoreError {
  return new CoreError(
    'LOCKED',
    'Dữ liệu đang được khóa. Hãy nhập mật khẩu (hoặc khóa khôi phục) để mở.'
  )
}

export function wrongPasswordError(fields?: Record<string, string>): CoreError {
  return new CoreError('WRONG_PASSWORD', 'Mật khẩu hoặc khóa khôi phục không đúng.', fields)
}

export function lockState(ctx: CoreContext): LockState {
  const protectedFile = readKeyFile(ctx.dbPath) !== null
  if (ctx.lock.locked) return { locked: true, passwordSet: protectedFile, idleMinutes: null }
  const v = Number(getSetting(ctx.db, IDLE_SETTING) ?? DEFAULT_IDLE_MINUTES)
  return {
    locked: false,
    passwordSet: protectedFile,
    idleMinutes: Number.isInteger(v) && v >= 0 ? v : DEFAULT_IDLE_MINUTES
  }
}

export function unlock(ctx: CoreContext, secret: string): LockState {
  if (!ctx.lock.locked) return lockState(ctx)
  const file = readKeyFile(ctx.dbPath)
  if (!file) {
    ctx.lock.open(null)
    return lockState(ctx)
  }
  const key = openDataKey(file, secret)
  if (!key) throw wrongPasswordError()
  ctx.lock.open(key)
  return lockState(ctx)
}

/** Locks an app that has a password; without one there is nothing to lock with. */
export function lock(ctx: CoreContext): LockState {
  if (readKeyFile(ctx.dbPath) !== null) ctx.lock.close()
  return lockState(ctx)
}

export function setIdleMinutes(ctx: CoreContext, minutes: number): LockState {
  setSetting(ctx.db, IDLE_SETTING, String(minutes))
  return lockState(ctx)
}

/** The password must be the current one (or the recovery key) before anything changes. */
function checkCurrent(ctx: CoreContext, current: string | undefined): void {
  const file = readKeyFile(ctx.dbPath)
  if (!file) return
  // Named for the form's field, so the page can put the cursor back in it.
  if (current === undefined || !openDataKey(file, current))
    throw wrongPasswordError({ current: 'Mật khẩu hiện tại không đúng.' })
}

/**
 * Sets or changes the password: a new data key and a new recovery key, the file re-keyed with
 * the new key after a backup (taken with the old key, or plain when there was no password).
 */
export function setPassword(
  ctx: CoreContext,
  current: string | undefined,
  next: string
): PasswordSet {
  checkCurrent(ctx, current)
  const had = readKeyFile(ctx.dbPath) !== null
  const { file, dataKey, recoveryKey } = newKeyFile(next)
  const db = ctx.db
  const oldKey = keyOf(db)
  createBackup(db, ctx.backupDir, 'before-password', backupKeep(db))
  // The new key file is on disk (under another name) before the re-key, so a crash between the
  // two never leaves a file whose key is nowhere; it replaces the old one right after.
  const staged = `${keyFilePath(ctx.dbPath)}.new`
  writeKeyFile(ctx.dbPath, file, staged)
  ctx.lock.rekey(dataKey)
  renameSync(staged, keyFilePath(ctx.dbPath))
  // Every backup follows, the plain ones from before the password included.
  rekeyBackups(ctx.backupDir, [oldKey, null], dataKey)
  // After the re-key, so the entry is written under the new key (the change itself is not a
  // transaction: SQLite re-keys the whole file).
  audit(ctx.db, { action: had ? 'password.change' : 'password.set', detail: {} })
  return { recoveryKey, lock: lockState(ctx) }
}

export function removePassword(ctx: CoreContext, current: string): LockState {
  if (!readKeyFile(ctx.dbPath))
    throw new CoreError('NO_PASSWORD', 'Dữ liệu chưa được đặt mật khẩu.')
  checkCurrent(ctx, current)
  const db = ctx.db
  const oldKey = keyOf(db)
  createBackup(db, ctx.backupDir, 'before-password', backupKeep(db))
  ctx.lock.rekey(null)
  removeKeyFile(ctx.dbPath)
  // Without the key file no encrypted backup could be restored: they go plain with the file.
  rekeyBackups(ctx.backupDir, [oldKey], null)
  audit(ctx.db, { action: 'password.remove', detail: {} })
  return lockState(ctx)
}
