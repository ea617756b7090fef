// Counts for the section and the reports: per unit rolled up the tree over a span of years
// (units/rollup.ts), from two grouped queries: the register by proposing unit, the rewards by the
// unit each recipient is counted under. Rewards by level × form are summed over the scope.
import type { AwardForm, ExemplarCountRow, ExemplarCounts, ExemplarMeasure } from '../../shared/api'
import { AWARD_FORMS, EXEMPLAR_MEASURES } from '../../shared/api'
import type { Database } from '../db/connection'
import { mapRollup, rollUp, type UnitCounts } from '../units/rollup'
import { scopeRange, treeUnitsInRange, UNIT_IDS_IN_RANGE } from '../units/subtree'

export function exemplarCounts(
  db: Database,
  i: { unitId: number | null; fromYear: number; toYear: number }
): ExemplarCounts {
  const [lo, hi] = scopeRange(db, i.unitId)
  const register = db
    .prepare(
      `SELECT proposing_unit_id AS unit_id,
         SUM(kind = 'person') AS persons, SUM(kind IN ('unit', 'outside')) AS collectives,
         SUM(kind = 'model') AS models, SUM(kind = 'model' AND status = 'spread') AS models_spread,
         SUM(status = 'proposed') AS proposed, SUM(status = 'recognised') AS recognised,
         SUM(status = 'rewarded') AS rewarded, SUM(status = 'spread') AS spread
       FROM exemplars WHERE proposing_unit_id IN ${UNIT_IDS_IN_RANGE} AND year <= ? AND COALESCE(to_year, year) >= ?
       GROUP BY proposing_unit_id`
    )
    .all(lo, hi, i.toYear, i.fromYear) as {
    unit_id: number
    persons: number
    collectives: number
    models: number
    models_spread: number
    proposed: number
    recognised: number
    rewarded: number
    spread: number
  }[]
  const rewards = db
    .prepare(
      `SELECT r.count_unit_id AS unit_id, a.issuer_level AS level, a.form, COUNT(*) AS n
       FROM award_recipients r JOIN awards a ON a.id = r.award_id
       WHERE r.count_unit_id IN ${UNIT_IDS_IN_RANGE} AND a.year BETWEEN ? AND ?
       GROUP BY r.count_unit_id, a.issuer_level, a.form`
    )
    .all(lo, hi, i.fromYear, i.toYear) as {
    unit_id: number
    level: string
    form: AwardForm
    n: number
  }[]

  const counts: UnitCounts<ExemplarMeasure>[] = register.map((r) => ({
    unitId: r.unit_id,
    counts: {
      persons: r.persons,
      collectives: r.collectives,
      models: r.models,
      modelsSpread: r.models_spread,
      proposed: r.proposed,
      recognised: r.recognised,
      rewarded: r.rewarded,
      spread: r.spread
    }
  }))
  const byLevel = new Map<string, Record<AwardForm, number>>()
  for (const r of rewards) {
    counts.push({ unitId: r.unit_id, counts: { [`awards_${r.form}`]: r.n } })
    const row =
      byLevel.get(r.level) ??
      (Object.fromEntries(AWARD_FORMS.map((f) => [f, 0])) as Record<AwardForm, number>)
    row[r.form] += r.n
    byLevel.set(r.level, row)
  }
  const rollup = rollUp({
    units: treeUnitsInRange(db, lo, hi),
    measures: EXEMPLAR_MEASURES,
    counts
  })
  const { rows, total } = mapRollup(rollup, (r): ExemplarCountRow => ({
    unitId: r.unit.unitId,
    name: r.unit.name,
    level: r.unit.level,
    depth: r.unit.depth,
    counts: r.counts
  }))
  return {
    fromYear: i.fromYear,
    toYear: i.toYear,
    rows,
    total,
    byLevel: [...byLevel]
      .map(([level, c]) => ({ level, counts: c }))
      .sort((a, b) => a.level.localeCompare(b.level, 'vi'))
  }
}
