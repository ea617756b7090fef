// The backup part of the contract. The data file: its facts, backups and restore, the integrity check.

import type { ListsAll } from './common'

export interface AppInfo {
  appVersion: string
  dbPath: string
  dbSizeBytes: number
  schemaVersion: number
  backupDir: string
  /** How many backups are kept; older ones are deleted after a new one is made. */
  backupKeep: number
}

export interface BackupInfo {
  fileName: string
  path: string
  sizeBytes: number
  createdAt: string
  reason: string
}

export interface IntegrityReport {
  ok: boolean
  /** SQLite's own messages when not ok. */
  problems: string[]
  foreignKeyProblems: number
}

// ---------------------------------------------------------------- channels

export interface BackupApi {
  'backup:list': { input: null; output: BackupInfo[] }
  /** Makes a verified backup now; its reason is always 'manual' (the others are the core's own). */
  'backup:create': { input: { reason?: 'manual' } | null; output: BackupInfo }
  /** Restores a backup (by file name in the backup folder; without one, a file the user chooses). */
  'backup:restore': {
    input: { fileName?: string }
    output: { restoredFrom: string; safetyBackup: BackupInfo } | null
  }
  'backup:setKeep': { input: { keep: number }; output: AppInfo }
  'db:check': { input: null; output: IntegrityReport }
}

export const BACKUP_CHANNELS = [
  'backup:list',
  'backup:create',
  'backup:restore',
  'backup:setKeep',
  'db:check'
] as const satisfies readonly (keyof BackupApi)[]

const _allBackupApiListed: ListsAll<BackupApi, typeof BACKUP_CHANNELS> = true
void _allBackupApiListed
