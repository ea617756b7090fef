import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDateCell } from '../../../src/core/excel/dates'
import { DateCell, serialToDate } from '../../../src/core/excel/grid'

const today = '2024-06-01'

describe('date serials', () => {
  it('1900 and 1904 date systems, without time-zone shifts', () => {
    expect(serialToDate(1, false)).toEqual(new DateCell(1900, 1, 1))
    expect(serialToDate(59, false)).toEqual(new DateCell(1900, 2, 28))
    expect(serialToDate(61, false)).toEqual(new DateCell(1900, 3, 1))
    expect(serialToDate(25569, false)).toEqual(new DateCell(1970, 1, 1))
    expect(serialToDate(32874.5, false)).toEqual(new DateCell(1990, 1, 1))
    // A midnight stored with floating-point noise is still that day.
    expect(serialToDate(32875 - 1e-10, false)).toEqual(new DateCell(1990, 1, 2))
    expect(serialToDate(0, true)).toEqual(new DateCell(1904, 1, 1))
    expect(serialToDate(25569 - 1462, true)).toEqual(new DateCell(1970, 1, 1))
  })
})

describe('reading date cells', () => {
  const read = (v: Parameters<typeof readDateCell>[0]) => readDateCell(v, 'Ngày sinh', today)
  it('keeps precision', () => {
    expect(read(new DateCell(1970, 3, 12))).toEqual({ value: '1970-03-12' })
    expect(read(1962)).toEqual({ value: '1962' })
    expect(read(25569)).toEqual({ value: '1970-01-01' })
    expect(read('12/03/1970')).toEqual({ value: '1970-03-12' })
    expect(read('1-2-1970')).toEqual({ value: '1970-02-01' })
    expect(read('12.03.1970')).toEqual({ value: '1970-03-12' })
    expect(read('03/1970')).toEqual({ value: '1970-03' })
    expect(read('1970')).toEqual({ value: '1970' })
    expect(read('1970-03-12T00:00:00')).toEqual({ value: '1970-03-12' })
    expect(read('12/03/1970 00:00:00')).toEqual({ value: '1970-03-12' })
    expect(read('ngày 5 tháng 6 năm 1980')).toEqual({ value: '1980-06-05' })
    expect(read('tháng 6/1980')).toEqual({ value: '1980-06' })
  })
  it('warns about guesses and refuses impossible dates', () => {
    expect(read('1-2-70')).toMatchObject({
      value: '1970-02-01',
      warning: expect.stringMatching(/2 số của năm/)
    })
    expect(read('3/25/1970')).toMatchObject({
      value: '1970-03-25',
      warning: expect.stringMatching(/tháng\/ngày\/năm/)
    })
    expect(read('31/02/1980')).toMatchObject({
      value: null,
      error: expect.stringMatching(/không phải ngày có thật/)
    })
    expect(read('không rõ')).toMatchObject({
      value: null,
      error: expect.stringMatching(/không đọc được/)
    })
    expect(read(null)).toEqual({ value: null })
  })
})

const corpus = [
  resolve(__dirname, '../../../../shared/corpus'),
  resolve(__dirname, '../../../shared/corpus')
].find((p) => existsSync(p))
describe.skipIf(!corpus)('1904 workbooks of the corpus', () => {
  it('read dates as Excel shows them (compared with the TEXT() column next to them)', async () => {
    const { readXlsx } = await import('../../../src/core/excel/read-xlsx')
    for (const name of ['1904_1900.xlsx', '1904_1904.xlsx']) {
      const [sheet] = await readXlsx(resolve(corpus!, 'sheetjs-test_files', name))
      const pairs = sheet.rows
        .filter((r) => r.cells[1] instanceof DateCell)
        .map((r) => [String(r.cells[1]), String(r.cells[2])])
      expect(pairs.length, name).toBeGreaterThan(2)
      for (const [date, text] of pairs) expect(date.split('/').reverse().join('-'), name).toBe(text)
    }
  })
})
