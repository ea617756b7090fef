// Periodic reviews of commitments: at a chi bộ meeting (monthly or quarterly), or by the unit's
// leaders for non-members. Each records, per person, a progress note and an outcome (praise,
// reminder, or neither); together they are the person's trail for the year.
import type {
  CommitmentOutcome,
  CommitmentReview,
  CommitmentReviewDetail,
  CommitmentReviewFields,
  CommitmentReviewKind,
  CommitmentReviewer,
  CommitmentTrailEntry
} from '../../shared/api'
import { COMMITMENT_OUTCOMES } from '../../shared/api'
import { isPartialDate } from '../../shared/partial-date'
import { cleanText } from '../../shared/vn-text'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { periodLabel } from './scope'

interface ReviewRow {
  id: number
  unit_id: number
  unit_name: string
  year: number
  held_on: string
  kind: CommitmentReviewKind
  reviewer: CommitmentReviewer
  note: string | null
  praises: number
  reminders: number
  reviewed: number
}

const SELECT = `
  SELECT r.id, r.unit_id, u.name AS unit_name, r.year, r.held_on, r.kind, r.reviewer, r.note,
         (SELECT count(*) FROM commitment_review_entries e WHERE e.review_id = r.id AND e.outcome = 'praise') AS praises,
         (SELECT count(*) FROM commitment_review_entries e WHERE e.review_id = r.id AND e.outcome = 'reminder') AS reminders,
         (SELECT count(*) FROM commitment_review_entries e WHERE e.review_id = r.id) AS reviewed
  FROM commitment_reviews r JOIN units u ON u.id = r.unit_id`

function toReview(r: ReviewRow): CommitmentReview {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    year: r.year,
    heldOn: r.held_on,
    kind: r.kind,
    reviewer: r.reviewer,
    note: r.note,
    period: periodLabel(r.kind, r.held_on),
    praises: r.praises,
    reminders: r.reminders,
    reviewed: r.reviewed
  }
}

export function listReviews(
  db: Database,
  { year, unitId }: { year: number; unitId: number }
): CommitmentReview[] {
  return (
    db
      .prepare(`${SELECT} WHERE r.year = ? AND r.unit_id = ? ORDER BY r.held_on DESC, r.id DESC`)
      .all(year, unitId) as ReviewRow[]
  ).map(toReview)
}

export function getReview(db: Database, id: number): CommitmentReviewDetail {
  const r = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as ReviewRow | undefined
  if (!r) throw notFound('buổi kiểm điểm này')
  const entries = db
    .prepare(
      `SELECT e.person_id, e.outcome, e.progress, p.full_name FROM commitment_review_entries e JOIN people p ON p.id = e.person_id
       WHERE e.review_id = ? ORDER BY p.kind, p.sort_key, p.id`
    )
    .all(id) as {
    person_id: number
    outcome: CommitmentOutcome
    progress: string | null
    full_name: string
  }[]
  return {
    ...toReview(r),
    entries: entries.map((e) => ({
      personId: e.person_id,
      outcome: e.outcome,
      progress: e.progress,
      fullName: e.full_name
    }))
  }
}

