// The one roll-up up the tree (core/units/rollup.ts): subtotals of each subtree, the grand total,
// retired units, groups counted apart, and shares computed from the sums, never averaged.
import { describe, expect, it } from 'vitest'
import {
  mapRollup,
  rollUp,
  WHOLE_ORGANISATION,
  type UnitCounts
} from '../../../src/core/units/rollup'
import type { TreeUnitRow } from '../../../src/core/units/subtree'

const unit = (
  id: number,
  name: string,
  path: string,
  retiredOn: string | null = null
): TreeUnitRow => {
  const ids = path.split('/').filter(Boolean)
  const parent = ids.length > 1 ? Number(ids[ids.length - 2]) : null
  return {
    id,
    parent_id: parent,
    name,
    level: ids.length === 1 ? 'Đảng bộ' : ids.length === 2 ? 'Đảng ủy' : 'Chi bộ',
    path,
    retired_on: retiredOn
  }
}

// Two roots, three levels under the first; in tree order, as treeUnitsInRange gives them.
const TREE: TreeUnitRow[] = [
  unit(1, 'Đảng bộ huyện', '/1/'),
  unit(2, 'Đảng ủy xã A', '/1/2/'),
  unit(4, 'Chi bộ 1', '/1/2/4/'),
  unit(5, 'Chi bộ 2 (đã giải thể, không còn ai)', '/1/2/5/', '2024-01-01'),
  unit(6, 'Chi bộ 3 (đã giải thể, còn người)', '/1/2/6/', '2024-01-01'),
  unit(3, 'Đảng ủy xã B', '/1/3/'),
  unit(7, 'Chi bộ 4', '/1/3/7/'),
  unit(8, 'Đảng bộ khối', '/8/'),
  unit(9, 'Chi bộ 5', '/8/9/'),
  unit(10, 'Chi bộ 6 (chưa có ai)', '/8/10/')
]

type Kind = 'member' | 'non_member'
const COUNTS: UnitCounts<'required' | 'studied', Kind>[] = [
  // A committee's own people count in it, and in its parent.
  { unitId: 2, group: 'member', counts: { required: 2, studied: 2 } },
  { unitId: 4, group: 'member', counts: { required: 9, studied: 9 } },
  // A second row of the same unit adds up; a measure left out counts 0.
  { unitId: 4, group: 'non_member', counts: { required: 1 } },
  { unitId: 6, group: 'member', counts: { required: 1, studied: 0 } },
  { unitId: 7, group: 'member', counts: { required: 90, studied: 9 } },
  { unitId: 9, group: 'member', counts: { required: 20, studied: 10 } }
]

const roll = (units: TreeUnitRow[], counts: UnitCounts<'required' | 'studied', Kind>[]) =>
  rollUp({
    units,
    measures: ['required', 'studied'],
    groups: ['member', 'non_member'],
    counts,
    percents: { percent: ['studied', 'required'] }
  })

