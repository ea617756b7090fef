// Writes any table as a party document (HD 36-HD/VPTW; BTCTW statistical sheets): the header
// band (upper organisation over the issuing one, then "*"; "ĐẢNG CỘNG SẢN VIỆT NAM" over the
// place-and-date line), a bold capital title, column headers (one or two rows) with a row of
// column numbers, the rows, a totals row, notes, the signers; A4, Times New Roman, header rows
// repeated on every printed page, fitted to the page width.
//
// Text stays text: values are written as strings (never as formulas) in text-formatted cells,
// so a name like "=HYPERLINK(…)" or "-1" shows exactly as typed in Excel and LibreOffice.
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'

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
}

export interface DocSigner {
  /** Lines in bold capitals, e.g. ["T/M CHI BỘ", "BÍ THƯ"] or ["NGƯỜI LẬP BIỂU"]. */
  lines: string[]
  /** Name under the blank space for the signature. */
  name?: string
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
  rows: DocValue[][]
  /** A bold "Tổng cộng" row, when the table has one. */
  totals?: DocValue[]
  notes?: string[]
  signers: DocSigner[]
  orientation?: 'portrait' | 'landscape'
}

const FONT = 'Times New Roman'
const thin = { style: 'thin' as const }
const BORDER = { top: thin, left: thin, bottom: thin, right: thin }

const upper = (s: string) => s.toLocaleUpperCase('vi')

/** "Tân Lập, ngày 05 tháng 06 năm 2024", or with blanks to fill by hand. */
export function placeDateLine(place: string, date: string | null): string {
  if (!date) return `${place}, ngày     tháng     năm 20…`
  const [y, m, d] = date.split('-')
  return `${place}, ngày ${d} tháng ${m} năm ${y}`
}

/** Lines a text needs in a merged cell of `width` characters (merged cells do not grow). */
function linesFor(text: string, width: number): number {
  return Math.max(1, Math.ceil((text.length * 1.1) / Math.max(width, 1)))
}

function setText(cell: ExcelJS.Cell, value: DocValue, font: Partial<ExcelJS.Font>, align: Partial<ExcelJS.Alignment>): void {
  // A string is always written as a string: ExcelJS makes formulas only from { formula } objects.
  cell.value = value === null ? null : typeof value === 'number' ? value : String(value)
  cell.font = { name: FONT, size: 12, ...font }
  cell.alignment = { vertical: 'middle', wrapText: true, ...align }
  if (typeof value === 'string') cell.numFmt = '@'
}

function mergeRow(ws: ExcelJS.Worksheet, row: number, from: number, to: number): ExcelJS.Cell {
  if (to > from) ws.mergeCells(row, from, row, to)
  return ws.getCell(row, from)
}

