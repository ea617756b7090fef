// Attendance at a session: a unit's checklist, and marking people present or absent.
import type {
  PersonKind,
  PersonStatus,
  StudyAttendanceInput,
  StudyAttendanceResult,
  StudyChecklist
} from '../../shared/api'
import { LEFT_STATUSES } from '../../shared/api'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { LEFT_SQL } from '../people/status-sql'
import { ATTENDED_SESSIONS_SQL, REQUIRED_STATUSES } from './scope'

function sessionTopic(db: Database, sessionId: number): number {
  const s = db.prepare('SELECT topic_id FROM study_sessions WHERE id = ?').get(sessionId) as
    { topic_id: number } | undefined
  if (!s) throw notFound('buổi học tập này')
  return s.topic_id
}

/** Everyone on the rolls of one unit (not its subunits), sorted by given name. */
export function checklist(
  db: Database,
  { sessionId, unitId }: { sessionId: number; unitId: number }
): StudyChecklist {
  const topicId = sessionTopic(db, sessionId)
  const unit = db.prepare('SELECT name FROM units WHERE id = ?').get(unitId) as
    { name: string } | undefined
  if (!unit) throw notFound('đơn vị')
  const rows = db
    .prepare(
      `SELECT p.id, p.full_name, p.kind, p.status, p.party_card_number, p.birth_date,
              EXISTS (SELECT 1 FROM study_attendance a WHERE a.person_id = p.id AND a.session_id = ?) AS attended,
              EXISTS (SELECT 1 FROM ${ATTENDED_SESSIONS_SQL}
                        WHERE a.person_id = p.id AND s.topic_id = ? AND a.session_id <> ?) AS elsewhere
       FROM people p
       WHERE p.unit_id = ? AND p.status NOT IN ${LEFT_SQL}
       ORDER BY p.kind, p.sort_key, p.id`
    )
    .all(sessionId, topicId, sessionId, unitId) as {
    id: number
    full_name: string
    kind: PersonKind
    status: PersonStatus
    party_card_number: string | null
    birth_date: string | null
    attended: number
    elsewhere: number
  }[]
  return {
    sessionId,
    unitId,
    unitName: unit.name,
    rows: rows.map((r) => ({
      personId: r.id,
      fullName: r.full_name,
      kind: r.kind,
      status: r.status,
      partyCardNumber: r.party_card_number,
      birthDate: r.birth_date,
      required: REQUIRED_STATUSES.includes(r.status),
      attended: r.attended === 1,
      studiedElsewhere: r.elsewhere === 1
    }))
  }
}

/** Marks people present and absent in one transaction; people who left the rolls are refused. */
export function setAttendance(
  db: Database,
  input: StudyAttendanceInput,
  source = 'checklist'
): StudyAttendanceResult {
  const present = [...new Set(input.present)]
  const absent = [...new Set(input.absent)]
  if (present.some((id) => absent.includes(id))) {
    throw new CoreError('VALIDATION', 'Một người không thể vừa có mặt vừa vắng mặt.')
  }
  return inTransaction(db, () => {
    sessionTopic(db, input.sessionId)
    const find = db.prepare('SELECT full_name, status FROM people WHERE id = ?')
    for (const id of present) {
      const p = find.get(id) as { full_name: string; status: PersonStatus } | undefined
      if (!p) throw notFound(`người có mã ${id}`)
      if (LEFT_STATUSES.includes(p.status))
        throw new CoreError(
          'VALIDATION',
          `"${p.full_name}" không còn trong danh sách; không ghi được có mặt.`
        )
    }
    const insert = db.prepare(
      'INSERT OR IGNORE INTO study_attendance(person_id, session_id, source, recorded_at) VALUES (?, ?, ?, ?)'
    )
    const remove = db.prepare('DELETE FROM study_attendance WHERE person_id = ? AND session_id = ?')
    const now = nowIso()
    let added = 0
    let removed = 0
    for (const id of present) added += insert.run(id, input.sessionId, source, now).changes
    for (const id of absent) removed += remove.run(id, input.sessionId).changes
    const counts = db
      .prepare(
        `SELECT sum(p.kind = 'member') AS m, sum(p.kind = 'non_member') AS n
         FROM study_attendance a JOIN people p ON p.id = a.person_id WHERE a.session_id = ?`
      )
      .get(input.sessionId) as { m: number | null; n: number | null }
    return {
      sessionId: input.sessionId,
      added,
      removed,
      attendedMembers: counts.m ?? 0,
      attendedNonMembers: counts.n ?? 0
    }
  })
}
