// SQL of migration 11: a press work's authors in their order, each a person on file or a name
// from outside the rolls (a journalist, a retired member).
export default /* sql */ `
CREATE TABLE press_work_authors (
  work_id   INTEGER NOT NULL REFERENCES press_works(id),
  position  INTEGER NOT NULL,
  person_id INTEGER REFERENCES people(id),
  name      TEXT NOT NULL,
  PRIMARY KEY (work_id, position)
) STRICT;
CREATE INDEX press_work_authors_person ON press_work_authors(person_id) WHERE person_id IS NOT NULL;
`
