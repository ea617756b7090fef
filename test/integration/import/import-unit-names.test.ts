// Issue #10, point 4: units named by a file keep their acronyms and whole names, the user can rename
// a unit before it is created, a close name under the same parent is proposed instead of a
// near-duplicate, and person names typed in lower case get their capitals.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../../src/shared/api'
import ExcelJS from 'exceljs'
import { startCoreWithParent, type TestCore } from '../../helpers/import-fixtures'

/** A list under an all-capital title row, as offices type them. */
async function titledList(path: string, title: string, names: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('DS')
  ws.addRow(['ĐẢNG BỘ XÃ TÂN HÒA', null, 'ĐẢNG CỘNG SẢN VIỆT NAM'])
  ws.addRow([title])
  ws.addRow([])
  ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Giới tính'])
  names.forEach((n, i) => ws.addRow([i + 1, n, 1980 + i, 'Nam']))
  await wb.xlsx.writeFile(path)
}

describe('import: names of units and people', () => {
  let t: TestCore
  let parentId: number
  beforeEach(async () => ({ t, parentId } = await startCoreWithParent()))
  afterEach(() => t.close())

  it('keeps acronyms from an all-capital title, and lets the user rename the unit before it is created', async () => {
    const file = join(t.dir, 'thcs.xlsx')
    await titledList(file, 'DANH SÁCH ĐẢNG VIÊN CHI BỘ TRƯỜNG THCS THANH PHƯỚC NĂM 2024', [
      '  Lê   văn  chín '
    ])
    const { sessionId } = await t.call('import:open', { path: file })
    const p: ImportPreview = await t.call('import:preview', { sessionId, parentUnitId: parentId })
    expect(p.units).toEqual([
      expect.objectContaining({
        action: 'create',
        createName: 'Chi bộ trường THCS Thanh Phước',
        parentId
      })
    ])
    const name = p.units[0].name!
    const renamed: ImportPreview = await t.call('import:preview', {
      sessionId,
      parentUnitId: parentId,
      unitChoices: [{ name, unitId: null, createName: 'Chi bộ Trường THCS Thanh Phước' }]
    })
    expect(renamed.units[0]).toMatchObject({
      action: 'create',
      createName: 'Chi bộ Trường THCS Thanh Phước'
    })
    await t.call('import:commit', {
      sessionId,
      parentUnitId: parentId,
      unitChoices: [{ name, unitId: null, createName: 'Chi bộ Trường THCS Thanh Phước' }]
    })
    const units = await t.call('units:list', { includeRetired: false })
    expect(units.map((u: { name: string }) => u.name)).toContain('Chi bộ Trường THCS Thanh Phước')
    const people = await t.call('people:list', { unitId: null, includeSubunits: true })
    expect(people.rows.map((r: { fullName: string }) => r.fullName)).toEqual(['Lê Văn Chín'])
  })

  it('keeps the whole name past " - ", and proposes the unit a later file spells otherwise', async () => {
    const file = join(t.dir, 'co-quan.xlsx')
    await titledList(file, 'DANH SÁCH ĐẢNG VIÊN CHI BỘ CƠ QUAN ĐẢNG - ĐOÀN THỂ XÃ', [
      'Trần Văn Một'
    ])
    const first = await t.call('import:open', { path: file })
    const p: ImportPreview = await t.call('import:preview', {
      sessionId: first.sessionId,
      parentUnitId: parentId
    })
    expect(p.units[0]).toMatchObject({
      action: 'create',
      createName: 'Chi bộ cơ quan Đảng - đoàn thể xã'
    })
    await t.call('import:commit', { sessionId: first.sessionId, parentUnitId: parentId })

    // A CSV naming the chi bộ in a column, spelled a little otherwise ("Cơ quan Đảng, Đoàn thể").
    const csv = join(t.dir, 'ds.csv')
    writeFileSync(
      csv,
      'Họ và tên,Ngày sinh,Chi bộ\nPhạm Văn Hai,01/01/1981,Chi bộ Cơ quan Đảng - Đoàn thể\nLê Văn Ba,01/01/1982,Chi bộ Công an xã\n'
    )
    const second = await t.call('import:open', { path: csv })
    const q: ImportPreview = await t.call('import:preview', {
      sessionId: second.sessionId,
      parentUnitId: parentId
    })
    const existing = (await t.call('units:list', { includeRetired: false })).find(
      (u: { name: string }) => u.name === 'Chi bộ cơ quan Đảng - đoàn thể xã'
    )
    expect(q.units).toEqual([
      expect.objectContaining({
        name: 'Chi bộ Cơ quan Đảng - Đoàn thể',
        action: 'existing',
        unitId: existing.id,
        similar: { unitId: existing.id, name: existing.name },
        message: expect.stringContaining('gần giống')
      }),
      expect.objectContaining({
        name: 'Chi bộ Công an xã',
        action: 'create',
        createName: 'Chi bộ Công an xã',
        similar: null
      })
    ])
    // The user says it is another unit: it is created after all.
    const r: ImportPreview = await t.call('import:preview', {
      sessionId: second.sessionId,
      parentUnitId: parentId,
      unitChoices: [{ name: 'Chi bộ Cơ quan Đảng - Đoàn thể', unitId: null }]
    })
    expect(r.units[0]).toMatchObject({
      action: 'create',
      createName: 'Chi bộ Cơ quan Đảng - Đoàn thể',
      similar: { unitId: existing.id }
    })
  })
})