/** Adds the document as a worksheet of `workbook`. */
export function addPartyDocumentSheet(workbook: ExcelJS.Workbook, doc: PartyDocument): ExcelJS.Worksheet {
  const n = doc.columns.length
  if (n < 2) throw new Error('A party document needs at least two columns.')
  const ws = workbook.addWorksheet(doc.sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
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
  })
  ws.columns = doc.columns.map((c) => ({ width: c.width }))
  const widthOf = (from: number, to: number) => doc.columns.slice(from - 1, to).reduce((a, c) => a + c.width, 0)
  const fullWidth = widthOf(1, n)

  // ---- header band
  const leftEnd = Math.max(1, Math.floor(n / 2))
  const rightStart = leftEnd + 1
  const center = { horizontal: 'center' as const }
  const left: { text: string; font: Partial<ExcelJS.Font> }[] = []
  if (doc.upperOrg) left.push({ text: upper(doc.upperOrg), font: {} })
  left.push({ text: upper(doc.issuingOrg), font: { bold: true } })
  left.push({ text: '*', font: {} })
  const right: { text: string; font: Partial<ExcelJS.Font> }[] = [
    { text: 'ĐẢNG CỘNG SẢN VIỆT NAM', font: { bold: true, underline: true } },
    { text: placeDateLine(doc.place, doc.date), font: { italic: true } }
  ]
  let r = 1
  for (let i = 0; i < Math.max(left.length, right.length); i++, r++) {
    let lines = 1
    if (left[i]) {
      setText(mergeRow(ws, r, 1, leftEnd), left[i].text, left[i].font, center)
      lines = Math.max(lines, linesFor(left[i].text, widthOf(1, leftEnd)))
    }
    if (right[i]) {
      setText(mergeRow(ws, r, rightStart, n), right[i].text, right[i].font, center)
      lines = Math.max(lines, linesFor(right[i].text, widthOf(rightStart, n)))
    }
    ws.getRow(r).height = 17 * lines
  }
  r++

  // ---- title
  setText(mergeRow(ws, r, 1, n), upper(doc.title), { bold: true, size: 14 }, center)
  ws.getRow(r).height = 20 * linesFor(doc.title, fullWidth * 0.85)
  r++
  for (const s of doc.subtitles ?? []) {
    setText(mergeRow(ws, r, 1, n), s, { italic: true }, center)
    ws.getRow(r).height = 17 * linesFor(s, fullWidth)
    r++
  }
  r++

  // ---- column headers (two rows when any column has a group), then the column numbers
  const headerStart = r
  const twoRows = doc.columns.some((c) => c.group)
  const headFont = { bold: true }
  const headAlign = { horizontal: 'center' as const }
  for (let c = 1; c <= n; ) {
    const col = doc.columns[c - 1]
    if (twoRows && col.group) {
      let end = c
      while (end < n && doc.columns[end].group === col.group) end++
      setText(mergeRow(ws, r, c, end), col.group, headFont, headAlign)
      for (let k = c; k <= end; k++) setText(ws.getCell(r + 1, k), doc.columns[k - 1].header, headFont, headAlign)
      c = end + 1
    } else {
      if (twoRows) ws.mergeCells(r, c, r + 1, c)
      setText(ws.getCell(r, c), col.header, headFont, headAlign)
      c++
    }
  }
  const headerRows = twoRows ? 2 : 1
  const headerHeight = Math.max(...doc.columns.map((c) => linesFor(c.header, c.width))) * 17
  for (let k = 0; k < headerRows; k++) ws.getRow(r + k).height = Math.max(20, headerHeight / headerRows + 4)
  r += headerRows
  for (let c = 1; c <= n; c++) setText(ws.getCell(r, c), c, { italic: true, size: 11 }, headAlign)
  const numberRow = r
  for (let k = headerStart; k <= numberRow; k++) for (let c = 1; c <= n; c++) ws.getCell(k, c).border = BORDER
  r++
  ws.pageSetup.printTitlesRow = `${headerStart}:${numberRow}`

  // ---- rows and totals
  const writeRow = (values: DocValue[], font: Partial<ExcelJS.Font>) => {
    for (let c = 1; c <= n; c++) {
      const col = doc.columns[c - 1]
      const v = values[c - 1] ?? null
      const cell = ws.getCell(r, c)
      setText(cell, v, font, { horizontal: col.align ?? (typeof v === 'number' ? 'right' : 'left') })
      if (typeof v === 'number' && col.numFmt) cell.numFmt = col.numFmt
      cell.border = BORDER
    }
    r++
  }
  for (const row of doc.rows) writeRow(row, {})
  if (doc.totals) writeRow(doc.totals, { bold: true })
  r++

  // ---- notes, then the signers side by side
  for (const note of doc.notes ?? []) {
    setText(mergeRow(ws, r, 1, n), note, { italic: true, size: 11 }, {})
    ws.getRow(r).height = 16 * linesFor(note, fullWidth)
    r++
  }
  if (doc.notes?.length) r++
  const k = doc.signers.length
  if (k > 0) {
    const blocks = doc.signers.map((_, i) => [Math.floor((i * n) / k) + 1, Math.floor(((i + 1) * n) / k)])
    const tallest = Math.max(...doc.signers.map((s) => s.lines.length))
    doc.signers.forEach((s, i) => {
      const [from, to] = blocks[i]
      s.lines.forEach((line, j) => setText(mergeRow(ws, r + j, from, to), upper(line), { bold: true }, center))
      if (s.name) setText(mergeRow(ws, r + tallest + 4, from, to), s.name, { bold: true }, center)
    })
  }
  return ws
}

/** A workbook of one or more party documents, one sheet each. */
export function partyWorkbook(docs: PartyDocument[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Chuyên đề 05'
  wb.created = new Date()
  for (const d of docs) addPartyDocumentSheet(wb, d)
  return wb
}

/** Writes beside the target, then renames: a failure never leaves a half-written file. */
export async function writePartyDocument(path: string, docs: PartyDocument | PartyDocument[]): Promise<void> {
  const buffer = await partyWorkbook(Array.isArray(docs) ? docs : [docs]).xlsx.writeBuffer()
  const temp = `${path}.${process.pid}.partial`
  try {
    writeFileSync(temp, Buffer.from(buffer as ArrayBuffer))
    renameSync(temp, path)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
}
