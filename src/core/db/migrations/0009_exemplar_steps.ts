// SQL of migration 9: each step of an exemplar's status flow, dated and by which unit.
export default /* sql */ `
CREATE TABLE exemplar_steps (
  id          INTEGER PRIMARY KEY,
  exemplar_id INTEGER NOT NULL REFERENCES exemplars(id) ON DELETE CASCADE,
  status      TEXT NOT NULL CHECK (status IN ('proposed', 'recognised', 'rewarded', 'spread')),
  on_date     TEXT NOT NULL,
  unit_id     INTEGER REFERENCES units(id),
  note        TEXT
) STRICT;
CREATE INDEX exemplar_steps_exemplar ON exemplar_steps(exemplar_id, id);
`
