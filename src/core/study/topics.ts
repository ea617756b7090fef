// Yearly topics, one per year for the whole organisation.
import type { StudyTopic, StudyTopicInput } from '../../shared/api'
import { cleanText } from '../../shared/vn-text'
import { isPartialDate } from '../../shared/partial-date'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { checkYear } from '../settings'

interface TopicRow {
  id: number
  year: number
  title: string
  plan_number: string | null
  plan_date: string | null
  note: string | null
  session_count: number
}

const SELECT = `SELECT t.*, (SELECT count(*) FROM study_sessions s WHERE s.topic_id = t.id) AS session_count FROM study_topics t`

function toTopic(r: TopicRow): StudyTopic {
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    planNumber: r.plan_number,
    planDate: r.plan_date,
    note: r.note,
    sessionCount: r.session_count
  }
}

export function listTopics(db: Database): StudyTopic[] {
  return (db.prepare(`${SELECT} ORDER BY t.year DESC`).all() as TopicRow[]).map(toTopic)
}

export function topicByYear(db: Database, year: number): StudyTopic | null {
  const r = db.prepare(`${SELECT} WHERE t.year = ?`).get(year) as TopicRow | undefined
  return r ? toTopic(r) : null
}

export function topicById(db: Database, id: number): StudyTopic | null {
  const r = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TopicRow | undefined
  return r ? toTopic(r) : null
}

export function saveTopic(db: Database, input: StudyTopicInput): StudyTopic {
  checkYear(input.year)
  const title = cleanText(input.title)
  const errors: Record<string, string> = {}
  if (!title) errors.title = 'Tên chủ đề không được để trống.'
  else if (title.length > 1000) errors.title = 'Tên chủ đề quá dài (tối đa 1000 ký tự).'
  const planDate = input.planDate ? input.planDate.trim() : null
  if (planDate && (!isPartialDate(planDate) || planDate.length !== 10))
    errors.planDate = 'Ngày ban hành kế hoạch không hợp lệ.'
  if (Object.keys(errors).length > 0)
    throw new CoreError('VALIDATION', Object.values(errors).join(' '), errors)
  const planNumber = input.planNumber ? cleanText(input.planNumber) || null : null
  const note = input.note ? cleanText(input.note) || null : null
  return inTransaction(db, () => {
    db.prepare(
      `INSERT INTO study_topics(year, title, plan_number, plan_date, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(year) DO UPDATE SET title = excluded.title, plan_number = excluded.plan_number,
         plan_date = excluded.plan_date, note = excluded.note, updated_at = excluded.updated_at`
    ).run(input.year, title, planNumber, planDate, note, nowIso())
    return topicByYear(db, input.year)!
  })
}