describe('rollUp', () => {
  it('gives each unit the sums of its subtree, in tree order, with depths from the top', () => {
    const { rows } = roll(TREE, COUNTS)
    expect(
      rows.map((r) => [r.unit.unitId, r.unit.depth, r.counts.required, r.counts.studied])
    ).toEqual([
      [1, 0, 103, 20],
      [2, 1, 13, 11],
      [4, 2, 10, 9],
      [6, 2, 1, 0],
      [3, 1, 90, 9],
      [7, 2, 90, 9],
      [8, 0, 20, 10],
      [9, 1, 20, 10],
      [10, 1, 0, 0]
    ])
    expect(rows[1].unit).toEqual({
      unitId: 2,
      parentId: 1,
      name: 'Đảng ủy xã A',
      level: 'Đảng ủy',
      depth: 1
    })
  })

  it('leaves out a retired unit with nothing counted, and keeps one where people are still counted', () => {
    const names = roll(TREE, COUNTS).rows.map((r) => r.unit.name)
    expect(names).not.toContain('Chi bộ 2 (đã giải thể, không còn ai)')
    expect(names).toContain('Chi bộ 3 (đã giải thể, còn người)')
    // A unit in use with nobody counted stays, with no share rather than 0%.
    const empty = roll(TREE, COUNTS).rows.find((r) => r.unit.unitId === 10)!
    expect(empty.percents.percent).toBeNull()
  })

  it('computes every share from the sums, never by averaging the shares below', () => {
    const { rows, total } = roll(TREE, COUNTS)
    const byId = new Map(rows.map((r) => [r.unit.unitId, r]))
    expect(byId.get(4)!.percents.percent).toBe(90)
    expect(byId.get(2)!.percents.percent).toBe(84.6) // 11 of 13
    expect(byId.get(3)!.percents.percent).toBe(10)
    // 20 of 103, where the average of its two committees' shares would be 47.3.
    expect(byId.get(1)!.percents.percent).toBe(19.4)
    // 30 of 123, where the average of the two roots' shares would be 34.7.
    expect(total!.percents.percent).toBe(24.4)
  })

  it('sums several top units into a "Toàn bộ tổ chức" total', () => {
    const { total } = roll(TREE, COUNTS)
    expect(total!.unit).toEqual({
      unitId: 0,
      parentId: null,
      name: WHOLE_ORGANISATION,
      level: '',
      depth: -1
    })
    expect(WHOLE_ORGANISATION).toBe('Toàn bộ tổ chức')
    expect(total!.counts).toEqual({ required: 123, studied: 30 })
  })

  it('counts each group apart as well as together, at every level and in the total', () => {
    const { rows, total } = roll(TREE, COUNTS)
    const committee = rows.find((r) => r.unit.unitId === 2)!
    expect(committee.groups.member).toEqual({
      counts: { required: 12, studied: 11 },
      percents: { percent: 91.7 }
    })
    expect(committee.groups.non_member).toEqual({
      counts: { required: 1, studied: 0 },
      percents: { percent: 0 }
    })
    expect(total!.groups.member.counts).toEqual({ required: 122, studied: 30 })
    expect(total!.groups.non_member.counts).toEqual({ required: 1, studied: 0 })
  })

  it("within a unit's subtree, starts the depths at that unit and takes its row as the total", () => {
    const scope = TREE.filter((u) => u.path.startsWith('/1/2/'))
    const r = roll(
      scope,
      COUNTS.filter((c) => [2, 4, 5, 6].includes(c.unitId))
    )
    expect(r.rows.map((x) => [x.unit.unitId, x.unit.depth])).toEqual([
      [2, 0],
      [4, 1],
      [6, 1]
    ])
    expect(r.total).toBe(r.rows[0])
    expect(r.total!.counts).toEqual({ required: 13, studied: 11 })
  })

  it('has no rows and no total for an empty scope, or one of retired units with nothing counted', () => {
    expect(roll([], [])).toEqual({ rows: [], total: null })
    expect(roll([TREE[3]], [])).toEqual({ rows: [], total: null })
  })

  it('refuses counts of a unit outside the scope, or of an unknown group, rather than dropping them', () => {
    expect(() => roll(TREE.slice(0, 3), [{ unitId: 7, counts: { required: 1 } }])).toThrow(/unit 7/)
    expect(() =>
      roll(TREE, [{ unitId: 7, group: 'guest' as Kind, counts: { required: 1 } }])
    ).toThrow(/group guest/)
  })

  it('rolls up many groups and measures at once, each group apart, in a scope given out of tree order', () => {
    // As the propaganda counts do: eleven kinds × several measures in one call. Each count row
    // is distinct (unit × group × measure), so a sum taken from the wrong column or unit shows.
    const kinds = Array.from({ length: 11 }, (_, k) => `k${k}`)
    const measures = ['a', 'b', 'c'] as const
    const counts: UnitCounts<'a' | 'b' | 'c', string>[] = []
    for (const u of TREE)
      kinds.forEach((g, k) => {
        if ((u.id + k) % 3)
          counts.push({ unitId: u.id, group: g, counts: { a: u.id, b: k, c: u.id * 100 + k } })
      })
    const expected = (path: string, g?: string) => {
      const sum = { a: 0, b: 0, c: 0 }
      for (const c of counts) {
        const u = TREE.find((x) => x.id === c.unitId)!
        if (!u.path.startsWith(path) || (g && c.group !== g)) continue
        for (const m of measures) sum[m] += c.counts[m] ?? 0
      }
      return sum
    }
    const { rows, total } = rollUp({
      units: [...TREE].reverse(),
      measures,
      groups: kinds,
      counts
    })
    expect(rows).toHaveLength(TREE.length)
    for (const r of rows) {
      const path = TREE.find((u) => u.id === r.unit.unitId)!.path
      expect(r.counts).toEqual(expected(path))
      for (const g of kinds) expect(r.groups[g].counts).toEqual(expected(path, g))
    }
    expect(total!.counts).toEqual(expected('/'))
    for (const g of kinds) expect(total!.groups[g].counts).toEqual(expected('/', g))
  })

  it('works without groups or shares', () => {
    const r = rollUp({
      units: TREE.slice(0, 3),
      measures: ['n'],
      counts: [{ unitId: 4, counts: { n: 3 } }]
    })
    expect(r.rows.map((x) => [x.counts.n, x.percents, x.groups])).toEqual([
      [3, {}, {}],
      [3, {}, {}],
      [3, {}, {}]
    ])
  })
})

describe('mapRollup', () => {
  it('projects rows and total, keeping the total the same row when it is the one top unit', () => {
    const scoped = mapRollup(
      roll(TREE.slice(0, 3), [{ unitId: 4, counts: { required: 4, studied: 1 } }]),
      (r) => ({ name: r.unit.name, p: r.percents.percent })
    )
    expect(scoped.rows).toEqual([
      { name: 'Đảng bộ huyện', p: 25 },
      { name: 'Đảng ủy xã A', p: 25 },
      { name: 'Chi bộ 1', p: 25 }
    ])
    expect(scoped.total).toBe(scoped.rows[0])
    const whole = mapRollup(roll(TREE, COUNTS), (r) => r.unit.name)
    expect(whole.total).toBe(WHOLE_ORGANISATION)
    expect(mapRollup(roll([], []), (r) => r)).toEqual({ rows: [], total: null })
  })
})
