// SQL of migration 12: the recipients of a decision (an exemplar of the register, a person or a
// unit) with the citation of each. count_unit_id is the unit the reward is counted under.
export default /* sql */ `
CREATE TABLE award_recipients (
  id          INTEGER PRIMARY KEY,
  award_id    INTEGER NOT NULL REFERENCES awards(id) ON DELETE CASCADE,
  exemplar_id INTEGER REFERENCES exemplars(id),
  person_id   INTEGER REFERENCES people(id),
  unit_id     INTEGER REFERENCES units(id),
  count_unit_id INTEGER NOT NULL REFERENCES units(id),
  citation    TEXT,
  CHECK (exemplar_id IS NOT NULL OR person_id IS NOT NULL OR unit_id IS NOT NULL)
) STRICT;
CREATE INDEX award_recipients_award ON award_recipients(award_id);
CREATE INDEX award_recipients_unit ON award_recipients(count_unit_id);
CREATE INDEX award_recipients_exemplar ON award_recipients(exemplar_id) WHERE exemplar_id IS NOT NULL;
CREATE INDEX award_recipients_person ON award_recipients(person_id) WHERE person_id IS NOT NULL;
`
