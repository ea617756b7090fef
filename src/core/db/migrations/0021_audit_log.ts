// SQL of migration 21: the audit log, one row per action on the data (see core/audit/audit.ts).
// Rows are only added; the one exception is erasure, which scrubs the entries about the erased
// person (person_id, no foreign key: the entry outlives the person) to the bare fact.
export default /* sql */ `
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  action      TEXT NOT NULL,
  description TEXT NOT NULL,
  detail      TEXT NOT NULL,
  person_id   INTEGER
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_person ON audit_log(person_id) WHERE person_id IS NOT NULL;
`
