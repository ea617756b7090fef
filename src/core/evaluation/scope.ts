// Where the HTXSNV quota is counted.
//
// The rules count it "ở từng tổ chức cơ sở đảng" (the grassroots party organisation: a đảng
// ủy cơ sở / đảng bộ cơ sở with its chi bộ, or a chi bộ cơ sở standing alone). The tree has free
// level labels, so a unit's tổ chức cơ sở đảng is found as:
//   1. the nearest unit, the unit itself or an ancestor, that the user flagged as one
//      (evaluation_grassroots.is_grassroots = 1), or whose level label says so: "Đảng ủy cơ sở",
//      "Đảng bộ cơ sở", "Chi bộ cơ sở" (diacritics and case ignored), unless the user flagged
//      that unit as not one (is_grassroots = 0);
//   2. when none is found, the unit's parent (a chi bộ's committee), or the unit itself at the
//      top. Old files often label a commune committee "Đảng ủy xã": flag it once in the screen.
// A rule set may instead count per unit holding the members (quota_scope = 'unit').
import type { EvaluationUnitInfo, QuotaScope } from '../../shared/api'
import { foldVietnamese } from '../../shared/vn-text'
import type { Database } from '../db/connection'
import { notFound } from '../db/errors'

export interface UnitRow {
  id: number
  parent_id: number | null
  name: string
  level: string
  path: string
  /** Position in the tree as it is read (units/tree-order.ts). */
  tree_order: number
  /** The user's flag; null: by the label. */
  flag: number | null
}

const GRASSROOTS_LABEL = /\b(dang uy|dang bo|chi bo) co so\b/

export function isGrassrootsLabel(level: string): boolean {
  return GRASSROOTS_LABEL.test(foldVietnamese(level))
}

/** The user's flag first, else the level label. */
function isGrassroots(u: Pick<UnitRow, 'level' | 'flag'>): boolean {
  return u.flag === null ? isGrassrootsLabel(u.level) : u.flag === 1
}

/** Every unit (the tree is small: hundreds to a few thousand), with the user's flags. */
export function loadUnits(db: Database): Map<number, UnitRow> {
  const rows = db
    .prepare(
      `SELECT u.id, u.parent_id, u.name, u.level, u.path, u.tree_order, g.is_grassroots AS flag
       FROM units u LEFT JOIN evaluation_grassroots g ON g.unit_id = u.id`
    )
    .all() as UnitRow[]
  return new Map(rows.map((u) => [u.id, u]))
}

/** The unit whose members share a quota with those of `unitId`. */
export function quotaScopeOf(
  units: Map<number, UnitRow>,
  unitId: number,
  scope: QuotaScope
): number {
  if (scope === 'unit') return unitId
  for (
    let u = units.get(unitId);
    u;
    u = u.parent_id === null ? undefined : units.get(u.parent_id)
  ) {
    if (isGrassroots(u)) return u.id
  }
  return units.get(unitId)?.parent_id ?? unitId
}

export function unitInfo(units: Map<number, UnitRow>, unitId: number): EvaluationUnitInfo {
  const u = units.get(unitId)
  if (!u) throw notFound('đơn vị')
  return {
    id: u.id,
    name: u.name,
    level: u.level,
    parentName: u.parent_id === null ? null : (units.get(u.parent_id)?.name ?? null),
    grassrootsByLabel: isGrassrootsLabel(u.level),
    grassrootsFlag: u.flag === null ? null : u.flag === 1
  }
}

export function setGrassroots(db: Database, unitId: number, value: boolean | null): null {
  if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(unitId)) throw notFound('đơn vị')
  if (value === null) db.prepare('DELETE FROM evaluation_grassroots WHERE unit_id = ?').run(unitId)
  else {
    db.prepare(
      'INSERT INTO evaluation_grassroots(unit_id, is_grassroots) VALUES (?, ?) ON CONFLICT(unit_id) DO UPDATE SET is_grassroots = excluded.is_grassroots'
    ).run(unitId, value ? 1 : 0)
  }
  return null
}
