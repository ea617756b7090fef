// The statistical annex of a report: for a unit and a period, every table of annex-tables.ts with
// one row per direct sub-unit (its whole subtree) and the unit's own total. Shares are computed
// here, from each row's counts (two decimals, as reports write them), never averaged.
import type { Annex, AnnexInput, AnnexRow, AnnexTable } from '../../shared/api'
import { percent } from '../../shared/numbers'
import type { Database } from '../db/connection'
import { notFound } from '../db/errors'
import { scopeRange, treeUnitsInRange } from '../units/subtree'
import { resolvePeriod } from './periods'
import { TABLE_SPECS, type Figures, type TableScope, type TableSpec } from './annex-tables'

const REPORT_PERCENT_DIGITS = 2

function valuesOf(spec: TableSpec, f: Figures | undefined): (number | null)[] {
  return spec.columns.map((c) =>
    c.percentOf
      ? percent(f?.[c.percentOf[0]] ?? 0, f?.[c.percentOf[1]] ?? 0, REPORT_PERCENT_DIGITS)
      : (f?.[c.code] ?? 0)
  )
}

/** The unit's names from the top of the tree down to it (identifies it to the level above). */
function pathNames(db: Database, path: string): string[] {
  const ids = path.split('/').filter(Boolean).map(Number)
  const names = new Map(
    (
      db
        .prepare(`SELECT id, name FROM units WHERE id IN (${ids.map(() => '?').join(', ')})`)
        .all(...ids) as { id: number; name: string }[]
    ).map((u) => [u.id, u.name])
  )
  return ids.map((id) => names.get(id) ?? '')
}

export function computeAnnex(db: Database, input: AnnexInput): Annex {
  const unit = db
    .prepare(
      `SELECT u.id, u.name, u.level, u.path, p.name AS parentName
       FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ?`
    )
    .get(input.unitId) as
    { id: number; name: string; level: string; path: string; parentName: string | null } | undefined
  if (!unit) throw notFound('đơn vị')
  const period = resolvePeriod(db, input.period)
  const [lo, hi] = scopeRange(db, unit.id)
  const units = treeUnitsInRange(db, lo, hi)
  const scope: TableScope = { db, unitId: unit.id, lo, hi, units, period }

  const specs = TABLE_SPECS.filter((s) => !s.applies || s.applies(period))
  const figures = specs.map((s) => s.figures(scope))
  // The direct sub-units: every one still active, and a retired one only when something of the
  // period is still counted under it.
  const counted = (id: number) =>
    figures.some((f) => Object.values(f.get(id) ?? {}).some((v) => v !== 0))
  const children = units.filter(
    (u) => u.parent_id === unit.id && (u.retired_on === null || counted(u.id))
  )

  const tables: AnnexTable[] = specs.map((spec, i) => {
    const row = (id: number, name: string): AnnexRow => ({
      unitId: id,
      name,
      values: valuesOf(spec, figures[i].get(id))
    })
    return {
      code: spec.code,
      title: spec.title,
      columns: spec.columns,
      rows: children.map((c) => row(c.id, c.name)),
      total: row(unit.id, unit.name)
    }
  })
  return {
    unit: {
      id: unit.id,
      name: unit.name,
      level: unit.level,
      parentName: unit.parentName,
      path: pathNames(db, unit.path)
    },
    period,
    tables
  }
}
