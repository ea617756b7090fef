// SQL of migration 28: what an inspection found, strengths and shortcomings, in their order.
export default /* sql */ `
CREATE TABLE inspection_findings (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('strength', 'shortcoming')),
  position      INTEGER NOT NULL,
  text          TEXT NOT NULL
) STRICT;
CREATE INDEX inspection_findings_inspection ON inspection_findings(inspection_id, position);
`
