// Propaganda activities: what a unit held, when, for which anniversary, how many came and what
// was produced. A list covers a unit's subtree and a period (by the day an activity starts).
import type {
  PropagandaActivity,
  PropagandaActivityFields,
  PropagandaListInput
} from '../../shared/api'
import { PROPAGANDA_KINDS } from '../../shared/api'
import { parsePartialDate } from '../../shared/partial-date'
import { cleanText } from '../../shared/vn-text'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { scopeRange } from '../units/subtree'

interface Row {
  id: number
  kind: PropagandaActivity['kind']
  starts_on: string
  ends_on: string | null
  unit_id: number
  unit_name: string
  title: string | null
  on_topic: number
  anniversary_id: number | null
  anniversary_title: string | null
  points: number
  members: number
  non_members: number
  attendances: number
  news: number
  articles: number
  reports: number
  panels: number
  note: string | null
}

const SELECT = `
  SELECT a.id, a.kind, a.starts_on, a.ends_on, a.unit_id, u.name AS unit_name, a.title, a.on_topic,
         a.anniversary_id, v.title AS anniversary_title, a.points, a.members, a.non_members, a.attendances,
         a.news, a.articles, a.reports, a.panels, a.note
  FROM propaganda_activities a
  JOIN units u ON u.id = a.unit_id
  LEFT JOIN anniversaries v ON v.id = a.anniversary_id`

const toActivity = (r: Row): PropagandaActivity => ({
  id: r.id,
  kind: r.kind,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  unitId: r.unit_id,
  unitName: r.unit_name,
  title: r.title,
  onTopic: r.on_topic === 1,
  anniversaryId: r.anniversary_id,
  anniversaryTitle: r.anniversary_title,
  points: r.points,
  members: r.members,
  nonMembers: r.non_members,
  attendances: r.attendances,
  news: r.news,
  articles: r.articles,
  reports: r.reports,
  panels: r.panels,
  note: r.note
})

export function getActivity(db: Database, id: number): PropagandaActivity {
  const r = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined
  if (!r) throw notFound('hoạt động tuyên truyền này')
  return toActivity(r)
}

/** A period's activities in a unit's subtree, newest first; by kind and anniversary if asked. */
export function listActivities(db: Database, input: PropagandaListInput): PropagandaActivity[] {
  const [lo, hi] = scopeRange(db, input.unitId)
  const params: unknown[] = [input.from, input.to, lo, hi]
  let where = 'a.starts_on >= ? AND a.starts_on <= ? AND u.path >= ? AND u.path < ?'
  if (input.kind) {
    where += ' AND a.kind = ?'
    params.push(input.kind)
  }
  if (input.anniversaryId) {
    where += ' AND a.anniversary_id = ?'
    params.push(input.anniversaryId)
  }
  return (
    db
      .prepare(`${SELECT} WHERE ${where} ORDER BY a.starts_on DESC, a.id DESC`)
      .all(...params) as Row[]
  ).map(toActivity)
}

const COUNT_FIELDS = [
  'points',
  'members',
  'nonMembers',
  'attendances',
  'news',
  'articles',
  'reports',
  'panels'
] as const
const COUNT_LABELS: Record<(typeof COUNT_FIELDS)[number], string> = {
  points: 'Số điểm cầu',
  members: 'Số đảng viên dự',
  nonMembers: 'Số quần chúng dự',
  attendances: 'Số lượt người dự',
  news: 'Số tin',
  articles: 'Số bài',
  reports: 'Số phóng sự',
  panels: 'Số pano, áp phích'
}

const fullDay = (s: string | null) => s !== null && s.length === 10 && parsePartialDate(s) !== null

function normalise(db: Database, f: PropagandaActivityFields): PropagandaActivityFields {
  const errors: Record<string, string> = {}
  if (!PROPAGANDA_KINDS.includes(f.kind)) errors.kind = 'Hình thức tuyên truyền không hợp lệ.'
  if (!fullDay(f.startsOn)) errors.startsOn = 'Ngày tổ chức không hợp lệ (cần đủ ngày, tháng, năm).'
  if (f.endsOn !== null) {
    if (!fullDay(f.endsOn)) errors.endsOn = 'Ngày kết thúc không hợp lệ (cần đủ ngày, tháng, năm).'
    else if (f.endsOn < f.startsOn) errors.endsOn = 'Ngày kết thúc không được trước ngày bắt đầu.'
  }
  if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(f.unitId))
    errors.unitId = 'Đơn vị tổ chức không tồn tại.'
  if (
    f.anniversaryId !== null &&
    !db.prepare('SELECT 1 FROM anniversaries WHERE id = ?').get(f.anniversaryId)
  )
    errors.anniversaryId = 'Ngày kỷ niệm không tồn tại.'
  for (const k of COUNT_FIELDS) {
    if (!Number.isInteger(f[k]) || f[k] < 0)
      errors[k] = `${COUNT_LABELS[k]} phải là số nguyên không âm.`
  }
  if (Object.keys(errors).length > 0)
    throw new CoreError('VALIDATION', Object.values(errors).join(' '), errors)
  return {
    ...f,
    endsOn: f.endsOn === f.startsOn ? null : f.endsOn,
    title: f.title ? cleanText(f.title) || null : null,
    note: f.note ? cleanText(f.note) || null : null
  }
}

const values = (f: PropagandaActivityFields) => [
  f.kind,
  f.startsOn,
  f.endsOn,
  f.unitId,
  f.title,
  f.onTopic ? 1 : 0,
  f.anniversaryId,
  f.points,
  f.members,
  f.nonMembers,
  f.attendances,
  f.news,
  f.articles,
  f.reports,
  f.panels,
  f.note
]

export function createActivity(db: Database, input: PropagandaActivityFields): PropagandaActivity {
  return inTransaction(db, () => {
    const f = normalise(db, input)
    const now = nowIso()
    const id = db
      .prepare(
        `INSERT INTO propaganda_activities(kind, starts_on, ends_on, unit_id, title, on_topic, anniversary_id, points, members, non_members,
           attendances, news, articles, reports, panels, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(...values(f), now, now).lastInsertRowid
    return getActivity(db, Number(id))
  })
}

export function updateActivity(
  db: Database,
  id: number,
  input: PropagandaActivityFields
): PropagandaActivity {
  return inTransaction(db, () => {
    getActivity(db, id)
    const f = normalise(db, input)
    db.prepare(
      `UPDATE propaganda_activities SET kind = ?, starts_on = ?, ends_on = ?, unit_id = ?, title = ?, on_topic = ?, anniversary_id = ?, points = ?,
         members = ?, non_members = ?, attendances = ?, news = ?, articles = ?, reports = ?, panels = ?, note = ?, updated_at = ?
       WHERE id = ?`
    ).run(...values(f), nowIso(), id)
    return getActivity(db, id)
  })
}

export function deleteActivity(db: Database, id: number): null {
  inTransaction(db, () => {
    getActivity(db, id)
    db.prepare('DELETE FROM propaganda_activities WHERE id = ?').run(id)
  })
  return null
}
