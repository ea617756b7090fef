// What the wizard shows of a sheet before any import: the rows of people counted without totals or
// signatures, samples taken only from them (dates as dd/mm/yyyy), and a header row the user corrects.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportSheetInfo } from '../../../src/shared/api'
import {
  SAMPLE,
  startCoreWithParent,
  writeMemberList,
  type TestCore
} from '../../helpers/import-fixtures'

let t: TestCore
let parentId: number

beforeEach(async () => {
  ;({ t, parentId } = await startCoreWithParent())
})
afterEach(() => t.close())

const column = (sheet: ImportSheetInfo, header: string) =>
  sheet.columns.find((c) => c.header === header)!

/**
 * A header the detection gets wrong: a note above the list names two fields ("Họ và tên", "Ngày
 * sinh"), while the real header (row 4) says "Người" for the name, which is no known column name.
 */
async function writeMisleadingList(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('DS')
  ws.getRow(1).values = ['DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 7']
  ws.getRow(2).values = ['Yêu cầu ghi đủ:', 'Họ và tên', 'Ngày sinh']
  ws.getRow(4).values = ['Người', 'Năm sinh', 'Quê']
  ws.getRow(5).values = ['Trần Văn Một', 1971, 'Long An']
  ws.getRow(6).values = ['Trần Văn Hai', 1972, 'Tây Ninh']
  ws.getRow(7).values = ['Trần Văn Ba', 1973, 'Bến Tre']
  ws.getRow(8).values = ['Tổng cộng: 3 người']
  await wb.xlsx.writeFile(path)
}

describe('the sheets as the wizard shows them', () => {
  it('counts only the rows of people, and samples only them, dates as dd/mm/yyyy', async () => {
    const file = join(t.dir, 'ds.xlsx')
    await writeMemberList(file, SAMPLE.slice(0, 2))
    const two = (await t.call('import:open', { path: file })).sheets[0] as ImportSheetInfo
    // Two people; the totals row and the signature block under them are not data.
    expect(two.dataRows).toBe(2)
    expect(column(two, 'Họ và tên').samples).toEqual(['NGUYỄN VĂN AN', 'Trần  Thị Bình'])

    await writeMemberList(file, SAMPLE)
    const opened = await t.call('import:open', { path: file })
    const sheet = opened.sheets[0] as ImportSheetInfo
    expect(sheet.dataRows).toBe(4)
    expect(sheet.headerRow).toBe(7)
    expect(sheet.headerStart).toBe(6)
    expect(column(sheet, 'Họ và tên').samples).toEqual([
      'NGUYỄN VĂN AN',
      'Trần  Thị Bình',
      'Lê Văn Cường'
    ])
    // A real date cell, a year, and a serial number (31000, as the import reads it) under a date column.
    expect(column(sheet, 'Ngày sinh / Nam').samples).toEqual(['12/03/1970', '1962'])
    expect(column(sheet, 'Ngày sinh / Nữ').samples).toEqual(['05/11/1985', '14/11/1984'])
    expect(column(sheet, 'Ngày vào Đảng / Dự bị').samples[0]).toBe('19/05/1995')
    // Identifiers are not dates: a number stays a number.
    expect(column(sheet, 'Số thẻ ĐV').samples).toEqual(['01234567', '12345678', '22345678'])
  })

  it('takes a header row the user corrects; the mapping and the preview follow it', async () => {
    const file = join(t.dir, 'nham-tieu-de.xlsx')
    await writeMisleadingList(file)
    const opened = await t.call('import:open', { path: file })
    const detected = opened.sheets[0] as ImportSheetInfo
    expect(detected.headerRow).toBe(2)
    // Read with the wrong header, the real header row passes for a person.
    expect(column(detected, 'Họ và tên').samples[0]).toBe('Năm sinh')

    // Row 4 is the header: its columns and samples come back; the name column must still be mapped.
    const fixed = (await t.call('import:layout', {
      sessionId: opened.sessionId,
      index: 0,
      headerRow: 4
    })) as ImportSheetInfo
    expect(fixed).toMatchObject({
      index: 0,
      headerRow: 4,
      headerStart: 4,
      dataRows: 3,
      skippedReason: 'Không có cột Họ và tên.',
      unitHint: 'Chi bộ ấp 7'
    })
    expect(fixed.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', 'Người', null],
      ['B', 'Năm sinh', 'birthDate'],
      ['C', 'Quê', 'hometown']
    ])
    expect(fixed.columns[0].samples).toEqual(['Trần Văn Một', 'Trần Văn Hai', 'Trần Văn Ba'])
    expect(fixed.columns[1].samples).toEqual(['1971', '1972', '1973'])

    const choice = { index: 0, headerRow: 4, mapping: { '0': 'fullName' } }
    const preview = await t.call('import:preview', {
      sessionId: opened.sessionId,
      sheets: [choice],
      parentUnitId: parentId
    })
    expect(preview.counts).toMatchObject({ total: 3, create: 3, errors: 0, unitsCreated: 1 })
    expect(preview.units).toEqual([
      expect.objectContaining({ name: 'Chi bộ ấp 7', action: 'create' })
    ])
    expect(preview.rows.map((r: { row: number; fullName: string }) => [r.row, r.fullName])).toEqual(
      [
        [5, 'Trần Văn Một'],
        [6, 'Trần Văn Hai'],
        [7, 'Trần Văn Ba']
      ]
    )

    // Back to the detected header: the layout of row 2 again.
    const back = (await t.call('import:layout', {
      sessionId: opened.sessionId,
      index: 0,
      headerRow: null
    })) as ImportSheetInfo
    expect(back.headerRow).toBe(2)

    // An empty row cannot be the header; nor can a sheet that is not there.
    const empty = await t.fail('import:layout', {
      sessionId: opened.sessionId,
      index: 0,
      headerRow: 3
    })
    expect(empty.code).toBe('VALIDATION')
    expect(empty.message).toContain('Dòng 3 của trang "DS" trống')
    expect(
      (await t.fail('import:layout', { sessionId: opened.sessionId, index: 5, headerRow: 4 })).code
    ).toBe('NOT_FOUND')

    // The commit follows the header too (asked for without import:layout first, as the CLI could).
    const summary = await t.call('import:commit', {
      sessionId: opened.sessionId,
      sheets: [choice],
      parentUnitId: parentId
    })
    expect(summary).toMatchObject({ created: 3, unitsCreated: 1 })
    const people = await t.call('people:list', { unitId: null, includeSubunits: true })
    expect(
      people.rows.map((p: { fullName: string; birthDate: string; hometown: string }) => [
        p.fullName,
        p.birthDate,
        p.hometown
      ])
    ).toEqual(expect.arrayContaining([['Trần Văn Một', '1971', 'Long An']]))
  })
})
