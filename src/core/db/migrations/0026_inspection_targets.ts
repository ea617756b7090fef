// SQL of migration 26: the units an inspection covers, with the party members covered in each.
export default /* sql */ `
CREATE TABLE inspection_targets (
  inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  unit_id       INTEGER NOT NULL REFERENCES units(id),
  members       INTEGER NOT NULL DEFAULT 0 CHECK (members >= 0),
  PRIMARY KEY (inspection_id, unit_id)
) STRICT;
CREATE INDEX inspection_targets_unit ON inspection_targets(unit_id);
`
