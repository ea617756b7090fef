// A data file made by the first version of the app (migration 0001 only, with people in it) is
// opened by the current code: every migration runs on it, and the schema it ends with must be
// the stored snapshot (schema-snapshot.sql), the same schema a freshly created file gets. So a
// migration that only works on an empty file, or that leaves an upgraded file different from a
// new one, fails here.
//
// After adding a migration, write the snapshot anew and review its diff (it should show the one
// change the migration makes):
//   UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run --project integration test/integration/migrations.test.ts
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../../src/core/db/connection'
import { applyMigrations, MIGRATIONS, SCHEMA_VERSION } from '../../../src/core/db/migrations'
import { openTestCore, tempDir, type TestCore } from '../../helpers/core'

const SNAPSHOT = join(__dirname, 'schema-snapshot.sql')
const MIGRATIONS_DIR = join(__dirname, '../../../src/core/db/migrations')

/** Splits `text` at the commas that are not inside parentheses or quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quote: string | null = null
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = null
    } else if (c === "'" || c === '"') quote = c
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(text.slice(start).trim())
  return parts
}

/** A CREATE statement without comments, with single spaces, a table's columns one a line. */
function normalizeSql(sql: string): string {
  let out = ''
  let quote: string | null = null
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]
    if (quote) {
      out += c
      if (c === quote) quote = null
    } else if (c === "'" || c === '"') {
      quote = c
      out += c
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++
      out += ' '
    } else if (c === '/' && sql[i + 1] === '*') {
      i = sql.indexOf('*/', i + 2) + 1
      out += ' '
    } else out += /\s/.test(c) ? ' ' : c
  }
  // Outside quotes only; no quoted text in this schema holds runs of spaces or "( ".
  const flat = out
    .replace(/ +/g, ' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ ,/g, ',')
    .trim()
  if (!/^CREATE TABLE/i.test(flat)) return flat
  const open = flat.indexOf('(')
  const close = flat.lastIndexOf(')')
  const lines = splitTopLevel(flat.slice(open + 1, close)).map((p) => `  ${p}`)
  return `${flat.slice(0, open).trim()} (\n${lines.join(',\n')}\n)${flat.slice(close + 1)}`
}

