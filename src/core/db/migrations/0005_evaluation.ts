// SQL of migration 5: the year-end rating (đánh giá, xếp loại đảng viên). Three ratings per
// member per year (self, proposed by the chi bộ, decided by the committee above), the rules of
// each span of years as editable data, and the units the user flags as tổ chức cơ sở đảng (or
// not) where the level label does not say. Totals and quota checks are computed, never stored.
import { SEED_RULE_SETS } from '../../evaluation/seed'

const q = (s: string | null) => (s === null ? 'NULL' : `'${s.replace(/'/g, "''")}'`)
const n = (v: number | null) => (v === null ? 'NULL' : String(v))
const RATING = `('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'not_rated')`

export default /* sql */ `
-- The rules of the years from from_year until the next rule set's from_year.
-- quota_base: whom the HTXSNV quota is a share of; quota_scope: where it is counted.
-- exempt_statuses: JSON array of people.status values not rated.
CREATE TABLE evaluation_rule_sets (
  id                INTEGER PRIMARY KEY,
  from_year         INTEGER NOT NULL UNIQUE CHECK (from_year BETWEEN 2000 AND 2100),
  name              TEXT NOT NULL,
  quota_percent     REAL CHECK (quota_percent IS NULL OR (quota_percent >= 0 AND quota_percent <= 100)),
  quota_base        TEXT NOT NULL CHECK (quota_base IN ('httnv', 'httnv_or_better', 'rated')),
  quota_scope       TEXT NOT NULL CHECK (quota_scope IN ('grassroots', 'unit')),
  exempt_statuses   TEXT NOT NULL DEFAULT '[]',
  new_member_months INTEGER CHECK (new_member_months IS NULL OR new_member_months BETWEEN 1 AND 24),
  score_excellent   REAL,
  score_good        REAL,
  score_done        REAL,
  note              TEXT,
  updated_at        TEXT NOT NULL
) STRICT;

-- A member's ratings of a year. reason: why a "not_rated" was given.
CREATE TABLE evaluation_ratings (
  person_id       INTEGER NOT NULL REFERENCES people(id),
  year            INTEGER NOT NULL,
  self_rating     TEXT CHECK (self_rating IN ${RATING}),
  proposed_rating TEXT CHECK (proposed_rating IN ${RATING}),
  decided_rating  TEXT CHECK (decided_rating IN ${RATING}),
  reason          TEXT CHECK (reason IN ('exempt', 'suspended', 'new_member', 'temporary', 'transferred', 'illness', 'other')),
  score           REAL CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
  note            TEXT,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (person_id, year)
) STRICT, WITHOUT ROWID;
CREATE INDEX evaluation_ratings_year ON evaluation_ratings(year, person_id);

-- The user's word on whether a unit is a tổ chức cơ sở đảng (the quota's scope), where its
-- level label says otherwise or nothing.
CREATE TABLE evaluation_grassroots (
  unit_id       INTEGER PRIMARY KEY REFERENCES units(id),
  is_grassroots INTEGER NOT NULL CHECK (is_grassroots IN (0, 1))
) STRICT;

INSERT INTO evaluation_rule_sets(from_year, name, quota_percent, quota_base, quota_scope, exempt_statuses, new_member_months,
  score_excellent, score_good, score_done, note, updated_at) VALUES
${SEED_RULE_SETS.map(
  (r) =>
    `  (${r.fromYear}, ${q(r.name)}, ${n(r.quotaPercent)}, ${q(r.quotaBase)}, ${q(r.quotaScope)}, ${q(JSON.stringify(r.exemptStatuses))}, ${n(r.newMemberMonths)}, ` +
    `${n(r.scoreThresholds?.excellent ?? null)}, ${n(r.scoreThresholds?.good ?? null)}, ${n(r.scoreThresholds?.done ?? null)}, ${q(r.note)}, '2025-01-01T00:00:00.000Z')`
).join(',\n')};
`
