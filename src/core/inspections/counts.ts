// Counts for the reports, per unit rolled up the tree by the one roll-up (units/rollup.ts), for a
// period. An inspection or supervision counts once it is done (conclusion issued or closed), by
// the day the team finished (else started, else the decision), at the unit that carried it out;
// the organisations and members it covered count at the units covered. Recommendations count at
// the unit responsible: made and done by their days in the period, late as of the period's end.
import type { InspectionCountsResult, InspectionMeasure } from '../../shared/api'
import { INSPECTION_MEASURES } from '../../shared/api'
import type { Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { mapRollup, rollUp, type UnitCounts } from '../units/rollup'
import { scopeRange, treeUnitsInRange, UNIT_IDS_IN_RANGE } from '../units/subtree'
import { LATE_SQL } from './recommendations'

const DONE_IN_PERIOD = `i.status IN ('concluded', 'closed')
  AND coalesce(i.ends_on, i.starts_on, i.decision_date) >= ? AND coalesce(i.ends_on, i.starts_on, i.decision_date) <= ?`

export function inspectionCounts(
  db: Database,
  input: { unitId: number | null; from: string; to: string }
): InspectionCountsResult {
  if (input.to < input.from)
    throw new CoreError('VALIDATION', 'Ngày cuối của kỳ không được trước ngày đầu.', {
      to: 'Ngày cuối của kỳ không được trước ngày đầu.'
    })
  const [lo, hi] = scopeRange(db, input.unitId)
  const counts: UnitCounts<InspectionMeasure>[] = []
  const held = db
    .prepare(
      `SELECT i.unit_id, sum(i.kind = 'inspection') AS inspections, sum(i.kind = 'supervision') AS supervisions
       FROM inspections i WHERE ${DONE_IN_PERIOD} AND i.unit_id IN ${UNIT_IDS_IN_RANGE} GROUP BY i.unit_id`
    )
    .all(input.from, input.to, lo, hi) as {
    unit_id: number
    inspections: number
    supervisions: number
  }[]
  for (const { unit_id, ...c } of held) counts.push({ unitId: unit_id, counts: c })
  const covered = db
    .prepare(
      `SELECT t.unit_id, count(*) AS organisations, sum(t.members) AS members
       FROM inspection_targets t JOIN inspections i ON i.id = t.inspection_id
       WHERE ${DONE_IN_PERIOD} AND t.unit_id IN ${UNIT_IDS_IN_RANGE} GROUP BY t.unit_id`
    )
    .all(input.from, input.to, lo, hi) as {
    unit_id: number
    organisations: number
    members: number
  }[]
  for (const { unit_id, ...c } of covered) counts.push({ unitId: unit_id, counts: c })
  const recs = db
    .prepare(
      `SELECT r.unit_id, sum(r.made_on >= ? AND r.made_on <= ?) AS recommendations,
              sum(r.done_on IS NOT NULL AND r.done_on >= ? AND r.done_on <= ?) AS done,
              sum(r.made_on <= ? AND ${LATE_SQL}) AS late
       FROM inspection_recommendations r WHERE r.unit_id IN ${UNIT_IDS_IN_RANGE} GROUP BY r.unit_id`
    )
    .all(input.from, input.to, input.from, input.to, input.to, input.to, input.to, lo, hi) as {
    unit_id: number
    recommendations: number
    done: number
    late: number
  }[]
  for (const { unit_id, ...c } of recs) counts.push({ unitId: unit_id, counts: c })

  const rollup = rollUp({
    units: treeUnitsInRange(db, lo, hi),
    measures: INSPECTION_MEASURES,
    counts
  })
  return {
    from: input.from,
    to: input.to,
    ...mapRollup(rollup, (r) => ({ ...r.unit, counts: r.counts }))
  }
}
