// What points at a person: every (table, column) whose foreign key names people, read from the
// schema itself, and the Vietnamese name of each kind of record. An import's undo and erasure
// both refuse, naming these, when such records would be lost.
import type { Database } from '../db/connection'

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

/** The Vietnamese name, in a refusal (undo, erasure), of the records a table holds about people. */
export function referenceLabel(table: string): string {
  return REFERENCE_LABELS[table] ?? OTHER_REFERENCE_LABEL
}

/** A person's own trail (status changes; what imports wrote about them): cleared with the person
 *  by an import's undo and by erasure, never a record that holds them back. */
export const OWN_HISTORY_TABLES = ['person_status_history', 'import_changes']

/** Every (table, column) whose foreign key points at people, read from the schema itself so a
 *  table added later (commitments, evaluations …) is covered without touching this file. */
export function peopleReferences(db: Database): { table: string; column: string }[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  const refs: { table: string; column: string }[] = []
  for (const table of tables) {
    if (OWN_HISTORY_TABLES.includes(table)) continue
    const fks = db
      .prepare('SELECT "table" AS target, "from" AS col FROM pragma_foreign_key_list(?)')
      .all(table) as { target: string; col: string }[]
    for (const fk of fks)
      if (fk.target.toLowerCase() === 'people') refs.push({ table, column: fk.col })
  }
  return refs
}
