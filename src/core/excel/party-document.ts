// Writes any table as a party document (HD 36-HD/VPTW; BTCTW statistical sheets): the header
// band (upper organisation over the issuing one, then "*"; "ĐẢNG CỘNG SẢN VIỆT NAM" over the
// place-and-date line), a bold capital title, column headers (one or two rows) with a row of
// column numbers, the rows (with sub-heading and subtotal rows when grouped), totals rows,
// notes, the signers; A4, Times New Roman, header rows repeated on every printed page, fitted
// to the page width.
//
// Text stays text: values are written as strings (never as formulas) in text-formatted cells,
// so a name like "=HYPERLINK(…)" or "-1" shows exactly as typed in Excel and LibreOffice.
//
// Two ways out: addPartyDocumentSheet builds a sheet in an in-memory workbook (for callers that
// restyle it afterwards, then save it with writeWorkbook), writePartyDocument streams to a file with ExcelJS's WorkbookWriter,
// committing each row as it goes, so a 50,000-row sheet needs little memory. Both lay the sheet
// out with the same code.
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { heightFor, lineCount, rowHeight, type MeasuredCell, type TextFont } from './row-height'

export type DocValue = string | number | null

export interface DocColumn {
  header: string
  /** Width in characters. */
  width: number
  align?: 'left' | 'center' | 'right'
  /** Columns with the same group (adjacent) share a header cell merged above their own. */
  group?: string
  /** Excel number format for numbers, e.g. '0.0' or '#,##0'. Text columns are '@'. */
  numFmt?: string
  /**
   * Hidden columns (only after all the visible ones): data for a program reading the sheet
   * back, e.g. the person id. They get no column number and are left out of the page layout.
   */
  hidden?: boolean
  /** What the column-number row says instead of the bare number, e.g. "6 = 5/4" for a share. */
  numberLabel?: string
}

/** A row of the table: plain values, a bold sub-heading across the table, or a bold subtotal. */
export type DocRow =
  | DocValue[]
  | { heading: string }
  | { values: DocValue[]; bold: true; /** Points, for lines broken by "\n". */ height?: number }

export interface DocSigner {
  /** Lines in bold capitals, e.g. ["T/M CHI BỘ", "BÍ THƯ"] or ["NGƯỜI LẬP BIỂU"]. */
  lines: string[]
  /** Name under the blank space for the signature. */
  name?: string
}

/** A drop-down list for some columns of the plain rows (a suggestion: other text is allowed). */
export interface DocValidation {
  /** 0-based column indexes. */
  columns: number[]
  list: string[]
}

export interface PartyDocument {
  sheetName: string
  /** The upper organisation (e.g. "ĐẢNG BỘ XÃ TÂN LẬP"); null when the issuer is the top. */
  upperOrg: string | null
  /** The issuing organisation (e.g. "CHI BỘ ẤP 1"). */
  issuingOrg: string
  /** Place of the "<Place>, ngày … tháng … năm …" line. */
  place: string
  /** ISO day of the document; null leaves day, month and year blank to fill by hand. */
  date: string | null
  title: string
  /** Lines under the title (e.g. the topic, the period), italic. */
  subtitles?: string[]
  columns: DocColumn[]
  rows: DocRow[]
  /** Bold totals: one row ("Tổng cộng"), or several (a count per level …). */
  totals?: DocValue[] | DocValue[][]
  notes?: string[]
  signers: DocSigner[]
  orientation?: 'portrait' | 'landscape'
  validations?: DocValidation[]
  /** Columns (0-based, first and last) merged in subtotal and totals rows, to give their label room. */
  labelSpan?: [number, number]
  /**
   * What the app tells whoever fills the sheet in (how to send it back, warnings): never printed
   * with the document, so it goes on a sheet of its own right after it.
   */
  instructions?: { sheetName: string; title: string; lines: string[] }
}

const FONT = 'Times New Roman'
const thin = { style: 'thin' as const }
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }

const upper = (s: string) => s.toLocaleUpperCase('vi')

/** "Tân Lập, ngày 05 tháng 06 năm 2024", or with blanks to fill by hand. */
export function placeDateLine(place: string, date: string | null): string {
  if (!date) return `${place}, ngày     tháng     năm 20…`
  const [y, m, d] = date.split('-')
  return `${place}, ngày ${d} tháng ${m} năm ${y}`
}

