// SQL of migration 6: who an import added is recorded on the person (people.import_id), with a
// fingerprint of the fields and status it wrote (people.import_fingerprint, see
// people/fingerprint.ts), instead of one JSON snapshot per person in import_changes: writing
// 50,000 snapshots cost about a tenth of a second of every large import. import_changes keeps the
// people an import updated, with their fields before and after.
// Older imports are carried over: their snapshots are fingerprinted by person_fingerprint(), a
// function the migration runner provides (db/migrations.ts), then dropped.
// An import may also change statuses (members its list marks "miễn sinh hoạt"): the status history
// rows it adds carry its id, and import_changes keeps an updated person's status_since from before,
// so that undo puts both back.
// Units get tree_order (siblings by name), ratings the unit they were given in, and people lose
// people_unit_sort (see each statement).

/** The values of a snapshot: the 21 person fields of this version, then the status. */
const SNAPSHOT_VALUES = Array.from(
  { length: 22 },
  (_, i) => `json_extract(c.after, '$[${i}]')`
).join(', ')

export default /* sql */ `
ALTER TABLE people ADD COLUMN import_id INTEGER REFERENCES imports(id);
ALTER TABLE people ADD COLUMN import_fingerprint INTEGER;

UPDATE people SET import_id = c.import_id, import_fingerprint = person_fingerprint(${SNAPSHOT_VALUES})
  FROM import_changes c WHERE c.person_id = people.id AND c.action = 'created';
DELETE FROM import_changes WHERE action = 'created';

-- people_unit_status (unit_id, status, kind) serves every lookup by unit; a unit's few hundred
-- people are sorted by name in no time, and a wider scope's pages use people_sort. One index
-- fewer to keep up at every insert (about 40 ms of an import of 50,000 people).
DROP INDEX people_unit_sort;

-- Siblings in name order wherever the tree is listed or exported (units/tree-order.ts fills it).
ALTER TABLE units ADD COLUMN tree_order INTEGER NOT NULL DEFAULT 0;
-- Lists ordered by unit then person page without sorting everything first (missing list: 62 → 30 ms).
CREATE INDEX units_tree_order ON units(tree_order);

-- The unit a member was rated in (set when the rating is first written): a past year's sheet
-- keeps its members after they move to another chi bộ. Existing ratings: the member's unit now.
ALTER TABLE evaluation_ratings ADD COLUMN unit_id INTEGER REFERENCES units(id);
UPDATE evaluation_ratings SET unit_id = (SELECT p.unit_id FROM people p WHERE p.id = evaluation_ratings.person_id);
CREATE INDEX evaluation_ratings_unit ON evaluation_ratings(year, unit_id);

ALTER TABLE import_changes ADD COLUMN status_since_before TEXT;
ALTER TABLE person_status_history ADD COLUMN import_id INTEGER REFERENCES imports(id);
CREATE INDEX person_status_history_import ON person_status_history(import_id) WHERE import_id IS NOT NULL;
`
