// Headers over three rows (a caption, groups, sub-labels), with and without merge information, and
// the rows that must not be taken for a header row: sections, text data, titles.
import { describe, expect, it } from 'vitest'
import type { CellValue, GridSheet } from '../../../src/core/excel/grid'
import { detectLayout, matchColumn } from '../../../src/core/import/headers'
import { parseSheet } from '../../../src/core/import/rows'
import { THREE_ROW_FIELDS, THREE_ROW_LABELS } from '../../helpers/three-row-header'

function sheet(rows: CellValue[][], merges: GridSheet['merges'] = []): GridSheet {
  return {
    name: 'Sheet1',
    hidden: false,
    rows: rows
      .map((cells, i) => ({ r: i + 1, cells }))
      .filter((r) => r.cells.some((c) => c !== null)),
    merges,
    legacy: {}
  }
}

const range = (top: number, left: number, bottom: number, right: number) => ({
  top,
  left,
  bottom,
  right
})

describe('the field of a column from its header parts', () => {
  it.each([
    [['Thông tin đảng viên', 'Ngày sinh', 'Nam'], 'birthDateMale'],
    [['Thông tin đảng viên', 'Ngày sinh', 'Nữ'], 'birthDateFemale'],
    [['Thông tin đảng viên', 'Ngày vào Đảng', 'Dự bị'], 'partyJoinDate'],
    [['Thông tin đảng viên', 'Ngày vào Đảng', 'Chính thức'], 'partyOfficialDate'],
    [['Thông tin đảng viên', 'Chức vụ', 'Đảng'], 'position'],
    [['Thông tin đảng viên', 'Chức vụ', 'Chính quyền, đoàn thể'], 'position'],
    [['Thông tin đảng viên', 'Số thẻ ĐV'], 'partyCardNumber'],
    // The sub-label picks the field of a group, though a longer name inside the group's is another's.
    [['Ngày, tháng, năm vào Đảng', 'Chính thức'], 'partyOfficialDate'],
    [['Ngày, tháng, năm vào Đảng', 'Dự bị'], 'partyJoinDate'],
    [['Ngày kết nạp', 'Chính thức'], 'partyOfficialDate'],
    // A sub-column for the exemption under a notes group is the exemption; the note stays a note.
    [['Ghi chú', 'Miễn SH'], 'exempt'],
    [['Ghi chú', 'Khác'], 'note'],
    // A caption too long to read as one label with the rest is passed over.
    [
      ['Thông tin cơ bản về từng đảng viên của tổ chức', 'Ngày vào Đảng', 'Chính thức'],
      'partyOfficialDate'
    ],
    // The whole label is read first: "Ngày tháng năm" names nothing alone, but with "Sinh" it does.
    [['Ngày tháng năm', 'Sinh'], 'birthDate'],
    [['Giới tính', 'Nam'], 'gender'],
    // A bare word left under a caption is not read out of context: the year of an award.
    [['Khen thưởng', 'Năm'], null],
    [['Thông tin đảng viên', 'Xếp loại'], null]
  ])('%j → %s', (parts, field) => {
    expect(matchColumn(parts)).toBe(field)
  })
})

