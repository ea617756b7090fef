// SQL of migration 29: recommendations, each with the unit responsible, a deadline and, once
// done, the day and a note of what was done. Open or late is computed for a day, never stored.
export default /* sql */ `
CREATE TABLE inspection_recommendations (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspections(id),
  unit_id       INTEGER NOT NULL REFERENCES units(id),
  text          TEXT NOT NULL,
  made_on       TEXT NOT NULL,
  due_on        TEXT NOT NULL,
  done_on       TEXT,
  done_note     TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK (due_on >= made_on)
) STRICT;
CREATE INDEX inspection_recommendations_unit ON inspection_recommendations(unit_id, due_on);
CREATE INDEX inspection_recommendations_inspection ON inspection_recommendations(inspection_id);
`
