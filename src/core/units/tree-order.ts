// The order of the organisation tree as people read it: a parent before its units, siblings by
// name (compareUnitNames: Vietnamese, "Chi bộ 2" before "Chi bộ 10"), as the tree on screen shows
// them. Kept as a number on each unit (units.tree_order) so that SQL can sort and page lists and
// exports by it; the materialised path cannot, since it orders siblings by id as text
// ("/1/10/" before "/1/2/"). Renumbered after every change that can move a unit in that order.
import { compareUnitNames } from '../../shared/vn-text'
import type { Database } from '../db/connection'

interface Node {
  id: number
  parent_id: number | null
  name: string
  tree_order: number
}

/** Renumbers units.tree_order for the whole tree (hundreds of units: a millisecond or two); writes only what changed. */
export function renumberUnits(db: Database): void {
  const units = db.prepare('SELECT id, parent_id, name, tree_order FROM units').all() as Node[]
  const children = new Map<number | null, Node[]>()
  const ids = new Set(units.map((u) => u.id))
  for (const u of units) {
    // A unit whose parent is missing is read as a root, as the screen does.
    const parent = u.parent_id !== null && ids.has(u.parent_id) ? u.parent_id : null
    const list = children.get(parent)
    if (list) list.push(u)
    else children.set(parent, [u])
  }
  const set = db.prepare('UPDATE units SET tree_order = ? WHERE id = ?')
  let next = 0
  const walk = (parent: number | null) => {
    const list = children.get(parent) ?? []
    list.sort((a, b) => compareUnitNames(a.name, b.name) || a.id - b.id)
    for (const u of list) {
      next++
      if (u.tree_order !== next) set.run(next, u.id)
      walk(u.id)
    }
  }
  walk(null)
}