function normalise(db: Database, f: CommitmentReviewFields): CommitmentReviewFields {
  const errors: Record<string, string> = {}
  if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(f.unitId))
    errors.unitId = 'Đơn vị không tồn tại.'
  if (!isPartialDate(f.heldOn) || f.heldOn.length !== 10)
    errors.heldOn = 'Ngày kiểm điểm không hợp lệ (cần đủ ngày, tháng, năm).'
  // A review of December may be held early in January: allow the next year too.
  else if (![f.year, f.year + 1].includes(Number(f.heldOn.slice(0, 4))))
    errors.heldOn = `Ngày kiểm điểm phải trong năm ${f.year} (hoặc đầu năm sau).`
  const seen = new Set<number>()
  const entries = f.entries.map((e, i) => {
    if (seen.has(e.personId))
      errors[`entries.${i}`] = 'Một người được ghi hai lần trong cùng buổi kiểm điểm.'
    seen.add(e.personId)
    if (!COMMITMENT_OUTCOMES.includes(e.outcome))
      errors[`entries.${i}.outcome`] = 'Kết quả kiểm điểm không hợp lệ.'
    const progress = e.progress == null ? null : cleanText(e.progress) || null
    if ((progress?.length ?? 0) > 2000)
      errors[`entries.${i}.progress`] = 'Ghi chú tiến độ quá dài (tối đa 2000 ký tự).'
    return { personId: e.personId, outcome: e.outcome, progress }
  })
  if (entries.length === 0) errors.entries = 'Chưa có ai trong buổi kiểm điểm.'
  if (Object.keys(errors).length > 0)
    throw new CoreError('VALIDATION', Object.values(errors).join(' '), errors)
  // Only people with a commitment of the year are reviewed on it.
  const has = db.prepare(
    'SELECT p.full_name, c.id AS cid FROM people p LEFT JOIN commitments c ON c.person_id = p.id AND c.year = ? WHERE p.id = ?'
  )
  for (const e of entries) {
    const p = has.get(f.year, e.personId) as { full_name: string; cid: number | null } | undefined
    if (!p) throw notFound(`người có mã ${e.personId}`)
    if (p.cid === null)
      throw new CoreError(
        'VALIDATION',
        `"${p.full_name}" chưa lập cam kết năm ${f.year}; không ghi kiểm điểm được.`
      )
  }
  return { ...f, note: f.note ? cleanText(f.note) || null : null, entries }
}

export function saveReview(
  db: Database,
  id: number | undefined,
  input: CommitmentReviewFields
): CommitmentReviewDetail {
  return inTransaction(db, () => {
    const f = normalise(db, input)
    const now = nowIso()
    let reviewId: number
    if (id === undefined) {
      reviewId = Number(
        db
          .prepare(
            'INSERT INTO commitment_reviews(unit_id, year, held_on, kind, reviewer, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
          )
          .run(f.unitId, f.year, f.heldOn, f.kind, f.reviewer, f.note, now, now).lastInsertRowid
      )
    } else {
      if (!db.prepare('SELECT 1 FROM commitment_reviews WHERE id = ?').get(id))
        throw notFound('buổi kiểm điểm này')
      db.prepare(
        'UPDATE commitment_reviews SET unit_id = ?, year = ?, held_on = ?, kind = ?, reviewer = ?, note = ?, updated_at = ? WHERE id = ?'
      ).run(f.unitId, f.year, f.heldOn, f.kind, f.reviewer, f.note, now, id)
      db.prepare('DELETE FROM commitment_review_entries WHERE review_id = ?').run(id)
      reviewId = id
    }
    const insert = db.prepare(
      'INSERT INTO commitment_review_entries(review_id, person_id, outcome, progress) VALUES (?, ?, ?, ?)'
    )
    for (const e of f.entries) insert.run(reviewId, e.personId, e.outcome, e.progress)
    return getReview(db, reviewId)
  })
}

export function deleteReview(db: Database, id: number): null {
  inTransaction(db, () => {
    if (db.prepare('DELETE FROM commitment_reviews WHERE id = ?').run(id).changes === 0)
      throw notFound('buổi kiểm điểm này')
  })
  return null
}

/** A person's trail for the year: every review that spoke of them, oldest first. */
export function trailOf(
  db: Database,
  { personId, year }: { personId: number; year: number }
): CommitmentTrailEntry[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.held_on, r.kind, r.reviewer, u.name AS unit_name, e.outcome, e.progress
       FROM commitment_review_entries e JOIN commitment_reviews r ON r.id = e.review_id JOIN units u ON u.id = r.unit_id
       WHERE e.person_id = ? AND r.year = ? ORDER BY r.held_on, r.id`
    )
    .all(personId, year) as {
    id: number
    held_on: string
    kind: CommitmentReviewKind
    reviewer: CommitmentReviewer
    unit_name: string
    outcome: CommitmentOutcome
    progress: string | null
  }[]
  return rows.map((r) => ({
    reviewId: r.id,
    heldOn: r.held_on,
    kind: r.kind,
    reviewer: r.reviewer,
    period: periodLabel(r.kind, r.held_on),
    unitName: r.unit_name,
    outcome: r.outcome,
    progress: r.progress
  }))
}
