// Counts rolled up the organisation tree: every section that reports "per unit, with the
// subtree's subtotal and a grand total" (study coverage, commitments, and the sections and
// reports to come) gives its own counts per unit here and gets the rows of the tree back.
//
// A unit's row holds its whole subtree: each unit's own counts are added to it and to every
// ancestor inside the scope, found from the materialised path ('/1/5/23/'). Shares are computed
// from those sums (shared/numbers.ts `percent`), never averaged from the shares of the units
// below. The walk is in memory over the few hundred units of a scope; the counting itself stays
// in the section's one grouped SQL query.
import { percent } from '../../shared/numbers'
import type { TreeUnitRow } from './subtree'

/** The name of the grand total when a scope has several top units (the whole organisation). */
export const WHOLE_ORGANISATION = 'Toàn bộ tổ chức'

/**
 * One unit's own counts (its people, not its subtree's), e.g. one row of a `GROUP BY unit_id`
 * query. A unit may come several times (one row per kind of person, say): the counts add up.
 * A measure left out counts 0. `group` also counts the row apart (e.g. members, non-members).
 */
export interface UnitCounts<M extends string, G extends string = never> {
  unitId: number
  group?: G
  counts: Partial<Record<M, number>>
}

/** Where a row stands in the tree; the fields every per-unit table starts with. */
export interface UnitPlace {
  /** 0 for the grand total over several top units. */
  unitId: number
  parentId: number | null
  name: string
  level: string
  /** 0 for the scope's top unit(s), 1 below them and so on; -1 for the grand total. */
  depth: number
}

/** Sums and the shares computed from them. */
export interface Tally<M extends string, P extends string> {
  counts: Record<M, number>
  /** null where the whole is 0. */
  percents: Record<P, number | null>
}

/** A unit's whole subtree: everything counted, and each group apart. */
export interface RollupRow<M extends string, P extends string, G extends string> extends Tally<
  M,
  P
> {
  unit: UnitPlace
  groups: Record<G, Tally<M, P>>
}

export interface Rollup<M extends string, P extends string, G extends string> {
  /** The units in tree order. A retired unit is left out unless something is still counted in its subtree. */
  rows: RollupRow<M, P, G>[]
  /**
   * The scope as a whole: its one top unit's row, or a "Toàn bộ tổ chức" row summing several
   * top units (the whole tree with more than one root); null when there are no rows.
   */
  total: RollupRow<M, P, G> | null
}

export interface RollupInput<M extends string, P extends string, G extends string> {
  /** The units of the scope in tree order, as `treeUnitsInRange` gives them. */
  units: readonly TreeUnitRow[]
  /** The names of the measures; every row gets each of them. */
  measures: readonly M[]
  /** Each unit's own counts; every unit must be one of `units`, every group one of `groups`. */
  counts: Iterable<UnitCounts<M, G>>
  /** The shares to compute, each as [part, whole], e.g. `{ percent: ['studied', 'required'] }`. */
  percents?: Record<P, readonly [part: M, whole: M]>
  /** Groups counted apart as well as together, e.g. the kinds of person. */
  groups?: readonly G[]
}

const depthOf = (path: string) => path.split('/').length - 2

export function rollUp<M extends string, P extends string = never, G extends string = never>(
  input: RollupInput<M, P, G>
): Rollup<M, P, G> {
  const { units, measures } = input
  const groups = input.groups ?? []
  type Sums = { all: Record<M, number>; groups: Record<G, Record<M, number>> }
  const zero = () => Object.fromEntries(measures.map((m) => [m, 0])) as Record<M, number>
  const zeros = (): Sums => ({
    all: zero(),
    groups: Object.fromEntries(groups.map((g) => [g, zero()])) as Record<G, Record<M, number>>
  })
  const add = (to: Record<M, number>, from: Partial<Record<M, number>>) => {
    for (const m of measures) to[m] += from[m] ?? 0
  }

  const sums = new Map(units.map((u) => [u.id, zeros()]))
  const pathOf = new Map(units.map((u) => [u.id, u.path]))
  for (const { unitId, group, counts } of input.counts) {
    const path = pathOf.get(unitId)
    if (path === undefined) throw new Error(`rollUp: unit ${unitId} is not in the scope`)
    if (group !== undefined && !groups.includes(group))
      throw new Error(`rollUp: unknown group ${group}`)
    // The unit and every ancestor inside the scope (ancestors above it have no entry).
    for (const idText of path.split('/')) {
      const sum = idText ? sums.get(Number(idText)) : undefined
      if (!sum) continue
      add(sum.all, counts)
      if (group !== undefined) add(sum.groups[group], counts)
    }
  }

  const shares = Object.entries(input.percents ?? {}) as [P, readonly [M, M]][]
  const tally = (counts: Record<M, number>): Tally<M, P> => ({
    counts,
    percents: Object.fromEntries(
      shares.map(([name, [part, whole]]) => [name, percent(counts[part], counts[whole])])
    ) as Record<P, number | null>
  })
  const row = (unit: UnitPlace, s: Sums): RollupRow<M, P, G> => ({
    unit,
    ...tally(s.all),
    groups: Object.fromEntries(groups.map((g) => [g, tally(s.groups[g])])) as Record<G, Tally<M, P>>
  })

  // The scope's top: its own unit, or the roots of the whole tree.
  const top = Math.min(...units.map((u) => depthOf(u.path)))
  const rows: RollupRow<M, P, G>[] = []
  const tops: Sums[] = []
  for (const u of units) {
    const s = sums.get(u.id)!
    if (u.retired_on && measures.every((m) => s.all[m] === 0)) continue
    const depth = depthOf(u.path) - top
    rows.push(row({ unitId: u.id, parentId: u.parent_id, name: u.name, level: u.level, depth }, s))
    if (depth === 0) tops.push(s)
  }

  let total: RollupRow<M, P, G> | null = null
  if (tops.length === 1) total = rows.find((r) => r.unit.depth === 0)!
  else if (tops.length > 1) {
    const s = zeros()
    for (const t of tops) {
      add(s.all, t.all)
      for (const g of groups) add(s.groups[g], t.groups[g])
    }
    total = row({ unitId: 0, parentId: null, name: WHOLE_ORGANISATION, level: '', depth: -1 }, s)
  }
  return { rows, total }
}

/**
 * A roll-up in a section's own row shape. The total stays the very row of the scope's one top
 * unit when it is one, as in the roll-up itself.
 */
export function mapRollup<M extends string, P extends string, G extends string, T>(
  rollup: Rollup<M, P, G>,
  project: (row: RollupRow<M, P, G>) => T
): { rows: T[]; total: T | null } {
  const rows = rollup.rows.map(project)
  if (rollup.total === null) return { rows, total: null }
  const i = rollup.rows.indexOf(rollup.total)
  return { rows, total: i >= 0 ? rows[i] : project(rollup.total) }
}
