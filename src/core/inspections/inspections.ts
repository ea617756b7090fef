// Inspections and supervisions: the decision forming the team, the team with its roles, the
// units covered, the content, the period checked, the working dates, and the step reached. Steps
// are taken one at a time in the order of QĐ 89-QĐ/TW; a step out of order is refused, saying
// which step comes next and what it needs.
import type {
  Inspection,
  InspectionFields,
  InspectionStatus,
  InspectionSummary,
  TeamMember
} from '../../shared/api'
import {
  INSPECTION_KINDS,
  INSPECTION_MODES,
  INSPECTION_STATUS_LABELS,
  INSPECTION_STATUSES,
  TEAM_ROLES
} from '../../shared/api'
import { cleanText } from '../../shared/vn-text'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { checkDay, optional, refuseIf, unitExists, type Errors } from './checks'
import { listDocuments } from './documents'
import { LATE_SQL, listFindings, listRecommendations } from './recommendations'

interface Row {
  id: number
  kind: Inspection['kind']
  mode: Inspection['mode']
  plan_item_id: number | null
  unit_id: number
  unit_name: string
  content: string
  decision_number: string | null
  decision_date: string | null
  period_from: string | null
  period_to: string | null
  starts_on: string | null
  ends_on: string | null
  status: InspectionStatus
  note: string | null
}

const SELECT = `
  SELECT i.id, i.kind, i.mode, i.plan_item_id, i.unit_id, u.name AS unit_name, i.content, i.decision_number, i.decision_date,
         i.period_from, i.period_to, i.starts_on, i.ends_on, i.status, i.note
  FROM inspections i JOIN units u ON u.id = i.unit_id`

/** The year an inspection belongs to: its working dates, else its decision, else its plan, else when it was entered. */
const INSPECTION_YEAR_SQL = `CAST(coalesce(substr(i.starts_on, 1, 4), substr(i.decision_date, 1, 4),
  (SELECT year FROM inspection_plan_items WHERE id = i.plan_item_id), substr(i.created_at, 1, 4)) AS INTEGER)`

function inspectionRow(db: Database, id: number): Row {
  const r = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Row | undefined
  if (!r) throw notFound('cuộc kiểm tra, giám sát này')
  return r
}

function teamOf(db: Database, id: number): TeamMember[] {
  return db
    .prepare(
      `SELECT t.role, t.person_id AS personId, coalesce(p.full_name, t.name) AS name
       FROM inspection_team_members t LEFT JOIN people p ON p.id = t.person_id
       WHERE t.inspection_id = ? ORDER BY t.position`
    )
    .all(id) as TeamMember[]
}

function targetsOf(db: Database, id: number): Inspection['targets'] {
  return db
    .prepare(
      `SELECT t.unit_id AS unitId, t.members, u.name FROM inspection_targets t JOIN units u ON u.id = t.unit_id
       WHERE t.inspection_id = ? ORDER BY u.tree_order`
    )
    .all(id) as Inspection['targets']
}

export function getInspection(db: Database, id: number, today: string): Inspection {
  const r = inspectionRow(db, id)
  return {
    id: r.id,
    kind: r.kind,
    mode: r.mode,
    planItemId: r.plan_item_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    content: r.content,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status,
    note: r.note,
    team: teamOf(db, id),
    targets: targetsOf(db, id),
    documents: listDocuments(db, id),
    findings: listFindings(db, id),
    recommendations: listRecommendations(db, { unitId: null, inspectionId: id, asOf: today })
  }
}

