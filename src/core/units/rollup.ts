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
  // Every unit's sums sit in one flat array: for unit i, slot (i * width + column), where the
  // columns are the measures of "everything" then the measures of each group in turn. Adding
  // each count row to every ancestor, with an object per unit and group, cost ~200 ms for the
  // propaganda counts (11 kinds × 411 units); adding each unit's own counts once and then
  // passing every unit's sums to its parent, deepest first, is one pass over the tree for all
  // the columns at once.
  const nm = measures.length
  const width = nm * (1 + groups.length)
  const sums = new Float64Array(units.length * width)
  const indexOf = new Map(units.map((u, i) => [u.id, i]))
  const groupColumn = new Map(groups.map((g, k) => [g, nm * (1 + k)]))

  for (const { unitId, group, counts } of input.counts) {
    const i = indexOf.get(unitId)
    if (i === undefined) throw new Error(`rollUp: unit ${unitId} is not in the scope`)
    let g = -1
    if (group !== undefined) {
      g = groupColumn.get(group) ?? -1
      if (g < 0) throw new Error(`rollUp: unknown group ${group}`)
    }
    const base = i * width
    for (let m = 0; m < nm; m++) {
      const n = counts[measures[m]] ?? 0
      sums[base + m] += n
      if (g >= 0) sums[base + g + m] += n
    }
  }

  // Each unit's nearest ancestor inside the scope (its path names them; those above the scope
  // have no entry), then every unit's sums go up to it, deepest units first.
  const depths = units.map((u) => depthOf(u.path))
  const up = units.map((u) => {
    const ids = u.path.split('/')
    for (let k = ids.length - 3; k >= 1; k--) {
      const a = indexOf.get(Number(ids[k]))
      if (a !== undefined) return a
    }
    return -1
  })
  const deepestFirst = units.map((_, i) => i).sort((a, b) => depths[b] - depths[a])
  for (const i of deepestFirst) {
    const to = up[i]
    if (to < 0) continue
    const from = i * width
    const into = to * width
    for (let c = 0; c < width; c++) sums[into + c] += sums[from + c]
  }

  const shares = Object.entries(input.percents ?? {}) as [P, readonly [M, M]][]
  const tally = (slots: ArrayLike<number>, at: number): Tally<M, P> => {
    const counts = {} as Record<M, number>
    for (let m = 0; m < nm; m++) counts[measures[m]] = slots[at + m]
    const percents = {} as Record<P, number | null>
    for (const [name, [part, whole]] of shares)
      percents[name] = percent(counts[part], counts[whole])
    return { counts, percents }
  }
  const row = (unit: UnitPlace, slots: ArrayLike<number>, at: number): RollupRow<M, P, G> => {
    const byGroup = {} as Record<G, Tally<M, P>>
    groups.forEach((g, k) => (byGroup[g] = tally(slots, at + nm * (1 + k))))
    return { unit, ...tally(slots, at), groups: byGroup }
  }

  // The scope's top: its own unit, or the roots of the whole tree.
  const top = Math.min(...depths)
  const rows: RollupRow<M, P, G>[] = []
  const tops: number[] = []
  units.forEach((u, i) => {
    const at = i * width
    let counted = false
    for (let m = 0; m < nm && !counted; m++) counted = sums[at + m] !== 0
    if (u.retired_on && !counted) return
    const depth = depths[i] - top
    rows.push(
      row({ unitId: u.id, parentId: u.parent_id, name: u.name, level: u.level, depth }, sums, at)
    )
    if (depth === 0) tops.push(at)
  })

  let total: RollupRow<M, P, G> | null = null
  if (tops.length === 1) total = rows.find((r) => r.unit.depth === 0)!
  else if (tops.length > 1) {
    const whole = new Float64Array(width)
    for (const at of tops) for (let c = 0; c < width; c++) whole[c] += sums[at + c]
    total = row(
      { unitId: 0, parentId: null, name: WHOLE_ORGANISATION, level: '', depth: -1 },
      whole,
      0
    )
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
