// SQL of migration 7: the anniversary calendar (DOMAIN part 5). An event keeps its source's
// precision (date YYYY, YYYY-MM or YYYY-MM-DD); the ordinal for a year is computed
// (shared/anniversary.ts), never stored. `seeded` tells the events the app brought from the
// offices' own (province founding, local events); both are editable.
export default /* sql */ `
CREATE TABLE anniversaries (
  id         INTEGER PRIMARY KEY,
  title      TEXT NOT NULL,
  date       TEXT NOT NULL,
  source     TEXT,
  note       TEXT,
  seeded     INTEGER NOT NULL DEFAULT 0 CHECK (seeded IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`
