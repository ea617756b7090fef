// Who must make a commitment, who has, who has not: per unit, rolled up the tree by the
// materialised path (like study coverage). One grouped query gives the counts per unit.
import type { CommitmentCounts, CommitmentStatus, CommitmentStatusRow, PersonKind } from '../../shared/api'
import type { Database } from '../db/connection'
import { LEFT_SQL } from '../people/status-sql'
import { percent } from '../study/scope'
import { scopeRange, treeUnitsInRange, UNIT_IDS_IN_RANGE, type TreeUnitRow } from '../units/subtree'
import { NOT_ASKED_SQL } from './scope'

interface Tally {
  required: number
  made: number
  notAsked: number
}
const zero = (): Tally => ({ required: 0, made: 0, notAsked: 0 })
const counts = (t: Tally): CommitmentCounts => ({
  required: t.required,
  made: t.made,
  missing: t.required - t.made,
  notAsked: t.notAsked,
  percent: percent(t.made, t.required)
})
const add = (a: Tally, b: Tally) => {
  a.required += b.required
  a.made += b.made
  a.notAsked += b.notAsked
}

export function commitmentStatus(db: Database, year: number, unitId: number | null): CommitmentStatus {
  const [lo, hi] = scopeRange(db, unitId)
  const units = treeUnitsInRange(db, lo, hi)
  const tallies = new Map(units.map((u) => [u.id, { m: zero(), n: zero() }]))
  const perUnit = db
    .prepare(
      `SELECT p.unit_id, p.kind,
              sum(p.status NOT IN ${NOT_ASKED_SQL}) AS required,
              sum(p.status NOT IN ${NOT_ASKED_SQL} AND EXISTS (SELECT 1 FROM commitments c WHERE c.person_id = p.id AND c.year = ?)) AS made,
              sum(p.status IN ${NOT_ASKED_SQL}) AS not_asked
       FROM people p
       WHERE p.unit_id IN ${UNIT_IDS_IN_RANGE} AND p.status NOT IN ${LEFT_SQL}
       GROUP BY p.unit_id, p.kind`
    )
    .all(year, lo, hi) as { unit_id: number; kind: PersonKind; required: number; made: number; not_asked: number }[]
  const byId = new Map(units.map((u) => [u.id, u]))
  for (const r of perUnit) {
    const own: Tally = { required: r.required, made: r.made, notAsked: r.not_asked }
    for (const idText of byId.get(r.unit_id)!.path.split('/')) {
      const t = idText ? tallies.get(Number(idText)) : undefined
      if (t) add(r.kind === 'member' ? t.m : t.n, own)
    }
  }
  const scopeDepth = unitId === null ? 1 : byId.get(unitId)!.path.split('/').length - 2
  const toRow = (u: TreeUnitRow, depth: number, m: Tally, n: Tally): CommitmentStatusRow => {
    const all = zero()
    add(all, m)
    add(all, n)
    return { unitId: u.id, parentId: u.parent_id, name: u.name, level: u.level, depth, ...counts(all), members: counts(m), nonMembers: counts(n) }
  }
  const rows: CommitmentStatusRow[] = []
  for (const u of units) {
    const t = tallies.get(u.id)!
    if (u.retired_on && t.m.required + t.n.required + t.m.notAsked + t.n.notAsked === 0) continue
    rows.push(toRow(u, u.path.split('/').length - 2 - scopeDepth, t.m, t.n))
  }
  const top = rows.filter((r) => r.depth === 0)
  let total: CommitmentStatusRow | null = null
  if (top.length === 1) total = top[0]
  else if (top.length > 1) {
    const m = zero()
    const n = zero()
    for (const r of top) {
      add(m, { required: r.members.required, made: r.members.made, notAsked: r.members.notAsked })
      add(n, { required: r.nonMembers.required, made: r.nonMembers.made, notAsked: r.nonMembers.notAsked })
    }
    total = toRow({ id: 0, parent_id: null, name: 'Toàn bộ tổ chức', level: '', path: '/', retired_on: null }, -1, m, n)
  }
  return { year, rows, total }
}
