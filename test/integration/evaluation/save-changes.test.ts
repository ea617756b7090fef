// A save answers with what changed on the sheet, not the whole sheet again (issue 12, part 5: a
// rating typed in a committee's table of 300 must show saved at once): the saved members' rows,
// the groups of their units, the totals and the quota. Each answer is checked against the
// sheet built afresh, so the short way can never drift from the long one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EvaluationEntry, EvaluationSaveResult } from '../../../src/shared/api'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'
import { seedOrg, type Org } from '../../helpers/evaluation'

let t: TestCore
let o: Org
beforeEach(async () => {
  t = openTestCore()
  o = await seedOrg(t)
})
afterEach(() => t.dispose())

/** Saves on a sheet and checks the answer against that sheet read again. */
async function saveAndCompare(
  unitId: number,
  entries: EvaluationEntry[],
  year = 2024
): Promise<EvaluationSaveResult> {
  const r = await t.call('evaluation:save', { year, unitId, entries })
  const sheet = await t.call('evaluation:sheet', { year, unitId })
  const saved = new Set(entries.map((e) => e.personId))
  expect(r.rows).toEqual(sheet.rows.filter((row) => saved.has(row.personId)))
  expect(r.totals).toEqual(sheet.totals)
  expect(r.quota).toEqual(sheet.quota)
  for (const g of r.groups) expect(g).toEqual(sheet.groups.find((x) => x.unitId === g.unitId))
  return r
}

describe('evaluation:save answers with what changed', () => {
  it("gives back the saved row and its chi bộ's group only, on a committee's sheet", async () => {
    const id = o.ids
    // Rules of 2024 are seeded (quota 20% of HTTNV or better, per tổ chức cơ sở đảng).
    const one = await saveAndCompare(o.committee, [
      { personId: id['Nguyễn Văn An'], self: 'HTXSNV', proposed: 'HTXSNV' }
    ])
    expect(one.rows.map((r) => r.fullName)).toEqual(['Nguyễn Văn An'])
    expect(one.groups.map((g) => g.unitName)).toEqual(['Chi bộ ấp 1'])
    expect(one.totals.proposed.levels.HTXSNV).toBe(1)
    expect(one.quota.length).toBeGreaterThan(0)

    // Several members of two chi bộ in one save (the bulk bar): both groups, in tree order.
    const two = await saveAndCompare(o.committee, [
      { personId: id['Đỗ Thị Lan'], self: 'HTTNV', proposed: 'HTTNV', decided: 'HTTNV' },
      { personId: id['Trần Thị Bình'], self: 'HTTNV', decided: 'HTXSNV' },
      { personId: id['Phạm Thị Dung'], decided: 'not_rated', reason: 'exempt' }
    ])
    expect(two.rows.map((r) => r.fullName)).toEqual([
      'Trần Thị Bình',
      'Phạm Thị Dung',
      'Đỗ Thị Lan'
    ])
    expect(two.groups.map((g) => g.unitName)).toEqual(['Chi bộ ấp 1', 'Chi bộ ấp 2'])
    expect(two.totals.decided).toMatchObject({ total: 10, notRated: 1, blank: 7 })

    // A chi bộ's own sheet: its totals, not the committee's.
    const cell = await saveAndCompare(o.cellB, [{ personId: id['Ngô Văn Minh'], self: 'HTNV' }])
    expect(cell.totals.self.total).toBe(4)
  })

  it('keeps the warnings and the 100-point score of the saved row as the sheet shows them', async () => {
    const r = await saveAndCompare(
      o.committee,
      [{ personId: o.ids['Nguyễn Văn An'], score: 40, self: 'HTXSNV' }],
      2025
    )
    expect(r.rows[0].warnings).toEqual(['40 điểm ứng với KHTNV, khác mức tự xếp loại (HTXSNV).'])
    expect(r.rows[0].score).toBe(40)
  })

  it('follows a member rated in one chi bộ who moved to another: the group of the chi bộ they were rated in', async () => {
    const an = o.ids['Nguyễn Văn An']
    await saveAndCompare(o.committee, [{ personId: an, self: 'HTTNV' }])
    const {
      id: _id,
      status: _s,
      statusSince: _ss,
      unitName: _u,
      ...fields
    } = await t.call('people:get', { id: an })
    await t.call('people:update', { id: an, fields: { ...fields, unitId: o.cellB } })
    const r = await saveAndCompare(o.committee, [{ personId: an, proposed: 'HTTNV' }])
    expect(r.rows.map((x) => x.unitName)).toEqual(['Chi bộ ấp 1'])
    expect(r.groups.map((g) => g.unitName)).toEqual(['Chi bộ ấp 1'])
  })

  it('leaves out a member who is no longer on the sheet, and a group left empty', async () => {
    // A third chi bộ whose one member was rated, then transferred away: the rating keeps them
    // on the sheet until it is cleared.
    const cellC = (
      await t.call('units:create', { parentId: o.committee, name: 'Chi bộ ấp 3', level: 'Chi bộ' })
    ).id
    const x = (
      await t.call(
        'people:create',
        personInput(cellC, { fullName: 'Lý Văn Tư', birthDate: '1975' })
      )
    ).id
    await saveAndCompare(o.committee, [{ personId: x, self: 'HTTNV' }])
    await t.call('people:setStatus', { id: x, status: 'transferred', since: '2024-10-01' })
    const before = await t.call('evaluation:sheet', { year: 2024, unitId: o.committee })
    expect(before.groups.map((g) => g.unitName)).toContain('Chi bộ ấp 3')

    const r = await saveAndCompare(o.committee, [{ personId: x, self: null }])
    expect(r.rows).toEqual([])
    expect(r.groups).toEqual([])
    const after = await t.call('evaluation:sheet', { year: 2024, unitId: o.committee })
    expect(after.groups.map((g) => g.unitName)).not.toContain('Chi bộ ấp 3')
    expect(r.totals.self.total).toBe(before.totals.self.total - 1)
  })

  it('refuses a sheet of a unit that does not exist before writing anything', async () => {
    const an = o.ids['Nguyễn Văn An']
    const refused = await t.refuse('evaluation:save', {
      year: 2024,
      unitId: 999_999,
      entries: [{ personId: an, self: 'HTXSNV' }]
    })
    expect(refused.code).toBe('NOT_FOUND')
    const sheet = await t.call('evaluation:sheet', { year: 2024, unitId: o.cellA })
    expect(sheet.rows.find((r) => r.personId === an)!.self).toBeNull()
  })
})
