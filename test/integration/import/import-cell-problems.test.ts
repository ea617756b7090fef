// Issue #10, point 2: a bad or doubtful value costs its cell, not the person. A value that cannot
// be right is left empty with an error on that cell; an unusual one comes in as written with a
// warning; only a row with no name or the same person as another row is held back. The preview,
// the CLI summary and the problem file say what was kept and what was dropped.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/index'
import type { Out } from '../../../src/cli/output'
import type { ImportPreview, Person } from '../../../src/shared/api'
import {
  startCoreWithParent,
  utc,
  writeMemberList,
  type Member,
  type TestCore
} from '../../helpers/import-fixtures'

const LIST: Member[] = [
  {
    name: 'Nguyễn Văn An',
    birth: utc(1970, 3, 12),
    male: true,
    join: utc(1995, 5, 19),
    card: '01234567',
    profile: '00112233'
  },
  // Unusual: joined at 17, born before 1920, official four months after joining.
  {
    name: 'Võ Văn Trẻ',
    birth: utc(1990, 6, 1),
    male: true,
    join: utc(2008, 1, 10),
    card: '01234568'
  },
  { name: 'Lê Văn Cụ', birth: '1915', male: true, join: '1945', card: '01234569' },
  {
    name: 'Trần Thị Nhanh',
    birth: utc(1980, 1, 1),
    male: false,
    join: utc(2010, 1, 1),
    official: utc(2010, 5, 1)
  },
  // Cannot be right: joined before birth, joined in the future, a card of 3 digits, no such day.
  {
    name: 'Phạm Văn Ngược',
    birth: utc(1980, 1, 1),
    male: true,
    join: utc(1975, 1, 1),
    card: '01234570'
  },
  { name: 'Hồ Văn Mai Sau', birth: utc(1980, 1, 1), male: true, join: '12/03/2999' },
  { name: 'Đỗ Văn Sai', birth: utc(1981, 2, 2), male: true, card: '123' },
  { name: 'Bùi Văn Lạ', birth: '31/02/1980', male: true, card: '01234571' },
  // Held back: no name; the same số lý lịch as the first row.
  { name: '', birth: utc(1980, 1, 1), male: true, card: '99999999' },
  { name: 'Nguyễn Văn An', birth: utc(1970, 3, 12), male: true, profile: '00112233' }
]

