// Settings of the whole app, kept in the settings table: how many backups to keep, the year
// every section works on.
import type { WorkingYear } from '../shared/api'
import { todayIso } from '../shared/partial-date'
import type { Database } from './db/connection'
import { CoreError } from './db/errors'

export const DEFAULT_BACKUP_KEEP = 20

export function getSetting(db: Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined
  return row?.value ?? null
}

export function setSetting(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
  ).run(key, value)
}

export function backupKeep(db: Database): number {
  const v = Number(getSetting(db, 'backup.keep'))
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_BACKUP_KEEP
}

// The key dates from when the study section first kept the year; renaming it would need a
// migration for nothing.
const YEAR_SETTING = 'study.year'
const MIN_YEAR = 2000
const MAX_YEAR = 2100

/** Refuses a year the app does not work with (the same 2000–2100 as rpc/fields.ts `year`). */
export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CoreError('VALIDATION', `Năm ${year} không hợp lệ.`, { year: 'Năm không hợp lệ.' })
  }
}

/**
 * The working year: the one chosen, else this year. A new file opened after the last seeded topic
 * starts on this year, not on the old topic: the study view then asks for this year's topic
 * ("Chưa có chủ đề năm …", with the button to enter it) instead of silently working on a past year.
 */
export function getWorkingYear(db: Database): WorkingYear {
  const chosen = Number(getSetting(db, YEAR_SETTING))
  if (Number.isInteger(chosen) && chosen >= MIN_YEAR && chosen <= MAX_YEAR) return { year: chosen }
  return { year: Number(todayIso().slice(0, 4)) }
}

export function setWorkingYear(db: Database, year: number): WorkingYear {
  checkYear(year)
  setSetting(db, YEAR_SETTING, String(year))
  return getWorkingYear(db)
}
