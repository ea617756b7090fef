// Study sessions of a topic: who hosted, when, the connection points and their head counts.
import type {
  StudyConnectionPoint,
  StudySession,
  StudySessionFields,
  StudySessionListInput
} from '../../shared/api'
import { STUDY_SESSION_KINDS } from '../../shared/api'
import { cleanText } from '../../shared/vn-text'
import { isPartialDate } from '../../shared/partial-date'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { topicById } from './topics'
import { scopeRange } from '../units/subtree'

interface SessionRow {
  id: number
  topic_id: number
  year: number
  kind: StudySession['kind']
  held_on: string
  host_unit_id: number
  host_unit_name: string
  title: string | null
  extra_non_members: number
  note: string | null
  attended_members: number
  attended_non_members: number
}

const SELECT = `
  SELECT s.id, s.topic_id, t.year, s.kind, s.held_on, s.host_unit_id, u.name AS host_unit_name, s.title,
         s.extra_non_members, s.note,
         (SELECT count(*) FROM study_attendance a JOIN people p ON p.id = a.person_id
            WHERE a.session_id = s.id AND p.kind = 'member') AS attended_members,
         (SELECT count(*) FROM study_attendance a JOIN people p ON p.id = a.person_id
            WHERE a.session_id = s.id AND p.kind = 'non_member') AS attended_non_members
  FROM study_sessions s
  JOIN study_topics t ON t.id = s.topic_id
  JOIN units u ON u.id = s.host_unit_id`

function pointsOf(db: Database, ids: number[]): Map<number, StudyConnectionPoint[]> {
  const map = new Map<number, StudyConnectionPoint[]>()
  if (ids.length === 0) return map
  const rows = db
    .prepare(
      `SELECT session_id, name, unit_id, attendees FROM study_points WHERE session_id IN (${ids.map(() => '?').join(', ')}) ORDER BY session_id, position`
    )
    .all(...ids) as {
    session_id: number
    name: string
    unit_id: number | null
    attendees: number
  }[]
  for (const r of rows) {
    const list = map.get(r.session_id) ?? []
    list.push({ name: r.name, unitId: r.unit_id, attendees: r.attendees })
    map.set(r.session_id, list)
  }
  return map
}

function toSessions(db: Database, rows: SessionRow[]): StudySession[] {
  const points = pointsOf(
    db,
    rows.map((r) => r.id)
  )
  return rows.map((r) => ({
    id: r.id,
    topicId: r.topic_id,
    year: r.year,
    kind: r.kind,
    heldOn: r.held_on,
    hostUnitId: r.host_unit_id,
    hostUnitName: r.host_unit_name,
    title: r.title,
    points: points.get(r.id) ?? [],
    extraNonMembers: r.extra_non_members,
    note: r.note,
    attendedMembers: r.attended_members,
    attendedNonMembers: r.attended_non_members
  }))
}

export function getSession(db: Database, id: number): StudySession {
  const r = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined
  if (!r) throw notFound('buổi học tập này')
  return toSessions(db, [r])[0]
}

/** Sessions of a year's topic that concern a unit: hosted by it, above it or below it. */
export function listSessions(db: Database, input: StudySessionListInput): StudySession[] {
  const params: unknown[] = [input.year]
  let where = 't.year = ?'
  if (input.unitId !== null) {
    const [lo, hi] = scopeRange(db, input.unitId)
    // Below: the host's path starts with the unit's path. Above: the unit's path starts with the host's.
    where += " AND ((u.path >= ? AND u.path < ?) OR ? LIKE u.path || '%')"
    params.push(lo, hi, lo)
  }
  const rows = db
    .prepare(`${SELECT} WHERE ${where} ORDER BY s.held_on DESC, s.id DESC`)
    .all(...params) as SessionRow[]
  return toSessions(db, rows)
}

