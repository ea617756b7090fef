// The Word layout of a party document (see party-word.ts for what it holds): the header band,
// title, body, "Nơi nhận" and the signer block, A4 with the guide's margins, Times New Roman.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType
} from 'docx'
import { placeDateLine } from '../excel/party-document'
import type { WordBlock, WordDocument } from './party-word'

const FONT = 'Times New Roman'
/** Half-points. */
const BODY = 28
const SMALL = 24
const NOTE = 22

/** Twips (1/1440 inch). */
const mm = (n: number) => Math.round((n / 25.4) * 1440)
const PAGE = { width: 11906, height: 16838 }
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) }
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

const run = (
  text: string,
  o: { bold?: boolean; italic?: boolean; underline?: boolean; size?: number } = {}
) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? BODY,
    bold: o.bold,
    italics: o.italic,
    underline: o.underline ? {} : undefined
  })

const centred = (text: string, o: Parameters<typeof run>[1] = {}, after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, o)] })

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER
}

/** Two borderless columns side by side (the header band, the signing band). */
function band(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const l = Math.round(TEXT_WIDTH * leftShare)
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS })
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [l, TEXT_WIDTH - l],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    // Never split across pages: a signer block cut after its title would leave the signature's
    // blank lines (and the name) alone on the next page.
    rows: [
      new TableRow({ cantSplit: true, children: [cell(left, l), cell(right, TEXT_WIDTH - l)] })
    ]
  })
}

const upper = (s: string) => s.toLocaleUpperCase('vi')

function header(d: WordDocument): Table {
  const left = [
    ...(d.upperOrg ? [centred(upper(d.upperOrg), { size: SMALL })] : []),
    centred(upper(d.issuingOrg), { bold: true, size: SMALL }),
    centred('*', { size: SMALL }),
    centred(d.number ? `Số ${d.number}` : `Số       -${d.numberSuffix}`, { size: SMALL })
  ]
  const right = [
    centred('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 30 }, 240),
    centred(placeDateLine(d.place, d.date), { italic: true, size: BODY })
  ]
  return band(left, right, 0.45)
}

function block(b: WordBlock): Paragraph {
  if (typeof b === 'string')
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: mm(10) },
      spacing: { after: 120, line: 312 },
      children: [run(b)]
    })
  if ('heading' in b) return centred(b.heading, { bold: true }, 120)
  if ('subheading' in b)
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: mm(10) },
      spacing: { before: 60, after: 120, line: 312 },
      keepNext: true,
      keepLines: true,
      children: [run(b.subheading, { bold: true })]
    })
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: b.indent === false ? undefined : { firstLine: mm(10) },
    spacing: { after: 120, line: 312 },
    children: [run(b.text, { bold: b.bold, italic: b.italic })]
  })
}

function signing(d: WordDocument): Table {
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italic: true, size: SMALL })] }),
    ...d.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: NOTE })] }))
  ]
  const right = [
    ...d.signer.lines.map((l) => centred(upper(l), { bold: true })),
    // Room for the signature and the seal.
    ...[0, 1, 2, 3].map(() => centred('')),
    centred(d.signer.name ?? '', { bold: true })
  ]
  return band(left, right, 0.5)
}

function wordDocument(d: WordDocument): Document {
  return new Document({
    creator: 'Chuyên đề 05',
    title: d.title,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        // HD 36: pages numbered from the second, centred at the top; the first has none.
        properties: { page: { size: PAGE, margin: MARGIN }, titlePage: true },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SMALL })]
              })
            ]
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] })
        },
        children: [
          header(d),
          centred('', {}, 240),
          centred(upper(d.title), { bold: true, size: 30 }),
          ...(d.subject ? [centred(d.subject, { bold: true })] : []),
          centred('-----', {}, 240),
          ...d.body.map(block),
          centred('', {}, 120),
          signing(d),
          // A body ending in a table gets a paragraph after it (Word and LibreOffice add one); a
          // tiny one of our own keeps it from spilling onto a blank last page.
          new Paragraph({
            spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
            children: [run('', { size: 2 })]
          })
        ]
      }
    ]
  })
}

/** The document as the bytes of a .docx file. */
export function wordBuffer(d: WordDocument): Promise<Buffer> {
  return Packer.toBuffer(wordDocument(d))
}
