// Cells whose text is rich text: runs, each with its own font. Legacy text is read run by run by
// the font each run is drawn in (.VnTime as TCVN3, VNI-Times as VNI, a Unicode font as it is),
// in shared strings and in inline strings, by the fast reader and (inline strings) the fallback.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cellText, type GridSheet } from '../../../src/core/excel/grid'
import { encodeTcvn3, encodeVni } from '../../../src/core/excel/legacy-encoding'
import { readXlsx } from '../../../src/core/excel/read-xlsx'
import { readXlsxExcelJS } from '../../../src/core/excel/read-xlsx-exceljs'
import { startCoreWithParent, type TestCore } from '../../helpers/import-fixtures'

let t: TestCore
let parentId: number

beforeEach(async () => {
  ;({ t, parentId } = await startCoreWithParent())
})
afterEach(() => t.close())

// ---------------------------------------------------------------- writing the parts by hand

interface Run {
  font?: string
  text: string
}
/** A string cell: plain text, or runs; `style` 1 is a cell drawn in .VnTime (see STYLES). */
interface TextCell {
  text: string | Run[]
  style?: number
}
type Cell = number | TextCell | null

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Runs as Excel writes them: each with its properties (font name among them) and its text. */
function runsXml(text: string | Run[]): string {
  if (typeof text === 'string') return `<t xml:space="preserve">${esc(text)}</t>`
  return text
    .map((r) => {
      const props =
        r.font === undefined
          ? ''
          : `<rPr><sz val="12"/><rFont val="${r.font}"/><family val="2"/></rPr>`
      return `<r>${props}<t xml:space="preserve">${esc(r.text)}</t></r>`
    })
    .join('')
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><sz val="13"/><name val=".VnTime"/></font></fonts>' +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '</styleSheet>'

/** An .xlsx of one sheet, its strings in the shared strings table or inline in the cells. */
async function writeXlsx(
  path: string,
  rows: Cell[][],
  strings: 'shared' | 'inline'
): Promise<void> {
  const shared: string[] = []
  const sheetRows = rows.map((cells, r) => {
    const xml = cells.map((cell, c) => {
      if (cell === null) return ''
      const ref = `${String.fromCharCode(65 + c)}${r + 1}`
      if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`
      const s = cell.style ? ` s="${cell.style}"` : ''
      if (strings === 'inline')
        return `<c r="${ref}"${s} t="inlineStr"><is>${runsXml(cell.text)}</is></c>`
      shared.push(`<si>${runsXml(cell.text)}</si>`)
      return `<c r="${ref}"${s} t="s"><v>${shared.length - 1}</v></c>`
    })
    return `<row r="${r + 1}">${xml.join('')}</row>`
  })
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
  )
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  )
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`
  )
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  )
  zip.file('xl/styles.xml', STYLES)
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${main}" count="${shared.length}" uniqueCount="${shared.length}">${shared.join('')}</sst>`
  )
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${main}" xmlns:r="${rel}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`
  )
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
}

// ---------------------------------------------------------------- the list

const plain = (text: string, style?: number): TextCell => ({ text, style })
const runs = (...list: Run[]): TextCell => ({ text: list })
const VNTIME = '.VnTime'
const VNI = 'VNI-Times'
const UNICODE = 'Times New Roman'

/**
 * Each legacy cell below reads wrongly by its characters alone: "Vâ Tó Lý" is also well-formed
 * Unicode, a Unicode run's "Đ" or "Tây" spoils reading the joined text as TCVN3, and VNI "Bí thö"
 * reads better as TCVN3 ("Bớ thử") than as VNI.
 */
const LIST: Cell[][] = [
  [plain('DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3')],
  [],
  [plain('STT'), plain('Họ và tên'), plain('Năm sinh'), plain('Quê quán'), plain('Chức vụ')],
  // Every run in .VnTime.
  [
    1,
    runs({ font: VNTIME, text: encodeTcvn3('Võ Tú ') }, { font: VNTIME, text: encodeTcvn3('Lý') }),
    1970,
    plain('Long An'),
    plain('Đảng viên')
  ],
  // A .VnTime run, then a Unicode one.
  [
    2,
    runs({ font: VNTIME, text: encodeTcvn3('Nguyễn Văn ') }, { font: UNICODE, text: 'Đức' }),
    1971,
    runs({ font: VNTIME, text: encodeTcvn3('Xã Tân Hòa, ') }, { font: UNICODE, text: 'Tây Ninh' }),
    plain('Đảng viên')
  ],
  // VNI runs, one beside a Unicode run.
  [
    3,
    runs({ font: VNI, text: encodeVni('Trần Thị ') }, { font: UNICODE, text: 'Đào' }),
    1972,
    plain('Bến Tre'),
    runs({ font: VNI, text: encodeVni('Bí thư') })
  ],
  // Plain strings: Unicode left alone, TCVN3 found by its characters, and by the cell's .VnTime font.
  [
    4,
    plain('Lê Thanh Tú'),
    1973,
    plain(encodeTcvn3('Tây Ninh')),
    plain(encodeTcvn3('Tổ trưởng'), 1)
  ],
  // Runs that name no font are drawn in the cell's: read as the plain text of a Unicode cell.
  [5, runs({ text: 'Phạm ' }, { text: 'Hòa Thành' }), 1974, plain('Hòa Thành'), plain('Đảng viên')]
]

const EXPECTED = [
  { fullName: 'Võ Tú Lý', hometown: 'Long An', position: 'Đảng viên' },
  { fullName: 'Nguyễn Văn Đức', hometown: 'Xã Tân Hòa, Tây Ninh', position: 'Đảng viên' },
  { fullName: 'Trần Thị Đào', hometown: 'Bến Tre', position: 'Bí thư' },
  { fullName: 'Lê Thanh Tú', hometown: 'Tây Ninh', position: 'Tổ trưởng' },
  { fullName: 'Phạm Hòa Thành', hometown: 'Hòa Thành', position: 'Đảng viên' }
]

async function importedPeople() {
  const list = await t.call('people:list', { unitId: null, includeSubunits: true, limit: 1000 })
  const people = await Promise.all(
    list.rows.map((r: { id: number }) => t.call('people:get', { id: r.id }))
  )
  return people
    .map((p) => ({ fullName: p.fullName, hometown: p.hometown, position: p.position }))
    .sort(
      (a, b) =>
        EXPECTED.findIndex((e) => e.fullName === a.fullName) -
        EXPECTED.findIndex((e) => e.fullName === b.fullName)
    )
}

const values = (sheet: GridSheet) => sheet.rows.map((r) => r.cells.map(cellText))

describe('legacy fonts per run of rich text', () => {
  for (const strings of ['shared', 'inline'] as const) {
    it(`reads each run by its own font (${strings} strings), and says text was converted`, async () => {
      const file = join(t.dir, `ds-${strings}.xlsx`)
      await writeXlsx(file, LIST, strings)
      const opened = await t.call('import:open', { path: file })
      // TCVN3: two names, a hometown, a plain hometown and a .VnTime cell; VNI: a name and a position.
      expect(opened.legacy).toEqual(
        expect.arrayContaining([
          { encoding: 'TCVN3 (ABC)', cells: 5 },
          { encoding: 'VNI-Windows', cells: 2 }
        ])
      )
      expect(opened.legacy).toHaveLength(2)
      const preview = await t.call('import:preview', {
        sessionId: opened.sessionId,
        parentUnitId: parentId
      })
      expect(preview.counts).toMatchObject({ total: 5, create: 5, errors: 0 })
      await t.call('import:commit', { sessionId: opened.sessionId, parentUnitId: parentId })
      expect(await importedPeople()).toEqual(EXPECTED)
    })
  }

  it('reads inline strings the same through the ExcelJS fallback', async () => {
    const file = join(t.dir, 'ds-inline.xlsx')
    await writeXlsx(file, LIST, 'inline')
    const [fast] = await readXlsx(file)
    const [fallback] = await readXlsxExcelJS(file)
    expect(values(fallback)).toEqual(values(fast))
    expect(fallback.legacy).toEqual(fast.legacy)
    expect(values(fast)[3]).toEqual([
      '2',
      'Nguyễn Văn Đức',
      '1971',
      'Xã Tân Hòa, Tây Ninh',
      'Đảng viên'
    ])
  })

  it('takes the runs of rich text as ExcelJS writes them', async () => {
    const file = join(t.dir, 'exceljs.xlsx')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('DS')
    ws.getRow(1).values = ['DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3']
    ws.getRow(3).values = ['STT', 'Họ và tên', 'Năm sinh', 'Quê quán']
    ws.getRow(4).values = [
      1,
      {
        richText: [
          { font: { name: VNTIME }, text: encodeTcvn3('Nguyễn Văn ') },
          { font: { name: UNICODE }, text: 'Đức' }
        ]
      },
      1971,
      'Long An'
    ]
    ws.getRow(5).values = [
      2,
      { richText: [{ font: { name: VNTIME, size: 13 }, text: encodeTcvn3('Võ Tú Lý') }] },
      1972,
      'Bến Tre'
    ]
    await wb.xlsx.writeFile(file)
    const opened = await t.call('import:open', { path: file })
    expect(opened.legacy).toEqual([{ encoding: 'TCVN3 (ABC)', cells: 2 }])
    await t.call('import:commit', { sessionId: opened.sessionId, parentUnitId: parentId })
    const list = await t.call('people:list', { unitId: null, includeSubunits: true, limit: 1000 })
    expect(list.rows.map((r: { fullName: string }) => r.fullName).sort()).toEqual([
      'Nguyễn Văn Đức',
      'Võ Tú Lý'
    ])
  })
})