/** The schema of a data file as text: each table, then its indexes and triggers, by name. */
function schemaText(db: Database): string {
  const objects = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema
       WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
       ORDER BY tbl_name, CASE type WHEN 'table' THEN 0 WHEN 'view' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name`
    )
    .all() as { type: string; name: string; tbl_name: string; sql: string }[]
  const header = [
    '-- The schema of the data file after every migration, as test/integration/migrations.test.ts',
    '-- reads it (comments dropped, spaces made single, a column a line). Written by that test with',
    '-- UPDATE_SCHEMA_SNAPSHOT=1; review its diff with the migration that changes it.',
    `PRAGMA user_version = ${db.pragma('user_version', { simple: true })};`
  ]
  return [...header, ...objects.map((o) => `${normalizeSql(o.sql)};`)].join('\n') + '\n'
}

/** What SQLite itself reports of every table's columns and every index, beyond the text. */
function columnsAndIndexes(db: Database): unknown {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    .pluck()
    .all() as string[]
  return tables.map((t) => ({
    table: t,
    columns: db.pragma(`table_xinfo(${t})`),
    foreignKeys: db.pragma(`foreign_key_list(${t})`),
    indexes: (db.pragma(`index_list(${t})`) as { name: string }[])
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((i) => ({ ...i, columns: db.pragma(`index_xinfo(${i.name})`) }))
  }))
}

const T = '2024-03-01T08:00:00.000Z'

/** A data file as the first version of the app left it: a small tree, people, their history. */
function firstVersionFile(path: string): void {
  const db = openDatabase(path)
  applyMigrations(
    db,
    MIGRATIONS.filter((m) => m.version === 1)
  )
  db.prepare("INSERT INTO settings(key, value) VALUES ('backup.keep', '7')").run()
  const unit = db.prepare(
    'INSERT INTO units(id, parent_id, name, name_key, level, path, retired_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  unit.run(1, null, 'Đảng ủy xã Tân Lập', 'dang uy xa tan lap', 'Đảng ủy cơ sở', '/1/', null, T)
  unit.run(2, 1, 'Chi bộ ấp 2', 'chi bo ap 2', 'Chi bộ', '/1/2/', null, T)
  unit.run(3, 1, 'Chi bộ ấp 10', 'chi bo ap 10', 'Chi bộ', '/1/3/', null, T)
  unit.run(4, 1, 'Chi bộ cũ', 'chi bo cu', 'Chi bộ', '/1/4/', '2023-12-31', T)
  db.prepare(
    "INSERT INTO unit_history(unit_id, at, change, old_value, new_value) VALUES (4, ?, 'retire', NULL, '2023-12-31')"
  ).run(T)
  const person = db.prepare(
    `INSERT INTO people(id, unit_id, kind, full_name, name_key, sort_key, gender, birth_date, party_card_number, status, status_since, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  person.run(
    1,
    2,
    'member',
    'Nguyễn Văn An',
    'nguyen van an',
    'an',
    'male',
    '1980-03-12',
    '01000001',
    'active',
    null,
    T,
    T
  )
  person.run(
    2,
    2,
    'non_member',
    'Trần Thị Bình',
    'tran thi binh',
    'binh',
    'female',
    '1990',
    null,
    'active',
    null,
    T,
    T
  )
  person.run(
    3,
    3,
    'member',
    'Lê Văn Cường',
    'le van cuong',
    'cuong',
    'male',
    '1955-07',
    '01000003',
    'exempt',
    '2023-05-01',
    T,
    T
  )
  db.prepare(
    "INSERT INTO person_status_history(person_id, status, since, note, recorded_at) VALUES (3, 'exempt', '2023-05-01', 'Tuổi cao', ?)"
  ).run(T)
  db.close()
}

let opened: TestCore | null = null
const dirs: string[] = []
afterEach(() => {
  opened?.dispose()
  opened = null
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function open(dir: string): TestCore {
  opened = openTestCore({ dir })
  return opened
}

describe('migrations', () => {
  it('are registered once each, numbered 1, 2, 3 … like their files', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length)
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}_.+\.ts$/.test(f))
      .sort()
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(MIGRATIONS.map((m) => m.version))
    for (const [i, f] of files.entries()) {
      const sql = ((await import(join(MIGRATIONS_DIR, f))) as { default: string }).default
      expect(MIGRATIONS[i].sql, f).toBe(sql)
    }
  })

  it('bring a file made by the first version to the snapshot schema, the same as a new file, keeping its data', async () => {
    const oldDir = tempDir('migrate-v1-')
    const newDir = tempDir('migrate-new-')
    dirs.push(oldDir, newDir)
    firstVersionFile(join(oldDir, 'chuyen-de.sqlite'))

    const upgraded = open(oldDir)
    const db = upgraded.core.ctx.db
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    const upgradedSchema = schemaText(db)
    const upgradedDetail = columnsAndIndexes(db)

    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, upgradedSchema)
    expect(
      existsSync(SNAPSHOT),
      `${SNAPSHOT} is missing: run this test with UPDATE_SCHEMA_SNAPSHOT=1 and commit it`
    ).toBe(true)
    expect(upgradedSchema).toBe(readFileSync(SNAPSHOT, 'utf8'))

    // Its data came through: the tree (numbered, siblings in name order), people, history, settings.
    const units = await upgraded.call('units:list', { includeRetired: true })
    expect(units.map((u) => u.name)).toEqual([
      'Đảng ủy xã Tân Lập',
      'Chi bộ ấp 2',
      'Chi bộ ấp 10',
      'Chi bộ cũ'
    ])
    const people = await upgraded.call('people:list', {
      unitId: 1,
      includeSubunits: true,
      limit: 10
    })
    expect(
      people.rows.map((p) => [p.fullName, p.kind, p.status, p.birthDate, p.partyCardNumber])
    ).toEqual([
      ['Nguyễn Văn An', 'member', 'active', '1980-03-12', '01000001'],
      ['Trần Thị Bình', 'non_member', 'active', '1990', null],
      ['Lê Văn Cường', 'member', 'exempt', '1955-07', '01000003']
    ])
    expect(
      db.prepare('SELECT note FROM person_status_history WHERE person_id = 3').pluck().get()
    ).toBe('Tuổi cao')
    expect(db.prepare("SELECT value FROM settings WHERE key = 'backup.keep'").pluck().get()).toBe(
      '7'
    )
    // Later sections work on it: the seeded topic and who must study it.
    const coverage = await upgraded.call('study:coverage', { year: 2024, unitId: null })
    expect(coverage.topic).not.toBeNull()
    expect(coverage.total).toMatchObject({ name: 'Đảng ủy xã Tân Lập', required: 2, studied: 0 })
    // And a backup of the old file was taken before migrating it.
    expect(readdirSync(join(oldDir, 'backups')).some((f) => f.includes('_truoc-nang-cap'))).toBe(
      true
    )
    upgraded.dispose()
    opened = null

    const fresh = open(newDir)
    expect(schemaText(fresh.core.ctx.db)).toBe(upgradedSchema)
    expect(columnsAndIndexes(fresh.core.ctx.db)).toEqual(upgradedDetail)
  })

  it('normalise the schema text the same however the SQL is spaced or commented', () => {
    const a = normalizeSql(
      "CREATE TABLE t (\n  a TEXT NOT NULL, -- why\n  b TEXT CHECK (b IN ('x, y', 'z')) /* note */\n) STRICT"
    )
    const b = normalizeSql(
      "CREATE TABLE t (a TEXT NOT NULL , b TEXT CHECK (b IN ('x, y', 'z')) ) STRICT"
    )
    expect(a).toBe(
      "CREATE TABLE t (\n  a TEXT NOT NULL,\n  b TEXT CHECK (b IN ('x, y', 'z'))\n) STRICT"
    )
    expect(b).toBe(a)
    expect(normalizeSql('CREATE  INDEX i ON t( a ,  b )')).toBe('CREATE INDEX i ON t(a, b)')
  })
})
