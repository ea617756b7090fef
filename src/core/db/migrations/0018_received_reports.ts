// SQL of migration 18: the annexes received from sub-units that keep their own data file, as the
// figures of each one's total for a half-year or a year. A re-sent annex replaces the one before,
// which stays as history (replaced_at set); one current annex per unit and period.
export default /* sql */ `
CREATE TABLE received_reports (
  id             INTEGER PRIMARY KEY,
  unit_id        INTEGER NOT NULL REFERENCES units(id),
  period_kind    TEXT NOT NULL CHECK (period_kind IN ('h1', 'year')),
  year           INTEGER NOT NULL,
  from_day       TEXT NOT NULL,
  to_day         TEXT NOT NULL,
  source_unit_id INTEGER NOT NULL,
  source_name    TEXT NOT NULL,
  source_path    TEXT NOT NULL,
  app_version    TEXT NOT NULL,
  file_name      TEXT NOT NULL,
  figures        TEXT NOT NULL,
  received_at    TEXT NOT NULL,
  replaced_at    TEXT
) STRICT;
CREATE UNIQUE INDEX received_reports_current ON received_reports(unit_id, period_kind, year) WHERE replaced_at IS NULL;
`