type FontName = 'body' | 'bold' | 'italic' | 'boldUnderline' | 'title' | 'number' | 'note'
const FONTS: Record<FontName, Partial<ExcelJS.Font>> = {
  body: { name: FONT, size: 12 },
  bold: { name: FONT, size: 12, bold: true },
  italic: { name: FONT, size: 12, italic: true },
  boldUnderline: { name: FONT, size: 12, bold: true, underline: true },
  title: { name: FONT, size: 14, bold: true },
  number: { name: FONT, size: 11, italic: true },
  note: { name: FONT, size: 11, italic: true }
}
type Align = 'left' | 'center' | 'right'
const measureFont = (font: FontName): TextFont => ({
  size: FONTS[font].size!,
  bold: FONTS[font].bold === true
})

/**
 * Lays out one document on a worksheet. Every cell gets one of a few style objects: shared as
 * they are when streaming (ExcelJS then finds each style once, by identity: three times faster
 * on big sheets), copied per cell in memory so a caller restyling a cell touches only that cell.
 */
class SheetWriter {
  private readonly presets = new Map<string, Partial<ExcelJS.Style>>()
  /** The text of the row being written, by column, with its font and (once merged) last column. */
  private texts = new Map<number, { text: string; font: FontName; to: number }>()
  private textRow = 0

  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly streaming: boolean,
    /** Column widths in characters, in order. */
    private readonly widths: readonly number[]
  ) {}

  private style(
    font: FontName,
    align: Align | undefined,
    border: boolean,
    numFmt: string | undefined
  ): Partial<ExcelJS.Style> {
    const key = `${font}|${align ?? ''}|${border ? 1 : 0}|${numFmt ?? ''}`
    let s = this.presets.get(key)
    if (!s) {
      s = {
        font: FONTS[font],
        alignment: { vertical: 'middle', wrapText: true, ...(align ? { horizontal: align } : {}) }
      }
      if (border) s.border = BORDER
      if (numFmt) s.numFmt = numFmt
      this.presets.set(key, s)
    }
    if (this.streaming) return s
    return {
      ...s,
      font: { ...s.font },
      alignment: { ...s.alignment },
      ...(s.border ? { border: { ...s.border } } : {})
    }
  }

  /** Writes a value: a string stays a string (ExcelJS makes formulas only from { formula } objects). */
  set(
    r: number,
    c: number,
    value: DocValue,
    font: FontName,
    align?: Align,
    border = false,
    numFmt?: string
  ): void {
    const cell = this.ws.getCell(r, c)
    cell.value = value === null ? null : typeof value === 'number' ? value : String(value)
    cell.style = this.style(font, align, border, typeof value === 'string' ? '@' : numFmt)
    if (r !== this.textRow) {
      this.texts.clear()
      this.textRow = r
    }
    if (value !== null && value !== '') this.texts.set(c, { text: String(value), font, to: c })
  }

  merge(r: number, from: number, to: number, r2 = r): void {
    if (to > from || r2 > r) this.ws.mergeCells(r, from, r2, to)
    const t = r === this.textRow ? this.texts.get(from) : undefined
    // A cell merged down is measured by the caller, against the rows it spans.
    if (t && r2 > r) this.texts.delete(from)
    else if (t) t.to = to
  }

  /** Characters across columns `from` to `to` (1-based). */
  widthOf(from: number, to: number): number {
    let w = 0
    for (let c = from; c <= to; c++) w += this.widths[c - 1] ?? 0
    return w
  }

  /** Points the text of `font` needs in columns `from` to `to`. */
  heightOf(text: string, font: FontName, from: number, to = from): number {
    const f = measureFont(font)
    return heightFor(lineCount(text, this.widthOf(from, to), f), f)
  }

  /** Sets row r (the last one written) tall enough for the wrapped text of every cell, at least `min` points. */
  fit(r: number, min = 0): void {
    const cells: MeasuredCell[] = []
    if (r === this.textRow)
      for (const [c, t] of this.texts)
        cells.push({ text: t.text, width: this.widthOf(c, t.to), font: measureFont(t.font) })
    // A row with nothing to measure keeps the default height.
    if (cells.length > 0 || min > 0) this.height(r, rowHeight(cells, min))
  }

  height(r: number, points: number): void {
    this.ws.getRow(r).height = points
  }

  /** Streaming: writes the rows up to r to the file and lets them go. */
  done(r: number): void {
    if (this.streaming) this.ws.getRow(r).commit()
  }
}

/** The widths text is measured against: a hidden column's value takes no room on the page. */
function measuredWidths(doc: PartyDocument): number[] {
  return doc.columns.map((c) => (c.hidden ? Number.POSITIVE_INFINITY : c.width))
}

