// The fast .xlsx reader. The zip is opened with yauzl (random access, native inflate) and the two
// big parts, the shared strings and each worksheet, are walked with the small tokenizer of
// xml-scan.ts; the workbook, its relationships and the styles are small and still go through
// ExcelJS's own parsers, so dates and fonts are read as before. A workbook this reader does not
// take (no relationships part, a worksheet it cannot find, XML it cannot tokenize) is read again
// by the ExcelJS reader (read-xlsx-exceljs.ts). Every loop is bounded (rows, cells, bytes, time).
import { createRequire } from 'node:module'
import { StringDecoder } from 'node:string_decoder'
import { readCellTag, type CellTag } from './cell-tag'
import { LIMITS, type GridSheet } from './grid'
import { fontHint, runsNameFonts, type TextRun } from './legacy-encoding'
import { readSharedStrings } from './shared-strings'
import {
  SheetBuilder,
  checkTime,
  styleLookup,
  tooBig,
  type ReadBudget,
  type ReadPace,
  type SharedStrings,
  type StyleInfo,
  type StyleModel
} from './sheet-builder'
import { refuse } from './sniff'
import { XmlScanner, attr, decodeXml } from './xml-scan'
import { eachEntry, entryBytes, entryStream, openZip, type ZipEntry, type ZipFile } from './zip'

const require = createRequire(import.meta.url)

interface ExcelJSParsers {
  StyleManager: new () => { getStyleModel(id: number): StyleModel } & {
    parseStream(chunks: Iterable<Buffer>): Promise<unknown>
  }
  WorkbookXform: new () => {
    parseStream(chunks: Iterable<Buffer>): Promise<unknown>
    model?: { sheets?: { name: string; rId: string; state?: string }[] }
    map: { workbookPr: { model?: { date1904?: boolean } } }
  }
  RelationshipsXform: new () => {
    parseStream(
      chunks: Iterable<Buffer>
    ): Promise<{ Id: string; Type?: string; Target: string; TargetMode?: string }[] | undefined>
  }
}
let parsers: ExcelJSParsers | null = null
/**
 * ExcelJS's parsers for the small parts, loaded on the first workbook read rather than with this
 * module: loading them takes a good part of the command line's start, and most commands
 * (`check`, `units list`) read no workbook.
 */
function excelJSParsers(): ExcelJSParsers {
  return (parsers ??= {
    StyleManager: require('exceljs/lib/xlsx/xform/style/styles-xform'),
    WorkbookXform: require('exceljs/lib/xlsx/xform/book/workbook-xform'),
    RelationshipsXform: require('exceljs/lib/xlsx/xform/core/relationships-xform')
  })
}

/** The workbook is not one for the fast reader: read it through ExcelJS instead. */
class NotForFastReader extends Error {}

/** The entries by their path in the zip (the first of any repeated name). */
async function zipEntries(zip: ZipFile): Promise<Map<string, ZipEntry>> {
  const entries = new Map<string, ZipEntry>()
  await eachEntry(zip, (e) => {
    if (entries.size > LIMITS.maxZipEntries) throw new NotForFastReader('entries')
    const name = e.fileName.replace(/\\/g, '/').replace(/^\/+/, '')
    if (!entries.has(name)) entries.set(name, e)
  })
  return entries
}

function entryBuffer(zip: ZipFile, entry: ZipEntry, limit: number): Promise<Buffer> {
  return entryBytes(zip, entry, limit, tooBig)
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

interface FastSheetSource {
  name: string
  hidden: boolean
  entry: ZipEntry
}

async function readSheetFast(
  zip: ZipFile,
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
  const inlineTag = (
    name: string,
    tag: string,
    start: number,
    end: number,
    selfClosing: boolean
  ) => {
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
        case 'col':
          grid.addColumnWidth(
            attr(tag, start, end, 'min'),
            attr(tag, start, end, 'max'),
            attr(tag, start, end, 'width')
          )
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

export async function readXlsxFast(path: string, pace?: ReadPace): Promise<GridSheet[]> {
  const zip = await openZip(path)
  try {
    const entries = await zipEntries(zip)
    const workbookEntry = entries.get('xl/workbook.xml')
    const relsEntry = entries.get('xl/_rels/workbook.xml.rels')
    if (!workbookEntry || !relsEntry) throw new NotForFastReader('parts')
    const { StyleManager, WorkbookXform, RelationshipsXform } = excelJSParsers()
    const workbook = new WorkbookXform()
    await workbook.parseStream([await entryBuffer(zip, workbookEntry, LIMITS.maxCachedPartBytes)])
    const rels =
      (await new RelationshipsXform().parseStream([
        await entryBuffer(zip, relsEntry, LIMITS.maxCachedPartBytes)
      ])) ?? []
    const tabs = workbook.model?.sheets ?? []
    if (tabs.length > LIMITS.maxSheets)
      throw refuse('FILE_TOO_LARGE', `Tệp có quá nhiều trang tính (hơn ${LIMITS.maxSheets}).`)
    const date1904 = workbook.map.workbookPr.model?.date1904 === true

    const stylesEntry = entries.get('xl/styles.xml')
    let styles: { getStyleModel(id: number): StyleModel } | null = null
    if (stylesEntry) {
      const manager = new StyleManager()
      await manager.parseStream([await entryBuffer(zip, stylesEntry, LIMITS.maxCachedPartBytes)])
      styles = manager
    }
    const styleInfo = styleLookup((s) => styles?.getStyleModel(s) ?? null)

    const sharedRel = rels.find((r) => /\/sharedStrings$/.test(r.Type ?? ''))
    const sharedEntry =
      entries.get(sharedRel ? partPath(sharedRel.Target) : 'xl/sharedStrings.xml') ??
      entries.get('xl/sharedStrings.xml')
    const shared: SharedStrings = sharedEntry
      ? await readSharedStrings(zip, sharedEntry)
      : { texts: [], runs: null }

    const sources: FastSheetSource[] = []
    for (const tab of tabs) {
      const rel = rels.find((r) => r.Id === tab.rId)
      if (!rel) throw new NotForFastReader('sheet relationship')
      // Chart sheets and the like hold no cells.
      if (!/\/worksheet$/.test(rel.Type ?? '/worksheet')) continue
      const entry = entries.get(partPath(rel.Target))
      if (!entry) throw new NotForFastReader('sheet part')
      sources.push({
        name: tab.name,
        hidden: tab.state === 'hidden' || tab.state === 'veryHidden',
        entry
      })
    }
    const budget: ReadBudget & { chunks: number } = {
      rows: 0,
      cells: 0,
      started: Date.now(),
      bytes: 0,
      chunks: 0
    }
    const sheets: GridSheet[] = []
    for (const source of sources)
      sheets.push(await readSheetFast(zip, source, shared, styleInfo, date1904, budget, pace))
    return sheets
  } finally {
    zip.close()
  }
}
