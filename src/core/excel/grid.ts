// The neutral form every reader produces: per sheet, rows of cell values, the merged ranges, and
// what legacy-encoded text was converted. Everything after the readers works on this alone.
import type { LegacyEncoding } from './legacy-encoding'

/** A cell holding a date (from a date-formatted number, already read as calendar parts). */
export class DateCell {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number
  ) {}
  toString(): string {
    return `${String(this.day).padStart(2, '0')}/${String(this.month).padStart(2, '0')}/${this.year}`
  }
}

export type CellValue = string | number | boolean | DateCell | null

export interface GridRow {
  /** 1-based row number in the sheet. */
  r: number
  cells: CellValue[]
}

export interface MergeRange {
  top: number
  left: number
  bottom: number
  right: number
}

export interface GridSheet {
  name: string
  hidden: boolean
  /** Non-empty rows only, in order. */
  rows: GridRow[]
  merges: MergeRange[]
  /**
   * Column widths the file sets (characters, as Excel counts them), by 0-based column; a gap
   * where it sets none. Absent for a CSV. The problem file keeps them, as the sender laid it out.
   */
  widths?: (number | undefined)[]
  /** Converted legacy text: encoding → cells. */
  legacy: Partial<Record<LegacyEncoding, number>>
}

export interface Grid {
  format: 'xlsx' | 'csv'
  encoding: string | null
  sheets: GridSheet[]
}

/** Bounds for hostile or absurd files: beyond them the file is refused, never half-read. */
export const LIMITS = {
  maxFileBytes: 100 * 1024 * 1024,
  maxZipEntries: 5000,
  maxUncompressedBytes: 600 * 1024 * 1024,
  /** Compression ratio above which a large entry is taken for a zip bomb. */
  maxRatio: 200,
  /** Parts ExcelJS keeps whole in memory (shared strings, styles, workbook). */
  maxCachedPartBytes: 120 * 1024 * 1024,
  maxSheetXmlBytes: 500 * 1024 * 1024,
  maxRows: 300_000,
  maxCells: 6_000_000,
  maxColumns: 256,
  maxSheets: 200,
  maxMillis: 180_000
}

export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const m = (n - 1) % 26
    s = String.fromCharCode(65 + m) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** "AB12" → { row: 12, col: 27 (0-based) }. */
export function decodeRef(ref: string): { row: number; col: number } | null {
  // Fast path for the plain "AB12" every writer emits; the regex handles the rest.
  let col = 0
  let i = 0
  for (; i < ref.length && i < 3; i++) {
    const ch = ref.charCodeAt(i)
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64)
    else break
  }
  if (i > 0 && i < ref.length) {
    let row = 0
    let j = i
    for (; j < ref.length; j++) {
      const ch = ref.charCodeAt(j)
      if (ch < 48 || ch > 57) break
      row = row * 10 + (ch - 48)
    }
    if (j === ref.length && row > 0 && j - i <= 7) return { row, col: col - 1 }
  }
  return decodeRefSlow(ref)
}

function decodeRefSlow(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref)
  if (!m) return null
  let col = 0
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64)
  return { row: Number(m[2]), col: col - 1 }
}

export function cellText(v: CellValue): string {
  if (v === null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v)
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  return v.toString()
}

/** Excel serial day → calendar parts, in UTC arithmetic only (no time zone can shift it). */
export function serialToDate(serial: number, date1904: boolean): DateCell | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return null
  const whole = Math.floor(serial + 1 / 86400 / 2)
  let days: number // since 1970-01-01
  if (date1904)
    days = whole - 24107 // 1904-01-01
  else if (whole >= 61)
    days = whole - 25569 // 1899-12-30
  else if (whole >= 1)
    days = whole - 25568 // 1899-12-31: before Excel's phantom 29/02/1900
  else return null
  return civilFromDays(days)
}

/**
 * The proleptic Gregorian date `days` after 1970-01-01, as Date's UTC getters give it, by integer
 * arithmetic (H. Hinnant's civil_from_days): a workbook holds a date per row or two, and making a
 * Date object for each was a visible part of the read.
 */
function civilFromDays(days: number): DateCell {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return new DateCell(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
}
