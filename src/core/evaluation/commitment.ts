// The commitment's year-end result, shown beside the rating (it is one of the rating's
// criteria). The commitments part owns it; this is the one place the rating reads it.
import type { EvaluationCommitment } from '../../shared/api'
import { commitmentResults } from '../commitments/results'
import type { Database } from '../db/connection'

export function commitmentsOf(
  db: Database,
  year: number,
  personIds: readonly number[]
): Map<number, EvaluationCommitment> {
  const out = new Map<number, EvaluationCommitment>()
  if (personIds.length === 0) return out
  for (const [id, v] of commitmentResults(db, year, personIds))
    out.set(id, { code: v.result, label: v.label })
  return out
}
