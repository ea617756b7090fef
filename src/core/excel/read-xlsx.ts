// Reads an .xlsx into the neutral grid. ExcelJS's streaming WorkbookReader unzips the file and
// reads the workbook, shared strings and styles; each worksheet's XML is then walked here with
// ExcelJS's own SAX helper rather than through its Row/Cell objects: about twice as fast, and it
// gives what the importer needs and the streaming reader drops (merged ranges, the raw style of
// each cell for date formats and legacy fonts). Every loop is bounded (rows, cells, bytes, time).
import { createRequire } from 'node:module'
import { pipeline } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { createInflateRaw } from 'node:zlib'
import yauzl from 'yauzl'
import ExcelJS from 'exceljs'
import { CoreError } from '../db/errors'
import { DateCell, LIMITS, decodeRef, serialToDate, type CellValue, type GridRow, type GridSheet, type MergeRange } from './grid'
import { fixLegacyRuns, fixLegacyText, fontHint, nfc, runsNameFonts, type FontHint, type LegacyEncoding, type TextRun } from './legacy-encoding'
import { REFUSAL, refuse } from './sniff'
import { XmlScanner, attr, attrs, decodeXml } from './xml-scan'

const require = createRequire(import.meta.url)
type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: any } // eslint-disable-line @typescript-eslint/no-explicit-any
const parseSax = require('exceljs/lib/utils/parse-sax') as (iterable: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>

interface StyleInfo {
  isDate: boolean
  hint: FontHint | null
}

/**
 * The shared strings table: each string's text (rich-text runs joined), and the runs of those
 * whose runs name their own fonts (the font of each run says how to read it). Plain strings
 * have no entry, and a table without such strings has no map at all.
 */
interface SharedStrings {
  texts: string[]
  runs: Map<number, TextRun[]> | null
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
  /** Pieces of worksheet XML read so far (the fast reader paces itself every few). */
  chunks?: number
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

/**
 * Builds a sheet's grid from cells as either reader finds them: one place for turning a cell's
 * type and text into a value (shared strings, dates, booleans, NFC, legacy encodings) and for
 * the row, cell and merge limits.
 */
class SheetBuilder {
  readonly rows: GridRow[] = []
  readonly merges: MergeRange[] = []
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
    if (from && to && this.merges.length < 100_000) this.merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col })
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
    return { name, hidden, rows: this.rows, merges: this.merges, legacy: this.legacy }
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
        return m ? new DateCell(Number(m[1]), Number(m[2]), Number(m[3])) : this.textValue(text, info)
      }
      default: {
        const n = Number(text)
        if (text.trim() === '' || !Number.isFinite(n)) return text.trim() === '' ? null : this.textValue(text, info)
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
      this.sharedLegacy[idx] = (this.legacy.tcvn3 ?? 0) !== before ? 'tcvn3' : (this.legacy.vni ?? 0) !== beforeVni ? 'vni' : null
      if (Number.isInteger(idx) && idx >= 0 && idx < this.shared.texts.length) this.sharedValue[idx] = v
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

async function readSheet(
  ws: SheetReaderInternals,
  internals: ReaderInternals,
  styleInfo: (s: number) => StyleInfo,
  budget: ReadBudget,
  pace: ReadPace | undefined
): Promise<GridSheet> {
  // ExcelJS (4.4) keeps a shared string's runs but loses their font names (its reader takes the
  // name from `node.value`, which an <rFont> tag does not have, not from its "val" attribute), so
  // here shared strings stay plain text, read by the cell's font and by their characters. Inline
  // strings are walked below, run fonts and all, as the fast reader does.
  const texts = (internals.sharedStrings ?? []).map((v) => richToText(v) ?? '')
  const grid = new SheetBuilder({ texts, runs: null }, styleInfo, internals.properties?.model?.date1904 === true, budget)
  let col = 0
  let style = 0
  let type = ''
  let text: string | null = null
  let inValue = false
  let inInline = false
  // The runs of an inline string, and the one being read.
  let runs: TextRun[] | null = null
  let run: TextRun | null = null
  let bytes = 0

  for await (const events of parseSax(pace ? counted(ws.iterator, budget) : ws.iterator)) {
    checkTime(budget)
    if (pace) await pace(budget.bytes, budget.rows)
    for (const { eventType, value } of events) {
      if (eventType === 'text') {
        if (inValue) {
          text = (text ?? '') + value
          if (run) run.text += value
          bytes += value.length
        }
        continue
      }
      const name = localName(value.name)
      if (eventType === 'opentag') {
        switch (name) {
          case 'row':
            grid.startRow(Number(value.attributes.r))
            break
          case 'c': {
            col = grid.cellColumn(value.attributes.r ? colOfRef(value.attributes.r) : -1)
            style = Number(value.attributes.s ?? 0) || 0
            type = value.attributes.t ?? ''
            text = null
            runs = null
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
          case 'r':
            if (inInline) (runs ??= []).push((run = { text: '' }))
            break
          case 'rFont':
            if (run && value.attributes.val !== undefined) run.hint = fontHint(String(value.attributes.val))
            break
          case 'mergeCell':
            grid.addMerge(String(value.attributes.ref ?? ''))
            break
        }
      } else {
        switch (name) {
          case 'v':
            inValue = false
            break
          case 'r':
            run = null
            break
          case 't':
            if (inInline) inValue = false
            break
          case 'is':
            inInline = false
            inValue = false
            break
          case 'c':
            if (runs && runsNameFonts(runs)) grid.addInlineRuns(col, style, runs)
            else if (text !== null) grid.addCell(col, style, type, text)
            text = null
            break
          case 'row':
            grid.endRow()
            break
        }
      }
    }
    if (bytes > LIMITS.maxSheetXmlBytes) throw tooBig()
  }
  return grid.sheet(ws.name, ws.state === 'hidden' || ws.state === 'veryHidden')
}

/** Reads every worksheet through ExcelJS's own streaming reader: the fallback for workbooks the fast reader does not take. */
export async function readXlsxExcelJS(path: string, pace?: ReadPace): Promise<GridSheet[]> {
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

// ---------------------------------------------------------------- the fast reader
//
// The zip is opened with yauzl (random access, native inflate) and the two big parts, the shared
// strings and each worksheet, are walked with the small tokenizer of xml-scan.ts; the workbook,
// its relationships and the styles are small and still go through ExcelJS's own parsers, so dates
// and fonts are read as before. A workbook this reader does not take (no relationships part, a
// worksheet it cannot find, XML it cannot tokenize) is read again by readXlsxExcelJS above.

const StyleManager = require('exceljs/lib/xlsx/xform/style/styles-xform') as new () => ReaderInternals['styles'] & {
  parseStream(chunks: Iterable<Buffer>): Promise<unknown>
}
const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform') as new () => {
  parseStream(chunks: Iterable<Buffer>): Promise<unknown>
  model?: { sheets?: { name: string; rId: string; state?: string }[] }
  map: { workbookPr: { model?: { date1904?: boolean } } }
}
const RelationshipsXform = require('exceljs/lib/xlsx/xform/core/relationships-xform') as new () => {
  parseStream(chunks: Iterable<Buffer>): Promise<{ Id: string; Type?: string; Target: string; TargetMode?: string }[] | undefined>
}

const INFLATE_CHUNK = 256 * 1024
/** zlib passes the stream options on (its typings leave them out): up to 4 inflated pieces wait ready. */
const INFLATE_OPTIONS = { chunkSize: INFLATE_CHUNK, readableHighWaterMark: 4 * INFLATE_CHUNK, writableHighWaterMark: INFLATE_CHUNK }

/** The workbook is not one for the fast reader: read it through ExcelJS instead. */
class NotForFastReader extends Error {}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(err ?? new Error('zip'))
      else resolve(zip)
    })
  })
}

function zipEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>()
  return new Promise((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', () => resolve(entries))
    zip.on('entry', (e: yauzl.Entry) => {
      if (entries.size > LIMITS.maxZipEntries) {
        reject(new NotForFastReader('entries'))
        return
      }
      const name = e.fileName.replace(/\\/g, '/').replace(/^\/+/, '')
      if (!entries.has(name)) entries.set(name, e)
      zip.readEntry()
    })
    zip.readEntry()
  })
}

/**
 * An entry's bytes as they inflate. The inflating is done here rather than by yauzl, in large
 * pieces: with zlib's default 16 kB pieces the reader would wait on the thread pool at every one.
 * The inflater may also run a few pieces ahead of the reader (the default allows less than one),
 * so the next piece is usually ready when the scanner asks for it.
 */
function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return Promise.reject(new NotForFastReader('compression'))
  return new Promise((resolve, reject) => {
    if (entry.isEncrypted()) {
      reject(new NotForFastReader('encrypted'))
      return
    }
    zip.openReadStream(entry, { decodeFileData: false }, (err, raw) => {
      if (err || !raw) {
        reject(err ?? new Error('entry'))
        return
      }
      if (entry.compressionMethod === 0) {
        resolve(raw)
        return
      }
      const inflate = createInflateRaw(INFLATE_OPTIONS)
      pipeline(raw, inflate, () => undefined)
      resolve(inflate)
    })
  })
}

