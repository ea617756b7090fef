// A copy of the received list with the bad cells highlighted and a column of messages, so the
// sender can fix the file and send it again.
//
// A list can hold 50,000 rows, and the core shares Electron's main process with the window: the
// copy is written in slices (progress, cancel, other calls answered meanwhile) into a temporary
// file beside the chosen one, renamed at the end. A cancel or a failure removes the temporary
// file, so the chosen path never holds half a workbook (nor an older file overwritten by one).
import { randomBytes } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import ExcelJS from 'exceljs'
import { writeFailureReason } from '../files'
import type { ImportProblem } from '../../shared/api'
import { importProblemText } from '../../shared/labels'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import { sheetNames } from '../excel/party-document'
import { rowHeight, type MeasuredCell } from '../excel/row-height'
import {
  cellText,
  DateCell,
  decodeRef,
  type CellValue,
  type Grid,
  type GridRow,
  type GridSheet
} from '../excel/grid'
import type { SheetLayout } from './headers'
import type { ImportJob } from './import-job'
import { rowsText } from '../jobs/job'
import { CHUNK_ROWS, runSliced, type Steps } from '../jobs/slices'

const ERROR_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFC7CE' }
}
const WARNING_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFEB9C' }
}
const MESSAGE_HEADER = 'Lỗi / cảnh báo cần sửa'
const MESSAGE_WIDTH = 60
/** Column widths the copy gives the sender's columns (characters): room for a date, no column wider than a third of a page. */
const MIN_WIDTH = 6
const MAX_WIDTH = 40
const DATE_WIDTH = 12
/**
 * The copy's cells are in the workbook's default font, Calibri 11: measured as Times New Roman
 * 12, wider than it and with lines as far apart (Calibri's line gap is large), rows come out a
 * little tall, never short.
 */
const FONT = { size: 12 }
/** Wider than this (characters, all columns), the copy prints across the page. */
const LANDSCAPE_FROM = 110
const WRITING = 'Đang ghi tệp kèm lỗi…'

/** What the copy is made of: the file as read, where each sheet's header is, and the problems found. */
export interface ProblemsCopy {
  grid: Grid
  /** Per sheet of the grid. */
  layouts: SheetLayout[]
  problems: ImportProblem[]
}

/** Where to save, as the user chooses (null: the dialog was closed); always .xlsx. */
export async function chooseExportPath(ctx: CoreContext, fileName: string): Promise<string | null> {
  const path = await ctx.platform.chooseSaveFile({
    title: 'Lưu danh sách kèm các lỗi cần sửa',
    defaultName: fileName.replace(/\.[^.]+$/, '') + '_can-sua.xlsx',
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (!path) return null
  return /\.xlsx$/i.test(path) ? path : `${path}.xlsx`
}

/**
 * Writes the annotated copy to `path` in slices the job reports and can cancel. Returns how many
 * rows carry a message. Throws CANCELLED or EXPORT_FAILED, leaving nothing at `path`.
 */
export async function writeProblemsFile(
  path: string,
  copy: ProblemsCopy,
  job: ImportJob
): Promise<number> {
  const byRow = problemsByRow(copy.problems)
  const file = await PartialFile.beside(path)
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: file.stream,
      useStyles: true,
      useSharedStrings: false
    })
    job.begin(
      'exporting',
      copy.grid.sheets.reduce((n, sh) => n + sh.rows.length, 0),
      WRITING
    )
    await runSliced(copySteps(wb, copy, byRow, file), job, 0, (n) => `${WRITING} ${rowsText(n)}`)
    await file.finish(wb.commit())
    // A cancel that came while the zip was being finished is still honoured: nothing is renamed.
    job.throwIfCancelled()
    await rename(file.path, path)
  } catch (e) {
    await file.discard()
    throw exportFailure(e, path)
  }
  return byRow.size
}

