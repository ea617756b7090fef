// The ordinal and round-year rules of anniversaries (DOMAIN part 5), pure so that the core, the
// exports and the page say the same thing. An event keeps the precision its source gave: a day,
// a month or only a year; nothing missing is ever invented, so "1927" stays "1927 – 2026".
import { daysInMonth, parsePartialDate, type DateParts } from './partial-date'

/** Ceremonies are held only on round anniversaries: every 10 years ('ten') and every 5 ('five'). */
export type Roundness = 'ten' | 'five' | null

export interface AnniversaryOccurrence {
  /** Years since the event; at least 1 (the event's own year has no anniversary). */
  years: number
  round: Roundness
  /**
   * The day it falls on in the year, as precise as the source: YYYY-MM-DD, YYYY-MM or YYYY.
   * 29 February falls on 28 February in a year that has no 29th (kept in its month).
   */
  on: string
  /** "Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026)". */
  label: string
}

export function roundness(years: number): Roundness {
  if (years > 0 && years % 10 === 0) return 'ten'
  if (years > 0 && years % 5 === 0) return 'five'
  return null
}

/** The way party texts write a date: 19/5/1890, 10/1947 or 1927 (no leading zeros). */
function anniversaryDateText(p: DateParts): string {
  if (p.month === null) return String(p.year)
  if (p.day === null) return `${p.month}/${p.year}`
  return `${p.day}/${p.month}/${p.year}`
}

/** The event moved to `year`, same precision; 29/2 becomes 28/2 where February has 28 days. */
function observedIn(event: DateParts, year: number): DateParts {
  if (event.month === null || event.day === null) return { ...event, year }
  return { year, month: event.month, day: Math.min(event.day, daysInMonth(year, event.month)) }
}

const iso = (p: DateParts) =>
  [
    String(p.year).padStart(4, '0'),
    p.month === null ? null : String(p.month).padStart(2, '0'),
    p.day === null ? null : String(p.day).padStart(2, '0')
  ]
    .filter((x) => x !== null)
    .join('-')

/**
 * The anniversary of an event (its date YYYY, YYYY-MM or YYYY-MM-DD) in a year, or null when the
 * year is not after the event's or the date is not a real one.
 */
export function anniversaryIn(
  title: string,
  date: string,
  year: number
): AnniversaryOccurrence | null {
  const event = parsePartialDate(date)
  if (!event) return null
  const years = year - event.year
  if (years < 1) return null
  const observed = observedIn(event, year)
  return {
    years,
    round: roundness(years),
    on: iso(observed),
    label: `Kỷ niệm ${years} năm ${title} (${anniversaryDateText(event)} – ${anniversaryDateText(observed)})`
  }
}

/**
 * Whether an occurrence is still to come on `today` (YYYY-MM-DD): a day from that day on, a month
 * until its last day, an event known only by its year for the whole year.
 */
export function stillToCome(on: string, today: string): boolean {
  const p = parsePartialDate(on)
  if (!p) return false
  if (p.month === null) return String(p.year) >= today.slice(0, 4)
  const last = p.day ?? daysInMonth(p.year, p.month)
  return iso({ year: p.year, month: p.month, day: last }) >= today
}

/** Orders a year's occurrences by when they fall: a month-only event at its month's start, a year-only one last. */
export function occurrenceSortKey(on: string): string {
  if (on.length === 4) return `${on}-99`
  if (on.length === 7) return `${on}-00`
  return on
}
