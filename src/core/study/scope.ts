// Who must study. Written down once, used by every query.
//
// Required to study the year's topic: people on the rolls with status "active" (đang sinh hoạt)
// or "temporary" (sinh hoạt tạm thời). A member in temporary activity studies where they are
// active now, so they are counted in the unit whose rolls hold them in this app, and any session
// of the topic counts, wherever it was hosted. Not required: members exempt from work and party
// activities (miễn công tác và sinh hoạt), members suspended (đình chỉ sinh hoạt: they take no
// part in party activities while suspended), and everyone who left the rolls. Members and
// non-members are counted apart.
import type { PersonStatus } from '../../shared/api'
import { sqlList } from '../people/status-sql'

export const REQUIRED_STATUSES: readonly PersonStatus[] = ['active', 'temporary']
export const REQUIRED_SQL = sqlList(REQUIRED_STATUSES)

/**
 * The person's attendance rows joined to their sessions, in that order: CROSS JOIN keeps SQLite
 * from turning the loop round. It walks the person's few attendance rows (primary key
 * person_id, session_id) and looks each session up by id. Left to choose, SQLite drives the
 * loop from the topic's sessions (index on topic_id) and probes every one per person: 14 s
 * instead of 0.2 s for 50,000 people and 1,600 sessions (bench:reports).
 */
export const ATTENDED_SESSIONS_SQL =
  'study_attendance a CROSS JOIN study_sessions s ON s.id = a.session_id'