async function entryBuffer(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let n = 0
  for await (const chunk of await entryStream(zip, entry)) {
    n += (chunk as Buffer).length
    if (n > limit) throw tooBig()
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" → the zip path. */
function partPath(target: string): string {
  const t = target.replace(/\\/g, '/')
  const parts = (t.startsWith('/') ? t.slice(1) : `xl/${t}`).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return out.join('/')
}

/**
 * The shared strings table (rich text runs joined; phonetic guides left out), with the runs of
 * the strings whose runs name fonts. A plain string (`<si><t>…</t></si>`) takes the same steps
 * as before: the run tags are tested only after "t" and "si".
 */
async function readSharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<SharedStrings> {
  const texts: string[] = []
  const runs = new Map<number, TextRun[]>()
  let text = ''
  let piece = ''
  let inT = false
  let inPhonetic = false
  // The runs of the current string, and the one being read.
  let siRuns: TextRun[] | null = null
  let run: TextRun | null = null
  const scanner = new XmlScanner({
    open(name, tag, start, end, selfClosing) {
      if (name === 't') {
        if (!selfClosing && !inPhonetic) {
          inT = true
          piece = ''
        }
      } else if (name === 'si') {
        text = ''
        inPhonetic = false
        siRuns = null
      } else if (name === 'rPh') {
        if (!selfClosing) inPhonetic = true
      } else if (name === 'r') {
        if (!selfClosing && !inPhonetic) (siRuns ??= []).push((run = { text: '' }))
      } else if (name === 'rFont' && run) {
        const font = attr(tag, start, end, 'val')
        if (font !== undefined) run.hint = fontHint(font)
      }
    },
    close(name) {
      if (name === 't') {
        if (inT) {
          text += piece
          if (run) run.text += piece
        }
        inT = false
      } else if (name === 'si') {
        if (siRuns && runsNameFonts(siRuns)) runs.set(texts.length, siRuns)
        texts.push(text)
      } else if (name === 'rPh') inPhonetic = false
      else if (name === 'r') run = null
    },
    text(raw, cdata) {
      if (inT) piece += cdata ? raw : decodeXml(raw)
    }
  })
  const decoder = new StringDecoder('utf8')
  let n = 0
  for await (const chunk of await entryStream(zip, entry)) {
    n += (chunk as Buffer).length
    if (n > LIMITS.maxCachedPartBytes) throw tooBig()
    scanner.write(decoder.write(chunk as Buffer))
  }
  scanner.write(decoder.end())
  scanner.end()
  return { texts, runs: runs.size > 0 ? runs : null }
}

const CELL_ATTRS = ['r', 's', 't'] as const

export interface CellTag {
  /** Column from the "r" attribute (0-based); -1 when absent or unreadable. */
  col: number
  style: number
  type: string
}

const cellAttrs: (string | undefined)[] = [undefined, undefined, undefined]

/** The column, style and type of a `<c …>` tag, by attrs() (the reference the fast path keeps to). */
export function readCellTagSlow(tag: string, start: number, end: number, out: CellTag): void {
  attrs(tag, start, end, CELL_ATTRS, cellAttrs)
  const r = cellAttrs[0]
  out.col = r ? colOfRef(r) : -1
  out.style = cellAttrs[1] ? Number(cellAttrs[1]) || 0 : 0
  out.type = cellAttrs[2] ?? ''
}

/** The column, style and type of a `<c …>` tag: the fast path below when it applies, else attrs(). */
export function readCellTag(tag: string, start: number, end: number, out: CellTag): void {
  if (!plainCellTag(tag, start, end, out)) readCellTagSlow(tag, start, end, out)
}

/**
 * Reads the `<c …>` tag of a worksheet cell (from "<" at `start` to ">" at `end`) into `out`
 * without making a string per attribute: there is one such tag per cell, and slicing "r", "s"
 * and "t" out of each was a good part of the read. Handles only the plain form every writer
 * emits (`name="value"` pairs, values without entities); returns false on anything else, and
 * the caller reads the tag with attrs() as before, so the results are the same either way.
 */
function plainCellTag(tag: string, start: number, end: number, out: CellTag): boolean {
  let col = -1
  let style = 0
  let type = ''
  let i = start + 2 // after "<c"
  // A prefixed name ("x:c") goes the long way.
  if (tag.charCodeAt(start + 1) !== 99 /* c */) return false
  const after = tag.charCodeAt(i)
  if (i < end && after !== 32 && after !== 9 && after !== 10 && after !== 13 && after !== 47) return false
  for (;;) {
    let ch = tag.charCodeAt(i)
    while (i < end && (ch === 32 || ch === 9 || ch === 10 || ch === 13)) ch = tag.charCodeAt(++i)
    if (i >= end || ch === 47 /* / */) break
    const nameStart = i
    while (i < end) {
      ch = tag.charCodeAt(i)
      if (ch === 61 /* = */) break
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) return false
      i++
    }
    if (i >= end) return false
    const q = tag.charCodeAt(i + 1)
    if (q !== 34 && q !== 39) return false
    const valueStart = i + 2
    const close = tag.indexOf(q === 34 ? '"' : "'", valueStart)
    if (close < 0 || close > end) return false
    const one = i - nameStart === 1 ? tag.charCodeAt(nameStart) : 0
    if (one === 114 /* r */) {
      // The column letters of "AB12" ("$" allowed in front), as colOfRef reads them.
      let c = 0
      let j = valueStart
      if (tag.charCodeAt(j) === 36) j++
      for (; j < close; j++) {
        const ch = tag.charCodeAt(j)
        if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64)
        else break
      }
      // Then the row digits: anything else (an entity, "$", lower case) and colOfRef decides.
      for (; j < close; j++) {
        const ch = tag.charCodeAt(j)
        if (ch < 48 || ch > 57) return false
      }
      if (c > 0) col = c - 1
      else if (close === valueStart) col = -1
      else return false
    } else if (one === 115 /* s */) {
      // A style index: plain digits are read here, anything else by Number() as before.
      let n = 0
      let j = valueStart
      for (; j < close && j - valueStart < 9; j++) {
        const ch = tag.charCodeAt(j)
        if (ch < 48 || ch > 57) break
        n = n * 10 + (ch - 48)
      }
      if (j !== close) return false
      style = n
    } else if (one === 116 /* t */) {
      if (close - valueStart === 1 && tag.charCodeAt(valueStart) === 115) type = 's'
      else {
        type = tag.slice(valueStart, close)
        // An entity or line end: attrs() decodes it.
        if (type.indexOf('&') >= 0 || type.indexOf('\r') >= 0) return false
      }
    }
    i = close + 1
  }
  out.col = col
  out.style = style
  out.type = type
  return true
}

