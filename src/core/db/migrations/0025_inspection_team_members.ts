// SQL of migration 25: an inspection team in its order, each member a person on file or a name
// from outside (staff of another committee), with a role.
export default /* sql */ `
CREATE TABLE inspection_team_members (
  inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('head', 'deputy', 'member', 'secretary')),
  person_id     INTEGER REFERENCES people(id),
  name          TEXT NOT NULL,
  PRIMARY KEY (inspection_id, position)
) STRICT;
CREATE INDEX inspection_team_members_person ON inspection_team_members(person_id) WHERE person_id IS NOT NULL;
`
