-- The schema of the data file after every migration, as test/integration/migrations.test.ts
-- reads it (comments dropped, spaces made single, a column a line). Written by that test with
-- UPDATE_SCHEMA_SNAPSHOT=1; review its diff with the migration that changes it.
PRAGMA user_version = 32;
CREATE TABLE anniversaries (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  source TEXT,
  note TEXT,
  seeded INTEGER NOT NULL DEFAULT 0 CHECK (seeded IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  description TEXT NOT NULL,
  detail TEXT NOT NULL,
  person_id INTEGER
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_person ON audit_log(person_id) WHERE person_id IS NOT NULL;
CREATE TABLE award_powers (
  level_key TEXT PRIMARY KEY,
  level TEXT NOT NULL,
  forms TEXT NOT NULL
) STRICT;
CREATE TABLE award_recipients (
  id INTEGER PRIMARY KEY,
  award_id INTEGER NOT NULL REFERENCES awards(id) ON DELETE CASCADE,
  exemplar_id INTEGER REFERENCES exemplars(id),
  person_id INTEGER REFERENCES people(id),
  unit_id INTEGER REFERENCES units(id),
  count_unit_id INTEGER NOT NULL REFERENCES units(id),
  citation TEXT,
  CHECK (exemplar_id IS NOT NULL OR person_id IS NOT NULL OR unit_id IS NOT NULL)
) STRICT;
CREATE INDEX award_recipients_award ON award_recipients(award_id);
CREATE INDEX award_recipients_exemplar ON award_recipients(exemplar_id) WHERE exemplar_id IS NOT NULL;
CREATE INDEX award_recipients_person ON award_recipients(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX award_recipients_unit ON award_recipients(count_unit_id);
CREATE TABLE awards (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  year INTEGER NOT NULL,
  issuer_unit_id INTEGER REFERENCES units(id),
  issuer_name TEXT,
  issuer_level TEXT NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('praise', 'certificate', 'merit', 'emblem', 'flag')),
  kind TEXT NOT NULL CHECK (kind IN ('annual', 'five_year', 'ad_hoc', 'thematic')),
  occasion TEXT,
  signer TEXT,
  created_at TEXT NOT NULL,
  CHECK (issuer_unit_id IS NOT NULL OR issuer_name IS NOT NULL)
) STRICT;
CREATE INDEX awards_year ON awards(year);
CREATE TABLE commitment_items (
  id INTEGER PRIMARY KEY,
  commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  heading TEXT NOT NULL CHECK (heading IN ('politics', 'ethics', 'duty', 'discipline', 'topic', 'breakthrough')),
  content TEXT NOT NULL,
  tasks TEXT,
  measures TEXT,
  deadline TEXT,
  expected TEXT
) STRICT;
CREATE INDEX commitment_items_commitment ON commitment_items(commitment_id, position);
CREATE TABLE commitment_review_entries (
  review_id INTEGER NOT NULL REFERENCES commitment_reviews(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('praise', 'reminder', 'none')),
  progress TEXT,
  PRIMARY KEY (review_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX commitment_review_entries_person ON commitment_review_entries(person_id, review_id);
CREATE TABLE commitment_reviews (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  held_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('monthly', 'quarterly')),
  reviewer TEXT NOT NULL CHECK (reviewer IN ('party_cell', 'unit_leaders')),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX commitment_reviews_unit ON commitment_reviews(unit_id, year, held_on);
CREATE TABLE commitment_template_items (
  id INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES commitment_templates(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  heading TEXT NOT NULL CHECK (heading IN ('politics', 'ethics', 'duty', 'discipline', 'topic', 'breakthrough')),
  content TEXT NOT NULL,
  tasks TEXT,
  measures TEXT,
  deadline TEXT,
  expected TEXT
) STRICT;
CREATE INDEX commitment_template_items_template ON commitment_template_items(template_id, position);
CREATE TABLE commitment_templates (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (unit_id, year)
) STRICT;
CREATE TABLE commitments (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  year INTEGER NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  made_on TEXT,
  source TEXT NOT NULL CHECK (source IN ('template', 'manual')),
  result TEXT CHECK (result IN ('completed_well', 'completed', 'not_completed')),
  result_note TEXT,
  result_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (person_id, year)
) STRICT;
CREATE INDEX commitments_year_unit ON commitments(year, unit_id);
CREATE TABLE emulation_movements (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  decision_number TEXT,
  decision_date TEXT,
  from_date TEXT,
  to_date TEXT,
  criteria TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX emulation_movements_year ON emulation_movements(year, unit_id);
CREATE TABLE evaluation_grassroots (
  unit_id INTEGER PRIMARY KEY REFERENCES units(id),
  is_grassroots INTEGER NOT NULL CHECK (is_grassroots IN (0, 1))
) STRICT;
CREATE TABLE evaluation_ratings (
  person_id INTEGER NOT NULL REFERENCES people(id),
  year INTEGER NOT NULL,
  self_rating TEXT CHECK (self_rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'not_rated')),
  proposed_rating TEXT CHECK (proposed_rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'not_rated')),
  decided_rating TEXT CHECK (decided_rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'not_rated')),
  reason TEXT CHECK (reason IN ('exempt', 'suspended', 'new_member', 'temporary', 'transferred', 'illness', 'other')),
  score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
  note TEXT,
  updated_at TEXT NOT NULL,
  unit_id INTEGER REFERENCES units(id),
  PRIMARY KEY (person_id, year)
) STRICT, WITHOUT ROWID;
CREATE INDEX evaluation_ratings_unit ON evaluation_ratings(year, unit_id);
CREATE INDEX evaluation_ratings_year ON evaluation_ratings(year, person_id);
CREATE TABLE evaluation_rule_sets (
  id INTEGER PRIMARY KEY,
  from_year INTEGER NOT NULL UNIQUE CHECK (from_year BETWEEN 2000 AND 2100),
  name TEXT NOT NULL,
  quota_percent REAL CHECK (quota_percent IS NULL OR (quota_percent >= 0 AND quota_percent <= 100)),
  quota_base TEXT NOT NULL CHECK (quota_base IN ('httnv', 'httnv_or_better', 'rated')),
  quota_scope TEXT NOT NULL CHECK (quota_scope IN ('grassroots', 'unit')),
  exempt_statuses TEXT NOT NULL DEFAULT '[]',
  new_member_months INTEGER CHECK (new_member_months IS NULL OR new_member_months BETWEEN 1 AND 24),
  score_excellent REAL,
  score_good REAL,
  score_done REAL,
  note TEXT,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE exemplar_steps (
  id INTEGER PRIMARY KEY,
  exemplar_id INTEGER NOT NULL REFERENCES exemplars(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'recognised', 'rewarded', 'spread')),
  on_date TEXT NOT NULL,
  unit_id INTEGER REFERENCES units(id),
  note TEXT
) STRICT;
CREATE INDEX exemplar_steps_exemplar ON exemplar_steps(exemplar_id, id);
CREATE TABLE exemplars (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'unit', 'outside', 'model')),
  person_id INTEGER REFERENCES people(id),
  unit_id INTEGER REFERENCES units(id),
  name TEXT,
  name_key TEXT,
  field TEXT,
  since_year INTEGER,
  achievement TEXT,
  proposing_unit_id INTEGER NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  to_year INTEGER CHECK (to_year IS NULL OR to_year >= year),
  movement_id INTEGER REFERENCES emulation_movements(id),
  evidence TEXT,
  press TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'recognised', 'rewarded', 'spread')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  proposed_form TEXT CHECK (proposed_form IS NULL OR proposed_form IN ('praise', 'certificate', 'merit', 'emblem', 'flag')),
  CHECK (kind <> 'person' OR person_id IS NOT NULL),
  CHECK (kind <> 'unit' OR unit_id IS NOT NULL),
  CHECK (kind NOT IN ('outside', 'model') OR name IS NOT NULL)
) STRICT;
CREATE INDEX exemplars_person ON exemplars(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX exemplars_unit_year ON exemplars(proposing_unit_id, year);
CREATE INDEX exemplars_year ON exemplars(year, status);
CREATE TABLE import_changes (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  person_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('created', 'updated')),
  before TEXT,
  after TEXT NOT NULL,
  status_since_before TEXT
) STRICT;
CREATE INDEX import_changes_import ON import_changes(import_id);
CREATE INDEX import_changes_person ON import_changes(person_id);
CREATE TABLE import_mappings (
  signature TEXT PRIMARY KEY,
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE import_units (
  import_id INTEGER NOT NULL REFERENCES imports(id),
  unit_id INTEGER NOT NULL
) STRICT;
CREATE INDEX import_units_import ON import_units(import_id);
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  file_path TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  units_created INTEGER NOT NULL,
  backup_file TEXT,
  undone_at TEXT
) STRICT;
CREATE TABLE inspection_documents (
  id INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspections(id),
  kind TEXT NOT NULL CHECK (kind IN ('decision', 'plan', 'self_review', 'minutes', 'results_report', 'conclusion', 'other')),
  number TEXT,
  dated_on TEXT NOT NULL,
  title TEXT,
  file_name TEXT,
  file_hash TEXT,
  file_size INTEGER,
  note TEXT,
  created_at TEXT NOT NULL,
  CHECK ((file_name IS NULL) = (file_hash IS NULL))
) STRICT;
CREATE INDEX inspection_documents_inspection ON inspection_documents(inspection_id, dated_on);
CREATE TABLE inspection_findings (
  id INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('strength', 'shortcoming')),
  position INTEGER NOT NULL,
  text TEXT NOT NULL
) STRICT;
CREATE INDEX inspection_findings_inspection ON inspection_findings(inspection_id, position);
CREATE TABLE inspection_plan_items (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('inspection', 'supervision')),
  mode TEXT NOT NULL CHECK (mode IN ('thematic', 'ongoing')),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  content TEXT NOT NULL,
  quarter INTEGER CHECK (quarter BETWEEN 1 AND 4),
  month INTEGER CHECK (month BETWEEN 1 AND 12),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((quarter IS NULL) <> (month IS NULL))
) STRICT;
CREATE INDEX inspection_plan_items_year ON inspection_plan_items(year, unit_id);
CREATE TABLE inspection_plan_targets (
  plan_item_id INTEGER NOT NULL REFERENCES inspection_plan_items(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  PRIMARY KEY (plan_item_id, unit_id)
) STRICT;
CREATE INDEX inspection_plan_targets_unit ON inspection_plan_targets(unit_id);
CREATE TABLE inspection_recommendations (
  id INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspections(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  text TEXT NOT NULL,
  made_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  done_on TEXT,
  done_note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (due_on >= made_on)
) STRICT;
CREATE INDEX inspection_recommendations_inspection ON inspection_recommendations(inspection_id);
CREATE INDEX inspection_recommendations_unit ON inspection_recommendations(unit_id, due_on);
CREATE TABLE inspection_targets (
  inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  members INTEGER NOT NULL DEFAULT 0 CHECK (members >= 0),
  PRIMARY KEY (inspection_id, unit_id)
) STRICT;
CREATE INDEX inspection_targets_unit ON inspection_targets(unit_id);
CREATE TABLE inspection_team_members (
  inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('head', 'deputy', 'member', 'secretary')),
  person_id INTEGER REFERENCES people(id),
  name TEXT NOT NULL,
  PRIMARY KEY (inspection_id, position)
) STRICT;
CREATE INDEX inspection_team_members_person ON inspection_team_members(person_id) WHERE person_id IS NOT NULL;
CREATE TABLE inspections (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('inspection', 'supervision')),
  mode TEXT NOT NULL CHECK (mode IN ('thematic', 'ongoing')),
  plan_item_id INTEGER UNIQUE REFERENCES inspection_plan_items(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  content TEXT NOT NULL,
  decision_number TEXT,
  decision_date TEXT,
  period_from TEXT,
  period_to TEXT,
  starts_on TEXT,
  ends_on TEXT,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'notified', 'self_review', 'at_work', 'results_adopted', 'concluded', 'closed')),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
  CHECK (period_to IS NULL OR period_from IS NULL OR period_to >= period_from)
) STRICT;
CREATE INDEX inspections_starts ON inspections(starts_on, unit_id);
CREATE INDEX inspections_unit ON inspections(unit_id);
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL CHECK (kind IN ('member', 'non_member')),
  full_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  gender TEXT CHECK (gender IN ('male', 'female')),
  birth_date TEXT,
  ethnicity TEXT,
  religion TEXT,
  hometown TEXT,
  residence TEXT,
  member_type TEXT CHECK (member_type IN ('official', 'probationary')),
  party_join_date TEXT,
  party_official_date TEXT,
  party_card_number TEXT,
  party_profile_number TEXT,
  national_id TEXT,
  position TEXT,
  role TEXT,
  education TEXT,
  political_theory TEXT,
  phone TEXT,
  note TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  status_since TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  import_id INTEGER REFERENCES imports(id),
  import_fingerprint INTEGER
) STRICT;
CREATE INDEX people_card ON people(party_card_number) WHERE party_card_number IS NOT NULL;
CREATE INDEX people_national_id ON people(national_id) WHERE national_id IS NOT NULL;
CREATE INDEX people_profile ON people(party_profile_number) WHERE party_profile_number IS NOT NULL;
CREATE INDEX people_sort ON people(sort_key, status);
CREATE INDEX people_unit_status ON people(unit_id, status, kind);
CREATE TABLE person_status_history (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  status TEXT NOT NULL,
  since TEXT NOT NULL,
  note TEXT,
  recorded_at TEXT NOT NULL,
  import_id INTEGER REFERENCES imports(id)
) STRICT;
CREATE INDEX person_status_history_import ON person_status_history(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX person_status_history_person ON person_status_history(person_id, id);
CREATE TABLE press_work_authors (
  work_id INTEGER NOT NULL REFERENCES press_works(id),
  position INTEGER NOT NULL,
  person_id INTEGER REFERENCES people(id),
  name TEXT NOT NULL,
  PRIMARY KEY (work_id, position)
) STRICT;
CREATE INDEX press_work_authors_person ON press_work_authors(person_id) WHERE person_id IS NOT NULL;
CREATE TABLE press_works (
  id INTEGER PRIMARY KEY,
  award_year INTEGER NOT NULL,
  title TEXT NOT NULL,
  outlet TEXT,
  published_on TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('print', 'online', 'radio', 'television', 'photo')),
  link TEXT,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  stage TEXT NOT NULL CHECK (stage IN ('submitted', 'preliminary', 'final')),
  result TEXT CHECK (result IN ('not_awarded', 'special', 'a', 'b', 'c', 'encouragement')),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX press_works_published ON press_works(published_on, unit_id);
CREATE TABLE propaganda_activities (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('conference', 'contest', 'themed_meeting', 'exhibition', 'arts', 'mobile', 'banners', 'portal', 'radio_press', 'social_media', 'other')),
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  title TEXT,
  on_topic INTEGER NOT NULL DEFAULT 0 CHECK (on_topic IN (0, 1)),
  anniversary_id INTEGER REFERENCES anniversaries(id),
  points INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0),
  members INTEGER NOT NULL DEFAULT 0 CHECK (members >= 0),
  non_members INTEGER NOT NULL DEFAULT 0 CHECK (non_members >= 0),
  attendances INTEGER NOT NULL DEFAULT 0 CHECK (attendances >= 0),
  news INTEGER NOT NULL DEFAULT 0 CHECK (news >= 0),
  articles INTEGER NOT NULL DEFAULT 0 CHECK (articles >= 0),
  reports INTEGER NOT NULL DEFAULT 0 CHECK (reports >= 0),
  panels INTEGER NOT NULL DEFAULT 0 CHECK (panels >= 0),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
) STRICT;
CREATE INDEX propaganda_activities_anniversary ON propaganda_activities(anniversary_id) WHERE anniversary_id IS NOT NULL;
CREATE INDEX propaganda_activities_period ON propaganda_activities(starts_on, unit_id, kind, points, members, non_members, attendances, news, articles, reports, panels);
CREATE TABLE received_reports (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  period_kind TEXT NOT NULL CHECK (period_kind IN ('h1', 'year')),
  year INTEGER NOT NULL,
  from_day TEXT NOT NULL,
  to_day TEXT NOT NULL,
  source_unit_id INTEGER NOT NULL,
  source_name TEXT NOT NULL,
  source_path TEXT NOT NULL,
  app_version TEXT NOT NULL,
  file_name TEXT NOT NULL,
  figures TEXT NOT NULL,
  received_at TEXT NOT NULL,
  replaced_at TEXT
) STRICT;
CREATE UNIQUE INDEX received_reports_current ON received_reports(unit_id, period_kind, year) WHERE replaced_at IS NULL;
CREATE TABLE report_drafts (
  unit_id INTEGER NOT NULL REFERENCES units(id),
  period_kind TEXT NOT NULL CHECK (period_kind IN ('h1', 'year', 'custom')),
  from_day TEXT NOT NULL,
  to_day TEXT NOT NULL,
  narrative TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, period_kind, from_day, to_day)
) STRICT;
CREATE TABLE report_issues (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  period_kind TEXT NOT NULL CHECK (period_kind IN ('h1', 'year', 'custom')),
  year INTEGER NOT NULL,
  from_day TEXT NOT NULL,
  to_day TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  number TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  annex TEXT NOT NULL,
  narrative TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (unit_id, period_kind, from_day, to_day, version)
) STRICT;
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
CREATE TABLE study_attendance (
  person_id INTEGER NOT NULL REFERENCES people(id),
  session_id INTEGER NOT NULL REFERENCES study_sessions(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (person_id, session_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX study_attendance_session ON study_attendance(session_id, person_id);
CREATE TABLE study_points (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES study_sessions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  unit_id INTEGER REFERENCES units(id),
  attendees INTEGER NOT NULL DEFAULT 0 CHECK (attendees >= 0)
) STRICT;
CREATE INDEX study_points_session ON study_points(session_id, position);
CREATE TABLE study_sessions (
  id INTEGER PRIMARY KEY,
  topic_id INTEGER NOT NULL REFERENCES study_topics(id),
  kind TEXT NOT NULL CHECK (kind IN ('provincial_online', 'district_conference', 'cell_meeting', 'unit_conference', 'makeup')),
  held_on TEXT NOT NULL,
  host_unit_id INTEGER NOT NULL REFERENCES units(id),
  title TEXT,
  extra_non_members INTEGER NOT NULL DEFAULT 0 CHECK (extra_non_members >= 0),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX study_sessions_host ON study_sessions(host_unit_id);
CREATE INDEX study_sessions_topic ON study_sessions(topic_id, held_on);
CREATE TABLE study_topics (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  plan_number TEXT,
  plan_date TEXT,
  note TEXT,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE unit_history (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  at TEXT NOT NULL,
  change TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
) STRICT;
CREATE INDEX unit_history_unit ON unit_history(unit_id, id);
CREATE TABLE unit_signers (
  unit_id INTEGER PRIMARY KEY REFERENCES units(id),
  line TEXT,
  title TEXT,
  name TEXT
) STRICT;
CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES units(id),
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  level TEXT NOT NULL,
  path TEXT NOT NULL,
  retired_on TEXT,
  created_at TEXT NOT NULL,
  tree_order INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX units_parent ON units(parent_id);
CREATE UNIQUE INDEX units_path ON units(path);
CREATE INDEX units_tree_order ON units(tree_order);
