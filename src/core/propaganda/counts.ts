// Counts for the reports: per unit, rolled up the tree by the one roll-up (units/rollup.ts), for a
// period. Activities count by the day they start, works by the day they were published. People
// who came and attendances ("lượt") stay apart; each kind of activity is also counted apart.
import type {
  PropagandaCounts,
  PropagandaCountsInput,
  PropagandaCountsResult,
  PropagandaCountsRow,
  PropagandaKind,
  PropagandaMeasure
} from '../../shared/api'
import { PRESS_AWARDED, PROPAGANDA_KINDS, PROPAGANDA_MEASURES } from '../../shared/api'
import type { Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { mapRollup, rollUp, type RollupRow, type UnitCounts } from '../units/rollup'
import { scopeRange, treeUnitsInRange, UNIT_IDS_IN_RANGE } from '../units/subtree'

const AWARDED_SQL = `(${PRESS_AWARDED.map((r) => `'${r}'`).join(', ')})`

export function propagandaCounts(
  db: Database,
  input: PropagandaCountsInput
): PropagandaCountsResult {
  if (input.to < input.from)
    throw new CoreError('VALIDATION', 'Ngày cuối của kỳ không được trước ngày đầu.', {
      to: 'Ngày cuối của kỳ không được trước ngày đầu.'
    })
  const [lo, hi] = scopeRange(db, input.unitId)
  const counts: UnitCounts<PropagandaMeasure, PropagandaKind>[] = []
  const activities = db
    .prepare(
      `SELECT unit_id, kind, count(*) AS activities, sum(points) AS points, sum(members) AS members, sum(non_members) AS nonMembers,
              sum(attendances) AS attendances, sum(news) AS news, sum(articles) AS articles, sum(reports) AS reports, sum(panels) AS panels
       FROM propaganda_activities
       WHERE starts_on >= ? AND starts_on <= ? AND unit_id IN ${UNIT_IDS_IN_RANGE}
       GROUP BY unit_id, kind`
    )
    .all(input.from, input.to, lo, hi) as ({ unit_id: number; kind: PropagandaKind } & Record<
    PropagandaMeasure,
    number
  >)[]
  for (const { unit_id, kind, ...c } of activities)
    counts.push({ unitId: unit_id, group: kind, counts: c })
  const works = db
    .prepare(
      `SELECT unit_id, count(*) AS works, sum(result IN ${AWARDED_SQL}) AS awarded FROM press_works
       WHERE published_on >= ? AND published_on <= ? AND unit_id IN ${UNIT_IDS_IN_RANGE} GROUP BY unit_id`
    )
    .all(input.from, input.to, lo, hi) as { unit_id: number; works: number; awarded: number }[]
  for (const w of works)
    counts.push({ unitId: w.unit_id, counts: { works: w.works, awarded: w.awarded } })

  const rollup = rollUp({
    units: treeUnitsInRange(db, lo, hi),
    measures: PROPAGANDA_MEASURES,
    counts,
    groups: PROPAGANDA_KINDS
  })
  const project = (
    r: RollupRow<PropagandaMeasure, never, PropagandaKind>
  ): PropagandaCountsRow => ({
    ...r.unit,
    counts: r.counts,
    byKind: Object.fromEntries(PROPAGANDA_KINDS.map((k) => [k, r.groups[k].counts])) as Record<
      PropagandaKind,
      PropagandaCounts
    >
  })
  return { from: input.from, to: input.to, ...mapRollup(rollup, project) }
}
