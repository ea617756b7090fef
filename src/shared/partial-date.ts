// Dates that keep their precision: "YYYY-MM-DD", "YYYY-MM" or "YYYY". Lists often know only the
// year of birth or the month of joining; we never invent the missing parts.

export type PartialDate = string

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

export interface DateParts {
  year: number
  month: number | null
  day: number | null
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Parts of an ISO partial date, or null when it is not a real calendar date. */
export function parsePartialDate(value: string): DateParts | null {
  const m = ISO.exec(value)
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] ? Number(m[2]) : null
  const day = m[3] ? Number(m[3]) : null
  if (year < 1000) return null
  if (month !== null && (month < 1 || month > 12)) return null
  if (day !== null && (day < 1 || day > daysInMonth(year, month!))) return null
  return { year, month, day }
}

export function isPartialDate(value: string): boolean {
  return parsePartialDate(value) !== null
}

export function formatPartialDate(parts: DateParts): PartialDate {
  const y = String(parts.year).padStart(4, '0')
  if (parts.month === null) return y
  const m = String(parts.month).padStart(2, '0')
  if (parts.day === null) return `${y}-${m}`
  return `${y}-${m}-${String(parts.day).padStart(2, '0')}`
}

/** An ISO timestamp as dd/mm/yyyy HH:mm in the computer's local time (screen, CLI, printed log). */
export function displayDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Shown to users: dd/mm/yyyy, mm/yyyy or yyyy. */
export function displayPartialDate(value: string | null | undefined): string {
  if (!value) return ''
  const p = parsePartialDate(value)
  if (!p) return value
  const y = String(p.year)
  if (p.month === null) return y
  const m = String(p.month).padStart(2, '0')
  if (p.day === null) return `${m}/${y}`
  return `${String(p.day).padStart(2, '0')}/${m}/${y}`
}

// The helpers below are top-level functions, not closures in their callers: they run for every
// row of an import, and a closure is a new function object on each call (wrapped in a naming call
// too when esbuild keeps names, as tsx and the dev build do).

/** A typed year: four digits as written; two digits as 20xx, or 19xx when 20xx is after nowYear. */
function fullYear(s: string, nowYear: number): number | null {
  if (s.length === 4) return Number(s)
  if (s.length === 2) {
    const n = Number(s)
    const full = 2000 + n
    return full > nowYear ? 1900 + n : full
  }
  return null
}

/**
 * Reads what a user types: dd/mm/yyyy, d-m-yy, dd.mm.yyyy, mm/yyyy, yyyy, or ISO.
 * Two-digit years are read as 19xx when that is not in the future relative to `today`.
 */
export function readUserDate(text: string, today: string = todayIso()): PartialDate | null {
  const t = text.trim()
  if (!t) return null
  if (ISO.test(t)) return isPartialDate(t) ? t : null
  const parts = t.split(/[/.\-\s]+/).filter(Boolean)
  if (parts.some((p) => !/^\d+$/.test(p))) return null
  const nowYear = Number(today.slice(0, 4))
  let parts3: DateParts | null = null
  if (parts.length === 3 && parts[0].length <= 2 && parts[1].length <= 2) {
    const y = fullYear(parts[2], nowYear)
    if (y !== null) parts3 = { year: y, month: Number(parts[1]), day: Number(parts[0]) }
  } else if (parts.length === 2 && parts[0].length <= 2) {
    const y = fullYear(parts[1], nowYear)
    if (y !== null) parts3 = { year: y, month: Number(parts[0]), day: null }
  } else if (parts.length === 1 && parts[0].length === 4) {
    parts3 = { year: Number(parts[0]), month: null, day: null }
  }
  if (!parts3) return null
  const iso = formatPartialDate(parts3)
  return isPartialDate(iso) ? iso : null
}

/** Today's date in Vietnam (UTC+7), as ISO, whatever the computer's time zone. */
export function todayIso(now: Date = new Date()): string {
  const vn = new Date(now.getTime() + 7 * 3600_000)
  return vn.toISOString().slice(0, 10)
}

/**
 * Compares partial dates by their earliest possible day. Returns <0, 0, >0.
 * "1990" vs "1990-05-01" compare as 1990-01-01 vs 1990-05-01.
 */
export function comparePartialDates(a: string, b: string): number {
  // Two full days (the usual case) compare as they are: no padded copies.
  const x = a.length === 10 ? a : earliestDay(a)
  const y = b.length === 10 ? b : earliestDay(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** "1990" → "1990-01-01", "1990-05" → "1990-05-01"; anything else as it is. */
export function earliestDay(s: string): string {
  return s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s
}

/** Latest possible day of a partial date, for "not in the future" checks. */
export function latestDay(value: string): string {
  const p = parsePartialDate(value)
  if (!p) return value
  if (p.month === null) return `${p.year}-12-31`
  if (p.day === null) return `${value}-${String(daysInMonth(p.year, p.month)).padStart(2, '0')}`
  return value
}

/** Whole years from a (partial) birth date to a (partial) later date, taking the earliest reading. */
export function ageAt(birth: string, at: string): number | null {
  const b = parsePartialDate(birth)
  const d = parsePartialDate(at)
  if (!b || !d) return null
  let age = d.year - b.year
  const bm = b.month ?? 1
  const bd = b.day ?? 1
  const dm = d.month ?? 12
  const dd = d.day ?? 31
  if (dm < bm || (dm === bm && dd < bd)) age -= 1
  return age
}
