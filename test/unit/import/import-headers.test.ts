import { describe, expect, it } from 'vitest'
import { DateCell, type CellValue, type GridSheet } from '../../../src/core/excel/grid'
import {
  detectLayout,
  isColumnNumberRow,
  matchHeader,
  unitFromSheetName,
  unitFromText
} from '../../../src/core/import/headers'
import { parseSheet } from '../../../src/core/import/rows'

function sheet(rows: CellValue[][], merges: GridSheet['merges'] = [], name = 'Sheet1'): GridSheet {
  return {
    name,
    hidden: false,
    rows: rows
      .map((cells, i) => ({ r: i + 1, cells }))
      .filter((r) => r.cells.some((c) => c !== null)),
    merges,
    legacy: {}
  }
}

describe('matching headers to fields', () => {
  it.each([
    ['Họ và tên', 'fullName'],
    ['Họ tên', 'fullName'],
    ['HỌ VÀ TÊN', 'fullName'],
    ['Ho ten', 'fullName'],
    ['  họ   và  tên (viết hoa) ', 'fullName'],
    ['Số thẻ ĐV', 'partyCardNumber'],
    ['Thẻ đảng viên', 'partyCardNumber'],
    ['Số thẻ', 'partyCardNumber'],
    ['Năm sinh', 'birthDate'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Nam/Nữ', 'gender'],
    ['Giới tính', 'gender'],
    ['Số lý lịch', 'partyProfileNumber'],
    ['Số CCCD (12 số)', 'nationalId'],
    ['CMND/CCCD', 'nationalId'],
    ['Ngày vào Đảng / Dự bị', 'partyJoinDate'],
    ['Ngày vào Đảng / Chính thức', 'partyOfficialDate'],
    ['Ngày chính thức', 'partyOfficialDate'],
    ['Ngày sinh / Nam', 'birthDateMale'],
    ['Năm sinh / Nữ', 'birthDateFemale'],
    ['Chức vụ chính quyền, đoàn thể', 'position'],
    ['Trình độ LLCT', 'politicalTheory'],
    ['Chi bộ', 'unitName'],
    ['STT', 'rowNumber'],
    ['Nơi sinh', null],
    ['Xếp loại', null]
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header)).toBe(field)
  })
})

describe('finding the layout of a sheet', () => {
  const rows: CellValue[][] = [
    ['ĐẢNG BỘ XÃ TÂN HÒA', null, null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
    ['CHI BỘ ẤP 3'],
    [],
    ['DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3 NĂM 2024'],
    [],
    ['STT', 'Họ và tên', 'Ngày sinh', null, 'Ngày vào Đảng', null, 'Số thẻ ĐV'],
    [null, null, 'Nam', 'Nữ', 'Dự bị', 'Chính thức', null],
    [1, 2, 3, 4, 5, 6, 7],
    [1, 'Nguyễn Văn An', new DateCell(1970, 3, 12), null, '19/05/1995', '19/05/1996', '01234567'],
    ['I. CHI BỘ ẤP 4'],
    [2, 'Trần Thị Bình', null, '1985', '03/02/2010', null, '12345678'],
    [null, 'Cộng chi bộ: 2'],
    [null, 'Tổng cộng: 2 đảng viên'],
    [null, null, null, null, 'Tân Hòa, ngày 10 tháng 5 năm 2024'],
    [null, 'NGƯỜI LẬP BIỂU', null, null, 'T/M CHI BỘ'],
    [null, 'Lê Văn Lập', null, null, 'Trần Văn Bí']
  ]

  it('with merge information', () => {
    const s = sheet(rows, [
      { top: 6, left: 0, bottom: 7, right: 0 },
      { top: 6, left: 1, bottom: 7, right: 1 },
      { top: 6, left: 2, bottom: 6, right: 3 },
      { top: 6, left: 4, bottom: 6, right: 5 },
      { top: 6, left: 6, bottom: 7, right: 6 }
    ])
    const layout = detectLayout(s)
    expect(layout.headerRow).toBe(7)
    expect(layout.labels).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh / Nam',
      'Ngày sinh / Nữ',
      'Ngày vào Đảng / Dự bị',
      'Ngày vào Đảng / Chính thức',
      'Số thẻ ĐV'
    ])
    expect(layout.fields).toEqual([
      'rowNumber',
      'fullName',
      'birthDateMale',
      'birthDateFemale',
      'partyJoinDate',
      'partyOfficialDate',
      'partyCardNumber'
    ])
    expect(s.rows[layout.dataStart].r).toBe(9) // the row of column numbers is skipped
    expect(layout.unitHint).toBe('Chi bộ ấp 3')
    expect(layout.parentHint).toBe('Đảng bộ xã Tân Hòa')

    const drafts = parseSheet(
      s,
      0,
      layout,
      layout.fields,
      { kind: 'member', today: '2024-06-01' },
      new Map()
    )
    expect(
      drafts.map((d) => [
        d.row,
        d.fullName,
        d.unitName,
        d.fields?.gender,
        d.fields?.birthDate,
        d.fields?.partyJoinDate
      ])
    ).toEqual([
      [9, 'Nguyễn Văn An', null, 'male', '1970-03-12', '1995-05-19'],
      [11, 'Trần Thị Bình', 'Chi bộ ấp 4', 'female', '1985', '2010-02-03']
    ])
  })

  it('without merge information (LibreOffice CSV-like exports), from the blank cells alone', () => {
    const layout = detectLayout(sheet(rows))
    expect(layout.fields).toEqual([
      'rowNumber',
      'fullName',
      'birthDateMale',
      'birthDateFemale',
      'partyJoinDate',
      'partyOfficialDate',
      'partyCardNumber'
    ])
  })

  it('a one-row header directly on top, and split name columns', () => {
    const s = sheet([
      ['Họ và tên đệm', 'Tên', 'Năm sinh', 'Giới tính'],
      ['Nguyễn Văn', 'An', 1970, 'Nam']
    ])
    const layout = detectLayout(s)
    expect(layout.headerRow).toBe(1)
    expect(layout.fields).toEqual(['familyName', 'givenName', 'birthDate', 'gender'])
    const [d] = parseSheet(
      s,
      0,
      layout,
      layout.fields,
      { kind: 'member', today: '2024-06-01' },
      new Map()
    )
    expect(d.fields).toMatchObject({ fullName: 'Nguyễn Văn An', birthDate: '1970', gender: 'male' })
  })

  it('column-number rows, units in titles and sheet names', () => {
    expect(isColumnNumberRow({ r: 1, cells: [1, 2, 3, 4] })).toBe(true)
    expect(isColumnNumberRow({ r: 1, cells: ['(1)', '(2)', '(3)', '(4)=(2)+(3)'] })).toBe(true)
    expect(isColumnNumberRow({ r: 1, cells: [1, 'Nguyễn Văn An', 1970] })).toBe(false)
    expect(unitFromText('DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3')).toBe('Chi bộ ấp 3')
    expect(unitFromText('Danh sách đảng viên Chi bộ Khu phố 2 (tính đến 31/12/2024)')).toBe(
      'Chi bộ Khu phố 2'
    )
    expect(unitFromText('ĐẢNG CỘNG SẢN VIỆT NAM')).toBeNull()
    expect(unitFromSheetName('CB Ấp 1')).toBe('Chi bộ Ấp 1')
    expect(unitFromSheetName('Chi bo Ap 2')).toBe('Chi bộ Ap 2')
    expect(unitFromSheetName('Sheet1')).toBeNull()
  })
})
