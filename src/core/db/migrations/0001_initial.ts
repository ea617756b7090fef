// SQL of migration 1. Kept as a TS module (not a .sql file) so the same import works in the
// bundled app, in the CLI run by tsx and in tests, with no file copying at build time.
export default /* sql */ `
-- Settings of the app kept inside the data file (e.g. how many backups to keep).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- The organisation tree, of any depth. "path" is the materialised path of ids ("/1/5/23/")
-- so a whole subtree is one indexed range scan.
CREATE TABLE units (
  id         INTEGER PRIMARY KEY,
  parent_id  INTEGER REFERENCES units(id),
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL,
  level      TEXT NOT NULL,
  path       TEXT NOT NULL,
  retired_on TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX units_parent ON units(parent_id);
CREATE UNIQUE INDEX units_path ON units(path);

-- Renames, relabels, moves and retirements, so nothing of a unit's past is lost.
CREATE TABLE unit_history (
  id        INTEGER PRIMARY KEY,
  unit_id   INTEGER NOT NULL REFERENCES units(id),
  at        TEXT NOT NULL,
  change    TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
) STRICT;
CREATE INDEX unit_history_unit ON unit_history(unit_id, id);

CREATE TABLE people (
  id                   INTEGER PRIMARY KEY,
  unit_id              INTEGER NOT NULL REFERENCES units(id),
  kind                 TEXT NOT NULL CHECK (kind IN ('member', 'non_member')),
  full_name            TEXT NOT NULL,
  name_key             TEXT NOT NULL,   -- folded: no diacritics, lower case
  sort_key             TEXT NOT NULL,   -- given name first, Vietnamese order, binary-comparable
  gender               TEXT CHECK (gender IN ('male', 'female')),
  birth_date           TEXT,
  ethnicity            TEXT,
  religion             TEXT,
  hometown             TEXT,
  residence            TEXT,
  member_type          TEXT CHECK (member_type IN ('official', 'probationary')),
  party_join_date      TEXT,
  party_official_date  TEXT,
  party_card_number    TEXT,
  party_profile_number TEXT,
  national_id          TEXT,
  position             TEXT,
  role                 TEXT,
  education            TEXT,
  political_theory     TEXT,
  phone                TEXT,
  note                 TEXT,
  status               TEXT NOT NULL DEFAULT 'active',
  status_since         TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
) STRICT;
CREATE INDEX people_unit_sort ON people(unit_id, sort_key);
CREATE INDEX people_sort ON people(sort_key);
CREATE INDEX people_card ON people(party_card_number) WHERE party_card_number IS NOT NULL;
CREATE INDEX people_profile ON people(party_profile_number) WHERE party_profile_number IS NOT NULL;
CREATE INDEX people_national_id ON people(national_id) WHERE national_id IS NOT NULL;

CREATE TABLE person_status_history (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  status      TEXT NOT NULL,
  since       TEXT NOT NULL,
  note        TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX person_status_history_person ON person_status_history(person_id, id);
`
