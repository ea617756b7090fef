// SQL of migration 2: the import history (for undo) and remembered column mappings.
export default /* sql */ `
-- One row per committed import of a member list.
CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT NOT NULL,
  file_path     TEXT NOT NULL,
  imported_at   TEXT NOT NULL,
  created       INTEGER NOT NULL,
  updated       INTEGER NOT NULL,
  unchanged     INTEGER NOT NULL,
  skipped       INTEGER NOT NULL,
  units_created INTEGER NOT NULL,
  backup_file   TEXT,
  undone_at     TEXT
) STRICT;

-- What an import did to each person: created, or updated from "before" to "after" (JSON of the
-- person's fields and status), so undo can restore and can tell when someone changed them since.
CREATE TABLE import_changes (
  id        INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  person_id INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('created', 'updated')),
  before    TEXT,
  after     TEXT NOT NULL
) STRICT;
CREATE INDEX import_changes_import ON import_changes(import_id);
CREATE INDEX import_changes_person ON import_changes(person_id);

CREATE TABLE import_units (
  import_id INTEGER NOT NULL REFERENCES imports(id),
  unit_id   INTEGER NOT NULL
) STRICT;
CREATE INDEX import_units_import ON import_units(import_id);

-- Column mappings the user confirmed, keyed by a signature of the normalised header texts.
CREATE TABLE import_mappings (
  signature  TEXT PRIMARY KEY,
  mapping    TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`