/** A year's inspections, the latest first, with their recommendations counted (late ones on `today`). */
export function listInspections(db: Database, year: number, today: string): InspectionSummary[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.kind, i.mode, i.unit_id AS unitId, u.name AS unitName, i.content, i.decision_number AS decisionNumber,
              i.decision_date AS decisionDate, i.starts_on AS startsOn, i.ends_on AS endsOn, i.status,
              (SELECT group_concat(tu.name, '; ') FROM (SELECT tu.name FROM inspection_targets t JOIN units tu ON tu.id = t.unit_id
                 WHERE t.inspection_id = i.id ORDER BY tu.tree_order) tu) AS targets,
              (SELECT count(*) FROM inspection_recommendations r WHERE r.inspection_id = i.id) AS recommendations,
              (SELECT count(*) FROM inspection_recommendations r WHERE r.inspection_id = i.id AND ${LATE_SQL}) AS late
       FROM inspections i JOIN units u ON u.id = i.unit_id
       WHERE ${INSPECTION_YEAR_SQL} = ?
       ORDER BY coalesce(i.starts_on, i.decision_date, i.created_at) DESC, i.id DESC`
    )
    .all(today, today, year) as (Omit<InspectionSummary, 'targetNames'> & {
    targets: string | null
  })[]
  return rows.map(({ targets, ...r }) => ({
    ...r,
    targetNames: targets ? targets.split('; ') : []
  }))
}

function normalise(db: Database, f: InspectionFields, id: number | null): InspectionFields {
  const errors: Errors = {}
  if (!INSPECTION_KINDS.includes(f.kind)) errors.kind = 'Loại (kiểm tra, giám sát) không hợp lệ.'
  if (!INSPECTION_MODES.includes(f.mode))
    errors.mode = 'Hình thức (chuyên đề, thường xuyên) không hợp lệ.'
  if (!unitExists(db, f.unitId)) errors.unitId = 'Đơn vị chủ trì không tồn tại.'
  const content = cleanText(f.content)
  if (!content) errors.content = 'Hãy ghi nội dung kiểm tra, giám sát.'
  checkDay(errors, 'decisionDate', f.decisionDate, 'Ngày quyết định')
  checkDay(errors, 'periodFrom', f.periodFrom, 'Ngày đầu của thời kỳ kiểm tra')
  checkDay(errors, 'periodTo', f.periodTo, 'Ngày cuối của thời kỳ kiểm tra')
  checkDay(errors, 'startsOn', f.startsOn, 'Ngày bắt đầu làm việc')
  checkDay(errors, 'endsOn', f.endsOn, 'Ngày kết thúc làm việc')
  if (!errors.periodTo && f.periodFrom && f.periodTo && f.periodTo < f.periodFrom)
    errors.periodTo = 'Thời kỳ kiểm tra: ngày cuối không được trước ngày đầu.'
  if (!errors.endsOn && f.startsOn && f.endsOn && f.endsOn < f.startsOn)
    errors.endsOn = 'Ngày kết thúc làm việc không được trước ngày bắt đầu.'
  if (f.targets.length === 0)
    errors.targets = 'Hãy chọn ít nhất một đơn vị được kiểm tra, giám sát.'
  else if (new Set(f.targets.map((t) => t.unitId)).size !== f.targets.length)
    errors.targets = 'Một đơn vị được chọn hai lần trong các đơn vị được kiểm tra, giám sát.'
  else if (f.targets.some((t) => !unitExists(db, t.unitId)))
    errors.targets = 'Có đơn vị được kiểm tra, giám sát không tồn tại.'
  else if (f.targets.some((t) => !Number.isInteger(t.members) || t.members < 0))
    errors.targets = 'Số đảng viên được kiểm tra phải là số nguyên không âm.'
  const team = f.team.map((m) => ({ ...m, name: cleanText(m.name) }))
  if (team.some((m) => !TEAM_ROLES.includes(m.role)))
    errors.team = 'Vai trò trong đoàn không hợp lệ.'
  else if (team.some((m) => !m.name && m.personId === null))
    errors.team = 'Mỗi thành viên đoàn cần có họ tên.'
  else if (
    team.some(
      (m) => m.personId !== null && !db.prepare('SELECT 1 FROM people WHERE id = ?').get(m.personId)
    )
  )
    errors.team = 'Có thành viên đoàn không còn trong danh sách người.'
  else if (team.filter((m) => m.role === 'head').length > 1)
    errors.team = 'Đoàn chỉ có một trưởng đoàn.'
  if (f.planItemId !== null) {
    const other = db
      .prepare('SELECT id FROM inspections WHERE plan_item_id = ? AND id IS NOT ?')
      .get(f.planItemId, id) as { id: number } | undefined
    if (!db.prepare('SELECT 1 FROM inspection_plan_items WHERE id = ?').get(f.planItemId))
      errors.planItemId = 'Mục kế hoạch không tồn tại.'
    else if (other)
      errors.planItemId = `Mục kế hoạch này đã được tiến hành (cuộc kiểm tra, giám sát mã ${other.id}).`
  }
  refuseIf(errors)
  return {
    ...f,
    content,
    team,
    decisionNumber: optional(f.decisionNumber),
    note: optional(f.note)
  }
}

function writeMembers(db: Database, id: number, f: InspectionFields): void {
  db.prepare('DELETE FROM inspection_team_members WHERE inspection_id = ?').run(id)
  const member = db.prepare(
    `INSERT INTO inspection_team_members(inspection_id, position, role, person_id, name)
     VALUES (?, ?, ?, ?, coalesce(nullif(?, ''), (SELECT full_name FROM people WHERE id = ?)))`
  )
  f.team.forEach((m, i) => member.run(id, i, m.role, m.personId, m.name, m.personId))
  db.prepare('DELETE FROM inspection_targets WHERE inspection_id = ?').run(id)
  const target = db.prepare(
    'INSERT INTO inspection_targets(inspection_id, unit_id, members) VALUES (?, ?, ?)'
  )
  for (const t of f.targets) target.run(id, t.unitId, t.members)
}

const values = (f: InspectionFields) => [
  f.kind,
  f.mode,
  f.planItemId,
  f.unitId,
  f.content,
  f.decisionNumber,
  f.decisionDate,
  f.periodFrom,
  f.periodTo,
  f.startsOn,
  f.endsOn,
  f.note
]

export function createInspection(db: Database, input: InspectionFields, today: string): Inspection {
  return inTransaction(db, () => {
    const f = normalise(db, input, null)
    const now = nowIso()
    const id = Number(
      db
        .prepare(
          `INSERT INTO inspections(kind, mode, plan_item_id, unit_id, content, decision_number, decision_date, period_from, period_to,
             starts_on, ends_on, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(...values(f), now, now).lastInsertRowid
    )
    writeMembers(db, id, f)
    return getInspection(db, id, today)
  })
}

