// Whose annex is awaited: a commune office's file with a chi bộ whose members are imported, a
// chi bộ with nobody imported yet (its level typed as a number, its name says chi bộ), another
// chi bộ with nobody, a partial committee whose chi bộ are listed here but nobody imported, and
// an enterprise committee with nothing of it in this file (it keeps its own file). Only the last
// is awaited and late; the tracker, the list of those late and Tổng quan's card say the same.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { cellText } from '../../helpers/workbook'

let t: TestCore
const ids: Record<string, number> = {}
const dir = tempDir()
const YEAR = { kind: 'year' as const, year: 2026 }
const AFTER_DUE = '2026-12-10'

beforeAll(async () => {
  t = openTestCore({ dir })
  const unit = async (parentId: number | null, name: string, level: string) =>
    (await t.call('units:create', { parentId, name, level })).id
  ids.top = await unit(null, 'Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở')
  ids.cell1 = await unit(ids.top, 'Chi bộ ấp 1', 'Chi bộ')
  ids.cell2 = await unit(ids.top, 'Chi bộ ấp 2', 'Chi bộ')
  ids.school = await unit(ids.top, 'Chi bộ Trường Tiểu học', 'Cấp 3')
  ids.partial = await unit(ids.top, 'Đảng bộ bộ phận Khu 2', 'Đảng bộ bộ phận')
  ids.partialCell = await unit(ids.partial, 'Chi bộ khu 2A', 'Chi bộ')
  ids.firm = await unit(ids.top, 'Đảng ủy Công ty Cao su', 'Đảng ủy cơ sở')
  await t.call('people:create', personInput(ids.cell1, { fullName: 'Nguyễn Văn An' }))
})
afterAll(() => t?.dispose())

describe('whose annex is awaited', () => {
  it('the tracker awaits only the committee with nothing of it here; empty chi bộ are kept here', async () => {
    const tracker = await t.call('reports:tracker', {
      unitId: ids.top,
      period: YEAR,
      today: AFTER_DUE
    })
    expect(tracker.rows.map((r) => [r.name, r.ownData, r.nobody, r.late])).toEqual([
      ['Chi bộ ấp 1', true, false, false],
      ['Chi bộ ấp 2', true, true, false],
      ['Chi bộ Trường Tiểu học', true, true, false],
      ['Đảng bộ bộ phận Khu 2', true, true, false],
      ['Đảng ủy Công ty Cao su', false, false, true]
    ])
  })

  it('the list of those late names the same one', async () => {
    const file = join(dir, 'cham-gui.xlsx')
    const r = await t.callWithFile('reports:exportLate', {
      unitId: ids.top,
      period: YEAR,
      today: AFTER_DUE,
      path: file
    })
    expect(r?.path).toBe(file)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const names: string[] = []
    wb.worksheets[0].eachRow((row) => {
      const v = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText)
      // Rows numbered by STT (not the row of column numbers under the header).
      if (/^\d+$/.test(v[0]) && v[1] !== '2') names.push(`${v[1]}: ${v[4]}`)
    })
    expect(names).toEqual(['Đảng ủy Công ty Cao su: Chưa gửi'])
  })

  it("Tổng quan's card says the same: one not sent, the empty ones apart", async () => {
    const due = (await t.call('reports:due', { unitId: ids.top, today: AFTER_DUE }))!
    expect([due.period.kind, due.period.year]).toEqual(['year', 2026])
    expect(due.notSent).toEqual([{ unitId: ids.firm, name: 'Đảng ủy Công ty Cao su' }])
    expect(due.nobody.map((u) => u.name)).toEqual([
      'Chi bộ ấp 2',
      'Chi bộ Trường Tiểu học',
      'Đảng bộ bộ phận Khu 2'
    ])
  })

  it('a chi bộ whose members are imported later is no longer empty', async () => {
    await t.call('people:create', personInput(ids.partialCell, { fullName: 'Trần Thị Bình' }))
    const due = (await t.call('reports:due', { unitId: ids.top, today: AFTER_DUE }))!
    expect(due.nobody.map((u) => u.name)).toEqual(['Chi bộ ấp 2', 'Chi bộ Trường Tiểu học'])
  })
})
