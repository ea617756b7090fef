// Migration 6 moves "who an import added" from one JSON snapshot per person (import_changes rows
// with action 'created') to people.import_id and a fingerprint of the snapshot. A data file imported
// into by an older version must keep its history undoable, and edits made since must still refuse
// the undo.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../../src/core/db/connection'
import { applyMigrations, MIGRATIONS } from '../../../src/core/db/migrations'
import { checkUndo, undoImport } from '../../../src/core/import/history'
import { tempDir } from '../../helpers/import-fixtures'

let dir: string
let db: Database

beforeEach(() => {
  dir = tempDir('migration-import-people-')
  db = openDatabase(join(dir, 'data.sqlite'))
  applyMigrations(
    db,
    MIGRATIONS.filter((m) => m.version <= 5)
  )
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const T = '2025-01-01T00:00:00.000Z'

/** Two imports as version 5 recorded them: the first added people 1–3, the second added 4. */
function oldHistory(): void {
  db.prepare(
    "INSERT INTO units(id, parent_id, name, name_key, level, path, created_at) VALUES (1, NULL, 'Chi bộ Ấp 1', 'chi bo ap 1', 'Chi bộ', '/1/', ?)"
  ).run(T)
  const person = db.prepare(
    "INSERT INTO people(id, unit_id, kind, full_name, name_key, sort_key, status, created_at, updated_at) VALUES (?, 1, 'member', ?, ?, ?, 'active', ?, ?)"
  )
  person.run(1, 'Nguyễn Văn An', 'nguyen van an', 'a', T, T)
  person.run(2, 'Trần Thị Bình', 'tran thi binh', 'b', T, T)
  person.run(3, 'Lê Văn Cường', 'le van cuong', 'c', T, T)
  person.run(
    4,
    'Phạm Thị Dung',
    'pham thi dung',
    'd',
    '2025-02-01T00:00:00.000Z',
    '2025-02-01T00:00:00.000Z'
  )
  const imp = db.prepare(
    'INSERT INTO imports(id, file_name, file_path, imported_at, created, updated, unchanged, skipped, units_created, backup_file) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, NULL)'
  )
  imp.run(1, 'ds1.xlsx', '/ds1.xlsx', T, 3)
  imp.run(2, 'ds2.xlsx', '/ds2.xlsx', '2025-02-01T00:00:00.000Z', 1)
  // The snapshots as version 5 wrote them: the fields as stored, then the status.
  const change = db.prepare(
    `INSERT INTO import_changes(import_id, person_id, action, before, after)
     SELECT ?, id, 'created', NULL, json_array(unit_id, kind, full_name, gender, birth_date, ethnicity, religion, hometown, residence, member_type,
       party_join_date, party_official_date, party_card_number, party_profile_number, national_id, position, role, education, political_theory, phone, note, status)
     FROM people WHERE id = ?`
  )
  for (const id of [1, 2, 3]) change.run(1, id)
  change.run(2, 4)
}

it('records on each person the import that added them, and keeps both imports undoable', () => {
  oldHistory()
  applyMigrations(
    db,
    MIGRATIONS.filter((m) => m.version === 6)
  )
  expect(db.prepare('SELECT id, import_id FROM people ORDER BY id').raw().all()).toEqual([
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 2]
  ])
  expect(
    db.prepare("SELECT count(*) FROM import_changes WHERE action = 'created'").pluck().get()
  ).toBe(0)

  expect(undoImport(db, 2)).toMatchObject({ removedPeople: 1, restoredPeople: 0 })
  expect(undoImport(db, 1)).toMatchObject({ removedPeople: 3, restoredPeople: 0 })
  expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(0)
})

it('still refuses the undo, naming them, when people it added were edited after the import; not once the edit is taken back', () => {
  oldHistory()
  // Edited by hand after the first import, before the upgrade.
  db.prepare(
    "UPDATE people SET phone = '0912345678', updated_at = '2025-03-01T00:00:00.000Z' WHERE id = 2"
  ).run()
  applyMigrations(
    db,
    MIGRATIONS.filter((m) => m.version === 6)
  )
  expect(() => checkUndo(db, 1)).toThrow(
    /Không thể hoàn tác lần nhập tệp "ds1\.xlsx": 1 người đã được sửa sau lần nhập này \(Trần Thị Bình\)/
  )
  expect(() => undoImport(db, 1)).toThrow(/Trần Thị Bình/)
  expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(4)

  db.prepare(
    "UPDATE people SET phone = NULL, updated_at = '2025-03-02T00:00:00.000Z' WHERE id = 2"
  ).run()
  expect(undoImport(db, 1)).toMatchObject({ removedPeople: 3 })
})