function isHeading(row: DocRow): row is { heading: string } {
  return !Array.isArray(row) && 'heading' in row
}

function layout(w: SheetWriter, doc: PartyDocument): void {
  const ws = w.ws
  const all = doc.columns.length
  const n = doc.columns.filter((c) => !c.hidden).length
  if (n < 2) throw new Error('A party document needs at least two visible columns.')
  if (doc.columns.slice(0, n).some((c) => c.hidden))
    throw new Error('Hidden columns must come after the visible ones.')
  ws.columns = doc.columns.map((c) =>
    c.hidden ? { width: c.width, hidden: true } : { width: c.width }
  )

  // ---- header band
  const leftEnd = Math.max(1, Math.floor(n / 2))
  const rightStart = leftEnd + 1
  const left: { text: string; font: FontName }[] = []
  if (doc.upperOrg) left.push({ text: upper(doc.upperOrg), font: 'body' })
  left.push({ text: upper(doc.issuingOrg), font: 'bold' })
  left.push({ text: '*', font: 'body' })
  const right: { text: string; font: FontName }[] = [
    { text: 'ĐẢNG CỘNG SẢN VIỆT NAM', font: 'boldUnderline' },
    { text: placeDateLine(doc.place, doc.date), font: 'italic' }
  ]
  let r = 1
  for (let i = 0; i < Math.max(left.length, right.length); i++, r++) {
    if (left[i]) {
      w.set(r, 1, left[i].text, left[i].font, 'center')
      w.merge(r, 1, leftEnd)
    }
    if (right[i]) {
      w.set(r, rightStart, right[i].text, right[i].font, 'center')
      w.merge(r, rightStart, n)
    }
    w.fit(r, 17)
  }
  r++

  // ---- title
  w.set(r, 1, upper(doc.title), 'title', 'center')
  w.merge(r, 1, n)
  w.fit(r, 20)
  r++
  for (const s of doc.subtitles ?? []) {
    w.set(r, 1, s, 'italic', 'center')
    w.merge(r, 1, n)
    w.fit(r, 17)
    r++
  }
  r++

  // ---- column headers (two rows when any column has a group), then the column numbers
  // Heights: the group row fits the group names, the row under it the headers of the grouped
  // columns, and a header merged down both rows gets what it lacks added to the second.
  const headerStart = r
  const twoRows = doc.columns.some((c) => c.group)
  const visible = (c: number) => !doc.columns[c - 1].hidden
  let groupHeight = 20
  let subHeight = 20
  let tallHeight = 20
  for (let c = 1; c <= all;) {
    const col = doc.columns[c - 1]
    if (twoRows && col.group) {
      let end = c
      while (end < all && doc.columns[end].group === col.group) end++
      w.set(r, c, col.group, 'bold', 'center', true)
      for (let k = c + 1; k <= end; k++) w.set(r, k, null, 'bold', 'center', true)
      w.merge(r, c, end)
      groupHeight = Math.max(groupHeight, w.heightOf(col.group, 'bold', c, end))
      for (let k = c; k <= end; k++) {
        w.set(r + 1, k, doc.columns[k - 1].header, 'bold', 'center', true)
        if (visible(k))
          subHeight = Math.max(subHeight, w.heightOf(doc.columns[k - 1].header, 'bold', k))
      }
      c = end + 1
    } else {
      w.set(r, c, col.header, 'bold', 'center', true)
      if (twoRows) {
        w.set(r + 1, c, null, 'bold', 'center', true)
        w.merge(r, c, c, r + 1)
      }
      if (visible(c)) tallHeight = Math.max(tallHeight, w.heightOf(col.header, 'bold', c))
      c++
    }
  }
  const headerRows = twoRows ? 2 : 1
  if (twoRows) {
    w.height(r, groupHeight)
    w.height(r + 1, Math.max(subHeight, tallHeight - groupHeight))
  } else w.height(r, tallHeight)
  r += headerRows
  for (let c = 1; c <= all; c++)
    w.set(r, c, c <= n ? (doc.columns[c - 1].numberLabel ?? c) : null, 'number', 'center', true)
  w.fit(r)
  const numberRow = r
  r++
  ws.pageSetup.printTitlesRow = `${headerStart}:${numberRow}`
  w.done(numberRow)

  // ---- rows, then totals
  const firstBody = r
  const plainRuns: [number, number][] = []
  const writeValues = (
    values: DocValue[],
    font: FontName,
    span?: [number, number],
    min?: number
  ) => {
    for (let c = 1; c <= all; c++) {
      const col = doc.columns[c - 1]
      const v = values[c - 1] ?? null
      const align =
        span && c === span[0] + 1
          ? 'left'
          : (col.align ?? (typeof v === 'number' ? 'right' : 'left'))
      w.set(r, c, v, font, align, true, col.numFmt)
    }
    if (span) w.merge(r, span[0] + 1, span[1] + 1)
    w.fit(r, min)
    w.done(r)
    r++
  }
  for (const row of doc.rows) {
    if (isHeading(row)) {
      w.set(r, 1, row.heading, 'bold', 'left', true)
      for (let c = 2; c <= all; c++) w.set(r, c, null, 'bold', 'left', true)
      w.merge(r, 1, n)
      w.fit(r)
      w.done(r)
      r++
    } else if (Array.isArray(row)) {
      const last = plainRuns[plainRuns.length - 1]
      if (last && last[1] === r - 1) last[1] = r
      else plainRuns.push([r, r])
      writeValues(row, 'body')
    } else {
      writeValues(row.values, 'bold', doc.labelSpan, row.height)
    }
  }
  const totals = doc.totals
    ? Array.isArray(doc.totals[0])
      ? (doc.totals as DocValue[][])
      : [doc.totals as DocValue[]]
    : []
  for (const t of totals) writeValues(t, 'bold', doc.labelSpan)
  if (r === firstBody) r++
  r++

  // Both kinds of worksheet have dataValidations; ExcelJS's typings do not say so.
  const validations = (
    ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations
  for (const v of doc.validations ?? []) {
    const list = `"${v.list.map((x) => x.replace(/"/g, '')).join(',')}"`
    for (const c of v.columns) {
      const letter = ws.getColumn(c + 1).letter
      for (const [from, to] of plainRuns) {
        validations.add(`${letter}${from}:${letter}${to}`, {
          type: 'list',
          allowBlank: true,
          showErrorMessage: false,
          formulae: [list]
        })
      }
    }
  }

  // ---- notes, then the signers side by side
  for (const note of doc.notes ?? []) {
    w.set(r, 1, note, 'note')
    w.merge(r, 1, n)
    w.fit(r)
    r++
  }
  if (doc.notes?.length) r++
  const k = doc.signers.length
  if (k > 0) {
    const blocks = doc.signers.map((_, i) => [
      Math.floor((i * n) / k) + 1,
      Math.floor(((i + 1) * n) / k)
    ])
    const tallest = Math.max(...doc.signers.map((s) => s.lines.length))
    // Row by row (each row measured once its cells are written); the names under the space to sign.
    for (let j = 0; j <= tallest; j++) {
      const at = j < tallest ? r + j : r + tallest + 4
      doc.signers.forEach((s, i) => {
        const text = j < tallest ? s.lines[j] && upper(s.lines[j]) : s.name
        if (!text) return
        w.set(at, blocks[i][0], text, 'bold', 'center')
        w.merge(at, blocks[i][0], blocks[i][1])
      })
      w.fit(at)
    }
  }
}

function sheetOptions(doc: PartyDocument): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: doc.orientation ?? 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
    },
    views: [{ showGridLines: false }]
  }
}

