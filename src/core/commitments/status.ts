// Who must make a commitment, who has, who has not: per unit, rolled up the tree (like study
// coverage). One grouped query gives the counts per unit; units/rollup.ts adds them up the tree.
import type {
  CommitmentCounts,
  CommitmentStatus,
  CommitmentStatusRow,
  PersonKind
} from '../../shared/api'
import { PERSON_KINDS } from '../../shared/api'
import type { Database } from '../db/connection'
import { LEFT_SQL } from '../people/status-sql'
import { mapRollup, rollUp, type RollupRow, type Tally } from '../units/rollup'
import { scopeRange, treeUnitsInRange, UNIT_IDS_IN_RANGE } from '../units/subtree'
import { NOT_ASKED_SQL } from './scope'

type Measure = 'required' | 'made' | 'notAsked'

const counts = ({ counts: c, percents }: Tally<Measure, 'percent'>): CommitmentCounts => ({
  required: c.required,
  made: c.made,
  missing: c.required - c.made,
  notAsked: c.notAsked,
  percent: percents.percent
})

const toRow = (r: RollupRow<Measure, 'percent', PersonKind>): CommitmentStatusRow => ({
  ...r.unit,
  ...counts(r),
  members: counts(r.groups.member),
  nonMembers: counts(r.groups.non_member)
})

export function commitmentStatus(
  db: Database,
  { year, unitId }: { year: number; unitId: number | null }
): CommitmentStatus {
  const [lo, hi] = scopeRange(db, unitId)
  const perUnit = db
    .prepare(
      `SELECT p.unit_id, p.kind,
              sum(p.status NOT IN ${NOT_ASKED_SQL}) AS required,
              sum(p.status NOT IN ${NOT_ASKED_SQL} AND EXISTS (SELECT 1 FROM commitments c WHERE c.person_id = p.id AND c.year = ?)) AS made,
              sum(p.status IN ${NOT_ASKED_SQL}) AS notAsked
       FROM people p
       WHERE p.unit_id IN ${UNIT_IDS_IN_RANGE} AND p.status NOT IN ${LEFT_SQL}
       GROUP BY p.unit_id, p.kind`
    )
    .all(year, lo, hi) as ({ unit_id: number; kind: PersonKind } & Record<Measure, number>)[]
  const rollup = rollUp({
    units: treeUnitsInRange(db, lo, hi),
    measures: ['required', 'made', 'notAsked'],
    groups: PERSON_KINDS,
    counts: perUnit.map((r) => ({ unitId: r.unit_id, group: r.kind, counts: r })),
    percents: { percent: ['made', 'required'] }
  })
  return { year, ...mapRollup(rollup, toRow) }
}