interface FastSheetSource {
  name: string
  hidden: boolean
  entry: yauzl.Entry
}

async function readSheetFast(
  zip: yauzl.ZipFile,
  source: FastSheetSource,
  shared: SharedStrings,
  styleInfo: (s: number) => StyleInfo,
  date1904: boolean,
  budget: ReadBudget & { chunks: number },
  pace: ReadPace | undefined
): Promise<GridSheet> {
  const grid = new SheetBuilder(shared, styleInfo, date1904, budget)
  let col = 0
  let style = 0
  let type = ''
  let text: string | null = null
  let hasEntities = false
  let inValue = false
  let inInline = false
  let inPhonetic = false
  // The runs of an inline string (`<is><r>…</r></is>`), and the one being read; the cell's text
  // is gathered as for any cell, and the runs beside it only when there are some.
  let runs: TextRun[] | null = null
  let run: TextRun | null = null
  let bytes = 0
  const cell: CellTag = { col: -1, style: 0, type: '' }

  const finishCell = () => {
    if (runs && runsNameFonts(runs)) grid.addInlineRuns(col, style, runs)
    else if (text !== null) grid.addCell(col, style, type, hasEntities ? decodeXml(text) : text)
    text = null
    runs = null
  }

  /** A tag inside an inline string other than those every cell has: a run, or the font of one. */
  const inlineTag = (name: string, tag: string, start: number, end: number, selfClosing: boolean) => {
    if (name === 'r') {
      if (!selfClosing && !inPhonetic) (runs ??= []).push((run = { text: '' }))
    } else if (name === 'rFont' && run) {
      const font = attr(tag, start, end, 'val')
      if (font !== undefined) run.hint = fontHint(font)
    }
  }

  const scanner = new XmlScanner({
    open(name, tag, start, end, selfClosing) {
      switch (name) {
        case 'c': {
          readCellTag(tag, start, end, cell)
          col = grid.cellColumn(cell.col)
          style = cell.style
          type = cell.type
          text = null
          hasEntities = false
          break
        }
        case 'v':
          if (selfClosing) {
            if (text === null) text = ''
          } else {
            inValue = true
            if (text === null) text = ''
          }
          break
        case 'row':
          grid.startRow(Number(attr(tag, start, end, 'r')))
          if (selfClosing) grid.endRow()
          break
        case 'is':
          if (!selfClosing) inInline = true
          text = ''
          break
        case 't':
          if (inInline && !inPhonetic && !selfClosing) inValue = true
          break
        case 'rPh':
          // Phonetic guides are not part of the value.
          if (!selfClosing) inPhonetic = true
          break
        case 'mergeCell':
          grid.addMerge(String(attr(tag, start, end, 'ref') ?? ''))
          break
        default:
          if (inInline) inlineTag(name, tag, start, end, selfClosing)
      }
      if (selfClosing && name === 'c') finishCell()
    },
    close(name) {
      switch (name) {
        case 'v':
          inValue = false
          break
        case 't':
          if (inInline) inValue = false
          break
        case 'rPh':
          inPhonetic = false
          break
        case 'is':
          inInline = false
          inValue = false
          break
        case 'c':
          finishCell()
          break
        case 'row':
          grid.endRow()
          break
        case 'r':
          run = null
          break
      }
    },
    text(raw, cdata) {
      if (!inValue) return
      if (cdata) {
        if (hasEntities) {
          // Keep what came before decodable apart from the literal CDATA text.
          text = decodeXml(text ?? '')
          hasEntities = false
        }
        text = (text ?? '') + raw.replace(/&/g, '&amp;').replace(/</g, '&lt;')
        hasEntities = true
      } else {
        text = text === null || text === '' ? raw : text + raw
        if (!hasEntities && (raw.indexOf('&') >= 0 || raw.indexOf('\r') >= 0)) hasEntities = true
      }
      if (run) run.text += cdata ? raw : decodeXml(raw)
      bytes += raw.length
    }
  })

  const decoder = new StringDecoder('utf8')
  for await (const chunk of await entryStream(zip, source.entry)) {
    budget.bytes += (chunk as Buffer).length
    scanner.write(decoder.write(chunk as Buffer))
    if (bytes > LIMITS.maxSheetXmlBytes) throw tooBig()
    budget.chunks++
    checkTime(budget)
    if (pace) await pace(budget.bytes, budget.rows)
  }
  scanner.write(decoder.end())
  scanner.end()
  return grid.sheet(source.name, source.hidden)
}