const SHEET_NAME_MAX = 31

/** The words of `text` that fit in `max` characters (the first `max` if its first word is longer). */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  const space = text.slice(0, max + 1).lastIndexOf(' ')
  return space > 0 ? text.slice(0, space) : text.slice(0, max)
}

/**
 * Sheet names Excel accepts for `wanted`, in order, beside sheets already named `taken`: the
 * characters it forbids (\ / ? * [ ] :) become spaces; an apostrophe becomes "’", which reads
 * the same (ExcelJS quotes the name in the print titles without doubling it, and Excel then
 * calls the file damaged); at most 31 characters, cut at a word; unique ignoring case, as Excel
 * compares them (two sheets of one name also make a damaged file, and ExcelJS's streaming
 * writer does not check): a repeat gets " (2)", " (3)" … within the 31.
 */
export function sheetNames(wanted: readonly string[], taken: readonly string[] = []): string[] {
  const key = (name: string) => name.toLocaleLowerCase('vi')
  const used = new Set(taken.map(key))
  return wanted.map((name) => {
    const base =
      name
        .replace(/[\\/?*[\]:]/g, ' ')
        .replace(/'/g, '’')
        .replace(/\s+/g, ' ')
        .trim() || 'Trang'
    for (let k = 1; ; k++) {
      const suffix = k === 1 ? '' : ` (${k})`
      const candidate = shorten(base, SHEET_NAME_MAX - suffix.length) + suffix
      if (!used.has(key(candidate))) {
        used.add(key(candidate))
        return candidate
      }
    }
  })
}

const INSTRUCTIONS_WIDTH = 80

/** The instructions sheet: a title and one wrapped paragraph a row, on A4 should anyone print it. */
function layoutInstructions(
  ws: ExcelJS.Worksheet,
  streaming: boolean,
  text: NonNullable<PartyDocument['instructions']>
): void {
  const w = new SheetWriter(ws, streaming, [INSTRUCTIONS_WIDTH])
  ws.columns = [{ width: INSTRUCTIONS_WIDTH }]
  const lines: [string, FontName][] = [
    [text.title, 'bold'],
    ...text.lines.map((l): [string, FontName] => [l, 'body'])
  ]
  lines.forEach(([line, font], i) => {
    w.set(i + 1, 1, line, font, 'left')
    w.fit(i + 1)
    w.done(i + 1)
  })
}

function instructionOptions(): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0
    }
  }
}

