// The shared strings table of an .xlsx, walked with the small tokenizer of xml-scan.ts: each
// string's text (rich-text runs joined, phonetic guides left out), and the runs of the strings
// whose runs name their own fonts.
import { StringDecoder } from 'node:string_decoder'
import { LIMITS } from './grid'
import { fontHint, runsNameFonts, type TextRun } from './legacy-encoding'
import { tooBig, type SharedStrings } from './sheet-builder'
import { XmlScanner, attr, decodeXml } from './xml-scan'
import { entryStream, type ZipEntry, type ZipFile } from './zip'

/**
 * The shared strings table (rich text runs joined; phonetic guides left out), with the runs of
 * the strings whose runs name fonts. A plain string (`<si><t>…</t></si>`) takes the same steps
 * as before: the run tags are tested only after "t" and "si".
 */
export async function readSharedStrings(zip: ZipFile, entry: ZipEntry): Promise<SharedStrings> {
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
