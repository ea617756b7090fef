// Forward-only numbered migrations (db/migrations/NNNN_name.ts, plain SQL), each applied in its own
// transaction and recorded in PRAGMA user_version. A file made by a newer version is refused.
//
// From 0007 on, each migration file holds one change (one table, one column, one data move), named
// for it, so a failure, a review or a later reader points at one thing; 0001–0006 shipped as they
// are (0006 holds several) and are never edited. Adding one: write NNNN_name.ts with the next
// number, register it below, then update test/integration/data/schema-snapshot.sql (the migration test,
// test/integration/data/migrations.test.ts, says how) and review its diff: it must show that one change.
import type { Database } from 'better-sqlite3-multiple-ciphers'
import { fingerprintValues, FINGERPRINT_SQL_FUNCTION } from '../people/fingerprint'
import { CoreError } from './errors'
import m0001 from './migrations/0001_initial'
import m0002 from './migrations/0002_imports'
import m0003 from './migrations/0003_study'
import m0004 from './migrations/0004_commitments'
import m0005 from './migrations/0005_evaluation'
import m0006 from './migrations/0006_import_people'
import m0007 from './migrations/0007_emulation_movements'
import m0008 from './migrations/0008_exemplars'
import m0009 from './migrations/0009_exemplar_steps'
import m0010 from './migrations/0010_award_powers'
import m0011 from './migrations/0011_awards'
import m0012 from './migrations/0012_award_recipients'
import m0013 from './migrations/0013_anniversaries'
import m0014 from './migrations/0014_anniversary_seed'
import m0015 from './migrations/0015_propaganda_activities'
import m0016 from './migrations/0016_press_works'
import m0017 from './migrations/0017_press_work_authors'
import m0018 from './migrations/0018_received_reports'
import m0019 from './migrations/0019_report_issues'
import m0020 from './migrations/0020_report_drafts'
import m0021 from './migrations/0021_audit_log'
import m0022 from './migrations/0022_inspection_plan_items'
import m0023 from './migrations/0023_inspection_plan_targets'
import m0024 from './migrations/0024_inspections'
import m0025 from './migrations/0025_inspection_team_members'
import m0026 from './migrations/0026_inspection_targets'
import m0027 from './migrations/0027_inspection_documents'
import m0028 from './migrations/0028_inspection_findings'
import m0029 from './migrations/0029_inspection_recommendations'
import m0030 from './migrations/0030_unit_signers'
import m0031 from './migrations/0031_exemplar_proposed_form'
import m0032 from './migrations/0032_people_sort_status'

export interface Migration {
  version: number
  name: string
  sql: string
}

// In order; never edit one that has shipped, add the next.
export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'initial', sql: m0001 },
  { version: 2, name: 'imports', sql: m0002 },
  { version: 3, name: 'study', sql: m0003 },
  { version: 4, name: 'commitments', sql: m0004 },
  { version: 5, name: 'evaluation', sql: m0005 },
  { version: 6, name: 'import people', sql: m0006 },
  { version: 7, name: 'emulation movements', sql: m0007 },
  { version: 8, name: 'exemplars', sql: m0008 },
  { version: 9, name: 'exemplar steps', sql: m0009 },
  { version: 10, name: 'award powers', sql: m0010 },
  { version: 11, name: 'awards', sql: m0011 },
  { version: 12, name: 'award recipients', sql: m0012 },
  { version: 13, name: 'anniversaries', sql: m0013 },
  { version: 14, name: 'anniversary seed', sql: m0014 },
  { version: 15, name: 'propaganda activities', sql: m0015 },
  { version: 16, name: 'press works', sql: m0016 },
  { version: 17, name: 'press work authors', sql: m0017 },
  { version: 18, name: 'received reports', sql: m0018 },
  { version: 19, name: 'report issues', sql: m0019 },
  { version: 20, name: 'report drafts', sql: m0020 },
  { version: 21, name: 'audit log', sql: m0021 },
  { version: 22, name: 'inspection plan items', sql: m0022 },
  { version: 23, name: 'inspection plan targets', sql: m0023 },
  { version: 24, name: 'inspections', sql: m0024 },
  { version: 25, name: 'inspection team members', sql: m0025 },
  { version: 26, name: 'inspection targets', sql: m0026 },
  { version: 27, name: 'inspection documents', sql: m0027 },
  { version: 28, name: 'inspection findings', sql: m0028 },
  { version: 29, name: 'inspection recommendations', sql: m0029 },
  { version: 30, name: 'unit signers', sql: m0030 },
  { version: 31, name: 'exemplar proposed form', sql: m0031 },
  { version: 32, name: 'people sort status', sql: m0032 }
].sort((a, b) => a.version - b.version)

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function pendingMigrations(db: Database): Migration[] {
  const current = schemaVersion(db)
  if (current > SCHEMA_VERSION) {
    throw new CoreError(
      'DB_TOO_NEW',
      `Tệp dữ liệu được tạo bởi phiên bản mới hơn của phần mềm (lược đồ ${current}, phiên bản này hiểu đến ${SCHEMA_VERSION}). Hãy cập nhật phần mềm; tệp không bị thay đổi.`
    )
  }
  return MIGRATIONS.filter((m) => m.version > current)
}

export function applyMigrations(db: Database, migrations: Migration[]): void {
  // Functions the migrations' SQL may call.
  db.function(
    FINGERPRINT_SQL_FUNCTION,
    { deterministic: true, varargs: true },
    (...values: unknown[]) => fingerprintValues(values)
  )
  for (const m of migrations) {
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }).immediate()
  }
}
