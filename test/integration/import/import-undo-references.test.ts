// The undo refusal names, in Vietnamese, what other data points at the people an import added:
// every table of the schema that references people has a label, and one added later without a
// label is still named in Vietnamese (never by its table name).
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../../src/core/db/connection'
import { applyMigrations, MIGRATIONS } from '../../../src/core/db/migrations'
import { checkUndo } from '../../../src/core/import/history'
import { peopleReferences, referenceLabel } from '../../../src/core/people/references'
import { personFingerprint } from '../../../src/core/people/fingerprint'
import { personFieldsOfRow } from '../../../src/core/people/people'
import { tempDir } from '../../helpers/import-fixtures'

let dir: string
let db: Database

beforeEach(() => {
  dir = tempDir('import-undo-refs-')
  db = openDatabase(join(dir, 'data.sqlite'))
  applyMigrations(db, MIGRATIONS)
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const T = '2025-01-01T00:00:00Z'

/** An import of two people (ids 1 and 2) into unit 1, as applyPlan records it. */
function importTwo(): number {
  db.prepare(
    "INSERT INTO units(id, parent_id, name, name_key, level, path, created_at) VALUES (1, NULL, 'Chi bộ Ấp 1', 'chi bo ap 1', 'Chi bộ', '/1/', ?)"
  ).run(T)
  const person = db.prepare(
    "INSERT INTO people(id, unit_id, kind, full_name, name_key, sort_key, status, created_at, updated_at) VALUES (?, 1, 'member', ?, ?, ?, 'active', ?, ?)"
  )
  person.run(1, 'Nguyễn Văn An', 'nguyen van an', 'a', T, T)
  person.run(2, 'Trần Thị Bình', 'tran thi binh', 'b', T, T)
  const importId = Number(
    db
      .prepare(
        "INSERT INTO imports(file_name, file_path, imported_at, created, updated, unchanged, skipped, units_created, backup_file) VALUES ('ds.xlsx', '/ds.xlsx', ?, 2, 0, 0, 0, 0, NULL)"
      )
      .run(T).lastInsertRowid
  )
  // As applyPlan records it: each person added carries the import's id and the fingerprint of
  // what it wrote.
  for (const row of db.prepare('SELECT * FROM people').all() as Record<string, unknown>[]) {
    db.prepare('UPDATE people SET import_id = ?, import_fingerprint = ? WHERE id = ?').run(
      importId,
      personFingerprint(personFieldsOfRow(row), 'active'),
      row.id
    )
  }
  return importId
}

function refusal(importId: number): string {
  try {
    checkUndo(db, importId)
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('undo should have been refused')
}

it('has a Vietnamese label for every table that references people', () => {
  const tables = peopleReferences(db).map((r) => r.table)
  expect(tables).toEqual(
    expect.arrayContaining([
      'study_attendance',
      'commitments',
      'commitment_review_entries',
      'evaluation_ratings'
    ])
  )
  for (const table of tables) expect(referenceLabel(table), table).not.toBe('dữ liệu khác')
  expect(referenceLabel('evaluation_ratings')).toBe('xếp loại đảng viên')
  expect(referenceLabel('commitments')).toBe('cam kết')
  expect(referenceLabel('commitment_review_entries')).toBe('kiểm điểm cam kết')
  expect(referenceLabel('study_attendance')).toBe('điểm danh học tập')
  expect(referenceLabel('a_table_added_later')).toBe('dữ liệu khác')
})

it('names ratings, commitments and reviews in Vietnamese when it refuses an undo', () => {
  const importId = importTwo()
  expect(() => checkUndo(db, importId)).not.toThrow()

  db.prepare(
    'INSERT INTO evaluation_ratings(person_id, year, self_rating, updated_at) VALUES (1, 2024, NULL, ?)'
  ).run(T)
  db.prepare(
    "INSERT INTO commitments(person_id, year, unit_id, source, created_at, updated_at) VALUES (2, 2024, 1, 'manual', ?, ?)"
  ).run(T, T)
  const review = db
    .prepare(
      "INSERT INTO commitment_reviews(unit_id, year, held_on, kind, reviewer, created_at, updated_at) VALUES (1, 2024, '2024-03-01', 'monthly', 'party_cell', ?, ?)"
    )
    .run(T, T)
  db.prepare(
    "INSERT INTO commitment_review_entries(review_id, person_id, outcome) VALUES (?, 2, 'praise')"
  ).run(review.lastInsertRowid)

  const message = refusal(importId)
  expect(message).toMatch(/^Không thể hoàn tác lần nhập tệp "ds\.xlsx": 2 người/)
  // The kinds of records, in brackets; then the names.
  const kinds = /gắn với họ \(([^)]*)\)/.exec(message)?.[1].split(', ')
  expect(kinds?.sort()).toEqual(['cam kết', 'kiểm điểm cam kết', 'xếp loại đảng viên'])
  expect(message).toContain('Nguyễn Văn An')
  expect(message).toContain('Trần Thị Bình')
  expect(message).not.toMatch(/evaluation_ratings|commitments|commitment_review_entries/)
})

it('still names a table added later in Vietnamese', () => {
  const importId = importTwo()
  db.exec(
    'CREATE TABLE later_notes (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id)) STRICT'
  )
  db.prepare('INSERT INTO later_notes(person_id) VALUES (1)').run()
  const message = refusal(importId)
  expect(/gắn với họ \(([^)]*)\)/.exec(message)?.[1]).toBe('dữ liệu khác')
  expect(message).not.toContain('later_notes')
})