async function readXlsxFast(path: string, pace?: ReadPace): Promise<GridSheet[]> {
  const zip = await openZip(path)
  try {
    const entries = await zipEntries(zip)
    const workbookEntry = entries.get('xl/workbook.xml')
    const relsEntry = entries.get('xl/_rels/workbook.xml.rels')
    if (!workbookEntry || !relsEntry) throw new NotForFastReader('parts')
    const workbook = new WorkbookXform()
    await workbook.parseStream([await entryBuffer(zip, workbookEntry, LIMITS.maxCachedPartBytes)])
    const rels = (await new RelationshipsXform().parseStream([await entryBuffer(zip, relsEntry, LIMITS.maxCachedPartBytes)])) ?? []
    const tabs = workbook.model?.sheets ?? []
    if (tabs.length > LIMITS.maxSheets) throw refuse('FILE_TOO_LARGE', `Tệp có quá nhiều trang tính (hơn ${LIMITS.maxSheets}).`)
    const date1904 = workbook.map.workbookPr.model?.date1904 === true

    const stylesEntry = entries.get('xl/styles.xml')
    let styles: ReaderInternals['styles'] | null = null
    if (stylesEntry) {
      const manager = new StyleManager()
      await manager.parseStream([await entryBuffer(zip, stylesEntry, LIMITS.maxCachedPartBytes)])
      styles = manager
    }
    const styleCache = new Map<number, StyleInfo>()
    const styleInfo = (s: number): StyleInfo => {
      let info = styleCache.get(s)
      if (!info) {
        const model = styles?.getStyleModel(s) ?? null
        info = { isDate: isDateFormat(model?.numFmt), hint: fontHint(model?.font?.name) }
        styleCache.set(s, info)
      }
      return info
    }

    const sharedRel = rels.find((r) => /\/sharedStrings$/.test(r.Type ?? ''))
    const sharedEntry = entries.get(sharedRel ? partPath(sharedRel.Target) : 'xl/sharedStrings.xml') ?? entries.get('xl/sharedStrings.xml')
    const shared: SharedStrings = sharedEntry ? await readSharedStrings(zip, sharedEntry) : { texts: [], runs: null }

    const sources: FastSheetSource[] = []
    for (const tab of tabs) {
      const rel = rels.find((r) => r.Id === tab.rId)
      if (!rel) throw new NotForFastReader('sheet relationship')
      // Chart sheets and the like hold no cells.
      if (!/\/worksheet$/.test(rel.Type ?? '/worksheet')) continue
      const entry = entries.get(partPath(rel.Target))
      if (!entry) throw new NotForFastReader('sheet part')
      sources.push({ name: tab.name, hidden: tab.state === 'hidden' || tab.state === 'veryHidden', entry })
    }
    const budget: ReadBudget & { chunks: number } = { rows: 0, cells: 0, started: Date.now(), bytes: 0, chunks: 0 }
    const sheets: GridSheet[] = []
    for (const source of sources) sheets.push(await readSheetFast(zip, source, shared, styleInfo, date1904, budget, pace))
    return sheets
  } finally {
    zip.close()
  }
}

/** Reads every worksheet of an .xlsx file (already checked by sniffFile), in the workbook's tab order. */
export async function readXlsx(path: string, pace?: ReadPace): Promise<GridSheet[]> {
  try {
    return await readXlsxFast(path, pace)
  } catch (e) {
    if (e instanceof CoreError) throw e
    // Anything the fast reader does not take, ExcelJS reads (or refuses) as before.
  }
  return readXlsxExcelJS(path, pace)
}
