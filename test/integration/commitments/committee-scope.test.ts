// A committee's commitments: its view lists the people of its whole subtree, bulk creation runs
// over every chi bộ with each one's own template and overwrites nothing, and the unit's printed
// commitments cover the subtree.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'
import type { CommitmentItem } from '../../../src/shared/api'

let t: TestCore
let committee: number
let cellA: number
let cellB: number
const ids: Record<string, number> = {}
const item = (content: string): CommitmentItem => ({
  heading: 'topic',
  content,
  tasks: null,
  measures: null,
  deadline: null,
  expected: null
})

beforeEach(async () => {
  t = openTestCore()
  committee = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng ủy xã Tân Lập',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  cellA = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
  ).id
  cellB = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 2', level: 'Chi bộ' })
  ).id
  for (const [unitId, fullName] of [
    [cellA, 'Nguyễn Văn An'],
    [cellA, 'Trần Thị Bình'],
    [cellB, 'Võ Văn Em'],
    [cellB, 'Lê Thị Giang']
  ] as const) {
    ids[fullName] = (await t.call('people:create', personInput(unitId, { fullName }))).id
  }
})
afterEach(() => t.dispose())

it("shows a committee's whole subtree: must commit, made, and the list with each person's chi bộ", async () => {
  await t.call('commitments:saveTemplate', { unitId: cellA, year: 2024, items: [item('Mẫu ấp 1')] })
  await t.call('commitments:bulk', { unitId: cellA, year: 2024, madeOn: '2024-03-01' })
  const r = await t.call('commitments:roster', { unitId: committee, year: 2024 })
  expect(r.counts).toMatchObject({ required: 4, made: 2, missing: 2 })
  expect(r.rows.map((x) => [x.unitName, x.fullName, x.state])).toEqual([
    ['Chi bộ ấp 1', 'Nguyễn Văn An', 'made'],
    ['Chi bộ ấp 1', 'Trần Thị Bình', 'made'],
    ['Chi bộ ấp 2', 'Võ Văn Em', 'missing'],
    ['Chi bộ ấp 2', 'Lê Thị Giang', 'missing']
  ])
})

it("makes commitments over a whole committee, each from its own chi bộ's template, overwriting nothing", async () => {
  await t.call('commitments:saveTemplate', { unitId: cellA, year: 2024, items: [item('Mẫu ấp 1')] })
  await t.call('commitments:saveTemplate', { unitId: cellB, year: 2024, items: [item('Mẫu ấp 2')] })
  await t.call('commitments:save', {
    personId: ids['Võ Văn Em'],
    year: 2024,
    madeOn: '2024-02-01',
    items: [item('Của riêng Em')]
  })
  const result = await t.call('commitments:bulk', {
    unitId: committee,
    year: 2024,
    madeOn: '2024-03-01'
  })
  expect(result).toMatchObject({ created: 3, skippedExisting: 1 })
  const content = async (name: string) =>
    (await t.call('commitments:person', { personId: ids[name], year: 2024 })).commitment!.items.map(
      (i) => i.content
    )
  expect(await content('Nguyễn Văn An')).toEqual(['Mẫu ấp 1'])
  expect(await content('Lê Thị Giang')).toEqual(['Mẫu ấp 2'])
  expect(await content('Võ Văn Em')).toEqual(['Của riêng Em'])
  // The commitment belongs to the person's chi bộ, not to the committee that ran the bulk.
  expect((await t.call('commitments:roster', { unitId: cellB, year: 2024 })).counts).toMatchObject({
    required: 2,
    made: 2
  })
})

it("prints the committee's commitments, everyone of the subtree who made one", async () => {
  await t.call('commitments:bulk', { unitId: committee, year: 2024, madeOn: '2024-03-01' })
  const path = join(mkdtempSync(join(tmpdir(), 'cam-ket-')), 'dang-uy.xlsx')
  const out = await t.callWithFile('commitments:exportUnit', {
    unitId: committee,
    year: 2024,
    path
  })
  expect(out).toMatchObject({ path, people: 4, withoutCommitment: 0 })
})
