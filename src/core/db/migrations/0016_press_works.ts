// SQL of migration 10: works the area submits to the national press award on party building
// ("Búa liềm vàng"). award_year N covers works published 1/11/(N-1) – 31/10/N; a work outside is
// kept with a warning (propaganda/press.ts), the office decides.
export default /* sql */ `
CREATE TABLE press_works (
  id           INTEGER PRIMARY KEY,
  award_year   INTEGER NOT NULL,
  title        TEXT NOT NULL,
  outlet       TEXT,
  published_on TEXT NOT NULL,
  category     TEXT NOT NULL CHECK (category IN ('print', 'online', 'radio', 'television', 'photo')),
  link         TEXT,
  unit_id      INTEGER NOT NULL REFERENCES units(id),
  stage        TEXT NOT NULL CHECK (stage IN ('submitted', 'preliminary', 'final')),
  result       TEXT CHECK (result IN ('not_awarded', 'special', 'a', 'b', 'c', 'encouragement')),
  note         TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX press_works_published ON press_works(published_on, unit_id);
`
