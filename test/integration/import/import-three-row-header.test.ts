// BTCTW-style lists whose column headers take three rows: a caption ("Thông tin đảng viên") over
// groups ("Ngày sinh", "Ngày vào Đảng", "Chức vụ") over sub-labels ("Nam | Nữ", "Dự bị | Chính
// thức", "Đảng | Chính quyền, đoàn thể"), single headers ("Họ và tên", "Số thẻ ĐV") down all three
// rows, then the row of column numbers. Written as real .xlsx files and imported through the core.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportSheetInfo, Person } from '../../../src/shared/api'
import { startCoreWithParent, utc, type TestCore } from '../../helpers/import-fixtures'
import { THREE_ROW_FIELDS, THREE_ROW_LABELS } from '../../helpers/three-row-header'

let t: TestCore
let parentId: number

beforeEach(async () => {
  ;({ t, parentId } = await startCoreWithParent())
})
afterEach(() => t.close())

interface Row {
  name: string
  birth: Date | string | number
  male: boolean
  join?: Date | string
  official?: Date | string
  partyPosition?: string
  govPosition?: string
  card?: string | number
  hometown?: string
}

const PEOPLE: Row[] = [
  {
    name: 'NGUYỄN VĂN AN',
    birth: utc(1970, 3, 12),
    male: true,
    join: utc(1995, 5, 19),
    official: '19/05/1996',
    partyPosition: 'Bí thư chi bộ',
    govPosition: 'Trưởng ấp',
    card: '01234567',
    hometown: 'Long An'
  },
  {
    name: 'Trần Thị Bình',
    birth: '05/11/1985',
    male: false,
    join: '3/2/2010',
    govPosition: 'Chi hội trưởng phụ nữ',
    card: 12345678,
    hometown: 'Tây Ninh'
  },
  {
    name: 'Lê Văn Cường',
    birth: 1962,
    male: true,
    join: '09/1990',
    official: utc(1991, 9, 2),
    partyPosition: 'Chi ủy viên',
    card: '22345678'
  }
]

/**
 * The list with its header on rows 6–8 under an organisation band and a title. With `merged`, the
 * headings are merged cells as Excel users make them; without, each text is only in its top-left
 * cell and the cells below and beside it are empty (as some programs save, or users type).
 */
async function writeThreeRowList(path: string, people: Row[], merged: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Danh sách')
  ws.getCell('A1').value = 'ĐẢNG BỘ XÃ TÂN HÒA'
  ws.getCell('G1').value = 'ĐẢNG CỘNG SẢN VIỆT NAM'
  ws.getCell('A2').value = 'CHI BỘ ẤP 3'
  ws.getCell('A4').value = 'DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3 NĂM 2024'
  ws.getRow(6).values = [
    'STT',
    'Họ và tên',
    'Thông tin đảng viên',
    null,
    null,
    null,
    null,
    null,
    'Số thẻ ĐV',
    'Quê quán'
  ]
  ws.getRow(7).values = [
    null,
    null,
    'Ngày sinh',
    null,
    'Ngày vào Đảng',
    null,
    'Chức vụ',
    null,
    null,
    null
  ]
  ws.getRow(8).values = [
    null,
    null,
    'Nam',
    'Nữ',
    'Dự bị',
    'Chính thức',
    'Đảng',
    'Chính quyền, đoàn thể',
    null,
    null
  ]
  if (merged) {
    ws.mergeCells('A4:J4')
    for (const c of ['A', 'B', 'I', 'J']) ws.mergeCells(`${c}6:${c}8`)
    for (const range of ['C6:H6', 'C7:D7', 'E7:F7', 'G7:H7']) ws.mergeCells(range)
  }
  ws.getRow(9).values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
  let r = 10
  people.forEach((p, i) => {
    const row = ws.getRow(r++)
    const put = (col: number, v: Date | string | number | undefined) => {
      if (v === undefined) return
      row.getCell(col).value = v
      if (v instanceof Date) row.getCell(col).numFmt = 'dd/mm/yyyy'
    }
    put(1, i + 1)
    put(2, p.name)
    put(p.male ? 3 : 4, p.birth)
    put(5, p.join)
    put(6, p.official)
    put(7, p.partyPosition)
    put(8, p.govPosition)
    put(9, p.card)
    put(10, p.hometown)
  })
  ws.getRow(r++).values = [null, `Tổng cộng: ${people.length} đảng viên`]
  ws.getRow(r + 1).values = [null, 'NGƯỜI LẬP BIỂU', null, null, null, null, 'T/M CHI BỘ']
  await wb.xlsx.writeFile(path)
}

describe.each([
  ['with merged header cells', true],
  ['without merge information', false]
])('a list whose header takes three rows, %s', (_name, merged) => {
  it('maps every column, skips the column numbers, and imports the dates, genders and positions', async () => {
    const file = join(t.dir, 'ba-dong-tieu-de.xlsx')
    await writeThreeRowList(file, PEOPLE, merged)
    const opened = await t.call('import:open', { path: file })
    const sheet = opened.sheets[0] as ImportSheetInfo
    expect(sheet).toMatchObject({
      headerStart: 6,
      headerRow: 8,
      dataRows: 3,
      unitHint: 'Chi bộ ấp 3',
      skippedReason: null
    })
    expect(sheet.columns.map((c) => c.header)).toEqual(THREE_ROW_LABELS)
    expect(sheet.columns.map((c) => c.field)).toEqual(THREE_ROW_FIELDS)
    // The first data row is row 10: the sub-labels and the column numbers are not people.
    expect(sheet.columns[1].samples).toEqual(['NGUYỄN VĂN AN', 'Trần Thị Bình', 'Lê Văn Cường'])
    expect(sheet.columns[2].samples).toEqual(['12/03/1970', '1962'])

    const preview = await t.call('import:preview', {
      sessionId: opened.sessionId,
      parentUnitId: parentId
    })
    expect(preview.blockers).toEqual([])
    expect(preview.counts).toMatchObject({
      total: 3,
      create: 3,
      skip: 0,
      errors: 0,
      unitsCreated: 1
    })

    const summary = await t.call('import:commit', {
      sessionId: opened.sessionId,
      parentUnitId: parentId
    })
    expect(summary).toMatchObject({ created: 3, unitsCreated: 1 })

    const list = await t.call('people:list', { unitId: null, includeSubunits: true })
    const people = Object.fromEntries((list.rows as Person[]).map((p) => [p.fullName, p]))
    expect(Object.keys(people).sort()).toEqual(['Lê Văn Cường', 'Nguyễn Văn An', 'Trần Thị Bình'])
    expect(people['Nguyễn Văn An']).toMatchObject({
      gender: 'male',
      birthDate: '1970-03-12',
      partyJoinDate: '1995-05-19',
      partyOfficialDate: '1996-05-19',
      memberType: 'official',
      position: 'Bí thư chi bộ; Trưởng ấp',
      partyCardNumber: '01234567',
      hometown: 'Long An',
      unitName: 'Chi bộ ấp 3'
    })
    expect(people['Trần Thị Bình']).toMatchObject({
      gender: 'female',
      birthDate: '1985-11-05',
      partyJoinDate: '2010-02-03',
      partyOfficialDate: null,
      memberType: 'probationary',
      position: 'Chi hội trưởng phụ nữ',
      partyCardNumber: '12345678',
      hometown: 'Tây Ninh'
    })
    expect(people['Lê Văn Cường']).toMatchObject({
      gender: 'male',
      birthDate: '1962',
      partyJoinDate: '1990-09',
      partyOfficialDate: '1991-09-02',
      position: 'Chi ủy viên'
    })
  })
})
