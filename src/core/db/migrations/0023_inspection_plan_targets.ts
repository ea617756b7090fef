// SQL of migration 23: the units a plan item is to inspect or supervise.
export default /* sql */ `
CREATE TABLE inspection_plan_targets (
  plan_item_id INTEGER NOT NULL REFERENCES inspection_plan_items(id) ON DELETE CASCADE,
  unit_id      INTEGER NOT NULL REFERENCES units(id),
  PRIMARY KEY (plan_item_id, unit_id)
) STRICT;
CREATE INDEX inspection_plan_targets_unit ON inspection_plan_targets(unit_id);
`
