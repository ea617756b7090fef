// Writing ratings: one member or a whole sheet at once, always in one transaction. A rating
// outside the year's rules (a level for an exempt member, more HTXSNV than the quota) is saved
// and shown with a warning: the committee decides, the software never blocks silently.
import type {
  EvaluationEntry,
  EvaluationFillInput,
  EvaluationSaveInput,
  EvaluationSaveResult,
  EvaluationSheet,
  NotRatedReason,
  Rating
} from '../../shared/api'
import { cleanText } from '../../shared/vn-text'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { buildSheet, sheetChanges, sheetUnitsOf } from './sheet'

export interface StoredRating {
  self: Rating | null
  proposed: Rating | null
  decided: Rating | null
  reason: NotRatedReason | null
  score: number | null
  note: string | null
}

const EMPTY: StoredRating = {
  self: null,
  proposed: null,
  decided: null,
  reason: null,
  score: null,
  note: null
}

export function readRatings(
  db: Database,
  year: number,
  personIds: readonly number[]
): Map<number, StoredRating> {
  const out = new Map<number, StoredRating>()
  const stmt = db.prepare(
    `SELECT person_id, self_rating AS self, proposed_rating AS proposed, decided_rating AS decided, reason, score, note
     FROM evaluation_ratings WHERE year = ? AND person_id = ?`
  )
  for (const id of personIds) {
    const r = stmt.get(year, id) as (StoredRating & { person_id: number }) | undefined
    if (r)
      out.set(id, {
        self: r.self,
        proposed: r.proposed,
        decided: r.decided,
        reason: r.reason,
        score: r.score,
        note: r.note
      })
  }
  return out
}

/** The stored rating after an entry: absent fields kept, a reason only beside a "không xếp loại". */
export function merged(
  before: StoredRating | undefined,
  e: Omit<EvaluationEntry, 'personId'>
): StoredRating {
  const b = before ?? EMPTY
  const next: StoredRating = {
    self: e.self !== undefined ? e.self : b.self,
    proposed: e.proposed !== undefined ? e.proposed : b.proposed,
    decided: e.decided !== undefined ? e.decided : b.decided,
    reason: e.reason !== undefined ? e.reason : b.reason,
    score:
      e.score !== undefined ? (e.score === null ? null : Math.round(e.score * 10) / 10) : b.score,
    note: e.note !== undefined ? (e.note === null ? null : cleanText(e.note) || null) : b.note
  }
  if (next.self !== 'not_rated' && next.proposed !== 'not_rated' && next.decided !== 'not_rated')
    next.reason = null
  return next
}

export function sameRating(a: StoredRating, b: StoredRating): boolean {
  return (
    a.self === b.self &&
    a.proposed === b.proposed &&
    a.decided === b.decided &&
    a.reason === b.reason &&
    a.score === b.score &&
    a.note === b.note
  )
}

/** Writes stored ratings (inside the caller's transaction); an all-empty one is deleted. */
export function writeRatings(db: Database, year: number, changes: Map<number, StoredRating>): void {
  // unit_id: the member's unit when the rating is first written, kept by later edits (the year's
  // sheet of that unit keeps them after a move).
  const upsert = db.prepare(
    `INSERT INTO evaluation_ratings(person_id, year, self_rating, proposed_rating, decided_rating, reason, score, note, updated_at, unit_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT unit_id FROM people WHERE id = ?))
     ON CONFLICT(person_id, year) DO UPDATE SET self_rating = excluded.self_rating, proposed_rating = excluded.proposed_rating,
       decided_rating = excluded.decided_rating, reason = excluded.reason, score = excluded.score, note = excluded.note,
       updated_at = excluded.updated_at`
  )
  const remove = db.prepare('DELETE FROM evaluation_ratings WHERE person_id = ? AND year = ?')
  const now = nowIso()
  for (const [id, r] of changes) {
    if (sameRating(r, EMPTY)) remove.run(id, year)
    else upsert.run(id, year, r.self, r.proposed, r.decided, r.reason, r.score, r.note, now, id)
  }
}

function checkMembers(db: Database, ids: readonly number[]): void {
  const stmt = db.prepare('SELECT kind FROM people WHERE id = ?')
  for (const id of ids) {
    const p = stmt.get(id) as { kind: string } | undefined
    if (!p) throw new CoreError('NOT_FOUND', `Không tìm thấy người mã ${id}.`)
    if (p.kind !== 'member')
      throw new CoreError(
        'VALIDATION',
        `Người mã ${id} không phải đảng viên: chỉ đảng viên được xếp loại chất lượng.`
      )
  }
}

export function saveRatings(db: Database, input: EvaluationSaveInput): EvaluationSaveResult {
  const ids = input.entries.map((e) => e.personId)
  if (new Set(ids).size !== ids.length)
    throw new CoreError('VALIDATION', 'Một người xuất hiện hai lần trong cùng một lần lưu.')
  // The sheet's unit first: an unknown one refuses the save before anything is written.
  const before = sheetUnitsOf(db, input, ids)
  inTransaction(db, () => {
    checkMembers(db, ids)
    const stored = readRatings(db, input.year, ids)
    const changes = new Map<number, StoredRating>()
    for (const e of input.entries) changes.set(e.personId, merged(stored.get(e.personId), e))
    writeRatings(db, input.year, changes)
  })
  return { saved: ids.length, ...sheetChanges(db, input, ids, before) }
}

/**
 * Fast entry over a sheet: the chi bộ's proposals from the self-ratings, the committee's
 * decisions from the proposals, or "không xếp loại" with its reason for those the rules exempt.
 * Only empty ratings are filled unless `overwrite`.
 */
export function fillRatings(
  db: Database,
  input: EvaluationFillInput
): { changed: number; sheet: EvaluationSheet } {
  const changed = inTransaction(db, () => {
    const sheet = buildSheet(db, input)
    const changes = new Map<number, StoredRating>()
    const before = (r: EvaluationSheet['rows'][number]): StoredRating => ({
      self: r.self,
      proposed: r.proposed,
      decided: r.decided,
      reason: r.reason,
      score: r.score,
      note: r.note
    })
    const may = (v: Rating | null) => v === null || input.overwrite
    for (const r of sheet.rows) {
      let e: Omit<EvaluationEntry, 'personId'> | null = null
      if (
        input.fill === 'selfToProposed' &&
        r.self !== null &&
        r.proposed !== r.self &&
        may(r.proposed)
      )
        e = { proposed: r.self }
      else if (
        input.fill === 'proposedToDecided' &&
        r.proposed !== null &&
        r.decided !== r.proposed &&
        may(r.decided)
      )
        e = { decided: r.proposed }
      else if (input.fill === 'notRatedByRules' && r.exemptBy) {
        const set = (v: Rating | null) => (may(v) ? 'not_rated' : undefined)
        e = {
          self: set(r.self),
          proposed: set(r.proposed),
          decided: set(r.decided),
          reason: r.reason && !input.overwrite ? undefined : r.exemptBy
        }
      }
      if (!e) continue
      const was = before(r)
      const next = merged(was, e)
      if (!sameRating(was, next)) changes.set(r.personId, next)
    }
    writeRatings(db, input.year, changes)
    return changes.size
  })
  return { changed, sheet: buildSheet(db, input) }
}
