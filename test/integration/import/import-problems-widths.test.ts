// The problem file keeps the sender's column widths (a list laid out to print stays so), a column
// of dates at least wide enough for a whole date (narrower, Excel prints "###"), and prints on A4
// fitted to its width. Both .xlsx readers read the widths alike.
import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readXlsxExcelJS } from '../../../src/core/excel/read-xlsx-exceljs'
import { readXlsxFast } from '../../../src/core/excel/read-xlsx-fast'
import { openTestCore, type TestCore } from '../../helpers/core'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.dispose())

// Not 9: ExcelJS writes no <col> for its default width.
const WIDTHS = [5, 24.5, 10, 8, 30, 13]

async function source(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Danh sách')
  ws.columns = WIDTHS.map((width) => ({ width }))
  ws.addRow(['DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3'])
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Quê quán', 'Số thẻ ĐV'])
  for (let i = 0; i < 4; i++) {
    const row = ws.addRow([
      i + 1,
      `Nguyễn Văn ${'ABCD'[i]}`,
      new Date(Date.UTC(1970 + i, i, 10 + i)),
      i === 2 ? 'Khác' : 'Nam',
      'Xã Tân Lập',
      i % 2 ? '12' : `0200000${i}`
    ])
    row.getCell(3).numFmt = 'dd/mm/yyyy'
  }
  await wb.xlsx.writeFile(path)
}

async function problemFile(list: string, out: string) {
  const parent = (
    await t.call('units:create', { parentId: null, name: 'Đảng ủy xã Tân Lập', level: 'Đảng ủy' })
  ).id
  const opened = (await t.callWithFile('import:open', { path: list }))!
  await t.call('import:preview', { sessionId: opened.sessionId, parentUnitId: parent, limit: 1 })
  await t.callWithFile('import:exportProblems', { sessionId: opened.sessionId, path: out })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(out)
  return wb.worksheets[0]
}

describe('the problem file', () => {
  it('keeps the source’s column widths, widens a date column to a whole date, A4 fitted to width', async () => {
    const list = join(t.dir, 'danh-sach.xlsx')
    await source(list)
    for (const read of [readXlsxFast, readXlsxExcelJS])
      expect((await read(list))[0].widths?.slice(0, 6)).toEqual(WIDTHS)

    const ws = await problemFile(list, join(t.dir, 'can-sua.xlsx'))
    const widths = [1, 2, 3, 4, 5, 6, 7].map((c) => ws.getColumn(c).width)
    // The date column (10 in the source) is widened to 12; the messages get their own 60.
    expect(widths).toEqual([5, 24.5, 12, 8, 30, 13, 60])
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0
    })
  })

  it('sizes the columns of a CSV (which sets no widths) from what they hold', async () => {
    const list = join(t.dir, 'danh-sach.csv')
    writeFileSync(
      list,
      'STT,Họ và tên,Ngày sinh,Số thẻ ĐV\n1,Nguyễn Văn An,10/01/1970,02000001\n2,Trần Thị Bình,11/02/1971,12\n'
    )
    const ws = await problemFile(list, join(t.dir, 'can-sua.xlsx'))
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual('Nguyễn Văn An'.length)
    expect(ws.getColumn(5).width).toBe(60)
  })
})
