// The checks every inspection record shares: whole days, units that exist, text that is not
// empty. Each adds a Vietnamese message under the field's name; `refuseIf` throws them together.
import { parsePartialDate } from '../../shared/partial-date'
import { cleanText } from '../../shared/vn-text'
import type { Database } from '../db/connection'
import { CoreError } from '../db/errors'

export type Errors = Record<string, string>

export const isDay = (s: string | null): boolean =>
  s !== null && s.length === 10 && parsePartialDate(s) !== null

export function checkDay(errors: Errors, field: string, value: string | null, label: string): void {
  if (value !== null && !isDay(value))
    errors[field] = `${label} không hợp lệ (cần đủ ngày, tháng, năm).`
}

export function unitExists(db: Database, id: number): boolean {
  return db.prepare('SELECT 1 FROM units WHERE id = ?').get(id) !== undefined
}

/** Cleaned text, or null when blank. */
export const optional = (s: string | null | undefined): string | null =>
  s ? cleanText(s) || null : null

export function refuseIf(errors: Errors): void {
  if (Object.keys(errors).length > 0)
    throw new CoreError('VALIDATION', Object.values(errors).join(' '), errors)
}
