// A unit's subtree as one indexed range scan. Every unit stores its materialised path of ids
// ('/1/5/'), so the subtree of '/1/5/' is every path that starts with it: path >= '/1/5/' and
// path < '/1/50' ('0' is the character after '/', so no path outside the subtree sorts between).
import type { Database } from '../db/connection'
import { notFound } from '../db/errors'

/** Bounds of a path's subtree, the unit itself included: path >= lo AND path < hi. */
export function subtreeRange(path: string): [string, string] {
  return [path, path.slice(0, -1) + '0']
}

/** The path range of a unit's subtree, or of the whole tree when unitId is null. */
export function scopeRange(db: Database, unitId: number | null): [string, string] {
  if (unitId === null) return ['/', '0']
  const u = db.prepare('SELECT path FROM units WHERE id = ?').get(unitId) as
    { path: string } | undefined
  if (!u) throw notFound('đơn vị')
  return subtreeRange(u.path)
}

/** Ids of the units in a range, for `p.unit_id IN ${UNIT_IDS_IN_RANGE}`; binds lo, hi. */
export const UNIT_IDS_IN_RANGE = '(SELECT id FROM units WHERE path >= ? AND path < ?)'

/** A unit as a roll-up over the tree needs it. */
export interface TreeUnitRow {
  id: number
  parent_id: number | null
  name: string
  level: string
  path: string
  retired_on: string | null
}

/** The units of a range in tree order (a parent before its children, siblings by name). */
export function treeUnitsInRange(db: Database, lo: string, hi: string): TreeUnitRow[] {
  return db
    .prepare(
      'SELECT id, parent_id, name, level, path, retired_on FROM units WHERE path >= ? AND path < ? ORDER BY tree_order'
    )
    .all(lo, hi) as TreeUnitRow[]
}
