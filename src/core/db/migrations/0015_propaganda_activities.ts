// SQL of migration 9: propaganda activities. Attendees are kept as the office knows them: members
// and non-members counted as people, and attendances ("lượt") apart where only those are known;
// they are never added together. Items produced are counted per kind.
export default /* sql */ `
CREATE TABLE propaganda_activities (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('conference', 'contest', 'themed_meeting', 'exhibition', 'arts', 'mobile', 'banners', 'portal', 'radio_press', 'social_media', 'other')),
  starts_on      TEXT NOT NULL,
  ends_on        TEXT,
  unit_id        INTEGER NOT NULL REFERENCES units(id),
  title          TEXT,
  on_topic       INTEGER NOT NULL DEFAULT 0 CHECK (on_topic IN (0, 1)),
  anniversary_id INTEGER REFERENCES anniversaries(id),
  points         INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0),
  members        INTEGER NOT NULL DEFAULT 0 CHECK (members >= 0),
  non_members    INTEGER NOT NULL DEFAULT 0 CHECK (non_members >= 0),
  attendances    INTEGER NOT NULL DEFAULT 0 CHECK (attendances >= 0),
  news           INTEGER NOT NULL DEFAULT 0 CHECK (news >= 0),
  articles       INTEGER NOT NULL DEFAULT 0 CHECK (articles >= 0),
  reports        INTEGER NOT NULL DEFAULT 0 CHECK (reports >= 0),
  panels         INTEGER NOT NULL DEFAULT 0 CHECK (panels >= 0),
  note           TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
) STRICT;

-- Counts and lists take a period: the year's rows by date, grouped by unit from the index alone.
CREATE INDEX propaganda_activities_period ON propaganda_activities(starts_on, unit_id, kind, points, members, non_members, attendances, news, articles, reports, panels);
CREATE INDEX propaganda_activities_anniversary ON propaganda_activities(anniversary_id) WHERE anniversary_id IS NOT NULL;
`
