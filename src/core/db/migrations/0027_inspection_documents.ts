// SQL of migration 27: the documents of an inspection as dated entries. An attached file is
// copied into the attachments folder beside the data file under the name of its content's
// SHA-256 (file_hash + extension), so backups can carry the folder and a restore can put back
// any file without clashing; file_name keeps the name the user knew it by.
export default /* sql */ `
CREATE TABLE inspection_documents (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspections(id),
  kind          TEXT NOT NULL CHECK (kind IN ('decision', 'plan', 'self_review', 'minutes', 'results_report', 'conclusion', 'other')),
  number        TEXT,
  dated_on      TEXT NOT NULL,
  title         TEXT,
  file_name     TEXT,
  file_hash     TEXT,
  file_size     INTEGER,
  note          TEXT,
  created_at    TEXT NOT NULL,
  CHECK ((file_name IS NULL) = (file_hash IS NULL))
) STRICT;
CREATE INDEX inspection_documents_inspection ON inspection_documents(inspection_id, dated_on);
`
