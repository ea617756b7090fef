// SQL of migration 32: the name order's index also holds the status, so a page far down the
// whole list ("page at offset 40,000" of 50,000 people) skips the rows before it by the index
// alone (the list leaves out those who left the rolls, a test on the status) instead of reading
// each skipped person's row.
export default /* sql */ `
DROP INDEX people_sort;
CREATE INDEX people_sort ON people(sort_key, status);
`