export function updateInspection(
  db: Database,
  id: number,
  input: InspectionFields,
  today: string
): Inspection {
  return inTransaction(db, () => {
    inspectionRow(db, id)
    const f = normalise(db, input, id)
    db.prepare(
      `UPDATE inspections SET kind = ?, mode = ?, plan_item_id = ?, unit_id = ?, content = ?, decision_number = ?, decision_date = ?,
         period_from = ?, period_to = ?, starts_on = ?, ends_on = ?, note = ?, updated_at = ?
       WHERE id = ?`
    ).run(...values(f), nowIso(), id)
    writeMembers(db, id, f)
    return getInspection(db, id, today)
  })
}

export function deleteInspection(db: Database, id: number): null {
  inTransaction(db, () => {
    inspectionRow(db, id)
    const held = db
      .prepare(
        `SELECT (SELECT count(*) FROM inspection_documents WHERE inspection_id = ?) AS documents,
                (SELECT count(*) FROM inspection_recommendations WHERE inspection_id = ?) AS recommendations`
      )
      .get(id, id) as { documents: number; recommendations: number }
    if (held.documents + held.recommendations > 0)
      throw new CoreError(
        'CONFLICT',
        `Không xóa được: cuộc kiểm tra, giám sát này còn ${held.documents} văn bản và ${held.recommendations} kiến nghị; hãy xóa chúng trước.`
      )
    db.prepare('DELETE FROM inspections WHERE id = ?').run(id)
  })
  return null
}

/** What a step needs before it can be taken; null when it is ready. */
function missingFor(db: Database, r: Row, status: InspectionStatus): string | null {
  if (status === 'notified' && (!r.decision_number || !r.decision_date))
    return 'Hãy ghi số và ngày quyết định thành lập đoàn trước khi thông báo.'
  if (status === 'at_work' && !r.starts_on) return 'Hãy ghi ngày đoàn bắt đầu làm việc trước.'
  if (status === 'concluded') {
    const notice = db
      .prepare(
        "SELECT 1 FROM inspection_documents WHERE inspection_id = ? AND kind = 'conclusion' AND number IS NOT NULL"
      )
      .get(r.id)
    if (!notice)
      return 'Hãy thêm văn bản “Thông báo kết luận” có số và ngày trước khi chuyển sang bước này.'
  }
  return null
}

/** Takes the next step; any other step (skipping, going back, repeating) is refused. */
export function setStatus(
  db: Database,
  id: number,
  status: InspectionStatus,
  today: string
): Inspection {
  return inTransaction(db, () => {
    const r = inspectionRow(db, id)
    const at = INSPECTION_STATUSES.indexOf(r.status)
    const to = INSPECTION_STATUSES.indexOf(status)
    if (to < 0) throw new CoreError('VALIDATION', 'Bước không hợp lệ.')
    if (to !== at + 1) {
      const next = INSPECTION_STATUSES[at + 1]
      const now = `Cuộc kiểm tra, giám sát đang ở bước “${INSPECTION_STATUS_LABELS[r.status]}”`
      throw new CoreError(
        'OUT_OF_ORDER',
        next
          ? `${now}; không thể chuyển sang “${INSPECTION_STATUS_LABELS[status]}”. Bước tiếp theo là “${INSPECTION_STATUS_LABELS[next]}”.`
          : `${now}; đã kết thúc, không còn bước nào.`,
        { status: next ? `Bước tiếp theo là “${INSPECTION_STATUS_LABELS[next]}”.` : 'Đã kết thúc.' }
      )
    }
    const missing = missingFor(db, r, status)
    if (missing) throw new CoreError('VALIDATION', missing, { status: missing })
    db.prepare('UPDATE inspections SET status = ?, updated_at = ? WHERE id = ?').run(
      status,
      nowIso(),
      id
    )
    return getInspection(db, id, today)
  })
}
