// The year's inspection and supervision plan: items with the unit carrying them out, the units
// to cover, the content and a planned quarter or month. Where an item stands is computed from the
// inspection started for it and the day asked about, never stored.
import type { PlanItem, PlanItemFields, PlanState } from '../../shared/api'
import { INSPECTION_KINDS, INSPECTION_MODES } from '../../shared/api'
import { daysInMonth } from '../../shared/partial-date'
import { cleanText } from '../../shared/vn-text'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { optional, refuseIf, unitExists, type Errors } from './checks'

interface Row {
  id: number
  year: number
  kind: PlanItem['kind']
  mode: PlanItem['mode']
  unit_id: number
  unit_name: string
  content: string
  quarter: number | null
  month: number | null
  note: string | null
  inspection_id: number | null
  inspection_status: string | null
}

const SELECT = `
  SELECT p.id, p.year, p.kind, p.mode, p.unit_id, u.name AS unit_name, p.content, p.quarter, p.month, p.note,
         i.id AS inspection_id, i.status AS inspection_status
  FROM inspection_plan_items p
  JOIN units u ON u.id = p.unit_id
  LEFT JOIN inspections i ON i.plan_item_id = p.id`

/** The last day of the quarter or month an item is planned for. */
function plannedBy(year: number, quarter: number | null, month: number | null): string {
  const m = month ?? (quarter ?? 4) * 3
  return `${year}-${String(m).padStart(2, '0')}-${String(daysInMonth(year, m)).padStart(2, '0')}`
}

function planState(r: {
  year: number
  quarter: number | null
  month: number | null
  inspectionStatus: string | null
  today: string
}): PlanState {
  if (r.inspectionStatus === 'concluded' || r.inspectionStatus === 'closed') return 'done'
  if (r.inspectionStatus !== null && r.inspectionStatus !== 'planned') return 'running'
  return plannedBy(r.year, r.quarter, r.month) < r.today ? 'late' : 'not_started'
}

function targetsOf(db: Database, ids: number[]): Map<number, { id: number; name: string }[]> {
  const map = new Map<number, { id: number; name: string }[]>()
  if (ids.length === 0) return map
  const rows = db
    .prepare(
      `SELECT t.plan_item_id, t.unit_id, u.name FROM inspection_plan_targets t JOIN units u ON u.id = t.unit_id
       WHERE t.plan_item_id IN (${ids.map(() => '?').join(', ')}) ORDER BY u.tree_order`
    )
    .all(...ids) as { plan_item_id: number; unit_id: number; name: string }[]
  for (const r of rows) {
    const list = map.get(r.plan_item_id) ?? []
    list.push({ id: r.unit_id, name: r.name })
    map.set(r.plan_item_id, list)
  }
  return map
}

function toItems(db: Database, rows: Row[], today: string): PlanItem[] {
  const targets = targetsOf(
    db,
    rows.map((r) => r.id)
  )
  return rows.map((r) => {
    const t = targets.get(r.id) ?? []
    return {
      id: r.id,
      year: r.year,
      kind: r.kind,
      mode: r.mode,
      unitId: r.unit_id,
      unitName: r.unit_name,
      targetUnitIds: t.map((x) => x.id),
      targetNames: t.map((x) => x.name),
      content: r.content,
      quarter: r.quarter,
      month: r.month,
      note: r.note,
      inspectionId: r.inspection_id,
      state: planState({
        year: r.year,
        quarter: r.quarter,
        month: r.month,
        inspectionStatus: r.inspection_status,
        today
      })
    }
  })
}

function getPlanItem(db: Database, id: number, today: string): PlanItem {
  const r = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Row | undefined
  if (!r) throw notFound('mục kế hoạch kiểm tra, giám sát này')
  return toItems(db, [r], today)[0]
}

