// Reads an .xlsx into the neutral grid. ExcelJS's streaming WorkbookReader unzips the file and
// reads the workbook, shared strings and styles; each worksheet's XML is then walked here with
// ExcelJS's own SAX helper rather than through its Row/Cell objects: about twice as fast, and it
// gives what the importer needs and the streaming reader drops (merged ranges, the raw style of
// each cell for date formats and legacy fonts). Every loop is bounded (rows, cells, bytes, time).
import { createRequire } from 'node:module'
import ExcelJS from 'exceljs'
import { CoreError } from '../db/errors'
import { DateCell, LIMITS, decodeRef, serialToDate, type CellValue, type GridRow, type GridSheet, type MergeRange } from './grid'
import { fixLegacyText, fontHint, type FontHint, type LegacyEncoding } from './legacy-encoding'
import { REFUSAL, refuse } from './sniff'

const require = createRequire(import.meta.url)
type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: any } // eslint-disable-line @typescript-eslint/no-explicit-any
const parseSax = require('exceljs/lib/utils/parse-sax') as (iterable: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>

interface StyleInfo {
  isDate: boolean
  hint: FontHint | null
}

interface ReaderInternals {
  sharedStrings?: unknown[]
  styles: { getStyleModel(id: number): { numFmt?: string; font?: { name?: string } } | null }
  properties?: { model?: { date1904?: boolean } }
  stream?: { destroy(): void }
}

interface SheetReaderInternals {
  id: number | string
  name: string
  state?: string
  iterator: AsyncIterable<unknown>
}

function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '')
  return /[ymd]/i.test(f)
}

function richToText(v: unknown): string | null {
  if (typeof v === 'string') return v
  if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text?: string }[] }).richText.map((r) => r.text ?? '').join('')
  }
  return null
}

/** Column (0-based) of a cell reference such as "AB12"; -1 when unreadable. */
function colOfRef(ref: string): number {
  let col = 0
  let i = 0
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i)
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64)
    else if (ch === 36 && i === 0) continue // "$"
    else break
  }
  return col > 0 && i > 0 ? col - 1 : (decodeRef(ref)?.col ?? -1)
}

function localName(name: string): string {
  const i = name.indexOf(':')
  return i >= 0 ? name.slice(i + 1) : name
}

export interface ReadBudget {
  rows: number
  cells: number
  started: number
  /** Bytes of worksheet XML read so far (for progress). */
  bytes: number
}

/**
 * Called after each batch of a worksheet's XML with the bytes and rows read so far; the importer
 * reports progress, stops when cancelled (by throwing) and lets other work run.
 */
export type ReadPace = (bytes: number, rows: number) => Promise<void>

/** The worksheet's XML as it inflates, counted into the budget. */
async function* counted(chunks: AsyncIterable<unknown>, budget: ReadBudget): AsyncIterable<unknown> {
  for await (const chunk of chunks) {
    budget.bytes += (chunk as { length?: number }).length ?? 0
    yield chunk
  }
}

function checkTime(budget: ReadBudget): void {
  if (Date.now() - budget.started > LIMITS.maxMillis) {
    throw refuse('FILE_TIMEOUT', 'Đọc tệp quá lâu nên đã dừng; tệp có thể quá lớn hoặc bị hỏng. Hãy tách danh sách thành các tệp nhỏ hơn.')
  }
}

function tooBig(): CoreError {
  return refuse(
    'FILE_TOO_LARGE',
    `Bảng tính quá lớn (quá ${LIMITS.maxRows.toLocaleString('vi')} dòng hoặc ${LIMITS.maxCells.toLocaleString('vi')} ô có dữ liệu) để là một danh sách. Hãy tách thành các tệp nhỏ hơn.`
  )
}