describe('import: a bad cell costs the cell, not the person', () => {
  let t: TestCore
  let parentId: number
  beforeEach(async () => ({ t, parentId } = await startCoreWithParent()))
  afterEach(() => t.close())

  it('imports every named person with the right cells kept or dropped, and lists each problem', async () => {
    const file = join(t.dir, 'danh-sach.xlsx')
    await writeMemberList(file, LIST)
    const opened = await t.call('import:open', { path: file })
    const preview: ImportPreview = await t.call('import:preview', {
      sessionId: opened.sessionId,
      parentUnitId: parentId,
      filter: 'problems',
      limit: 100
    })
    expect(preview.counts).toMatchObject({ total: 10, create: 8, skip: 2 })
    const byRow = (row: number) =>
      preview.problems
        .filter((p) => p.row === row)
        .map((p) => ({
          column: p.column,
          severity: p.severity,
          outcome: p.outcome,
          value: p.value,
          message: p.message
        }))
    // Rows start at 9 in writeMemberList's layout.
    expect(byRow(10)).toEqual([
      {
        column: 'F',
        severity: 'warning',
        outcome: 'kept',
        value: '10/01/2008',
        message: expect.stringContaining('chưa đủ 18 tuổi (17 tuổi)')
      }
    ])
    expect(byRow(11)).toEqual([
      expect.objectContaining({
        column: 'C',
        severity: 'warning',
        outcome: 'kept',
        message: expect.stringContaining('1915')
      })
    ])
    expect(byRow(12)).toEqual([
      expect.objectContaining({
        column: 'G',
        severity: 'warning',
        outcome: 'kept',
        message: expect.stringContaining('chưa đủ 12 tháng')
      })
    ])
    expect(byRow(13)).toEqual([
      {
        column: 'F',
        severity: 'error',
        outcome: 'dropped',
        value: '01/01/1975',
        message: 'Ngày vào Đảng trước ngày sinh.'
      }
    ])
    expect(byRow(14)).toEqual([
      expect.objectContaining({
        column: 'F',
        severity: 'error',
        outcome: 'dropped',
        value: '12/03/2999'
      })
    ])
    expect(byRow(15)).toEqual([
      {
        column: 'H',
        severity: 'error',
        outcome: 'dropped',
        value: '123',
        message: 'Số thẻ đảng viên gồm 8 chữ số.'
      }
    ])
    expect(byRow(16)).toEqual([
      expect.objectContaining({
        column: 'C',
        severity: 'error',
        outcome: 'dropped',
        value: '31/02/1980'
      })
    ])
    expect(byRow(17)).toEqual([
      expect.objectContaining({
        column: 'B',
        severity: 'error',
        outcome: 'row',
        message: 'Họ và tên không được để trống.'
      })
    ])
    expect(byRow(18)).toEqual([
      expect.objectContaining({
        column: null,
        severity: 'error',
        outcome: 'row',
        message: expect.stringContaining('Người này đã có ở dòng 9')
      })
    ])

    // The problem file says, beside each message, what became of the cell.
    const saved = join(t.dir, 'can-sua.xlsx')
    await t.call('import:exportProblems', { sessionId: opened.sessionId, path: saved })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(saved)
    const notes = wb.worksheets[0].getRow(13).values as unknown[]
    expect(String(notes[notes.length - 1])).toBe(
      'Lỗi (cột F): Ngày vào Đảng trước ngày sinh. → Đã bỏ trống ô này, người vẫn được nhập (ô ghi "01/01/1975").'
    )
    expect(String((wb.worksheets[0].getRow(10).values as unknown[]).at(-1))).toMatch(
      /→ Vẫn nhập như trong tệp\.$/
    )

    const done = await t.call('import:commit', {
      sessionId: opened.sessionId,
      parentUnitId: parentId
    })
    expect(done).toMatchObject({ created: 8, skipped: 2 })
    const rows: { id: number }[] = (
      await t.call('people:list', { unitId: null, includeSubunits: true, limit: 100 })
    ).rows
    const people: Person[] = await Promise.all(rows.map((r) => t.call('people:get', { id: r.id })))
    const get = (name: string) => people.find((p) => p.fullName === name)!
    expect(people).toHaveLength(8)
    expect(get('Võ Văn Trẻ')).toMatchObject({
      partyJoinDate: '2008-01-10',
      partyCardNumber: '01234568'
    })
    expect(get('Lê Văn Cụ')).toMatchObject({ birthDate: '1915', partyJoinDate: '1945' })
    expect(get('Trần Thị Nhanh')).toMatchObject({
      partyOfficialDate: '2010-05-01',
      memberType: 'official'
    })
    expect(get('Phạm Văn Ngược')).toMatchObject({
      birthDate: '1980-01-01',
      partyJoinDate: null,
      partyCardNumber: '01234570'
    })
    expect(get('Hồ Văn Mai Sau')).toMatchObject({ birthDate: '1980-01-01', partyJoinDate: null })
    expect(get('Đỗ Văn Sai')).toMatchObject({ birthDate: '1981-02-02', partyCardNumber: null })
    expect(get('Bùi Văn Lạ')).toMatchObject({ birthDate: null, partyCardNumber: '01234571' })
  })

  it('the CLI summary says what was kept and what was dropped', async () => {
    const file = join(t.dir, 'danh-sach.xlsx')
    await writeMemberList(file, LIST)
    const db = join(t.dir, 'chuyen-de.sqlite')
    let stdout = ''
    const out: Out = {
      json: false,
      write: (s) => (stdout += `${s}\n`),
      writeError: (s) => (stdout += `${s}\n`)
    }
    t.core.close()
    const code = await runCli(
      ['import', 'members', file, '--unit', 'Đảng bộ xã Tân Hòa', '--dry-run', '--db', db],
      out
    )
    expect(code).toBe(0)
    expect(stdout).toContain('Thêm mới: 8')
    expect(stdout).toContain(
      'Lỗi (Danh sách, dòng 15, cột H): Số thẻ đảng viên gồm 8 chữ số. → Đã bỏ trống ô này, người vẫn được nhập (ô ghi "123").'
    )
    expect(stdout).toContain(
      'Cảnh báo (Danh sách, dòng 10, cột F): Vào Đảng khi chưa đủ 18 tuổi (17 tuổi); hãy kiểm tra lại. → Vẫn nhập như trong tệp.'
    )
    expect(stdout).toMatch(
      /dòng 17, cột B\): Họ và tên không được để trống\. → Không nhập dòng này\./
    )
  })
})
