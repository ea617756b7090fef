// Applying a plan, the import history, undo, and remembered column mappings.
import type {
  ImportField,
  ImportRecord,
  ImportUndoResult,
  PersonFields,
  PersonStatus
} from '../../shared/api'
import { earliestDay, todayIso } from '../../shared/partial-date'
import { nowIso, inTransaction, type Database } from '../db/connection'
import { CoreError } from '../db/errors'
import {
  PERSON_FIELD_NAMES,
  insertPersonRow,
  personFieldsOfRow,
  updatePersonRow,
  writeStatus,
  type StatusChange
} from '../people/people'
import { personFingerprint, personValues } from '../people/fingerprint'
import { createUnit } from '../units/units'
import { fieldsFromValues, type Plan } from './plan'
import type { ExemptMark } from './rows'

function snapshot(fields: PersonFields, status: PersonStatus): string {
  return JSON.stringify(personValues(fields, status))
}

/** Rows of import_changes per INSERT statement: one statement per row costs more than the row. */
const CHANGES_PER_INSERT = 100
const PARAMS_PER_CHANGE = 5

/** Writes import_changes rows (the people an import updated) in multi-row INSERTs: a re-import of
 *  a changed list can update tens of thousands. */
class ChangeWriter {
  private pending: unknown[] = []
  private readonly full: { run(params: unknown[]): unknown }
  constructor(
    private readonly db: Database,
    private readonly importId: number
  ) {
    this.full = db.prepare(this.sql(CHANGES_PER_INSERT))
  }
  private sql(n: number): string {
    return `INSERT INTO import_changes(import_id, person_id, action, before, after, status_since_before) VALUES ${new Array(n).fill("(?, ?, 'updated', ?, ?, ?)").join(', ')}`
  }
  /** statusSinceBefore: the person's status_since before the import changed their status (null when it did not). */
  add(personId: number, before: string, after: string, statusSinceBefore: string | null): void {
    this.pending.push(this.importId, personId, before, after, statusSinceBefore)
    if (this.pending.length === CHANGES_PER_INSERT * PARAMS_PER_CHANGE) {
      this.full.run(this.pending)
      this.pending = []
    }
  }
  flush(): void {
    if (this.pending.length > 0)
      this.db.prepare(this.sql(this.pending.length / PARAMS_PER_CHANGE)).run(this.pending)
    this.pending = []
  }
}

/** Whether a snapshot (written by snapshot() or by SQLite's json_array) holds these fields and status. */
function sameSnapshot(json: string, fields: PersonFields, status: PersonStatus): boolean {
  let arr: unknown
  try {
    arr = JSON.parse(json)
  } catch {
    return false
  }
  if (!Array.isArray(arr) || arr.length !== PERSON_FIELD_NAMES.length + 1) return false
  for (let i = 0; i < PERSON_FIELD_NAMES.length; i++)
    if ((arr[i] ?? null) !== (fields[PERSON_FIELD_NAMES[i]] ?? null)) return false
  return arr[PERSON_FIELD_NAMES.length] === status
}

function fromSnapshot(json: string): { fields: PersonFields; status: PersonStatus } {
  const arr = JSON.parse(json) as unknown[]
  return { fields: fieldsFromValues(arr), status: arr[PERSON_FIELD_NAMES.length] as PersonStatus }
}

function unitLevel(name: string): string {
  const n = name.toLocaleLowerCase('vi')
  if (n.startsWith('đảng bộ bộ phận')) return 'Đảng bộ bộ phận'
  if (n.startsWith('đảng bộ')) return 'Đảng bộ cơ sở'
  if (n.startsWith('tổ đảng')) return 'Tổ đảng'
  return 'Chi bộ'
}

/**
 * The exemption a list marks, as the status history records it: since the day written (the first
 * day of a month or year written alone) or the day of the import, with the file named.
 */
function exemptionOf(mark: ExemptMark, fileName: string, today: string): StatusChange {
  const from = `Theo danh sách nhập từ tệp ${fileName}`
  return {
    status: 'exempt',
    since: mark.since ? earliestDay(mark.since) : today,
    note: mark.note ? `${from}: ${mark.note}` : from
  }
}

export interface ApplyResult {
  importId: number
  created: number
  updated: number
  unchanged: number
  skipped: number
  unitsCreated: number
}

