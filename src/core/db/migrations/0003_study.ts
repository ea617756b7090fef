// SQL of migration 3: the yearly topics, study sessions with their connection points, and who
// attended. Coverage ("who has studied this year's topic") is computed from these by indexed
// queries (study/coverage.ts); nothing derived is stored.
import { SEED_TOPICS } from '../../study/seed'

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`

export default /* sql */ `
-- One topic per year for the whole organisation; titles are editable.
CREATE TABLE study_topics (
  id          INTEGER PRIMARY KEY,
  year        INTEGER NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  plan_number TEXT,
  plan_date   TEXT,
  note        TEXT,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE study_sessions (
  id                INTEGER PRIMARY KEY,
  topic_id          INTEGER NOT NULL REFERENCES study_topics(id),
  kind              TEXT NOT NULL CHECK (kind IN ('provincial_online', 'district_conference', 'cell_meeting', 'unit_conference', 'makeup')),
  held_on           TEXT NOT NULL,
  host_unit_id      INTEGER NOT NULL REFERENCES units(id),
  title             TEXT,
  extra_non_members INTEGER NOT NULL DEFAULT 0 CHECK (extra_non_members >= 0),
  note              TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX study_sessions_topic ON study_sessions(topic_id, held_on);
CREATE INDEX study_sessions_host ON study_sessions(host_unit_id);

-- Điểm cầu: where people followed the session, and how many were there.
CREATE TABLE study_points (
  id         INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES study_sessions(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  unit_id    INTEGER REFERENCES units(id),
  attendees  INTEGER NOT NULL DEFAULT 0 CHECK (attendees >= 0)
) STRICT;
CREATE INDEX study_points_session ON study_points(session_id, position);

-- Who was present. (person_id, session_id) answers "has this person studied the topic";
-- (session_id, person_id) answers "who was at this session".
CREATE TABLE study_attendance (
  person_id   INTEGER NOT NULL REFERENCES people(id),
  session_id  INTEGER NOT NULL REFERENCES study_sessions(id) ON DELETE CASCADE,
  source      TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (person_id, session_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX study_attendance_session ON study_attendance(session_id, person_id);

-- Coverage counts people by unit and status.
CREATE INDEX people_unit_status ON people(unit_id, status, kind);

INSERT INTO study_topics(year, title, note, updated_at) VALUES
${SEED_TOPICS.map((t) => `  (${t.year}, ${quote(t.title)}, ${quote(t.note)}, '2025-01-01T00:00:00.000Z')`).join(',\n')};
`
