// SQL of migration 31: "Hình thức đề nghị", the form of reward a unit proposes for an exemplar
// (the proposal list's column; what is finally given is the decision's form). Null: not said yet.
export default /* sql */ `
ALTER TABLE exemplars ADD COLUMN proposed_form TEXT
  CHECK (proposed_form IS NULL OR proposed_form IN ('praise', 'certificate', 'merit', 'emblem', 'flag'));
`
