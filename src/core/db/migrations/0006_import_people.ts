// SQL of migration 6: who an import added is recorded on the person (people.import_id) instead of
// as one JSON snapshot per person in import_changes. Writing 50,000 snapshots cost about a tenth of
// a second of every large import; undo needs only to know which people the import added and
// whether anyone edited them since, which updated_at tells (every write to people sets it).
// import_changes keeps the people an import updated, with their fields before and after, and now
// also their updated_at before, so undoing that update puts the person back exactly as they were.
export default /* sql */ `
ALTER TABLE people ADD COLUMN import_id INTEGER REFERENCES imports(id);
ALTER TABLE import_changes ADD COLUMN before_updated_at TEXT;

UPDATE people SET import_id = (SELECT c.import_id FROM import_changes c WHERE c.person_id = people.id AND c.action = 'created')
 WHERE id IN (SELECT person_id FROM import_changes WHERE action = 'created');
DELETE FROM import_changes WHERE action = 'created';
`