/** Adds the document as a worksheet of an in-memory `workbook` (and its instructions sheet after it). */
export function addPartyDocumentSheet(
  workbook: ExcelJS.Workbook,
  doc: PartyDocument
): ExcelJS.Worksheet {
  const [name] = sheetNames(
    [doc.sheetName],
    workbook.worksheets.map((w) => w.name)
  )
  const ws = workbook.addWorksheet(name, sheetOptions(doc))
  layout(new SheetWriter(ws, false, measuredWidths(doc)), doc)
  if (doc.instructions) {
    const [other] = sheetNames(
      [doc.instructions.sheetName],
      workbook.worksheets.map((w) => w.name)
    )
    layoutInstructions(workbook.addWorksheet(other, instructionOptions()), false, doc.instructions)
  }
  return ws
}

/**
 * Figures for a program to read back (the level above reading a report's annex): a hidden sheet
 * after the documents, plain rows, never printed.
 */
export interface HiddenData {
  sheetName: string
  rows: DocValue[][]
}

/**
 * Streams the documents to `path`, one sheet each (and `data` hidden after them), writing beside
 * the target and renaming at the end: a failure never leaves a half-written file.
 */

export async function writePartyDocument(
  path: string,
  docs: PartyDocument | PartyDocument[],
  data?: HiddenData
): Promise<void> {
  const temp = tempBeside(path)
  // Created exclusively (never written through something already at that name) and owner-only.
  const stream = createWriteStream(temp, { flags: 'wx', mode: 0o600 })
  try {
    await once(stream, 'open')
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useStyles: true,
      useSharedStrings: false
    })
    wb.creator = 'Chuyên đề 05'
    wb.created = new Date()
    const list = Array.isArray(docs) ? docs : [docs]
    const names = sheetNames(
      list.flatMap((d) =>
        d.instructions ? [d.sheetName, d.instructions.sheetName] : [d.sheetName]
      )
    )
    let k = 0
    for (const doc of list) {
      const ws = wb.addWorksheet(names[k++], sheetOptions(doc))
      layout(new SheetWriter(ws as unknown as ExcelJS.Worksheet, true, measuredWidths(doc)), doc)
      ws.commit()
      if (doc.instructions) {
        const other = wb.addWorksheet(names[k++], instructionOptions())
        layoutInstructions(other as unknown as ExcelJS.Worksheet, true, doc.instructions)
        other.commit()
      }
    }
    if (data) {
      const [name] = sheetNames([data.sheetName], names)
      const ws = wb.addWorksheet(name, { state: 'hidden' })
      for (const row of data.rows) ws.addRow(row).commit()
      ws.commit()
    }
    await wb.commit()
    if (!stream.closed) await once(stream, 'close')
    renameSync(temp, path)
  } catch (e) {
    stream.destroy()
    rmSync(temp, { force: true })
    throw e
  }
}

/** A new name beside `path` for the file being written. */
function tempBeside(path: string): string {
  return `${path}.${randomBytes(4).toString('hex')}.partial`
}

/** An in-memory workbook to `path`, written beside it and renamed at the end, like the above. */
export async function writeWorkbook(path: string, wb: ExcelJS.Workbook): Promise<void> {
  const buffer = await wb.xlsx.writeBuffer()
  const temp = tempBeside(path)
  try {
    writeFileSync(temp, Buffer.from(buffer as ArrayBuffer), { flag: 'wx', mode: 0o600 })
    renameSync(temp, path)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
}
