// SQL of migration 20: the text an office writes for a report before issuing it (the narrative
// passages of each part), one draft per unit and period; the next period's draft starts from it.
export default /* sql */ `
CREATE TABLE report_drafts (
  unit_id     INTEGER NOT NULL REFERENCES units(id),
  period_kind TEXT NOT NULL CHECK (period_kind IN ('h1', 'year', 'custom')),
  from_day    TEXT NOT NULL,
  to_day      TEXT NOT NULL,
  narrative   TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (unit_id, period_kind, from_day, to_day)
) STRICT;
`
