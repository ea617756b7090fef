// Who signs a unit's documents: every export of one unit carries the same signer, the default of
// its level until the office sets one in the unit's dialog, then what was set (line, title and
// name) in every export alike. Read back from the written .xlsx files.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'
import { cellText } from '../../helpers/workbook'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.dispose())

async function seed() {
  const committee = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng ủy xã Tân Lập',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  const cell = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
  ).id
  const an = (await t.call('people:create', personInput(cell, { partyCardNumber: '01000001' }))).id
  await t.call('people:create', personInput(cell, { fullName: 'Trần Thị Bình' }))
  await t.call('commitments:bulk', { unitId: cell, year: 2024, madeOn: '2024-02-15' })
  return { committee, cell, an }
}

/** Every non-empty cell text of the first sheet, top to bottom. */
async function texts(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const out: string[] = []
  wb.worksheets[0].eachRow((row) =>
    row.eachCell((c) => {
      const s = cellText(c.value)
      if (s) out.push(s)
    })
  )
  return out
}

/** Three exports of the chi bộ: a person's commitment, its missing list, its evaluation sheet. */
async function exportsOf(o: { cell: number; an: number }, tag: string) {
  const paths = {
    commitment: join(t.dir, `cam-ket-${tag}.xlsx`),
    missing: join(t.dir, `chua-hoc-${tag}.xlsx`),
    evaluation: join(t.dir, `xep-loai-${tag}.xlsx`)
  }
  await t.callWithFile('commitments:export', { personId: o.an, year: 2024, path: paths.commitment })
  await t.callWithFile('study:exportMissing', { year: 2024, unitId: o.cell, path: paths.missing })
  await t.callWithFile('evaluation:export', { year: 2024, unitId: o.cell, path: paths.evaluation })
  return {
    commitment: await texts(paths.commitment),
    missing: await texts(paths.missing),
    evaluation: await texts(paths.evaluation)
  }
}

describe('signer of a unit', () => {
  it('is the same in every export: the level default, then what the office set', async () => {
    const o = await seed()
    const before = await exportsOf(o, 'truoc')
    for (const [kind, cells] of Object.entries(before)) {
      expect(cells, kind).toContain('T/M CHI BỘ')
      expect(cells, kind).toContain('BÍ THƯ')
    }

    const unit = await t.call('units:update', {
      id: o.cell,
      signer: { line: 'T/M Chi ủy', title: ' Phó bí thư ', name: 'Lê Thị  Hoa' }
    })
    // Stored as printed: capitals for the line and title, spaces tidied.
    expect(unit.signer).toEqual({ line: 'T/M CHI ỦY', title: 'PHÓ BÍ THƯ', name: 'Lê Thị Hoa' })

    const after = await exportsOf(o, 'sau')
    for (const [kind, cells] of Object.entries(after)) {
      expect(cells, kind).toContain('T/M CHI ỦY')
      expect(cells, kind).toContain('PHÓ BÍ THƯ')
      expect(cells, kind).toContain('Lê Thị Hoa')
      expect(cells, kind).not.toContain('T/M CHI BỘ')
    }
    // The commitment's confirmation names the body the line signs for.
    expect(after.commitment).toContain('XÁC NHẬN CỦA CHI ỦY')
    // The committee above keeps its own default.
    const list = await t.call('units:list', { includeRetired: false })
    expect(list.find((u) => u.id === o.committee)?.signer).toEqual({
      line: null,
      title: null,
      name: null
    })
    // The change is in the unit's history.
    const history = await t.call('units:history', { id: o.cell })
    expect(history.at(-1)?.text).toContain('T/M CHI ỦY')
  })

  it('goes back to the default when cleared, and refuses a line too long to print', async () => {
    const o = await seed()
    await t.call('units:update', {
      id: o.cell,
      signer: { line: 'T/M CHI ỦY', title: null, name: null }
    })
    await t.call('units:update', { id: o.cell, signer: { line: '  ', title: null, name: null } })
    const back = await exportsOf(o, 'mac-dinh')
    expect(back.missing).toContain('T/M CHI BỘ')

    const e = await t.refuse('units:update', {
      id: o.cell,
      signer: { line: 'T/M ' + 'CHI BỘ '.repeat(20), title: null, name: null }
    })
    expect(e.code).toBe('VALIDATION')
    expect(e.fields?.signerLine).toMatch(/quá mức tối đa 80 ký tự/)
    const list = await t.call('units:list', { includeRetired: false })
    expect(list.find((u) => u.id === o.cell)?.signer.line).toBeNull()
  })
})