/** Writes a plan. Must run inside the caller's transaction. */
export function applyPlan(
  db: Database,
  plan: Plan,
  file: { name: string; path: string; backup: string | null }
): ApplyResult {
  const now = nowIso()
  const importId = Number(
    db
      .prepare(
        'INSERT INTO imports(file_name, file_path, imported_at, created, updated, unchanged, skipped, units_created, backup_file) VALUES (?, ?, ?, 0, 0, 0, 0, 0, ?)'
      )
      .run(file.name, file.path, now, file.backup).lastInsertRowid
  )
  const unitIds = new Map<string, number>()
  const linkUnit = db.prepare('INSERT INTO import_units(import_id, unit_id) VALUES (?, ?)')
  let unitsCreated = 0
  for (const u of plan.units) {
    if (u.action === 'existing' && u.unitId !== null) unitIds.set(u.key, u.unitId)
    else if (u.action === 'create' && u.createName) {
      const unit = createUnit(db, {
        parentId: u.parentId,
        name: u.createName,
        level: unitLevel(u.createName)
      })
      unitIds.set(u.key, unit.id)
      linkUnit.run(importId, unit.id)
      unitsCreated++
    }
  }
  const record = new ChangeWriter(db, importId)
  const today = todayIso()
  const statusSince = db.prepare('SELECT status_since FROM people WHERE id = ?').pluck()
  let created = 0
  let updated = 0
  let unchanged = 0
  let skipped = 0
  for (const r of plan.rows) {
    if (r.action === 'skip') skipped++
    else if (r.action === 'unchanged') unchanged++
    else if (r.fields) {
      const unitId = unitIds.get(r.unitKey ?? '')
      const fields = r.fields
      if (unitId !== undefined) fields.unitId = unitId
      if (!fields.unitId)
        throw new CoreError('INTERNAL', `Không xác định được đơn vị cho dòng ${r.draft.row}.`)
      // Only a member marked exempt gets a status here (plan.ts); it comes with its mark.
      const change =
        r.status && r.draft.exempt ? exemptionOf(r.draft.exempt, file.name, today) : null
      if (r.action === 'create') {
        const id = insertPersonRow(db, fields, now, {
          importId,
          fingerprint: personFingerprint(fields, change?.status ?? 'active')
        })
        if (change) writeStatus(db, id, change, now, importId)
        created++
      } else if (r.personId !== null && r.before) {
        const beforeStatus = r.beforeStatus ?? 'active'
        const sinceBefore = change ? (statusSince.get(r.personId) as string | null) : null
        updatePersonRow(db, r.personId, fields, now)
        if (change) writeStatus(db, r.personId, change, now, importId)
        record.add(
          r.personId,
          snapshot(r.before, beforeStatus),
          snapshot(fields, change?.status ?? beforeStatus),
          sinceBefore
        )
        updated++
      }
    }
  }
  record.flush()
  db.prepare(
    'UPDATE imports SET created = ?, updated = ?, unchanged = ?, skipped = ?, units_created = ? WHERE id = ?'
  ).run(created, updated, unchanged, skipped, unitsCreated, importId)
  return { importId, created, updated, unchanged, skipped, unitsCreated }
}

export function listImports(db: Database): ImportRecord[] {
  const rows = db.prepare('SELECT * FROM imports ORDER BY id DESC LIMIT 500').all() as Record<
    string,
    unknown
  >[]
  return rows.map((r) => ({
    id: r.id as number,
    fileName: r.file_name as string,
    importedAt: r.imported_at as string,
    created: r.created as number,
    updated: r.updated as number,
    unchanged: r.unchanged as number,
    skipped: r.skipped as number,
    unitsCreated: r.units_created as number,
    undoneAt: (r.undone_at as string | null) ?? null,
    canUndo:
      r.undone_at === null &&
      ((r.created as number) > 0 || (r.updated as number) > 0 || (r.units_created as number) > 0)
  }))
}

