// SQL of migration 7: emulation movements (phong trào thi đua) a unit launches for a year; its
// subtree is the movement's scope. Exemplars and models may belong to one.
export default /* sql */ `
CREATE TABLE emulation_movements (
  id              INTEGER PRIMARY KEY,
  year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title           TEXT NOT NULL,
  unit_id         INTEGER NOT NULL REFERENCES units(id),
  decision_number TEXT,
  decision_date   TEXT,
  from_date       TEXT,
  to_date         TEXT,
  criteria        TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX emulation_movements_year ON emulation_movements(year, unit_id);
`
