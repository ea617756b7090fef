// The fallback .xlsx reader, for workbooks the fast reader does not take. ExcelJS's streaming
// WorkbookReader unzips the file and reads the workbook, shared strings and styles; each
// worksheet's XML is then walked here with ExcelJS's own SAX helper rather than through its
// Row/Cell objects: about twice as fast, and it gives what the importer needs and the streaming
// reader drops (merged ranges, the raw style of each cell for date formats and legacy fonts).
import { createRequire } from 'node:module'
import ExcelJS from 'exceljs'
import { CoreError } from '../db/errors'
import { colOfRef } from './cell-tag'
import { LIMITS, type GridSheet } from './grid'
import { fontHint, runsNameFonts, type TextRun } from './legacy-encoding'
import {
  SheetBuilder,
  checkTime,
  styleLookup,
  tooBig,
  type ReadBudget,
  type ReadPace,
  type StyleInfo,
  type StyleModel
} from './sheet-builder'
import { REFUSAL, refuse } from './sniff'

const require = createRequire(import.meta.url)
type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: any } // eslint-disable-line @typescript-eslint/no-explicit-any
type ParseSax = (iterable: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>
let parseSaxFn: ParseSax | null = null
/** ExcelJS's SAX helper, loaded on first use (see excelJSParsers in read-xlsx-fast.ts). */
const parseSax: ParseSax = (iterable) =>
  (parseSaxFn ??= require('exceljs/lib/utils/parse-sax') as ParseSax)(iterable)

interface ReaderInternals {
  sharedStrings?: unknown[]
  styles: { getStyleModel(id: number): StyleModel }
  properties?: { model?: { date1904?: boolean } }
  stream?: { destroy(): void }
}

interface SheetReaderInternals {
  id: number | string
  name: string
  state?: string
  iterator: AsyncIterable<unknown>
}

function richToText(v: unknown): string | null {
  if (typeof v === 'string') return v
  if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text?: string }[] }).richText.map((r) => r.text ?? '').join('')
  }
  return null
}

function localName(name: string): string {
  const i = name.indexOf(':')
  return i >= 0 ? name.slice(i + 1) : name
}

/** The worksheet's XML as it inflates, counted into the budget. */
async function* counted(
  chunks: AsyncIterable<unknown>,
  budget: ReadBudget
): AsyncIterable<unknown> {
  for await (const chunk of chunks) {
    budget.bytes += (chunk as { length?: number }).length ?? 0
    yield chunk
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
  const grid = new SheetBuilder(
    { texts, runs: null },
    styleInfo,
    internals.properties?.model?.date1904 === true,
    budget
  )
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
            if (run && value.attributes.val !== undefined)
              run.hint = fontHint(String(value.attributes.val))
            break
          case 'mergeCell':
            grid.addMerge(String(value.attributes.ref ?? ''))
            break
          case 'col':
            grid.addColumnWidth(value.attributes.min, value.attributes.max, value.attributes.width)
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
  // The styles are parsed as the reader goes: look them up when a cell asks, not now.
  const styleInfo = styleLookup((s) => internals.styles.getStyleModel(s))
  const budget: ReadBudget = { rows: 0, cells: 0, started: Date.now(), bytes: 0 }
  const sheets: { order: number; sheet: GridSheet }[] = []
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReaderInternals>) {
      if (sheets.length >= LIMITS.maxSheets)
        throw refuse('FILE_TOO_LARGE', `Tệp có quá nhiều trang tính (hơn ${LIMITS.maxSheets}).`)
      const tabs =
        (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []
      const order = tabs.findIndex((t) => t.name === ws.name)
      sheets.push({
        order: order < 0 ? 1000 + sheets.length : order,
        sheet: await readSheet(ws, internals, styleInfo, budget, pace)
      })
    }
  } catch (e) {
    if (e instanceof CoreError) throw e
    // sniff has read the zip's directory whole (a cut file is refused there): what fails now is a
    // part inside, XML that does not parse or data that does not inflate. The library's own text
    // is English: logged, not shown.
    console.error(`[excel] ${String((e as Error)?.message ?? e).slice(0, 500)}`)
    throw refuse('FILE_DAMAGED', REFUSAL.damaged)
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
