// SQL of migration 22: the year's inspection and supervision plan. Each item names the unit that
// carries it out, its content and when it is planned: a quarter or a month, never both.
export default /* sql */ `
CREATE TABLE inspection_plan_items (
  id         INTEGER PRIMARY KEY,
  year       INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('inspection', 'supervision')),
  mode       TEXT NOT NULL CHECK (mode IN ('thematic', 'ongoing')),
  unit_id    INTEGER NOT NULL REFERENCES units(id),
  content    TEXT NOT NULL,
  quarter    INTEGER CHECK (quarter BETWEEN 1 AND 4),
  month      INTEGER CHECK (month BETWEEN 1 AND 12),
  note       TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((quarter IS NULL) <> (month IS NULL))
) STRICT;
CREATE INDEX inspection_plan_items_year ON inspection_plan_items(year, unit_id);
`
