// SQL of migration 8: the register of exemplars (điển hình: a person, a unit, an outside
// collective) and models (mô hình), counted per proposing unit. A person's name is read from
// people, never copied; name/name_key hold the outside collective's or the model's name.
// status is the latest step of exemplar_steps, kept here so lists filter on an index.
export default /* sql */ `
CREATE TABLE exemplars (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('person', 'unit', 'outside', 'model')),
  person_id          INTEGER REFERENCES people(id),
  unit_id            INTEGER REFERENCES units(id),
  name               TEXT,
  name_key           TEXT,
  field              TEXT,
  since_year         INTEGER,
  achievement        TEXT,
  proposing_unit_id  INTEGER NOT NULL REFERENCES units(id),
  year               INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  to_year            INTEGER CHECK (to_year IS NULL OR to_year >= year),
  movement_id        INTEGER REFERENCES emulation_movements(id),
  evidence           TEXT,
  press              TEXT NOT NULL DEFAULT '[]',
  status             TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'recognised', 'rewarded', 'spread')),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (kind <> 'person' OR person_id IS NOT NULL),
  CHECK (kind <> 'unit' OR unit_id IS NOT NULL),
  CHECK (kind NOT IN ('outside', 'model') OR name IS NOT NULL)
) STRICT;
CREATE INDEX exemplars_unit_year ON exemplars(proposing_unit_id, year);
CREATE INDEX exemplars_year ON exemplars(year, status);
CREATE INDEX exemplars_person ON exemplars(person_id) WHERE person_id IS NOT NULL;
`
