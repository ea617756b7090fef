// The one API contract between the UI (or CLI, or test harness) and the core, composed from one
// file per domain: each maps its channels (`domain:verb`) to their input and output and lists
// them. Payloads are JSON-safe: dates are ISO strings (possibly partial, see partial-date.ts),
// never Date objects. A new section adds its file here, to `Api` and to `CHANNELS`.
//
// Channel names, one way for each thing (a new section follows them):
// - `<domain>:list` is the domain's own list (units, people, backups); any other list is
//   `<domain>:list<Things>` (study:listTopics, study:listSessions, commitments:listReviews …).
//   A record's trail of changes is its `history` (units:history, people:statusHistory).
// - Create or update: a thing with its own id has `create<Thing>` (its fields) and
//   `update<Thing>` ({ id, fields }), `create`/`update` for the domain's own thing; a record
//   known by what it belongs to (a person and a year, a unit and a year, a year) has one
//   `save<Thing>` that creates or replaces it (study:saveTopic, commitments:save,
//   commitments:saveTemplate, evaluation:save).
// - `get<Thing>` reads one by id, `delete<Thing>` removes one, `set<Field>` changes one field
//   (people:setStatus, commitments:setResult), `export<Thing>` saves a file the user chooses.

import type { AppApi } from './app'
import type { AuditApi } from './audit'
import type { BackupApi } from './backup'
import type { CommitmentsApi } from './commitments'
import type { Result } from './common'
import type { EvaluationApi } from './evaluation'
import type { ExemplarsApi } from './exemplars'
import type { ImportApi } from './import'
import type { InspectionsApi } from './inspections'
import type { PeopleApi } from './people'
import type { PropagandaApi } from './propaganda'
import type { ReportsApi } from './reports'
import type { StudyApi } from './study'
import type { UnitsApi } from './units'
import { APP_CHANNELS } from './app'
import { AUDIT_CHANNELS } from './audit'
import { BACKUP_CHANNELS } from './backup'
import { COMMITMENTS_CHANNELS } from './commitments'
import { EVALUATION_CHANNELS } from './evaluation'
import { EXEMPLARS_CHANNELS } from './exemplars'
import { IMPORT_CHANNELS } from './import'
import { INSPECTIONS_CHANNELS } from './inspections'
import { PEOPLE_CHANNELS } from './people'
import { PROPAGANDA_CHANNELS } from './propaganda'
import { REPORTS_CHANNELS } from './reports'
import { STUDY_CHANNELS } from './study'
import { UNITS_CHANNELS } from './units'

export * from './common'
export * from './app'
export * from './units'
export * from './people'
export * from './backup'
export * from './import'
export * from './study'
export * from './commitments'
export * from './evaluation'
export * from './exemplars'
export * from './propaganda'
export * from './reports'
export * from './audit'
export * from './inspections'

export interface Api
  extends
    AppApi,
    UnitsApi,
    PeopleApi,
    BackupApi,
    ImportApi,
    StudyApi,
    CommitmentsApi,
    EvaluationApi,
    ExemplarsApi,
    PropagandaApi,
    ReportsApi,
    AuditApi,
    InspectionsApi {}

export type Channel = keyof Api
export type Input<C extends Channel> = Api[C]['input']
export type Output<C extends Channel> = Api[C]['output']

/** Every channel, in one list: the preload and the test harness build window.api from it. */
export const CHANNELS = [
  ...APP_CHANNELS,
  ...UNITS_CHANNELS,
  ...PEOPLE_CHANNELS,
  ...BACKUP_CHANNELS,
  ...IMPORT_CHANNELS,
  ...STUDY_CHANNELS,
  ...COMMITMENTS_CHANNELS,
  ...EVALUATION_CHANNELS,
  ...EXEMPLARS_CHANNELS,
  ...PROPAGANDA_CHANNELS,
  ...REPORTS_CHANNELS,
  ...AUDIT_CHANNELS,
  ...INSPECTIONS_CHANNELS
] as const satisfies readonly Channel[]

// Compile-time proof that CHANNELS lists every channel of Api (each domain file checks its own
// list too; this catches a domain interface added to Api whose list is not spread here).
type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>
const _allChannelsListed: MissingChannels extends never ? true : MissingChannels = true
void _allChannelsListed

/** What the page sees as window.api: one function per channel. */
export type WindowApi = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> }
