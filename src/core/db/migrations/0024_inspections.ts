// SQL of migration 24: inspections and supervisions, each with its decision, the period checked,
// the team's working dates and the step it has reached (planned → … → closed, one at a time).
export default /* sql */ `
CREATE TABLE inspections (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('inspection', 'supervision')),
  mode            TEXT NOT NULL CHECK (mode IN ('thematic', 'ongoing')),
  plan_item_id    INTEGER UNIQUE REFERENCES inspection_plan_items(id),
  unit_id         INTEGER NOT NULL REFERENCES units(id),
  content         TEXT NOT NULL,
  decision_number TEXT,
  decision_date   TEXT,
  period_from     TEXT,
  period_to       TEXT,
  starts_on       TEXT,
  ends_on         TEXT,
  status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'notified', 'self_review', 'at_work', 'results_adopted', 'concluded', 'closed')),
  note            TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
  CHECK (period_to IS NULL OR period_from IS NULL OR period_to >= period_from)
) STRICT;
CREATE INDEX inspections_starts ON inspections(starts_on, unit_id);
CREATE INDEX inspections_unit ON inspections(unit_id);
`
