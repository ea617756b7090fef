// Merging two units: the duplicate a mistyped chi bộ name creates (or two chi bộ joined). The
// people and every record kept under the unit (commitments, reviews, templates, ratings, study
// sessions it hosted, connection points) move to the receiving unit in one transaction; the
// merged unit is retired with a note in both units' history. A backup is taken first.
import type { UnitMergeInput, UnitMergeResult } from '../../shared/api'
import { todayIso } from '../../shared/partial-date'
import { audit } from '../audit/audit'
import { createBackup } from '../backup/backups'
import type { CoreContext } from '../context'
import { inTransaction, type Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { backupKeep } from '../settings'
import { subtreeRange } from './subtree'
import { getUnit, recordUnitChange, unitRow, type UnitRow } from './units'

function refuse(message: string): never {
  throw new CoreError('CONFLICT', message, { intoId: message })
}

/** The two units, or a refusal saying why this merge cannot be done. */
function checkMerge(db: Database, id: number, intoId: number): { from: UnitRow; into: UnitRow } {
  if (id === intoId) refuse('Không thể sáp nhập một đơn vị vào chính nó.')
  const from = unitRow(db, id)
  const into = unitRow(db, intoId)
  if (from.retired_on) refuse(`"${from.name}" đã giải thể; không còn gì để sáp nhập.`)
  if (into.retired_on)
    refuse(`"${into.name}" đã giải thể; hãy chọn một đơn vị đang hoạt động để nhận người và hồ sơ.`)
  if (into.path.startsWith(from.path)) {
    refuse(
      `Không thể sáp nhập "${from.name}" vào "${into.name}": "${into.name}" là đơn vị trực thuộc của nó.`
    )
  }
  // path > lo: the subtree without the unit itself.
  const children = db
    .prepare('SELECT count(*) AS n FROM units WHERE path > ? AND path < ? AND retired_on IS NULL')
    .get(...subtreeRange(from.path)) as { n: number }
  if (children.n > 0) {
    refuse(
      `"${from.name}" còn ${children.n} đơn vị trực thuộc đang hoạt động; hãy chuyển chúng sang đơn vị khác trước khi sáp nhập.`
    )
  }
  return { from, into }
}

export function mergeUnits(ctx: CoreContext, input: UnitMergeInput): UnitMergeResult {
  const { db } = ctx
  const on = input.on ?? todayIso()
  // Refuse before taking a backup: a refused merge changes nothing and leaves no copy behind.
  checkMerge(db, input.id, input.intoId)
  const backup = createBackup(db, ctx.backupDir, 'before-merge', backupKeep(db))
  return inTransaction(db, () => {
    const { from, into } = checkMerge(db, input.id, input.intoId)
    const move = (sql: string): number => db.prepare(sql).run(into.id, from.id).changes
    // A year's template both units have: the receiving unit's stays, the other stays behind
    // with the retired unit (UNIQUE(unit_id, year)); the count says so.
    const templatesKept = (
      db
        .prepare(
          'SELECT count(*) AS n FROM commitment_templates a WHERE a.unit_id = ? AND EXISTS (SELECT 1 FROM commitment_templates b WHERE b.unit_id = ? AND b.year = a.year)'
        )
        .get(from.id, into.id) as { n: number }
    ).n
    const moved = {
      people: move('UPDATE people SET unit_id = ? WHERE unit_id = ?'),
      commitments: move('UPDATE commitments SET unit_id = ? WHERE unit_id = ?'),
      reviews: move('UPDATE commitment_reviews SET unit_id = ? WHERE unit_id = ?'),
      templates: db
        .prepare(
          'UPDATE commitment_templates SET unit_id = ? WHERE unit_id = ? AND year NOT IN (SELECT year FROM commitment_templates WHERE unit_id = ?)'
        )
        .run(into.id, from.id, into.id).changes,
      ratings: move('UPDATE evaluation_ratings SET unit_id = ? WHERE unit_id = ?'),
      sessions: move('UPDATE study_sessions SET host_unit_id = ? WHERE host_unit_id = ?'),
      points: move('UPDATE study_points SET unit_id = ? WHERE unit_id = ?')
    }
    db.prepare('UPDATE units SET retired_on = ? WHERE id = ?').run(on, from.id)
    recordUnitChange(db, from.id, 'merged_into', on, into.name)
    recordUnitChange(db, into.id, 'merged_from', on, from.name)
    audit(db, {
      action: 'units.merge',
      detail: { from: from.name, into: into.name, people: moved.people, backup: backup.fileName }
    })
    return {
      unit: getUnit(db, from.id),
      into: getUnit(db, into.id),
      moved,
      templatesKept,
      backupFile: backup.fileName
    }
  })
}