function normalise(db: Database, f: StudySessionFields): StudySessionFields {
  const errors: Record<string, string> = {}
  if (!topicById(db, f.topicId)) errors.topicId = 'Chủ đề không tồn tại.'
  if (!STUDY_SESSION_KINDS.includes(f.kind)) errors.kind = 'Hình thức học tập không hợp lệ.'
  if (!isPartialDate(f.heldOn) || f.heldOn.length !== 10)
    errors.heldOn = 'Ngày tổ chức không hợp lệ (cần đủ ngày, tháng, năm).'
  const host = db.prepare('SELECT retired_on FROM units WHERE id = ?').get(f.hostUnitId) as
    { retired_on: string | null } | undefined
  if (!host) errors.hostUnitId = 'Đơn vị tổ chức không tồn tại.'
  const points: StudyConnectionPoint[] = []
  f.points.forEach((p, i) => {
    const name = cleanText(p.name)
    if (!name) {
      errors[`points.${i}.name`] = 'Tên điểm cầu không được để trống.'
      return
    }
    if (!Number.isInteger(p.attendees) || p.attendees < 0)
      errors[`points.${i}.attendees`] = 'Số người dự phải là số nguyên không âm.'
    if (p.unitId !== null && !db.prepare('SELECT 1 FROM units WHERE id = ?').get(p.unitId))
      errors[`points.${i}.unitId`] = 'Đơn vị của điểm cầu không tồn tại.'
    points.push({ name, unitId: p.unitId, attendees: p.attendees })
  })
  if (!Number.isInteger(f.extraNonMembers) || f.extraNonMembers < 0)
    errors.extraNonMembers = 'Số lượt quần chúng phải là số nguyên không âm.'
  if (Object.keys(errors).length > 0)
    throw new CoreError('VALIDATION', Object.values(errors).join(' '), errors)
  return {
    ...f,
    title: f.title ? cleanText(f.title) || null : null,
    note: f.note ? cleanText(f.note) || null : null,
    points
  }
}

function writePoints(db: Database, sessionId: number, points: StudyConnectionPoint[]): void {
  db.prepare('DELETE FROM study_points WHERE session_id = ?').run(sessionId)
  const insert = db.prepare(
    'INSERT INTO study_points(session_id, position, name, unit_id, attendees) VALUES (?, ?, ?, ?, ?)'
  )
  points.forEach((p, i) => insert.run(sessionId, i, p.name, p.unitId, p.attendees))
}

export function createSession(db: Database, input: StudySessionFields): StudySession {
  return inTransaction(db, () => {
    const f = normalise(db, input)
    const now = nowIso()
    const id = Number(
      db
        .prepare(
          `INSERT INTO study_sessions(topic_id, kind, held_on, host_unit_id, title, extra_non_members, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(
          f.topicId,
          f.kind,
          f.heldOn,
          f.hostUnitId,
          f.title,
          f.extraNonMembers,
          f.note,
          now,
          now
        ).lastInsertRowid
    )
    writePoints(db, id, f.points)
    return getSession(db, id)
  })
}

export function updateSession(db: Database, id: number, input: StudySessionFields): StudySession {
  return inTransaction(db, () => {
    getSession(db, id)
    const f = normalise(db, input)
    db.prepare(
      `UPDATE study_sessions SET topic_id = ?, kind = ?, held_on = ?, host_unit_id = ?, title = ?, extra_non_members = ?, note = ?, updated_at = ?
       WHERE id = ?`
    ).run(
      f.topicId,
      f.kind,
      f.heldOn,
      f.hostUnitId,
      f.title,
      f.extraNonMembers,
      f.note,
      nowIso(),
      id
    )
    writePoints(db, id, f.points)
    return getSession(db, id)
  })
}

export function deleteSession(db: Database, id: number): null {
  inTransaction(db, () => {
    getSession(db, id)
    db.prepare('DELETE FROM study_attendance WHERE session_id = ?').run(id)
    db.prepare('DELETE FROM study_points WHERE session_id = ?').run(id)
    db.prepare('DELETE FROM study_sessions WHERE id = ?').run(id)
  })
  return null
}
