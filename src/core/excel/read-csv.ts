// CSV as offices save it: UTF-8 with or without a BOM, UTF-16 ("Unicode Text"), or Windows-1258
// from Excel on Vietnamese Windows; comma, semicolon or tab separated.
import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { basename, extname } from 'node:path'
import { LIMITS, type CellValue, type GridRow, type GridSheet } from './grid'
import { fixLegacyText, type LegacyEncoding } from './legacy-encoding'
import type { PhasedJob } from '../jobs/job'
import { CHUNK_ROWS, runWhole, type Steps } from '../jobs/slices'
import { refuse } from './sniff'

export interface DecodedText {
  text: string
  encoding: string
}

/** Decodes file bytes, telling which encoding was found. */
export function decodeText(buf: Buffer): DecodedText {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' }
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'UTF-16LE' }
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf16be'), encoding: 'UTF-16BE' }
  // UTF-16 without a BOM: zeros in every other byte of ASCII text.
  const sample = buf.subarray(0, 4096)
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue
    if (i % 2 === 0) evenZeros++
    else oddZeros++
  }
  if (oddZeros > sample.length / 4 && evenZeros < oddZeros / 8)
    return { text: iconv.decode(buf, 'utf16le'), encoding: 'UTF-16LE' }
  if (evenZeros > sample.length / 4 && oddZeros < evenZeros / 8)
    return { text: iconv.decode(buf, 'utf16be'), encoding: 'UTF-16BE' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' }
  } catch {
    // Not UTF-8: Excel's "CSV" on Vietnamese Windows writes the ANSI code page, Windows-1258,
    // which spells tones as combining marks; NFC below puts letters back together.
    return { text: iconv.decode(buf, 'windows-1258'), encoding: 'Windows-1258' }
  }
}

function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 20).filter((l) => l.trim())
  let best = ','
  let bestScore = -1
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => {
      let n = 0
      let q = false
      for (const ch of l) {
        if (ch === '"') q = !q
        else if (ch === d && !q) n++
      }
      return n
    })
    const score =
      counts.reduce((a, b) => a + b, 0) +
      (counts.length > 1 && counts.every((c) => c === counts[0] && c > 0) ? 1000 : 0)
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

/** RFC 4180 with the usual leniency: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string, delimiter: string, onRow: (cells: string[]) => void): void {
  for (const row of csvRecords(text, delimiter)) onRow(row)
}

/** The records of CSV text one by one, so a large file can be read in slices. */
function* csvRecords(text: string, delimiter: string): Generator<string[], void, void> {
  let field = ''
  let row: string[] = []
  let inQuotes = false
  let i = 0
  const n = text.length
  while (i < n) {
    const ch = text[i]
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        inQuotes = false
        i++
        continue
      }
      field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') {
      inQuotes = true
      i++
    } else if (ch === delimiter) {
      row.push(field)
      field = ''
      i++
    } else if (ch === '\n' || ch === '\r') {
      row.push(field)
      yield row
      row = []
      field = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      field += ch
      i++
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    yield row
  }
}

export interface CsvRead {
  sheet: GridSheet
  encoding: string
}

export function readCsv(path: string): CsvRead {
  return runWhole(readCsvSteps(path))
}

/** Lines of the text: the size of the reading, for progress. */
function lineCount(text: string): number {
  let n = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** Reads a CSV file in slices: yields the lines read every CHUNK_ROWS lines; `job` learns how many there are. */
export function* readCsvSteps(path: string, job?: PhasedJob<'reading'> | null): Steps<CsvRead> {
  const buf = readFileSync(path)
  const { text: raw, encoding } = decodeText(buf)
  const text = raw.replace(/^\uFEFF/, '').normalize('NFC')
  const delimiter = detectDelimiter(text)
  job?.begin('reading', lineCount(text))
  const rows: GridRow[] = []
  const legacy: Partial<Record<LegacyEncoding, number>> = {}
  let r = 0
  let cells = 0
  for (const fields of csvRecords(text, delimiter)) {
    r++
    if (r % CHUNK_ROWS === 0) yield r
    if (rows.length >= LIMITS.maxRows || cells > LIMITS.maxCells) {
      throw refuse(
        'FILE_TOO_LARGE',
        `Tệp quá lớn (quá ${LIMITS.maxRows.toLocaleString('vi')} dòng) để là một danh sách. Hãy tách thành các tệp nhỏ hơn.`
      )
    }
    const out: CellValue[] = []
    let any = false
    for (let c = 0; c < fields.length && c < LIMITS.maxColumns; c++) {
      let v = fields[c].trim()
      if (!v) {
        out.push(null)
        continue
      }
      const fixed = fixLegacyText(v, null)
      if (fixed.converted) {
        legacy[fixed.converted] = (legacy[fixed.converted] ?? 0) + 1
        v = fixed.text
      }
      // Excel's way to keep leading zeros in CSV: ="0123".
      const m = /^="(.*)"$/.exec(v)
      out.push(m ? m[1] : v)
      any = true
      cells++
    }
    while (out.length > 0 && out[out.length - 1] === null) out.pop()
    if (any) rows.push({ r, cells: out })
  }
  return {
    sheet: { name: basename(path, extname(path)), hidden: false, rows, merges: [], legacy },
    encoding
  }
}
