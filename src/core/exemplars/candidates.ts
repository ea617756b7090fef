// Candidates from what the app already knows, for a unit (with its subtree) and a year: members
// rated HTXSNV (decided, else proposed), people praised at commitment reviews, and chi bộ whose
// members all completed their commitments well. Suggestions only: the user picks, nothing is added.
import type { ExemplarCandidate } from '../../shared/api'
import type { Database } from '../db/connection'
import { scopeRange, UNIT_IDS_IN_RANGE } from '../units/subtree'

export function exemplarCandidates(
  db: Database,
  i: { unitId: number; year: number }
): ExemplarCandidate[] {
  const [lo, hi] = scopeRange(db, i.unitId)
  const registered = new Set(
    (
      db
        .prepare(
          'SELECT person_id, unit_id FROM exemplars WHERE year <= ? AND COALESCE(to_year, year) >= ?'
        )
        .all(i.year, i.year) as { person_id: number | null; unit_id: number | null }[]
    ).flatMap((r) =>
      [
        r.person_id !== null ? `p${r.person_id}` : null,
        r.unit_id !== null ? `u${r.unit_id}` : null
      ].filter((x): x is string => x !== null)
    )
  )
  const out: ExemplarCandidate[] = []
  const person = (
    r: { id: number; full_name: string; unit_id: number; unit_name: string },
    reason: string
  ): ExemplarCandidate => ({
    kind: 'person',
    personId: r.id,
    unitId: r.unit_id,
    name: r.full_name,
    unitName: r.unit_name,
    reason,
    registered: registered.has(`p${r.id}`)
  })
  const rated = db
    .prepare(
      `SELECT p.id, p.full_name, p.unit_id, u.name AS unit_name FROM evaluation_ratings e JOIN people p ON p.id = e.person_id JOIN units u ON u.id = p.unit_id
       WHERE e.year = ? AND COALESCE(e.decided_rating, e.proposed_rating) = 'HTXSNV' AND p.unit_id IN ${UNIT_IDS_IN_RANGE}
       ORDER BY u.tree_order, p.sort_key`
    )
    .all(i.year, lo, hi) as { id: number; full_name: string; unit_id: number; unit_name: string }[]
  for (const r of rated) out.push(person(r, `Xếp loại Hoàn thành xuất sắc nhiệm vụ năm ${i.year}`))
  const praised = db
    .prepare(
      `SELECT p.id, p.full_name, p.unit_id, u.name AS unit_name, COUNT(*) AS n
       FROM commitment_review_entries x JOIN commitment_reviews v ON v.id = x.review_id JOIN people p ON p.id = x.person_id JOIN units u ON u.id = p.unit_id
       WHERE v.year = ? AND x.outcome = 'praise' AND p.unit_id IN ${UNIT_IDS_IN_RANGE}
       GROUP BY p.id ORDER BY n DESC, p.sort_key`
    )
    .all(i.year, lo, hi) as {
    id: number
    full_name: string
    unit_id: number
    unit_name: string
    n: number
  }[]
  for (const r of praised)
    out.push(person(r, `Được biểu dương ${r.n} lần khi kiểm điểm thực hiện cam kết năm ${i.year}`))
  const cells = db
    .prepare(
      `SELECT u.id, u.name, COUNT(*) AS n, SUM(c.result = 'completed_well') AS well
       FROM commitments c JOIN units u ON u.id = c.unit_id
       WHERE c.year = ? AND c.unit_id IN ${UNIT_IDS_IN_RANGE}
       GROUP BY u.id HAVING n >= 3 AND well * 1.0 / n >= 0.8 ORDER BY well * 1.0 / n DESC, u.tree_order`
    )
    .all(i.year, lo, hi) as { id: number; name: string; n: number; well: number }[]
  for (const c of cells) {
    out.push({
      kind: 'unit',
      personId: null,
      unitId: c.id,
      name: c.name,
      unitName: c.name,
      reason: `${c.well}/${c.n} người hoàn thành tốt cam kết năm ${i.year}`,
      registered: registered.has(`u${c.id}`)
    })
  }
  return out
}