/** Checks that undo is possible; throws CONFLICT naming who changed since. Call before the backup. */
export function checkUndo(db: Database, importId: number): void {
  const imp = db.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as
    Record<string, unknown> | undefined
  if (!imp) throw new CoreError('NOT_FOUND', 'Không tìm thấy lần nhập này.')
  if (imp.undone_at)
    throw new CoreError(
      'CONFLICT',
      `Lần nhập tệp "${imp.file_name as string}" đã được hoàn tác rồi.`
    )
  // The people it added, no longer as it wrote them (an edit taken back is no edit).
  const changed: string[] = []
  for (const row of db
    .prepare('SELECT * FROM people WHERE import_id = ? ORDER BY id')
    .iterate(importId) as IterableIterator<Record<string, unknown>>) {
    if (
      personFingerprint(personFieldsOfRow(row), row.status as PersonStatus) !==
      row.import_fingerprint
    )
      changed.push(row.full_name as string)
  }
  // The people it updated, no longer as it left them.
  const changes = db
    .prepare(
      "SELECT person_id, after FROM import_changes WHERE import_id = ? AND action = 'updated'"
    )
    .all(importId) as { person_id: number; after: string }[]
  const get = db.prepare('SELECT * FROM people WHERE id = ?')
  for (const c of changes) {
    const row = get.get(c.person_id) as Record<string, unknown> | undefined
    if (!row) {
      changed.push(`(người số ${c.person_id} đã bị xóa)`)
      continue
    }
    if (!sameSnapshot(c.after, personFieldsOfRow(row), row.status as PersonStatus))
      changed.push(row.full_name as string)
  }
  if (changed.length === 0) checkReferences(db, importId, imp.file_name as string)
  if (changed.length > 0) {
    const names =
      changed.slice(0, 5).join(', ') +
      (changed.length > 5 ? ` và ${changed.length - 5} người khác` : '')
    throw new CoreError(
      'CONFLICT',
      `Không thể hoàn tác lần nhập tệp "${imp.file_name as string}": ${changed.length} người đã được sửa sau lần nhập này (${names}). ` +
        'Hoàn tác sẽ làm mất các thay đổi đó; hãy sửa bằng tay, hoặc khôi phục bản sao lưu tạo trước lần nhập.'
    )
  }
}

/** What the records of other tables that point at a person are, in the refusal message (Vietnamese). */
const REFERENCE_LABELS: Record<string, string> = {
  study_attendance: 'điểm danh học tập',
  commitments: 'cam kết',
  commitment_review_entries: 'kiểm điểm cam kết',
  evaluation_ratings: 'xếp loại đảng viên',
  exemplars: 'điển hình, mô hình',
  award_recipients: 'khen thưởng',
  press_work_authors: 'tác phẩm báo chí',
  inspection_team_members: 'đoàn kiểm tra, giám sát'
}
/** For a table added later and not labelled above: still Vietnamese, never a table name. */
const OTHER_REFERENCE_LABEL = 'dữ liệu khác'

/** The Vietnamese name, in the undo refusal, of the records a table holds about people. */
export function referenceLabel(table: string): string {
  return REFERENCE_LABELS[table] ?? OTHER_REFERENCE_LABEL
}

/** Tables undo itself clears for the people it removes (their own history, nothing else). */
const CLEARED_BY_UNDO = new Set(['person_status_history', 'import_changes'])

/** Every (table, column) whose foreign key points at people, read from the schema itself so a
 *  table added later (commitments, evaluations …) is covered without touching this file. */
