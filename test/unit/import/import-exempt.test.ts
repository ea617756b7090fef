// The "Miễn sinh hoạt" column: the headers that name it (and those that only mention it), and
// what its cells say.
import { describe, expect, it } from 'vitest'
import { DateCell, type CellValue, type GridSheet } from '../../../src/core/excel/grid'
import { detectLayout, matchHeader } from '../../../src/core/import/headers'
import { parseSheet, readExemptCell } from '../../../src/core/import/rows'

const TODAY = '2024-06-01'

function sheet(rows: CellValue[][]): GridSheet {
  return {
    name: 'Sheet1',
    hidden: false,
    rows: rows.map((cells, i) => ({ r: i + 1, cells })),
    merges: [],
    legacy: {}
  }
}

describe('headers of the exemption column', () => {
  it.each([
    'Miễn sinh hoạt',
    'MIỄN SINH HOẠT',
    'Mien sinh hoat',
    'Miễn công tác và sinh hoạt Đảng',
    'Miễn công tác và sinh hoạt',
    'Miễn SH',
    'Miễn CT&SH',
    'Miễn CT và SH',
    'Đảng viên miễn sinh hoạt',
    'ĐV miễn SH',
    'Miễn sinh hoạt (đánh dấu x)',
    'Miễn SH (ghi chú năm miễn)',
    'Ngày miễn sinh hoạt'
  ])('%s → exempt', (header) => {
    expect(matchHeader(header)).toBe('exempt')
  })

  it.each([
    ['Miễn', null],
    ['Miền', null],
    ['Ghi chú (miễn sinh hoạt ghi x)', 'note'],
    ['Chức vụ (ghi rõ nếu miễn SH)', 'position'],
    ['Sinh hoạt tại chi bộ', 'unitName'],
    ['Nơi sinh hoạt', 'unitName'],
    ['Chi bộ sinh hoạt', 'unitName']
  ])('%s → %s: a mention does not take the column', (header, field) => {
    expect(matchHeader(header)).toBe(field)
  })

  it('a column headed "Miễn" alone is left unmapped, the others keep their fields', () => {
    const s = sheet([
      ['STT', 'Họ và tên', 'Năm sinh', 'Miễn', 'Ghi chú (miễn SH ghi x)'],
      [1, 'Nguyễn Văn An', 1970, 'x', null]
    ])
    expect(detectLayout(s).fields).toEqual(['rowNumber', 'fullName', 'birthDate', null, 'note'])
  })
})

describe('reading an exemption cell', () => {
  it.each<[string, CellValue]>([
    ['empty', null],
    ['blank text', '  '],
    ['"không"', 'không'],
    ['"Không"', 'Không'],
    ['"0"', '0'],
    ['0', 0],
    ['"-"', '-'],
    ['FALSE', false]
  ])('%s says nothing to do', (_what, v) => {
    expect(readExemptCell(v, TODAY)).toEqual({ exempt: null })
  })

  it.each<CellValue>(['x', 'X', ' x ', 'có', 'Có', '✓', 'miễn', 'Miễn', '1', 1, true])(
    '%s is a mark',
    (v) => {
      expect(readExemptCell(v, TODAY)).toEqual({ exempt: { since: null, note: null } })
    }
  )

  it.each<[CellValue, string]>([
    [new DateCell(2019, 3, 15), '2019-03-15'],
    ['15/03/2019', '2019-03-15'],
    ['03/2019', '2019-03'],
    ['2019', '2019'],
    [2019, '2019'],
    [43539, '2019-03-15']
  ])('%s is the date it began', (v, since) => {
    expect(readExemptCell(v, TODAY)).toEqual({ exempt: { since, note: null } })
  })

  it('other text is kept as the note', () => {
    expect(readExemptCell('QĐ 12/QĐ-ĐU', TODAY)).toEqual({
      exempt: { since: null, note: 'QĐ 12/QĐ-ĐU' }
    })
    expect(readExemptCell('Tuổi cao, sức yếu', TODAY)).toEqual({
      exempt: { since: null, note: 'Tuổi cao, sức yếu' }
    })
  })

  it('a date in the future still marks the member, from the day of the import, with a warning', () => {
    expect(readExemptCell('01/01/2030', TODAY)).toEqual({
      exempt: { since: null, note: null },
      warning: 'Ngày miễn sinh hoạt 01/01/2030 ở tương lai; đã ghi miễn từ ngày nhập.'
    })
  })
})

describe('the exemption of each row', () => {
  const rows: CellValue[][] = [
    ['STT', 'Họ và tên', 'Năm sinh', 'Miễn SH'],
    [1, 'Nguyễn Văn An', 1970, 'x'],
    // A decision's date line in the column does not end the list as a signature line would.
    [2, 'Trần Thị Bình', 1971, 'QĐ ngày 12 tháng 3 năm 2020'],
    [3, 'Lê Văn Cường', 1972, null],
    [4, 'Phạm Thị Dung', 1973, 2018]
  ]

  it('members: the mark, the note or the year, with the column', () => {
    const s = sheet(rows)
    const layout = detectLayout(s)
    expect(layout.fields[3]).toBe('exempt')
    const drafts = parseSheet(
      s,
      0,
      layout,
      layout.fields,
      { kind: 'member', today: TODAY },
      new Map()
    )
    expect(drafts.map((d) => [d.fullName, d.exempt])).toEqual([
      ['Nguyễn Văn An', { since: null, note: null, column: 'D' }],
      ['Trần Thị Bình', { since: null, note: 'QĐ ngày 12 tháng 3 năm 2020', column: 'D' }],
      ['Lê Văn Cường', null],
      ['Phạm Thị Dung', { since: '2018', note: null, column: 'D' }]
    ])
    expect(drafts.flatMap((d) => d.problems)).toEqual([])
  })

  it('non-members: a mark is a warning and nothing else', () => {
    const s = sheet(rows)
    const layout = detectLayout(s)
    const drafts = parseSheet(
      s,
      0,
      layout,
      layout.fields,
      { kind: 'non_member', today: TODAY },
      new Map()
    )
    expect(drafts.map((d) => d.exempt)).toEqual([null, null, null, null])
    expect(drafts.flatMap((d) => d.problems)).toEqual(
      [2, 3, 5].map((row) => ({
        sheet: 'Sheet1',
        row,
        column: 'D',
        field: 'exempt',
        severity: 'warning',
        message: 'Miễn sinh hoạt chỉ áp dụng cho đảng viên; đã bỏ qua.',
        outcome: 'dropped',
        value: expect.anything()
      }))
    )
    expect(drafts.every((d) => d.fields?.kind === 'non_member')).toBe(true)
  })
})
