// Builds a sheet's grid from the cells either .xlsx reader finds (the fast one and ExcelJS's):
// one place for turning a cell's type and text into a value (shared strings, dates, booleans,
// NFC, legacy encodings), for what each style says about its cells, and for the limits of rows,
// cells and time that every read keeps to.
import { CoreError } from '../db/errors'
import {
  DateCell,
  LIMITS,
  decodeRef,
  serialToDate,
  type CellValue,
  type GridRow,
  type GridSheet,
  type MergeRange
} from './grid'
import {
  fixLegacyRuns,
  fixLegacyText,
  fontHint,
  nfc,
  type FontHint,
  type LegacyEncoding,
  type TextRun
} from './legacy-encoding'
import { refuse } from './sniff'

export interface StyleInfo {
  isDate: boolean
  hint: FontHint | null
}

/** What ExcelJS's style parser tells of a style index: its number format and font. */
export type StyleModel = { numFmt?: string; font?: { name?: string } } | null

/**
 * The shared strings table: each string's text (rich-text runs joined), and the runs of those
 * whose runs name their own fonts (the font of each run says how to read it). Plain strings
 * have no entry, and a table without such strings has no map at all.
 */
export interface SharedStrings {
  texts: string[]
  runs: Map<number, TextRun[]> | null
}

function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false
  const f = fmt
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
  return /[ymd]/i.test(f)
}

/** What each style index says about its cells (a date format, a legacy font), worked out once per index. */
export function styleLookup(model: (s: number) => StyleModel): (s: number) => StyleInfo {
  const cache = new Map<number, StyleInfo>()
  return (s: number): StyleInfo => {
    let info = cache.get(s)
    if (!info) {
      const m = model(s)
      info = { isDate: isDateFormat(m?.numFmt), hint: fontHint(m?.font?.name) }
      cache.set(s, info)
    }
    return info
  }
}

export interface ReadBudget {
  rows: number
  cells: number
  started: number
  /** Bytes of worksheet XML read so far (for progress). */
  bytes: number
  /** Pieces of worksheet XML read so far (the fast reader paces itself every few). */
  chunks?: number
}

/**
 * Called after each batch of a worksheet's XML with the bytes and rows read so far; the importer
 * reports progress, stops when cancelled (by throwing) and lets other work run.
 */
export type ReadPace = (bytes: number, rows: number) => Promise<void>

export function checkTime(budget: ReadBudget): void {
  if (Date.now() - budget.started > LIMITS.maxMillis) {
    throw refuse(
      'FILE_TIMEOUT',
      'Đọc tệp quá lâu nên đã dừng; tệp có thể quá lớn hoặc bị hỏng. Hãy tách danh sách thành các tệp nhỏ hơn.'
    )
  }
}

export function tooBig(): CoreError {
  return refuse(
    'FILE_TOO_LARGE',
    `Bảng tính quá lớn (quá ${LIMITS.maxRows.toLocaleString('vi')} dòng hoặc ${LIMITS.maxCells.toLocaleString('vi')} ô có dữ liệu) để là một danh sách. Hãy tách thành các tệp nhỏ hơn.`
  )
}

/**
 * Builds a sheet's grid from cells as either reader finds them: one place for turning a cell's
 * type and text into a value (shared strings, dates, booleans, NFC, legacy encodings) and for
 * the row, cell and merge limits.
 */
export class SheetBuilder {
  readonly rows: GridRow[] = []
  readonly merges: MergeRange[] = []
  readonly widths: (number | undefined)[] = []
  readonly legacy: Partial<Record<LegacyEncoding, number>> = {}
  private row: GridRow | null = null
  private nextRow = 1
  private nextCol = 0
  // A shared string as the grid holds it (NFC, legacy text converted, blank → null), worked out
  // once per string: the same texts fill whole columns. Only for cells without a legacy font.
  private readonly sharedValue: (string | null | undefined)[]
  private readonly sharedLegacy: (LegacyEncoding | null)[]

  constructor(
    private readonly shared: SharedStrings,
    private readonly styleInfo: (s: number) => StyleInfo,
    private readonly date1904: boolean,
    private readonly budget: ReadBudget
  ) {
    this.sharedValue = new Array(shared.texts.length)
    this.sharedLegacy = new Array(shared.texts.length)
  }

  startRow(r: number): void {
    this.row = { r: Number.isInteger(r) && r > 0 ? r : this.nextRow, cells: [] }
    this.nextRow = this.row.r + 1
    this.nextCol = 0
  }

  endRow(): void {
    if (this.row && this.row.cells.length > 0) {
      if (++this.budget.rows > LIMITS.maxRows) throw tooBig()
      this.rows.push(this.row)
    }
    this.row = null
  }