async function readSheet(
  ws: SheetReaderInternals,
  internals: ReaderInternals,
  styleInfo: (s: number) => StyleInfo,
  budget: ReadBudget,
  pace: ReadPace | undefined
): Promise<GridSheet> {
  const date1904 = internals.properties?.model?.date1904 === true
  const shared = internals.sharedStrings ?? []
  const sharedText = new Map<number, string>()
  const legacy: Partial<Record<LegacyEncoding, number>> = {}
  const rows: GridRow[] = []
  const merges: MergeRange[] = []

  let row: GridRow | null = null
  let nextRow = 1
  let nextCol = 0
  let col = 0
  let style = 0
  let type = ''
  let text: string | null = null
  let inValue = false
  let inInline = false
  let bytes = 0

  const finishCell = () => {
    if (!row || text === null) return
    if (col >= LIMITS.maxColumns) return
    let value: CellValue = null
    const info = style ? styleInfo(style) : null
    switch (type) {
      case 's': {
        const idx = Number(text)
        let s = sharedText.get(idx)
        if (s === undefined) {
          s = richToText(shared[idx]) ?? ''
          sharedText.set(idx, s)
        }
        value = s
        break
      }
      case 'inlineStr':
      case 'str':
        value = text
        break
      case 'b':
        value = text.trim() === '1' || text.trim().toLowerCase() === 'true'
        break
      case 'e':
        value = null
        break
      case 'd': {
        const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
        value = m ? new DateCell(Number(m[1]), Number(m[2]), Number(m[3])) : text
        break
      }
      default: {
        const n = Number(text)
        if (text.trim() === '' || !Number.isFinite(n)) value = text.trim() === '' ? null : text
        else if (info?.isDate) value = serialToDate(n, date1904) ?? n
        else value = n
      }
    }
    if (typeof value === 'string') {
      if (/[\u0300-\u036f]/.test(value)) value = value.normalize('NFC')
      const fixed = fixLegacyText(value, info?.hint ?? null)
      if (fixed.converted) {
        legacy[fixed.converted] = (legacy[fixed.converted] ?? 0) + 1
        value = fixed.text
      }
      if (value.trim() === '') value = null
    }
    if (value === null) return
    if (++budget.cells > LIMITS.maxCells) throw tooBig()
    while (row.cells.length < col) row.cells.push(null)
    row.cells[col] = value
  }

  for await (const events of parseSax(pace ? counted(ws.iterator, budget) : ws.iterator)) {
    checkTime(budget)
    if (pace) await pace(budget.bytes, budget.rows)
    for (const { eventType, value } of events) {
      if (eventType === 'text') {
        if (inValue) {
          text = (text ?? '') + value
          bytes += value.length
        }
        continue
      }
      const name = localName(value.name)
      if (eventType === 'opentag') {
        switch (name) {
          case 'row': {
            const r = Number(value.attributes.r)
            row = { r: Number.isInteger(r) && r > 0 ? r : nextRow, cells: [] }
            nextRow = row.r + 1
            nextCol = 0
            break
          }
          case 'c': {
            const ref = value.attributes.r ? colOfRef(value.attributes.r) : -1
            col = ref >= 0 ? ref : nextCol
            nextCol = col + 1
            style = Number(value.attributes.s ?? 0) || 0
            type = value.attributes.t ?? ''
            text = null
            break
          }
          case 'v':
            inValue = true
            if (text === null) text = ''
            break
          case 'is':
            inInline = true
            text = ''
            break
          case 't':
            if (inInline) inValue = true
            break
          case 'rPh':
            // Phonetic guides are not part of the value.
            inInline = false
            break
          case 'mergeCell': {
            const [a, b] = String(value.attributes.ref ?? '').split(':')
            const from = decodeRef(a ?? '')
            const to = decodeRef(b ?? a ?? '')
            if (from && to && merges.length < 100_000) merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col })
            break
          }
        }
      } else {
        switch (name) {
          case 'v':
            inValue = false
            break
          case 't':
            if (inInline) inValue = false
            break
          case 'is':
            inInline = false
            inValue = false
            break
          case 'c':
            finishCell()
            text = null
            break
          case 'row':
            if (row && row.cells.length > 0) {
              if (++budget.rows > LIMITS.maxRows) throw tooBig()
              rows.push(row)
            }
            row = null
            break
        }
      }
    }
    if (bytes > LIMITS.maxSheetXmlBytes) throw tooBig()
  }
  return { name: ws.name, hidden: ws.state === 'hidden' || ws.state === 'veryHidden', rows, merges, legacy }
}

/** Reads every worksheet of an .xlsx file (already checked by sniffFile). */
export async function readXlsx(path: string, pace?: ReadPace): Promise<GridSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore'
  })
  const internals = reader as unknown as ReaderInternals
  const styleCache = new Map<number, StyleInfo>()
  const styleInfo = (s: number): StyleInfo => {
    let info = styleCache.get(s)
    if (!info) {
      const model = internals.styles.getStyleModel(s)
      info = { isDate: isDateFormat(model?.numFmt), hint: fontHint(model?.font?.name) }
      styleCache.set(s, info)
    }
    return info
  }
  const budget: ReadBudget = { rows: 0, cells: 0, started: Date.now(), bytes: 0 }
  const sheets: { order: number; sheet: GridSheet }[] = []
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReaderInternals>) {
      if (sheets.length >= LIMITS.maxSheets) throw refuse('FILE_TOO_LARGE', `Tệp có quá nhiều trang tính (hơn ${LIMITS.maxSheets}).`)
      const tabs = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []
      const order = tabs.findIndex((t) => t.name === ws.name)
      sheets.push({ order: order < 0 ? 1000 + sheets.length : order, sheet: await readSheet(ws, internals, styleInfo, budget, pace) })
    }
  } catch (e) {
    if (e instanceof CoreError) throw e
    throw refuse('FILE_CORRUPT', `${REFUSAL.corrupt} (Chi tiết: ${String((e as Error)?.message ?? e).slice(0, 200)})`)
  } finally {
    try {
      internals.stream?.destroy()
    } catch {
      // already closed
    }
  }
  // ExcelJS yields sheets in zip order; keep the workbook's tab order.
  return sheets.sort((a, b) => a.order - b.order).map((s) => s.sheet)
}
