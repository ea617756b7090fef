// The register of exemplars and models: rows, the list with its filters (a unit with its
// subtree, year, kind, status, movement, diacritic-free search) and the forward-only status flow.
import type {
  AwardForm,
  Exemplar,
  ExemplarFields,
  ExemplarList,
  ExemplarListInput,
  ExemplarStatus,
  ExemplarStep,
  PressItem
} from '../../shared/api'
import { EXEMPLAR_STATUSES } from '../../shared/api'
import { EXEMPLAR_STATUS_LABELS } from '../../shared/exemplar-labels'
import { foldVietnamese } from '../../shared/vn-text'
import type { Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { scopeRange } from '../units/subtree'

interface Row {
  id: number
  kind: Exemplar['kind']
  person_id: number | null
  unit_id: number | null
  name: string | null
  field: string | null
  since_year: number | null
  achievement: string | null
  proposed_form: AwardForm | null
  proposing_unit_id: number
  year: number
  to_year: number | null
  movement_id: number | null
  evidence: string | null
  press: string
  status: ExemplarStatus
  person_name: string | null
  person_position: string | null
  person_unit: string | null
  unit_name: string | null
  unit_parent: string | null
  proposing_name: string
  movement_title: string | null
}

// The displayed name comes from the record it points at: a person's or a unit's current name.
const SELECT = `
SELECT e.*, p.full_name AS person_name, p.position AS person_position, pu.name AS person_unit,
       u.name AS unit_name, up.name AS unit_parent, pr.name AS proposing_name, m.title AS movement_title
FROM exemplars e
JOIN units pr ON pr.id = e.proposing_unit_id
LEFT JOIN people p ON p.id = e.person_id
LEFT JOIN units pu ON pu.id = p.unit_id
LEFT JOIN units u ON u.id = e.unit_id
LEFT JOIN units up ON up.id = u.parent_id
LEFT JOIN emulation_movements m ON m.id = e.movement_id`

function displayName(r: Row): string {
  if (r.kind === 'person') return r.person_name ?? ''
  if (r.kind === 'unit') return r.unit_name ?? ''
  return r.name ?? ''
}

function placeText(r: Row): string {
  if (r.kind === 'person') return [r.person_position, r.person_unit].filter(Boolean).join(', ')
  if (r.kind === 'unit') return r.unit_parent ?? ''
  if (r.kind === 'model') return [r.unit_name, r.field].filter(Boolean).join(', ')
  return ''
}

function toExemplar(r: Row, steps: ExemplarStep[]): Exemplar {
  return {
    id: r.id,
    kind: r.kind,
    personId: r.person_id,
    unitId: r.unit_id,
    name: r.name,
    field: r.field,
    sinceYear: r.since_year,
    achievement: r.achievement,
    proposedForm: r.proposed_form,
    proposingUnitId: r.proposing_unit_id,
    year: r.year,
    toYear: r.to_year,
    movementId: r.movement_id,
    evidence: r.evidence,
    press: JSON.parse(r.press) as PressItem[],
    displayName: displayName(r),
    placeText: placeText(r),
    proposingUnitName: r.proposing_name,
    movementTitle: r.movement_title,
    status: r.status,
    steps
  }
}

function stepsOf(db: Database, ids: number[]): Map<number, ExemplarStep[]> {
  const out = new Map<number, ExemplarStep[]>(ids.map((i) => [i, []]))
  if (ids.length === 0) return out
  const rows = db
    .prepare(
      `SELECT s.exemplar_id, s.status, s.on_date, s.unit_id, u.name AS unit_name, s.note FROM exemplar_steps s LEFT JOIN units u ON u.id = s.unit_id
       WHERE s.exemplar_id IN (SELECT value FROM json_each(?)) ORDER BY s.id`
    )
    .all(JSON.stringify(ids)) as {
    exemplar_id: number
    status: ExemplarStatus
    on_date: string
    unit_id: number | null
    unit_name: string | null
    note: string | null
  }[]
  for (const s of rows)
    out.get(s.exemplar_id)!.push({
      status: s.status,
      date: s.on_date,
      unitId: s.unit_id,
      unitName: s.unit_name,
      note: s.note
    })
  return out
}

export function getExemplar(db: Database, id: number): Exemplar {
  const r = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Row | undefined
  if (!r) throw notFound('điển hình')
  return toExemplar(r, stepsOf(db, [id]).get(id)!)
}

export function listExemplars(db: Database, i: ExemplarListInput): ExemplarList {
  const where: string[] = []
  const args: unknown[] = []
  if (i.unitId) {
    where.push('e.proposing_unit_id IN (SELECT id FROM units WHERE path >= ? AND path < ?)')
    args.push(...scopeRange(db, i.unitId))
  }
  if (i.year) {
    // A period (5-year review) counts in each of its years.
    where.push('e.year <= ? AND COALESCE(e.to_year, e.year) >= ?')
    args.push(i.year, i.year)
  }
  if (i.kind) {
    where.push('e.kind = ?')
    args.push(i.kind)
  }
  if (i.status) {
    where.push('e.status = ?')
    args.push(i.status)
  }
  if (i.movementId) {
    where.push('e.movement_id = ?')
    args.push(i.movementId)
  }
  const search = i.search ? foldVietnamese(i.search) : ''
  if (search) {
    where.push(
      `(CASE e.kind WHEN 'person' THEN p.name_key WHEN 'unit' THEN u.name_key ELSE e.name_key END LIKE ? ESCAPE '\\')`
    )
    args.push(`%${search.replace(/[\\%_]/g, (c) => '\\' + c)}%`)
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM exemplars e LEFT JOIN people p ON p.id = e.person_id LEFT JOIN units u ON u.id = e.unit_id ${w}`
      )
      .get(...args) as { n: number }
  ).n
  const rows = db
    .prepare(`${SELECT} ${w} ORDER BY e.year DESC, e.id DESC LIMIT ? OFFSET ?`)
    .all(...args, i.limit ?? 100, i.offset ?? 0) as Row[]
  const steps = stepsOf(
    db,
    rows.map((r) => r.id)
  )
  return { rows: rows.map((r) => toExemplar(r, steps.get(r.id)!)), total }
}

/** Checks the fields; returns the name key of a named exemplar. */
function check(db: Database, f: ExemplarFields): string | null {
  const bad = (field: string, message: string) =>
    new CoreError('VALIDATION', message, { [field]: message })
  const exists = (table: string, id: number | null) =>
    id !== null && !!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)
  if (!exists('units', f.proposingUnitId)) throw bad('proposingUnitId', 'Chưa chọn đơn vị đề xuất.')
  if (f.toYear !== null && f.toYear < f.year)
    throw bad('toYear', 'Năm cuối của giai đoạn trước năm đầu.')
  if (f.movementId !== null && !exists('emulation_movements', f.movementId))
    throw bad('movementId', 'Không tìm thấy phong trào thi đua.')
  const name = f.name?.trim() ?? ''
  switch (f.kind) {
    case 'person':
      if (!exists('people', f.personId))
        throw bad('personId', 'Chưa chọn người (cá nhân điển hình phải có trong danh sách).')
      return null
    case 'unit':
      if (!exists('units', f.unitId))
        throw bad('unitId', 'Chưa chọn tập thể (một đơn vị trong cây tổ chức).')
      return null
    case 'outside':
      if (!name) throw bad('name', 'Chưa nhập tên tập thể.')
      return foldVietnamese(name)
    case 'model':
      if (!name) throw bad('name', 'Chưa nhập tên mô hình.')
      if (f.unitId !== null && !exists('units', f.unitId))
        throw bad('unitId', 'Không tìm thấy đơn vị chủ trì mô hình.')
      if (f.sinceYear !== null && (f.sinceYear < 1945 || f.sinceYear > 2100))
        throw bad('sinceYear', 'Năm bắt đầu mô hình không hợp lệ.')
      return foldVietnamese(name)
  }
}

/** Only what belongs to the kind is kept: a person exemplar has no model name, and so on. */
function columns(f: ExemplarFields, nameKey: string | null): unknown[] {
  const named = f.kind === 'outside' || f.kind === 'model'
  return [
    f.kind,
    f.kind === 'person' ? f.personId : null,
    f.kind === 'unit' || f.kind === 'model' ? f.unitId : null,
    named ? f.name!.trim() : null,
    named ? nameKey : null,
    f.kind === 'model' ? f.field : null,
    f.kind === 'model' ? f.sinceYear : null,
    f.achievement,
    f.proposedForm,
    f.proposingUnitId,
    f.year,
    f.toYear,
    f.movementId,
    f.evidence,
    JSON.stringify(f.press)
  ]
}

export function createExemplar(db: Database, f: ExemplarFields): Exemplar {
  const nameKey = check(db, f)
  const now = new Date().toISOString()
  const id = db.transaction(() => {
    const r = db
      .prepare(
        `INSERT INTO exemplars(kind, person_id, unit_id, name, name_key, field, since_year, achievement, proposed_form, proposing_unit_id, year, to_year, movement_id, evidence, press, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?)`
      )
      .run(...columns(f, nameKey), now, now)
    const id = Number(r.lastInsertRowid)
    db.prepare(
      `INSERT INTO exemplar_steps(exemplar_id, status, on_date, unit_id) VALUES (?, 'proposed', ?, ?)`
    ).run(id, now.slice(0, 10), f.proposingUnitId)
    return id
  })()
  return getExemplar(db, id)
}

export function updateExemplar(db: Database, id: number, f: ExemplarFields): Exemplar {
  const nameKey = check(db, f)
  const r = db
    .prepare(
      `UPDATE exemplars SET kind = ?, person_id = ?, unit_id = ?, name = ?, name_key = ?, field = ?, since_year = ?, achievement = ?, proposed_form = ?, proposing_unit_id = ?,
         year = ?, to_year = ?, movement_id = ?, evidence = ?, press = ?, updated_at = ? WHERE id = ?`
    )
    .run(...columns(f, nameKey), new Date().toISOString(), id)
  if (r.changes === 0) throw notFound('điển hình')
  return getExemplar(db, id)
}

export function deleteExemplar(db: Database, id: number): null {
  const awarded = db
    .prepare('SELECT COUNT(*) AS n FROM award_recipients WHERE exemplar_id = ?')
    .get(id) as { n: number }
  if (awarded.n > 0)
    throw new CoreError(
      'IN_USE',
      'Điển hình đã có trong quyết định khen thưởng; hãy bỏ khỏi quyết định trước khi xóa.'
    )
  db.transaction(() => {
    db.prepare('DELETE FROM exemplar_steps WHERE exemplar_id = ?').run(id)
    if (db.prepare('DELETE FROM exemplars WHERE id = ?').run(id).changes === 0)
      throw notFound('điển hình')
  })()
  return null
}

/**
 * Moves the status forward to `status`, recording each step it passes (skipped steps get the same
 * date and unit, with a note saying so). Backward moves are refused: a step once taken is history.
 */
export function recordStatus(
  db: Database,
  id: number,
  status: ExemplarStatus,
  date: string,
  unitId: number | null,
  note: string | null
): void {
  const cur = db.prepare('SELECT status FROM exemplars WHERE id = ?').get(id) as
    { status: ExemplarStatus } | undefined
  if (!cur) throw notFound('điển hình')
  const from = EXEMPLAR_STATUSES.indexOf(cur.status)
  const to = EXEMPLAR_STATUSES.indexOf(status)
  if (to <= from) {
    throw new CoreError(
      'VALIDATION',
      `Điển hình đang ở bước "${EXEMPLAR_STATUS_LABELS[cur.status]}"; chỉ chuyển được sang bước sau, không lùi về "${EXEMPLAR_STATUS_LABELS[status]}".`,
      { status: 'Chỉ chuyển được sang bước sau.' }
    )
  }
  const insert = db.prepare(
    'INSERT INTO exemplar_steps(exemplar_id, status, on_date, unit_id, note) VALUES (?, ?, ?, ?, ?)'
  )
  for (let k = from + 1; k <= to; k++)
    insert.run(id, EXEMPLAR_STATUSES[k], date, unitId, k < to ? 'Ghi cùng bước sau' : note)
  db.prepare('UPDATE exemplars SET status = ?, updated_at = ? WHERE id = ?').run(
    status,
    new Date().toISOString(),
    id
  )
}

export function setExemplarStatus(
  db: Database,
  i: {
    id: number
    status: ExemplarStatus
    date: string
    unitId: number | null
    note: string | null
  }
): Exemplar {
  db.transaction(() => recordStatus(db, i.id, i.status, i.date, i.unitId, i.note))()
  return getExemplar(db, i.id)
}
