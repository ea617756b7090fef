// Emulation movements (phong trào thi đua): plain rows, each write one statement.
import type { Movement, MovementFields } from '../../shared/api'
import type { Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'

interface Row {
  id: number
  year: number
  title: string
  unit_id: number
  unit_name: string
  decision_number: string | null
  decision_date: string | null
  from_date: string | null
  to_date: string | null
  criteria: string | null
}

const SELECT = `SELECT m.*, u.name AS unit_name FROM emulation_movements m JOIN units u ON u.id = m.unit_id`

const toMovement = (r: Row): Movement => ({
  id: r.id,
  year: r.year,
  title: r.title,
  unitId: r.unit_id,
  unitName: r.unit_name,
  decisionNumber: r.decision_number,
  decisionDate: r.decision_date,
  fromDate: r.from_date,
  toDate: r.to_date,
  criteria: r.criteria
})

export function listMovements(db: Database, year: number | null): Movement[] {
  const rows = (
    year === null
      ? db.prepare(`${SELECT} ORDER BY m.year DESC, m.title`).all()
      : db.prepare(`${SELECT} WHERE m.year = ? ORDER BY m.title`).all(year)
  ) as Row[]
  return rows.map(toMovement)
}

function getMovement(db: Database, id: number): Movement {
  const r = db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as Row | undefined
  if (!r) throw notFound('phong trào thi đua')
  return toMovement(r)
}

function check(db: Database, f: MovementFields): void {
  if (!f.title.trim())
    throw new CoreError('VALIDATION', 'Chưa nhập tên phong trào.', {
      title: 'Chưa nhập tên phong trào.'
    })
  if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(f.unitId))
    throw notFound('đơn vị phát động')
  if (f.fromDate && f.toDate && f.fromDate > f.toDate) {
    throw new CoreError('VALIDATION', 'Ngày kết thúc trước ngày bắt đầu.', {
      toDate: 'Ngày kết thúc trước ngày bắt đầu.'
    })
  }
}

export function saveMovement(db: Database, id: number | null, f: MovementFields): Movement {
  check(db, f)
  const now = new Date().toISOString()
  const values = [
    f.year,
    f.title.trim(),
    f.unitId,
    f.decisionNumber,
    f.decisionDate,
    f.fromDate,
    f.toDate,
    f.criteria
  ]
  if (id === null) {
    const r = db
      .prepare(
        `INSERT INTO emulation_movements(year, title, unit_id, decision_number, decision_date, from_date, to_date, criteria, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(...values, now, now)
    return getMovement(db, Number(r.lastInsertRowid))
  }
  const r = db
    .prepare(
      `UPDATE emulation_movements SET year = ?, title = ?, unit_id = ?, decision_number = ?, decision_date = ?, from_date = ?, to_date = ?, criteria = ?, updated_at = ?
       WHERE id = ?`
    )
    .run(...values, now, id)
  if (r.changes === 0) throw notFound('phong trào thi đua')
  return getMovement(db, id)
}

export function deleteMovement(db: Database, id: number): null {
  const used = db.prepare('SELECT COUNT(*) AS n FROM exemplars WHERE movement_id = ?').get(id) as {
    n: number
  }
  if (used.n > 0)
    throw new CoreError(
      'IN_USE',
      `Phong trào còn ${used.n} điển hình, mô hình; hãy chuyển hoặc xóa chúng trước.`
    )
  if (db.prepare('DELETE FROM emulation_movements WHERE id = ?').run(id).changes === 0)
    throw notFound('phong trào thi đua')
  return null
}
