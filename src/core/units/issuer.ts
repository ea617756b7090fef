// The unit a list document is issued by (its name and level, and its parent's name for the
// header band): the unit of the scope, or for the whole organisation its single root.
import type { Database } from '../db/connection'

export interface Issuer {
  name: string
  level: string
  parentName: string | null
}

/** null when the scope is the whole organisation and it has several roots (or none). */
export function issuerOf(db: Database, unitId: number | null): Issuer | null {
  if (unitId === null) {
    const roots = db
      .prepare('SELECT name, level FROM units WHERE parent_id IS NULL AND retired_on IS NULL')
      .all() as { name: string; level: string }[]
    return roots.length === 1 ? { ...roots[0], parentName: null } : null
  }
  return (
    (db
      .prepare(
        'SELECT u.name, u.level, p.name AS parentName FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ?'
      )
      .get(unitId) as Issuer | undefined) ?? null
  )
}
