// SQL of migration 30: who signs a unit's documents, as the office set it (null keeps the default
// of the unit's level). A unit without a row signs by its level alone.
export default /* sql */ `
CREATE TABLE unit_signers (
  unit_id INTEGER PRIMARY KEY REFERENCES units(id),
  line    TEXT,
  title   TEXT,
  name    TEXT
) STRICT;
`