const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`

function problemsByRow(problems: ImportProblem[]): Map<string, ImportProblem[]> {
  const byRow = new Map<string, ImportProblem[]>()
  for (const p of problems) {
    const k = rowKey(p.sheet, p.row)
    const list = byRow.get(k)
    if (list) list.push(p)
    else byRow.set(k, [p])
  }
  return byRow
}

/** Every sheet, row by row, yielding the rows written so far every CHUNK_ROWS rows. */
function* copySteps(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  copy: ProblemsCopy,
  byRow: Map<string, ImportProblem[]>,
  file: PartialFile
): Steps<void> {
  let done = 0
  // A CSV's sheet is named after its file, which Excel may not accept as a sheet name.
  const names = sheetNames(copy.grid.sheets.map((sh) => sh.name))
  for (const [i, sheet] of copy.grid.sheets.entries()) {
    const layout = copy.layouts[i]
    const msgCol = messageColumn(sheet, layout)
    // The title rows above the header run on into the empty cells beside them; the table wraps.
    const tableFrom = layout.headerRow ?? 1
    const widths = [...columnWidths(sheet, msgCol - 1, tableFrom), MESSAGE_WIDTH]
    const total = widths.reduce((a, w) => a + w, 0)
    // Printed as the sender would print it: A4, every column (the messages too) across one page.
    const ws = wb.addWorksheet(names[i], {
      pageSetup: {
        paperSize: 9,
        orientation: total > LANDSCAPE_FROM ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
      }
    })
    // A streamed sheet writes its column widths with its first row: set before any row.
    widths.forEach((w, c) => (ws.getColumn(c + 1).width = w))
    mergeTitles(ws, sheet, layout)
    for (const r of sheet.rows) {
      const row = ws.getRow(r.r)
      const table = r.r >= tableFrom
      writeCells(row, r, table)
      if (layout.headerRow === r.r) writeMessageHeader(row.getCell(msgCol))
      const list = byRow.get(rowKey(sheet.name, r.r))
      const message = list ? markProblems(row, msgCol, list) : ''
      // Wrapped text makes the row no taller by itself: without this it prints over the next rows.
      if (table) fitRow(row, r, widths, message)
      row.commit()
      if (++done % CHUNK_ROWS === 0) {
        file.throwIfFailed()
        yield done
      }
    }
    ws.commit()
  }
}

/** The column after the widest row (or header): the messages never cover the sender's data. */
function messageColumn(sheet: GridSheet, layout: SheetLayout): number {
  let width = layout.labels.length
  for (const r of sheet.rows) width = Math.max(width, r.cells.length)
  return width + 1
}

/** The title bands above the header keep their merges; merges in the data are left out (they hide cells to fix). */
function mergeTitles(ws: ExcelJS.Worksheet, sheet: GridSheet, layout: SheetLayout): void {
  for (const m of sheet.merges) {
    if (m.bottom > (layout.headerRow ?? 0)) continue
    try {
      ws.mergeCells(m.top, m.left + 1, m.bottom, m.right + 1)
    } catch {
      // overlapping or odd ranges: leave unmerged
    }
  }
}

/**
 * Widths for the sender's columns: those the file sets, as the sender laid it out; for the others
 * (a CSV sets none), from what the table holds (the titles above run on across the columns): the
 * longest value between MIN_WIDTH and MAX_WIDTH, longer text wraps. A column of dates is at least
 * wide enough for a whole date either way (narrower, Excel prints "###").
 */
function columnWidths(sheet: GridSheet, count: number, tableFrom: number): number[] {
  const given = sheet.widths ?? []
  const widths = Array.from({ length: count }, (_, c) => given[c] ?? MIN_WIDTH)
  for (const r of sheet.rows) {
    if (r.r < tableFrom) continue
    r.cells.forEach((v, c) => {
      if (v === null || v === undefined || c >= count) return
      if (v instanceof DateCell) widths[c] = Math.max(widths[c], DATE_WIDTH)
      else if (given[c] === undefined) {
        const chars = Math.ceil(longestLine(cellText(v)) * 1.1) + 2
        if (chars > widths[c]) widths[c] = Math.min(MAX_WIDTH, chars)
      }
    })
  }
  return widths
}

function longestLine(text: string): number {
  let longest = 0
  for (const line of text.split('\n')) longest = Math.max(longest, line.length)
  return longest
}

/** Sets the row as tall as its tallest wrapped cell (the message included). */
function fitRow(row: ExcelJS.Row, r: GridRow, widths: number[], message: string): void {
  const cells: MeasuredCell[] = []
  r.cells.forEach((v, c) => {
    if (v !== null && v !== undefined && !(v instanceof DateCell))
      cells.push({ text: cellText(v), width: widths[c], font: FONT })
  })
  if (message) cells.push({ text: message, width: widths[widths.length - 1], font: FONT })
  const height = rowHeight(cells)
  // One line keeps the default height.
  if (height > rowHeight([{ text: 'x', width: MAX_WIDTH, font: FONT }])) row.height = height
}

function toExcel(v: CellValue): ExcelJS.CellValue {
  if (v instanceof DateCell) return new Date(Date.UTC(v.year, v.month - 1, v.day))
  return v
}

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' }

function writeCells(row: ExcelJS.Row, r: GridRow, wrap: boolean): void {
  r.cells.forEach((v, c) => {
    if (v === null || v === undefined) return
    const cell = row.getCell(c + 1)
    cell.value = toExcel(v)
    if (wrap) cell.alignment = WRAP
    if (v instanceof DateCell) cell.numFmt = 'dd/mm/yyyy'
    // Identifiers with leading zeros stay text when the sender edits them.
    else if (typeof v === 'string' && /^0\d+$/.test(v)) cell.numFmt = '@'
  })
}

function writeMessageHeader(cell: ExcelJS.Cell): void {
  cell.value = MESSAGE_HEADER
  cell.font = { name: 'Calibri', size: 11, bold: true, color: { argb: 'FFC00000' } }
}

/** Fills the cells named by the problems (an error wins over a warning) and writes the row's messages (returned). */
function markProblems(row: ExcelJS.Row, msgCol: number, list: ImportProblem[]): string {
  const worst = new Map<number, ImportProblem['severity']>()
  for (const p of list) {
    const ref = p.column ? decodeRef(`${p.column}1`) : null
    if (ref && worst.get(ref.col) !== 'error') worst.set(ref.col, p.severity)
  }
  for (const [col, severity] of worst)
    row.getCell(col + 1).fill = severity === 'error' ? ERROR_FILL : WARNING_FILL
  const m = row.getCell(msgCol)
  m.value = list.map((p) => importProblemText(p)).join('\n')
  m.alignment = { wrapText: true, vertical: 'top' }
  m.font = {
    name: 'Calibri',
    size: 11,
    color: { argb: list.some((p) => p.severity === 'error') ? 'FFC00000' : 'FF9C5700' }
  }
  return m.value
}

/**
 * The temporary file beside the target (same folder, so the final rename is atomic). Its write
 * errors are kept: the slices stop at the next checkpoint, and finishing the zip fails at once
 * instead of waiting for an end that will not come.
 */
class PartialFile {
  private error: Error | null = null
  private readonly failed: Promise<never>

  private constructor(
    readonly path: string,
    readonly stream: WriteStream
  ) {
    stream.on('error', (e) => (this.error ??= e))
    this.failed = new Promise<never>((_, reject) => stream.once('error', reject))
    this.failed.catch(() => undefined) // awaited only while the zip is finished
  }

  /** Opens the file first: a folder that cannot be written is refused before any work is done. */
  static async beside(target: string): Promise<PartialFile> {
    const path = `${target}.${randomBytes(4).toString('hex')}.partial`
    const stream = createWriteStream(path, { flags: 'wx' })
    try {
      await once(stream, 'open')
    } catch (e) {
      throw exportFailure(e, target)
    }
    return new PartialFile(path, stream)
  }

  throwIfFailed(): void {
    if (this.error) throw this.error
  }

  /** Waits for the workbook to be written out and the file closed. */
  async finish(written: Promise<void>): Promise<void> {
    this.throwIfFailed()
    await Promise.race([written, this.failed])
    await this.closed()
  }

  /** Stops writing and removes the file (closed first: Windows cannot remove an open file). */
  async discard(): Promise<void> {
    this.stream.destroy()
    await this.closed()
    await rm(this.path, { force: true })
  }

  private async closed(): Promise<void> {
    if (!this.stream.closed)
      await new Promise<void>((resolve) => this.stream.once('close', () => resolve()))
  }
}

/** CANCELLED and other refusals as they are; anything else as EXPORT_FAILED with what to do. */
function exportFailure(e: unknown, path: string): CoreError {
  if (e instanceof CoreError) return e
  return new CoreError('EXPORT_FAILED', `Không ghi được tệp ${path}: ${writeFailureReason(e)}.`)
}
