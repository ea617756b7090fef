// SQL of migration 19: reports as issued. Issuing keeps the report's figures (the whole annex) and
// its text as they were sent, so later changes to the data never change what went up; issuing
// again for the same unit and period makes the next version.
export default /* sql */ `
CREATE TABLE report_issues (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES units(id),
  period_kind TEXT NOT NULL CHECK (period_kind IN ('h1', 'year', 'custom')),
  year        INTEGER NOT NULL,
  from_day    TEXT NOT NULL,
  to_day      TEXT NOT NULL,
  version     INTEGER NOT NULL CHECK (version >= 1),
  number      TEXT NOT NULL,
  issued_on   TEXT NOT NULL,
  annex       TEXT NOT NULL,
  narrative   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (unit_id, period_kind, from_day, to_day, version)
) STRICT;
`