  /** The column of a cell: its reference (0-based) when it has one, else the one after the last. */
  cellColumn(ref: number): number {
    const col = ref >= 0 ? ref : this.nextCol
    this.nextCol = col + 1
    return col
  }

  addMerge(ref: string): void {
    const [a, b] = ref.split(':')
    const from = decodeRef(a ?? '')
    const to = decodeRef(b ?? a ?? '')
    if (from && to && this.merges.length < 100_000)
      this.merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col })
  }

  /** A <col min max width> of the sheet (1-based columns); the columns past what is read are left out. */
  addColumnWidth(min: unknown, max: unknown, width: unknown): void {
    const from = Number(min)
    const to = Math.min(Number(max), LIMITS.maxColumns)
    const w = Number(width)
    if (!Number.isInteger(from) || from < 1 || !(w > 0) || !(w < 256)) return
    for (let c = from; c <= to; c++) this.widths[c - 1] = w
  }

  /** A cell's decoded text with its style index and type attribute. */
  addCell(col: number, style: number, type: string, text: string): void {
    const row = this.row
    if (!row || col >= LIMITS.maxColumns) return
    this.put(row, col, this.cellValue(type, text, style ? this.styleInfo(style) : null))
  }

  /** An inline string whose runs name their own fonts (see runsNameFonts). */
  addInlineRuns(col: number, style: number, runs: TextRun[]): void {
    const row = this.row
    if (!row || col >= LIMITS.maxColumns) return
    this.put(row, col, this.richValue(runs, style ? this.styleInfo(style) : null))
  }

  private put(row: GridRow, col: number, value: CellValue): void {
    if (value === null) return
    if (++this.budget.cells > LIMITS.maxCells) throw tooBig()
    const cells = row.cells
    while (cells.length < col) cells.push(null)
    cells[col] = value
  }

  sheet(name: string, hidden: boolean): GridSheet {
    return {
      name,
      hidden,
      rows: this.rows,
      merges: this.merges,
      widths: this.widths,
      legacy: this.legacy
    }
  }

  private cellValue(type: string, text: string, info: StyleInfo | null): CellValue {
    switch (type) {
      case 's':
        return this.sharedString(Number(text), info)
      case 'inlineStr':
      case 'str':
        return this.textValue(text, info)
      case 'b':
        return text.trim() === '1' || text.trim().toLowerCase() === 'true'
      case 'e':
        return null
      case 'd': {
        const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
        return m
          ? new DateCell(Number(m[1]), Number(m[2]), Number(m[3]))
          : this.textValue(text, info)
      }
      default: {
        const n = Number(text)
        if (text.trim() === '' || !Number.isFinite(n))
          return text.trim() === '' ? null : this.textValue(text, info)
        if (info?.isDate) return serialToDate(n, this.date1904) ?? n
        return n
      }
    }
  }

  private sharedString(idx: number, info: StyleInfo | null): string | null {
    if (info?.hint) return this.sharedText(idx, info)
    let v = this.sharedValue[idx]
    if (v === undefined) {
      const before = this.legacy.tcvn3 ?? 0
      const beforeVni = this.legacy.vni ?? 0
      v = this.sharedText(idx, null)
      this.sharedLegacy[idx] =
        (this.legacy.tcvn3 ?? 0) !== before
          ? 'tcvn3'
          : (this.legacy.vni ?? 0) !== beforeVni
            ? 'vni'
            : null
      if (Number.isInteger(idx) && idx >= 0 && idx < this.shared.texts.length)
        this.sharedValue[idx] = v
    } else {
      const enc = this.sharedLegacy[idx]
      if (enc) this.legacy[enc] = (this.legacy[enc] ?? 0) + 1
    }
    return v
  }

  /** A shared string read by the fonts of its runs when they name any, else as plain text. */
  private sharedText(idx: number, info: StyleInfo | null): string | null {
    const runs = this.shared.runs?.get(idx)
    return runs ? this.richValue(runs, info) : this.textValue(this.shared.texts[idx] ?? '', info)
  }

  private textValue(raw: string, info: StyleInfo | null): string | null {
    let value = nfc(raw)
    const fixed = fixLegacyText(value, info?.hint ?? null)
    if (fixed.converted) {
      this.legacy[fixed.converted] = (this.legacy[fixed.converted] ?? 0) + 1
      value = fixed.text
    }
    return value.trim() === '' ? null : value
  }

  private richValue(runs: readonly TextRun[], info: StyleInfo | null): string | null {
    const fixed = fixLegacyRuns(runs, info?.hint ?? null)
    if (fixed.converted) this.legacy[fixed.converted] = (this.legacy[fixed.converted] ?? 0) + 1
    return fixed.text.trim() === '' ? null : fixed.text
  }
}
