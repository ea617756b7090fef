// Who must study, and which units a question covers. Written down once, used by every query.
//
// Required to study the year's topic: people on the rolls with status "active" (đang sinh hoạt)
// or "temporary" (sinh hoạt tạm thời). A member in temporary activity studies where they are
// active now, so they are counted in the unit whose rolls hold them in this app, and any session
// of the topic counts, wherever it was hosted. Not required: members exempt from work and party
// activities (miễn công tác và sinh hoạt), members suspended (đình chỉ sinh hoạt: they take no
// part in party activities while suspended), and everyone who left the rolls. Members and
// non-members are counted apart.
import type { PersonStatus } from '../../shared/api'
import type { Database } from '../db/connection'
import { notFound } from '../db/errors'

export const REQUIRED_STATUSES: readonly PersonStatus[] = ['active', 'temporary']
export const REQUIRED_SQL = `(${REQUIRED_STATUSES.map((s) => `'${s}'`).join(', ')})`

/** Bounds of a materialised path's subtree: path >= lo AND path < hi. */
export function subtreeRange(path: string): [string, string] {
  return [path, path.slice(0, -1) + '0']
}

/** The path range of a unit's subtree, or of everything when unitId is null. */
export function scopeRange(db: Database, unitId: number | null): [string, string] {
  if (unitId === null) return ['/', '0']
  const u = db.prepare('SELECT path FROM units WHERE id = ?').get(unitId) as { path: string } | undefined
  if (!u) throw notFound('đơn vị')
  return subtreeRange(u.path)
}

export function percent(studied: number, required: number): number | null {
  return required === 0 ? null : Math.round((studied / required) * 1000) / 10
}
