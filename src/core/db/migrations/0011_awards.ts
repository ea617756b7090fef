// SQL of migration 11: reward decisions (quyết định khen thưởng). The issuer is a unit of the
// tree or an outside body by name; issuer_level is the level its power is looked up by.
export default /* sql */ `
CREATE TABLE awards (
  id             INTEGER PRIMARY KEY,
  number         TEXT NOT NULL,
  decision_date  TEXT NOT NULL,
  year           INTEGER NOT NULL,
  issuer_unit_id INTEGER REFERENCES units(id),
  issuer_name    TEXT,
  issuer_level   TEXT NOT NULL,
  form           TEXT NOT NULL CHECK (form IN ('praise', 'certificate', 'merit', 'emblem', 'flag')),
  kind           TEXT NOT NULL CHECK (kind IN ('annual', 'five_year', 'ad_hoc', 'thematic')),
  occasion       TEXT,
  signer         TEXT,
  created_at     TEXT NOT NULL,
  CHECK (issuer_unit_id IS NOT NULL OR issuer_name IS NOT NULL)
) STRICT;
CREATE INDEX awards_year ON awards(year);
`
