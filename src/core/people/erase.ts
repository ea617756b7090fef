// Erasing a person for good (the right to erasure of Decree 13/2023 and Law 91/2025): refused,
// with what points at them counted per kind, unless the user erases those records too; a backup
// first (the way back, as before an import); then one transaction that removes the person, the
// records the user chose to erase, their own history (status changes, what imports wrote about
// them) and scrubs the audit entries about them; then VACUUM and a WAL checkpoint, so that their
// name, birth date and CCCD are no longer anywhere in the data file or its -wal. The log keeps
// that an erasure happened and how many records went, not who.
import type { PersonEraseResult, PersonRecordCount } from '../../shared/api'
import { formatNumber } from '../../shared/numbers'
import { audit } from '../audit/audit'
import { createBackup } from '../backup/backups'
import type { CoreContext } from '../context'
import { inTransaction, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { backupKeep } from '../settings'
import { OWN_HISTORY_TABLES, peopleReferences, referenceLabel } from './references'

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`

/** What points at the person, per table that holds it (read from the schema: a new table that
 *  points at people is counted without touching this file). */
function personRecords(db: Database, personId: number): PersonRecordCount[] {
  const counts = new Map<string, number>()
  for (const { table, column } of peopleReferences(db)) {
    const n = db
      .prepare(`SELECT count(*) FROM ${quoteId(table)} WHERE ${quoteId(column)} = ?`)
      .pluck()
      .get(personId) as number
    if (n > 0) counts.set(table, (counts.get(table) ?? 0) + n)
  }
  return Array.from(counts, ([kind, count]) => ({ kind, label: referenceLabel(kind), count }))
}

export function listPersonRecords(db: Database, personId: number): PersonRecordCount[] {
  personName(db, personId)
  return personRecords(db, personId)
}

function personName(db: Database, personId: number): string {
  const name = db.prepare('SELECT full_name FROM people WHERE id = ?').pluck().get(personId) as
    string | undefined
  if (name === undefined) throw notFound('người này')
  return name
}

/**
 * Deletes the rows of `table` that `where` selects, after the rows of other tables that point
 * at them (a commitment's items, an exemplar's steps and awards …), whatever their ON DELETE.
 */
function deleteWithDependents(
  db: Database,
  table: string,
  where: string,
  params: unknown[],
  depth = 0
): number {
  if (depth > 8) throw new Error(`foreign keys nested too deep under ${table}`)
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  for (const child of tables) {
    const fks = db
      .prepare(
        'SELECT "table" AS target, "from" AS col, "to" AS ref FROM pragma_foreign_key_list(?)'
      )
      .all(child) as { target: string; col: string; ref: string | null }[]
    for (const fk of fks) {
      if (fk.target.toLowerCase() !== table.toLowerCase() || child === table) continue
      const ref = fk.ref ?? 'rowid'
      deleteWithDependents(
        db,
        child,
        `${quoteId(fk.col)} IN (SELECT ${quoteId(ref)} FROM ${quoteId(table)} WHERE ${where})`,
        params,
        depth + 1
      )
    }
  }
  return db.prepare(`DELETE FROM ${quoteId(table)} WHERE ${where}`).run(...params).changes
}

/** The refusal: what points at the person, in a sentence. */
function refusal(name: string, records: PersonRecordCount[]): CoreError {
  const list = records.map((r) => `${formatNumber(r.count)} ${r.label}`).join(', ')
  return new CoreError(
    'CONFLICT',
    `Không thể xóa vĩnh viễn "${name}": còn dữ liệu gắn với người này (${list}). ` +
      'Hãy chọn xóa cả những dữ liệu đó, hoặc giữ người này (có thể chuyển trạng thái thay vì xóa).'
  )
}

export function erasePerson(
  ctx: CoreContext,
  input: { id: number; withRecords?: boolean }
): PersonEraseResult {
  const db = ctx.db
  // Refuse before the backup: a refused erasure changes nothing and leaves no copy behind.
  const name = personName(db, input.id)
  const before = personRecords(db, input.id)
  if (before.length > 0 && !input.withRecords) throw refusal(name, before)
  const backup = createBackup(db, ctx.backupDir, 'before-erase', backupKeep(db))
  const erasedRecords = inTransaction(db, () => {
    // Worked out again inside: nothing may have pointed at them since without being counted.
    const records = personRecords(db, input.id)
    if (records.length > 0 && !input.withRecords) throw refusal(name, records)
    let erased = 0
    for (const { table, column } of peopleReferences(db))
      erased += deleteWithDependents(db, table, `${quoteId(column)} = ?`, [input.id])
    // Their own trail, import undo's before/after snapshots of them included.
    for (const table of OWN_HISTORY_TABLES)
      db.prepare(`DELETE FROM ${quoteId(table)} WHERE person_id = ?`).run(input.id)
    // The log's one change: entries about this person (a deleted commitment of theirs, the
    // export of their commitment) keep their action and time, lose who and what.
    db.prepare(
      'UPDATE audit_log SET description = ?, detail = ?, person_id = NULL WHERE person_id = ?'
    ).run(
      'Nội dung đã được xóa cùng người bị xóa vĩnh viễn.',
      JSON.stringify({ erased: true }),
      input.id
    )
    db.prepare('DELETE FROM people WHERE id = ?').run(input.id)
    audit(db, { action: 'person.erase', detail: { records: erased, backup: backup.fileName } })
    return erased
  })
  return { erasedRecords, backupFile: backup.fileName, walEmptied: compact(db) }
}

/**
 * Rewrites the file without the freed pages that still hold the deleted values, then folds the
 * WAL (which holds the pages as they were written) into it and cuts it to nothing. Returns false
 * when the WAL could not be emptied (another program reading the file): SQLite empties it later.
 */
function compact(db: Database): boolean {
  db.exec('VACUUM')
  const r = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
  return r[0]?.busy === 0
}
