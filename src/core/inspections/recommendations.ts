// Findings (strengths, shortcomings) and recommendations. A recommendation's status is computed
// for a day: done once its done day has come, late when its deadline has passed before that,
// open otherwise; so "late on 30/06" is answered the same way whenever it is asked.
import type {
  Finding,
  FindingKind,
  Recommendation,
  RecommendationFields,
  RecommendationListInput,
  RecommendationStatus
} from '../../shared/api'
import { FINDING_KINDS } from '../../shared/api'
import { cleanText } from '../../shared/vn-text'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { scopeRange } from '../units/subtree'
import { checkDay, isDay, optional, refuseIf, unitExists, type Errors } from './checks'

interface Row {
  id: number
  inspection_id: number
  inspection_content: string
  unit_id: number
  unit_name: string
  text: string
  due_on: string
  made_on: string
  done_on: string | null
  done_note: string | null
}

const SELECT = `
  SELECT r.id, r.inspection_id, i.content AS inspection_content, r.unit_id, u.name AS unit_name, r.text, r.due_on, r.made_on,
         r.done_on, r.done_note
  FROM inspection_recommendations r
  JOIN inspections i ON i.id = r.inspection_id
  JOIN units u ON u.id = r.unit_id`

function recommendationStatus(
  r: { dueOn: string; doneOn: string | null },
  asOf: string
): RecommendationStatus {
  if (r.doneOn !== null && r.doneOn <= asOf) return 'done'
  return r.dueOn < asOf ? 'late' : 'open'
}

/** SQL for "late on ?" (binds the day twice). */
export const LATE_SQL = '(r.due_on < ? AND (r.done_on IS NULL OR r.done_on > ?))'

const toRecommendation =
  (asOf: string) =>
  (r: Row): Recommendation => ({
    id: r.id,
    inspectionId: r.inspection_id,
    inspectionContent: r.inspection_content,
    unitId: r.unit_id,
    unitName: r.unit_name,
    text: r.text,
    dueOn: r.due_on,
    madeOn: r.made_on,
    doneOn: r.done_on,
    doneNote: r.done_note,
    status: recommendationStatus({ dueOn: r.due_on, doneOn: r.done_on }, asOf)
  })

function getRecommendation(db: Database, id: number, asOf: string): Recommendation {
  const r = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined
  if (!r) throw notFound('kiến nghị này')
  return toRecommendation(asOf)(r)
}

/** Recommendations by responsible unit (its subtree), inspection and status on a day; by deadline. */
export function listRecommendations(
  db: Database,
  input: RecommendationListInput
): Recommendation[] {
  const [lo, hi] = scopeRange(db, input.unitId)
  const params: unknown[] = [lo, hi]
  let where = 'u.path >= ? AND u.path < ?'
  if (input.inspectionId) {
    where += ' AND r.inspection_id = ?'
    params.push(input.inspectionId)
  }
  if (input.lateOnly) {
    where += ` AND ${LATE_SQL}`
    params.push(input.asOf, input.asOf)
  } else if (input.openOnly) {
    where += ' AND (r.done_on IS NULL OR r.done_on > ?)'
    params.push(input.asOf)
  }
  return (
    db.prepare(`${SELECT} WHERE ${where} ORDER BY r.due_on, r.id`).all(...params) as Row[]
  ).map(toRecommendation(input.asOf))
}

function normalise(db: Database, f: RecommendationFields): RecommendationFields {
  const errors: Errors = {}
  if (!db.prepare('SELECT 1 FROM inspections WHERE id = ?').get(f.inspectionId))
    errors.inspectionId = 'Cuộc kiểm tra, giám sát không tồn tại.'
  if (!unitExists(db, f.unitId)) errors.unitId = 'Đơn vị chịu trách nhiệm không tồn tại.'
  const text = cleanText(f.text)
  if (!text) errors.text = 'Hãy ghi nội dung kiến nghị.'
  checkDay(errors, 'dueOn', f.dueOn, 'Thời hạn')
  checkDay(errors, 'madeOn', f.madeOn, 'Ngày kiến nghị')
  if (!errors.dueOn && !errors.madeOn && f.dueOn < f.madeOn)
    errors.dueOn = 'Thời hạn không được trước ngày kiến nghị.'
  refuseIf(errors)
  return { ...f, text }
}

