// The statistical annex of a report: for a unit and a period, every table of annex-tables.ts with
// one row per direct sub-unit (its whole subtree) and the unit's own total. Shares are computed
// here, from each row's counts (two decimals, as reports write them), never averaged. A sub-unit
// that keeps its own data file and sent its annex up is counted from what it sent (received.ts).
import type { Annex, AnnexInput, AnnexRow, AnnexTable } from '../../shared/api'
import { percent } from '../../shared/numbers'
import type { Database } from '../db/connection'
import { notFound } from '../db/errors'
import { scopeRange, treeUnitsInRange } from '../units/subtree'
import { topicByYear } from '../study/topics'
import { resolvePeriod } from './periods'
import { receivedFigures } from './received'
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

  // Sub-units that sent their annex up: their figures replace this file's for them (unless the
  // user keeps this file's own records for one that has both), and the total follows.
  const received =
    period.kind === 'custom'
      ? new Map<number, Record<string, number | null>>()
      : receivedFigures(
          db,
          children.map((c) => c.id),
          period.kind,
          period.year
        )
  const useOwn = new Set(input.useOwn ?? [])
  const fromReceived = (spec: TableSpec, r: Record<string, number | null>): Figures =>
    Object.fromEntries(
      spec.columns
        .filter((c) => !c.percentOf)
        .map((c) => [c.code, r[`${spec.code}.${c.code}`] ?? 0])
    )

  const tables: AnnexTable[] = specs.map((spec, i) => {
    const total: Figures = { ...figures[i].get(unit.id) }
    const rows = children.map((c): AnnexRow => {
      const own = figures[i].get(c.id) ?? {}
      const sent = received.get(c.id)
      const both = sent !== undefined && counted(c.id)
      if (!sent || useOwn.has(c.id))
        return { unitId: c.id, name: c.name, values: valuesOf(spec, own), source: 'own', both }
      const f = fromReceived(spec, sent)
      for (const [code, v] of Object.entries(f))
        total[code] = (total[code] ?? 0) + v - (own[code] ?? 0)
      return { unitId: c.id, name: c.name, values: valuesOf(spec, f), source: 'received', both }
    })
    return {
      code: spec.code,
      title: spec.title,
      columns: spec.columns,
      rows,
      total: {
        unitId: unit.id,
        name: unit.name,
        values: valuesOf(spec, total),
        source: 'own',
        both: false
      }
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
    topic: topicByYear(db, period.year)?.title ?? null,
    tables
  }
}
