// Writes a party document as a Word (.docx) draft in the HD 36-HD/VPTW layout, for the office to
// open, finish and sign: the header band (upper organisation in capitals over the issuing one in
// bold capitals and "*", the number "Số …" below; "ĐẢNG CỘNG SẢN VIỆT NAM" bold and underlined
// over the italic place-and-date line), the bold capital title and its subject line, the body,
// then "Nơi nhận" on the left and the signer block on the right. A4 with the guide's margins
// (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman 14 pt in the body.
//
// Small and reusable: a domain builds a WordDocument (reports will too) and calls
// writeWordDocument; the layout lives in docx-layout.ts, loaded on first use (the `docx` package
// is large, and the command line starts without it). Written beside the target and renamed, so a
// failure never leaves half a file.
import { randomBytes } from 'node:crypto'
import { renameSync, rmSync, writeFileSync } from 'node:fs'

/**
 * A paragraph of the body: plain text (first line indented, justified), a centred heading, a
 * numbered sub-heading of the body's parts ("I. KẾT QUẢ …", "1. Công tác …": bold, indented like
 * the text, kept on the page of the paragraph after it), or a list line.
 */
export type WordBlock =
  | string
  | { heading: string }
  | { subheading: string }
  | { text: string; bold?: boolean; italic?: boolean; indent?: boolean }

export interface WordDocument {
  /** The upper organisation (e.g. "ĐẢNG BỘ TỈNH LONG AN"); null when the issuer is the top. */
  upperOrg: string | null
  issuingOrg: string
  /** "05-QĐ/ĐU"; null leaves "Số     -" to fill by hand. */
  number: string | null
  /** The document type's suffix when the number is left blank, e.g. "QĐ/ĐU". */
  numberSuffix: string
  place: string
  /** ISO day; null leaves the day to fill by hand. */
  date: string | null
  title: string
  /** The subject line under the title ("về việc …"), bold. */
  subject?: string
  body: WordBlock[]
  recipients: string[]
  signer: { lines: string[]; name?: string }
}

/** Writes the document to `path` (beside it first, then renamed). */
export async function writeWordDocument(path: string, d: WordDocument): Promise<void> {
  const { wordBuffer } = await import('./docx-layout')
  const buffer = await wordBuffer(d)
  const temp = `${path}.${randomBytes(4).toString('hex')}.partial`
  try {
    writeFileSync(temp, buffer, { flag: 'wx', mode: 0o600 })
    renameSync(temp, path)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
}