export function createRecommendation(
  db: Database,
  input: RecommendationFields,
  asOf: string
): Recommendation {
  return inTransaction(db, () => {
    const f = normalise(db, input)
    const now = nowIso()
    const id = db
      .prepare(
        `INSERT INTO inspection_recommendations(inspection_id, unit_id, text, made_on, due_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`
      )
      .run(f.inspectionId, f.unitId, f.text, f.madeOn, f.dueOn, now, now).lastInsertRowid
    return getRecommendation(db, Number(id), asOf)
  })
}

export function updateRecommendation(
  db: Database,
  id: number,
  input: RecommendationFields,
  asOf: string
): Recommendation {
  return inTransaction(db, () => {
    const old = getRecommendation(db, id, asOf)
    const f = normalise(db, input)
    if (old.doneOn !== null && old.doneOn < f.madeOn)
      throw new CoreError('VALIDATION', 'Ngày kiến nghị không được sau ngày đã thực hiện.', {
        madeOn: 'Ngày kiến nghị không được sau ngày đã thực hiện.'
      })
    db.prepare(
      `UPDATE inspection_recommendations SET inspection_id = ?, unit_id = ?, text = ?, made_on = ?, due_on = ?, updated_at = ?
       WHERE id = ?`
    ).run(f.inspectionId, f.unitId, f.text, f.madeOn, f.dueOn, nowIso(), id)
    return getRecommendation(db, id, asOf)
  })
}

export function deleteRecommendation(db: Database, id: number): null {
  inTransaction(db, () => {
    getRecommendation(db, id, '9999-12-31')
    db.prepare('DELETE FROM inspection_recommendations WHERE id = ?').run(id)
  })
  return null
}

/** Marks done on a day with what was done; a null day opens it again (a mistaken mark). */
export function setRecommendationDone(
  db: Database,
  input: { id: number; doneOn: string | null; note: string | null },
  asOf: string
): Recommendation {
  return inTransaction(db, () => {
    const r = getRecommendation(db, input.id, asOf)
    if (input.doneOn !== null) {
      if (!isDay(input.doneOn))
        throw new CoreError(
          'VALIDATION',
          'Ngày thực hiện không hợp lệ (cần đủ ngày, tháng, năm).',
          {
            doneOn: 'Ngày thực hiện không hợp lệ.'
          }
        )
      if (input.doneOn < r.madeOn)
        throw new CoreError(
          'VALIDATION',
          `Ngày thực hiện không được trước ngày kiến nghị (${r.madeOn.split('-').reverse().join('/')}).`,
          { doneOn: 'Ngày thực hiện không được trước ngày kiến nghị.' }
        )
    }
    db.prepare(
      'UPDATE inspection_recommendations SET done_on = ?, done_note = ?, updated_at = ? WHERE id = ?'
    ).run(input.doneOn, input.doneOn === null ? null : optional(input.note), nowIso(), input.id)
    return getRecommendation(db, input.id, asOf)
  })
}

export function listFindings(db: Database, inspectionId: number): Finding[] {
  return db
    .prepare(
      'SELECT id, kind, text FROM inspection_findings WHERE inspection_id = ? ORDER BY kind DESC, position'
    )
    .all(inspectionId) as Finding[]
}

/** Replaces an inspection's findings with the list given (blank lines dropped). */
export function saveFindings(
  db: Database,
  inspectionId: number,
  findings: { kind: FindingKind; text: string }[]
): Finding[] {
  return inTransaction(db, () => {
    if (!db.prepare('SELECT 1 FROM inspections WHERE id = ?').get(inspectionId))
      throw notFound('cuộc kiểm tra, giám sát này')
    if (findings.some((f) => !FINDING_KINDS.includes(f.kind)))
      throw new CoreError('VALIDATION', 'Loại nhận xét (ưu điểm, hạn chế) không hợp lệ.')
    db.prepare('DELETE FROM inspection_findings WHERE inspection_id = ?').run(inspectionId)
    const ins = db.prepare(
      'INSERT INTO inspection_findings(inspection_id, kind, position, text) VALUES (?, ?, ?, ?)'
    )
    findings
      .map((f) => ({ kind: f.kind, text: cleanText(f.text) }))
      .filter((f) => f.text)
      .forEach((f, i) => ins.run(inspectionId, f.kind, i, f.text))
    return listFindings(db, inspectionId)
  })
}
