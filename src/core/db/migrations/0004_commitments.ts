// SQL of migration 4: commitments (bản cam kết tu dưỡng, rèn luyện, phấn đấu / kế hoạch cá
// nhân), one per person per year, with their items; each unit's template for a year; the chi
// bộ's (or the unit leaders') periodic reviews and what each person got at them. Who still has
// to make one is computed from people and commitments (commitments/status.ts); nothing derived
// is stored.
export default /* sql */ `
-- A person's commitment for a year. unit_id is where they were when it was made (they may move).
-- result: the year-end outcome (commitments/results.ts), null until judged.
CREATE TABLE commitments (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  year        INTEGER NOT NULL,
  unit_id     INTEGER NOT NULL REFERENCES units(id),
  made_on     TEXT,
  source      TEXT NOT NULL CHECK (source IN ('template', 'manual')),
  result      TEXT CHECK (result IN ('completed_well', 'completed', 'not_completed')),
  result_note TEXT,
  result_on   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (person_id, year)
) STRICT;
CREATE INDEX commitments_year_unit ON commitments(year, unit_id);

-- The items of a commitment, in order, each under one heading.
CREATE TABLE commitment_items (
  id            INTEGER PRIMARY KEY,
  commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  heading       TEXT NOT NULL CHECK (heading IN ('politics', 'ethics', 'duty', 'discipline', 'topic', 'breakthrough')),
  content       TEXT NOT NULL,
  tasks         TEXT,
  measures      TEXT,
  deadline      TEXT,
  expected      TEXT
) STRICT;
CREATE INDEX commitment_items_commitment ON commitment_items(commitment_id, position);

-- A unit's template for a year; a unit without one uses the nearest ancestor's, else the default.
CREATE TABLE commitment_templates (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units(id),
  year       INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (unit_id, year)
) STRICT;

CREATE TABLE commitment_template_items (
  id          INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES commitment_templates(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  heading     TEXT NOT NULL CHECK (heading IN ('politics', 'ethics', 'duty', 'discipline', 'topic', 'breakthrough')),
  content     TEXT NOT NULL,
  tasks       TEXT,
  measures    TEXT,
  deadline    TEXT,
  expected    TEXT
) STRICT;
CREATE INDEX commitment_template_items_template ON commitment_template_items(template_id, position);

-- A periodic review: a chi bộ meeting (or the unit leaders, for non-members) going over the
-- commitments of the unit's people.
CREATE TABLE commitment_reviews (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units(id),
  year       INTEGER NOT NULL,
  held_on    TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('monthly', 'quarterly')),
  reviewer   TEXT NOT NULL CHECK (reviewer IN ('party_cell', 'unit_leaders')),
  note       TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX commitment_reviews_unit ON commitment_reviews(unit_id, year, held_on);

-- What one person got at a review: a progress note and praise, a reminder, or neither.
CREATE TABLE commitment_review_entries (
  review_id INTEGER NOT NULL REFERENCES commitment_reviews(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id),
  outcome   TEXT NOT NULL CHECK (outcome IN ('praise', 'reminder', 'none')),
  progress  TEXT,
  PRIMARY KEY (review_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX commitment_review_entries_person ON commitment_review_entries(person_id, review_id);
`
