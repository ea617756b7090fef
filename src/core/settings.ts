import type { Database } from './db/connection'

const DEFAULT_BACKUP_KEEP = 20

export function getSetting(db: Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value ?? null
}

export function setSetting(db: Database, key: string, value: string): void {
  db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
}

export function backupKeep(db: Database): number {
  const v = Number(getSetting(db, 'backup.keep'))
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_BACKUP_KEEP
}