describe('a header over three rows', () => {
  // Row 6: captions and single headers; row 7: groups; row 8: sub-labels; row 9: column numbers.
  const rows: CellValue[][] = [
    ['ĐẢNG BỘ XÃ TÂN HÒA', null, null, null, null, null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
    ['CHI BỘ ẤP 3'],
    [],
    ['DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3 NĂM 2024'],
    [],
    [
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
    ],
    [null, null, 'Ngày sinh', null, 'Ngày vào Đảng', null, 'Chức vụ', null, null, null],
    [null, null, 'Nam', 'Nữ', 'Dự bị', 'Chính thức', 'Đảng', 'Chính quyền, đoàn thể', null, null],
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    [
      1,
      'Nguyễn Văn An',
      '12/03/1970',
      null,
      '19/05/1995',
      '19/05/1996',
      'Bí thư chi bộ',
      'Trưởng ấp',
      '01234567',
      'Long An'
    ],
    [
      2,
      'Trần Thị Bình',
      null,
      '05/11/1985',
      '03/02/2010',
      '03/02/2011',
      null,
      'Chi hội trưởng phụ nữ',
      '12345678',
      'Tây Ninh'
    ]
  ]
  const merges = [
    range(6, 0, 8, 0),
    range(6, 1, 8, 1),
    range(6, 2, 6, 7),
    range(7, 2, 7, 3),
    range(7, 4, 7, 5),
    range(7, 6, 7, 7),
    range(6, 8, 8, 8),
    range(6, 9, 8, 9)
  ]
  const labels = THREE_ROW_LABELS
  const fields = THREE_ROW_FIELDS

  it.each([
    ['with merged cells', merges],
    ['without merge information (the text only in the top cell, blanks under it and beside it)', []]
  ])('%s', (_name, m) => {
    const s = sheet(rows, m)
    const layout = detectLayout(s)
    expect(layout).toMatchObject({
      headerStart: 6,
      headerRow: 8,
      labels,
      fields,
      unitHint: 'Chi bộ ấp 3',
      parentHint: 'Đảng bộ xã Tân Hòa'
    })
    expect(s.rows[layout.dataStart].r).toBe(10) // the row of column numbers is skipped

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
        d.fields?.gender,
        d.fields?.birthDate,
        d.fields?.partyJoinDate,
        d.fields?.partyOfficialDate,
        d.fields?.position
      ])
    ).toEqual([
      [
        10,
        'Nguyễn Văn An',
        'male',
        '1970-03-12',
        '1995-05-19',
        '1996-05-19',
        'Bí thư chi bộ; Trưởng ấp'
      ],
      [
        11,
        'Trần Thị Bình',
        'female',
        '1985-11-05',
        '2010-02-03',
        '2011-02-03',
        'Chi hội trưởng phụ nữ'
      ]
    ])
  })

  it('begins at its top row when a lower row names more fields than the top', () => {
    // Only "Họ và tên" at the top; the groups and sub-labels name more, and the lowest row wins the
    // search. The merged name cell (or, without merges, the name itself) ties the top row in.
    const top: CellValue[] = [
      'Họ và tên',
      'Thông tin đảng viên',
      null,
      null,
      null,
      null,
      null,
      null,
      null
    ]
    const mid: CellValue[] = [
      null,
      'Ngày sinh',
      null,
      'Ngày vào Đảng',
      null,
      'Trình độ',
      null,
      'Chức vụ',
      null
    ]
    const low: CellValue[] = [
      null,
      'Nam',
      'Nữ',
      'Dự bị',
      'Chính thức',
      'Học vấn',
      'LLCT',
      'Đảng',
      'Chính quyền'
    ]
    const data: CellValue[] = [
      'Lê Văn Cường',
      '1962',
      null,
      '09/1990',
      null,
      '12/12',
      'Sơ cấp',
      null,
      null
    ]
    const withMerges = [
      range(1, 0, 3, 0),
      range(1, 1, 1, 8),
      range(2, 1, 2, 2),
      range(2, 3, 2, 4),
      range(2, 5, 2, 6),
      range(2, 7, 2, 8)
    ]
    for (const m of [withMerges, []]) {
      const s = sheet([top, mid, low, data], m)
      const layout = detectLayout(s)
      expect(layout).toMatchObject({ headerStart: 1, headerRow: 3, dataStart: 3 })
      expect(layout.fields).toEqual([
        'fullName',
        'birthDateMale',
        'birthDateFemale',
        'partyJoinDate',
        'partyOfficialDate',
        'education',
        'politicalTheory',
        'position',
        'position'
      ])
    }
  })

  it('starts where the user says, and still joins the two rows under it', () => {
    const layout = detectLayout(sheet(rows, merges), 6)
    expect(layout).toMatchObject({ headerStart: 6, headerRow: 8, labels, fields })
  })
})

describe('rows that are not a third header row', () => {
  const twoRows: CellValue[][] = [
    ['STT', 'Họ và tên', 'Ngày sinh', null, 'Ngày vào Đảng', null, 'Khen thưởng', null],
    [null, null, 'Nam', 'Nữ', 'Dự bị', 'Chính thức', 'Năm', 'Hình thức']
  ]
  const twoRowMerges = [
    range(1, 0, 2, 0),
    range(1, 1, 2, 1),
    range(1, 2, 1, 3),
    range(1, 4, 1, 5),
    range(1, 6, 1, 7)
  ]

  it.each([
    ['a section row', ['I. CHI BỘ ẤP 1', null, 'Đảng viên chính thức']],
    // Each text sits under a sub-label of its own, not two under one heading.
    [
      'a row of text data with no name yet',
      [null, null, '12/03/1970', null, '19/05/1995', '19/05/1996', null, 'Giấy khen']
    ]
  ])('%s right under a two-row header', (_name, row) => {
    for (const m of [twoRowMerges, []]) {
      const s = sheet([...twoRows, row], m)
      const layout = detectLayout(s)
      expect(layout).toMatchObject({ headerStart: 1, headerRow: 2, dataStart: 2 })
      // "Năm" under "Khen thưởng" is the year of an award, as before: no field.
      expect(layout.fields).toEqual([
        'rowNumber',
        'fullName',
        'birthDateMale',
        'birthDateFemale',
        'partyJoinDate',
        'partyOfficialDate',
        null,
        null
      ])
    }
  })

  it('a title right above the header, merged across it', () => {
    const s = sheet(
      [['DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3'], ...twoRows, [1, 'Nguyễn Văn An', '12/03/1970']],
      [
        range(1, 0, 1, 7),
        ...twoRowMerges.map((m) => ({ ...m, top: m.top + 1, bottom: m.bottom + 1 }))
      ]
    )
    const layout = detectLayout(s)
    expect(layout).toMatchObject({
      headerStart: 2,
      headerRow: 3,
      dataStart: 3,
      unitHint: 'Chi bộ ấp 3'
    })
  })
})
