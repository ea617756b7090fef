import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { SEED_TOPICS, TERM_TOPIC } from '../../../src/core/study/seed'
import { addPartyDocumentSheet, placeDateLine } from '../../../src/core/excel/party-document'
import { normaliseCard, cellText } from '../../../src/core/study/attendee-sheet'
import { DateCell } from '../../../src/core/excel/grid'

describe('study seed topics', () => {
  it("come from resources/topics.json and name the domain's topics", () => {
    const json = JSON.parse(
      readFileSync(resolve(__dirname, '../../../resources/topics.json'), 'utf8')
    )
    expect(SEED_TOPICS).toEqual(json.topics)
    expect(SEED_TOPICS.map((t) => t.year)).toEqual([2021, 2022, 2023, 2024])
    expect(TERM_TOPIC).toMatchObject({ from: 2021, to: 2025 })
    for (const t of SEED_TOPICS)
      expect(t.title).toMatch(
        /Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về|Đẩy mạnh học tập và làm theo/i
      )
  })
})

describe('party document writer', () => {
  it('writes the place-date line, with blanks when there is no date', () => {
    expect(placeDateLine('Tây Ninh', '2024-06-05')).toBe('Tây Ninh, ngày 05 tháng 06 năm 2024')
    expect(placeDateLine('Tây Ninh', null)).toMatch(/^Tây Ninh, ngày\s+tháng\s+năm/)
  })

  it('merges grouped headers over two rows and numbers the columns', () => {
    const wb = new ExcelJS.Workbook()
    const ws = addPartyDocumentSheet(wb, {
      sheetName: 'Biểu 1',
      upperOrg: null,
      issuingOrg: 'Đảng ủy xã Tân Lập',
      place: 'Tân Lập',
      date: null,
      title: 'Biểu thống kê',
      columns: [
        { header: 'Đơn vị', width: 20 },
        { header: 'Tổng số', width: 8, group: 'Đảng viên' },
        { header: 'Đã học', width: 8, group: 'Đảng viên' },
        { header: 'Tỷ lệ (%)', width: 8, numFmt: '0.0' }
      ],
      rows: [['Chi bộ ấp 1', 10, 9, 90]],
      totals: ['Tổng cộng', 10, 9, 90],
      signers: [
        { lines: ['NGƯỜI LẬP BIỂU'] },
        { lines: ['T/M ĐẢNG ỦY', 'BÍ THƯ'], name: 'Nguyễn Văn A' }
      ]
    })
    expect(ws.getCell('A1').value).toBe('ĐẢNG ỦY XÃ TÂN LẬP')
    expect(ws.getCell('A2').value).toBe('*')
    expect(ws.getCell('C1').value).toBe('ĐẢNG CỘNG SẢN VIỆT NAM')
    const head = ws.pageSetup.printTitlesRow!.split(':').map(Number)
    expect(head[1] - head[0]).toBe(2)
    expect(ws.getCell(head[0], 2).value).toBe('Đảng viên')
    expect(ws.getCell(head[0] + 1, 3).value).toBe('Đã học')
    expect(ws.getCell(head[0] + 1, 1).isMerged).toBe(true)
    expect([1, 2, 3, 4].map((c) => ws.getCell(head[1], c).value)).toEqual([1, 2, 3, 4])
    expect(ws.getCell(head[1] + 2, 1).font.bold).toBe(true)
  })
})

describe('attendee sheet cells', () => {
  it('reads card numbers that lost their leading zeros, spacing and dates', () => {
    expect(normaliseCard('1000001')).toBe('01000001')
    expect(normaliseCard('01 000 001')).toBe('01000001')
    expect(normaliseCard('abc')).toBeNull()
    expect(cellText(1000001)).toBe('1000001')
    expect(cellText(' Nguyễn  Văn An ')).toBe('Nguyễn Văn An')
    expect(cellText(new DateCell(1980, 3, 5))).toBe('05/03/1980')
    expect(cellText(null)).toBe('')
  })
})