/** A year's plan in the order it will be carried out. */
export function listPlanItems(db: Database, year: number, today: string): PlanItem[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE p.year = ?
       ORDER BY coalesce(p.month, p.quarter * 3), p.quarter IS NULL, p.id`
    )
    .all(year) as Row[]
  return toItems(db, rows, today)
}

function normalise(db: Database, f: PlanItemFields): PlanItemFields {
  const errors: Errors = {}
  if (!INSPECTION_KINDS.includes(f.kind)) errors.kind = 'Loại (kiểm tra, giám sát) không hợp lệ.'
  if (!INSPECTION_MODES.includes(f.mode))
    errors.mode = 'Hình thức (chuyên đề, thường xuyên) không hợp lệ.'
  if (!unitExists(db, f.unitId)) errors.unitId = 'Đơn vị chủ trì không tồn tại.'
  const targets = [...new Set(f.targetUnitIds)]
  if (targets.length === 0)
    errors.targetUnitIds = 'Hãy chọn ít nhất một đơn vị được kiểm tra, giám sát.'
  else if (targets.some((t) => !unitExists(db, t)))
    errors.targetUnitIds = 'Có đơn vị được kiểm tra, giám sát không tồn tại.'
  const content = cleanText(f.content)
  if (!content) errors.content = 'Hãy ghi nội dung kiểm tra, giám sát.'
  if ((f.quarter === null) === (f.month === null))
    errors.quarter = 'Hãy ghi thời gian dự kiến: một quý hoặc một tháng.'
  else if (f.quarter !== null && !(Number.isInteger(f.quarter) && f.quarter >= 1 && f.quarter <= 4))
    errors.quarter = 'Quý phải từ 1 đến 4.'
  else if (f.month !== null && !(Number.isInteger(f.month) && f.month >= 1 && f.month <= 12))
    errors.month = 'Tháng phải từ 1 đến 12.'
  refuseIf(errors)
  return { ...f, content, targetUnitIds: targets, note: optional(f.note) }
}

function writeTargets(db: Database, id: number, targets: number[]): void {
  db.prepare('DELETE FROM inspection_plan_targets WHERE plan_item_id = ?').run(id)
  const ins = db.prepare('INSERT INTO inspection_plan_targets(plan_item_id, unit_id) VALUES (?, ?)')
  for (const t of targets) ins.run(id, t)
}

export function createPlanItem(db: Database, input: PlanItemFields, today: string): PlanItem {
  return inTransaction(db, () => {
    const f = normalise(db, input)
    const now = nowIso()
    const id = Number(
      db
        .prepare(
          `INSERT INTO inspection_plan_items(year, kind, mode, unit_id, content, quarter, month, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(f.year, f.kind, f.mode, f.unitId, f.content, f.quarter, f.month, f.note, now, now)
        .lastInsertRowid
    )
    writeTargets(db, id, f.targetUnitIds)
    return getPlanItem(db, id, today)
  })
}

export function updatePlanItem(
  db: Database,
  id: number,
  input: PlanItemFields,
  today: string
): PlanItem {
  return inTransaction(db, () => {
    getPlanItem(db, id, today)
    const f = normalise(db, input)
    db.prepare(
      `UPDATE inspection_plan_items SET year = ?, kind = ?, mode = ?, unit_id = ?, content = ?, quarter = ?, month = ?, note = ?, updated_at = ?
       WHERE id = ?`
    ).run(f.year, f.kind, f.mode, f.unitId, f.content, f.quarter, f.month, f.note, nowIso(), id)
    writeTargets(db, id, f.targetUnitIds)
    return getPlanItem(db, id, today)
  })
}

export function deletePlanItem(db: Database, id: number, today: string): null {
  inTransaction(db, () => {
    const item = getPlanItem(db, id, today)
    if (item.inspectionId !== null)
      throw new CoreError(
        'CONFLICT',
        'Mục kế hoạch này đã được tiến hành thành cuộc kiểm tra, giám sát; hãy xóa cuộc đó trước nếu thật sự muốn bỏ mục này.'
      )
    db.prepare('DELETE FROM inspection_plan_items WHERE id = ?').run(id)
  })
  return null
}