export function peopleReferences(db: Database): { table: string; column: string }[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  const refs: { table: string; column: string }[] = []
  for (const table of tables) {
    if (CLEARED_BY_UNDO.has(table)) continue
    const fks = db
      .prepare('SELECT "table" AS target, "from" AS col FROM pragma_foreign_key_list(?)')
      .all(table) as { target: string; col: string }[]
    for (const fk of fks)
      if (fk.target.toLowerCase() === 'people') refs.push({ table, column: fk.col })
  }
  return refs
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * People added by the import that other data now points at (attendance at a study session …):
 * deleting them would break a foreign key, so undo is refused up front, naming a few of them.
 */
function checkReferences(db: Database, importId: number, fileName: string): void {
  const busy = new Map<number, Set<string>>()
  for (const { table, column } of peopleReferences(db)) {
    const ids = db
      .prepare(
        `SELECT p.id FROM people p WHERE p.import_id = ? AND EXISTS (SELECT 1 FROM ${quoteId(table)} r WHERE r.${quoteId(column)} = p.id)`
      )
      .pluck()
      .all(importId) as number[]
    for (const id of ids) {
      const set = busy.get(id) ?? new Set<string>()
      set.add(referenceLabel(table))
      busy.set(id, set)
    }
  }
  if (busy.size === 0) return
  const ids = Array.from(busy.keys()).sort((a, b) => a - b)
  const nameOf = db.prepare('SELECT full_name FROM people WHERE id = ?').pluck()
  const names = ids
    .slice(0, 5)
    .map((id) => (nameOf.get(id) as string | undefined) ?? `người số ${id}`)
  const more = ids.length > 5 ? ` và ${ids.length - 5} người khác` : ''
  const kinds = Array.from(new Set(Array.from(busy.values()).flatMap((s) => Array.from(s)))).join(
    ', '
  )
  throw new CoreError(
    'CONFLICT',
    `Không thể hoàn tác lần nhập tệp "${fileName}": ${ids.length} người được thêm trong lần nhập này đã có dữ liệu khác gắn với họ (${kinds}): ` +
      `${names.join(', ')}${more}. Hoàn tác sẽ xóa những người này và làm mất dữ liệu đó; hãy xóa dữ liệu đó trước, hoặc sửa danh sách bằng tay.`
  )
}

export function undoImport(db: Database, importId: number): ImportUndoResult {
  return inTransaction(db, () => {
    checkUndo(db, importId)
    const updates = db
      .prepare(
        "SELECT person_id, before, after, status_since_before FROM import_changes WHERE import_id = ? AND action = 'updated' AND before IS NOT NULL ORDER BY id DESC"
      )
      .all(importId) as {
      person_id: number
      before: string
      after: string
      status_since_before: string | null
    }[]
    // The status is put back as it was, not changed again: no entry in the history for it.
    const putStatusBack = db.prepare('UPDATE people SET status = ?, status_since = ? WHERE id = ?')
    for (const c of updates) {
      const before = fromSnapshot(c.before)
      updatePersonRow(db, c.person_id, before.fields)
      if (before.status !== fromSnapshot(c.after).status)
        putStatusBack.run(before.status, c.status_since_before, c.person_id)
    }
    db.prepare('DELETE FROM person_status_history WHERE import_id = ?').run(importId)
    const restoredPeople = updates.length
    let removedPeople: number
    try {
      db.prepare(
        'DELETE FROM person_status_history WHERE person_id IN (SELECT id FROM people WHERE import_id = ?)'
      ).run(importId)
      removedPeople = db.prepare('DELETE FROM people WHERE import_id = ?').run(importId).changes
    } catch (e) {
      if (String((e as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) {
        throw new CoreError(
          'CONFLICT',
          'Không thể hoàn tác: đã có dữ liệu khác (học tập, cam kết, đánh giá …) gắn với người được thêm trong lần nhập này.'
        )
      }
      throw e
    }
    let removedUnits = 0
    const units = db
      .prepare('SELECT unit_id FROM import_units WHERE import_id = ? ORDER BY unit_id DESC')
      .all(importId) as { unit_id: number }[]
    for (const { unit_id } of units) {
      const busy = db
        .prepare(
          'SELECT (SELECT count(*) FROM people WHERE unit_id = ?) + (SELECT count(*) FROM units WHERE parent_id = ?) AS n'
        )
        .get(unit_id, unit_id) as { n: number }
      if (busy.n > 0) continue
      try {
        db.prepare('SAVEPOINT undo_unit').run()
        db.prepare('DELETE FROM unit_history WHERE unit_id = ?').run(unit_id)
        db.prepare('DELETE FROM units WHERE id = ?').run(unit_id)
        db.prepare('RELEASE undo_unit').run()
        removedUnits++
      } catch {
        // Something else refers to the unit now: keep it.
        db.prepare('ROLLBACK TO undo_unit').run()
        db.prepare('RELEASE undo_unit').run()
      }
    }
    db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(nowIso(), importId)
    return { importId, removedPeople, restoredPeople, removedUnits }
  })
}

export function loadMapping(db: Database, signature: string): (ImportField | null)[] | null {
  const row = db
    .prepare('SELECT mapping FROM import_mappings WHERE signature = ?')
    .get(signature) as { mapping: string } | undefined
  if (!row) return null
  try {
    const v = JSON.parse(row.mapping)
    return Array.isArray(v) ? (v as (ImportField | null)[]) : null
  } catch {
    return null
  }
}

export function saveMapping(db: Database, signature: string, fields: (ImportField | null)[]): void {
  db.prepare(
    'INSERT INTO import_mappings(signature, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at'
  ).run(signature, JSON.stringify(fields), nowIso())
}
