// The audit log: one row per action on the data, written by `audit()` inside the transaction of
// the action it records (so an action rolled back leaves no entry, and an entry never lacks its
// action). The Vietnamese sentence is made here, from the action and its detail, once, when the
// entry is written. Rows are never changed or deleted, but by erasure (people/erase.ts), which
// scrubs the entries about the erased person to the bare fact; the contract has no channel that
// changes the log.
import { basename } from 'node:path'
import type { AuditAction, AuditDetail, AuditEntry, AuditFilter, AuditPage } from '../../shared/api'
import { formatNumber } from '../../shared/numbers'
import { inTransaction, nowIso, type Database } from '../db/connection'

/** What each export writes, as the log names it. */
const EXPORT_LABELS = {
  'import-problems': 'Danh sách nhập có đánh dấu lỗi',
  'study-missing': 'Danh sách chưa học tập Chuyên đề',
  commitment: 'Bản cam kết',
  'unit-commitments': 'Các bản cam kết của đơn vị',
  evaluation: 'Bảng đánh giá, xếp loại',
  'exemplar-proposals': 'Danh sách đề nghị khen thưởng',
  'people-list': 'Danh sách người',
  'study-coverage': 'Bảng kết quả học tập theo đơn vị',
  'commitment-status': 'Bảng tình hình lập cam kết',
  'propaganda-anniversaries': 'Các ngày kỷ niệm trong năm',
  'propaganda-activities': 'Danh sách hoạt động tuyên truyền',
  'inspection-plan': 'Kế hoạch kiểm tra, giám sát',
  'inspection-recommendations': 'Danh sách kiến nghị sau kiểm tra, giám sát',
  'inspection-draft': 'Dự thảo văn bản kiểm tra, giám sát (Word)',
  'report-annex': 'Phụ lục số liệu báo cáo',
  'issued-report-annex': 'Phụ lục số liệu của báo cáo đã ban hành',
  'report-late': 'Danh sách đơn vị chậm gửi báo cáo',
  'report-word': 'Báo cáo (Word)',
  'issued-report-word': 'Báo cáo đã ban hành (Word)',
  audit: 'Nhật ký thao tác'
} as const
type ExportKind = keyof typeof EXPORT_LABELS

/** What a deletion removed, as the log names it. */
const DELETED_LABELS = {
  commitment: 'bản cam kết',
  'commitment-review': 'lần kiểm điểm cam kết',
  'study-session': 'buổi học tập',
  'evaluation-rule': 'quy định xếp loại',
  exemplar: 'điển hình, mô hình',
  award: 'quyết định khen thưởng',
  movement: 'phong trào thi đua',
  'propaganda-activity': 'hoạt động tuyên truyền',
  anniversary: 'ngày kỷ niệm',
  'press-work': 'tác phẩm báo chí'
} as const
type DeletedKind = keyof typeof DELETED_LABELS

/** The detail each action carries (JSON-safe; counts, unit and file names). */
interface AuditDetails {
  'import.commit': {
    importId: number
    file: string
    created: number
    updated: number
    unitsCreated: number
    backup: string | null
  }
  'import.undo': {
    importId: number
    file: string
    removedPeople: number
    restoredPeople: number
    removedUnits: number
  }
  /** path: where the file went (the destination the user chose). */
  export: { what: ExportKind; path: string; rows: number | null }
  'backup.create': { file: string }
  'backup.restore': { from: string; safetyBackup: string }
  'backup.keep': { from: number; to: number; deleted: number }
  /** person: the name of the person whose record it was (scrubbed at erasure). */
  'record.delete': {
    what: DeletedKind
    id: number | null
    year: number | null
    person: string | null
  }
  'person.erase': { records: number; backup: string }
  'units.merge': { from: string; into: string; people: number; backup: string }
  'ratings.bulk': {
    how: 'save' | 'fill' | 'import'
    unit: string | null
    year: number
    people: number
    file: string | null
  }
  'commitments.bulk': { unit: string; year: number; created: number }
  /** change: what was done, as a Vietnamese phrase ("Chuyển sang Chi bộ ấp 2", "Đổi trạng thái"). */
  'people.bulk': { change: string; people: number; unit: string | null }
  /** A sub-unit's annex stored for a period; replaced: it took the place of one received before. */
  'reports.receive': { unit: string; period: string; file: string; replaced: boolean }
  /** A report frozen as issued: its number as the office gave it and its version for the period. */
  'reports.issue': { unit: string; period: string; number: string; version: number }
  'password.set': Record<string, never>
  'password.change': Record<string, never>
  'password.remove': Record<string, never>
}

interface AuditInput<A extends AuditAction = AuditAction> {
  action: A
  detail: AuditDetails[A]
  /** The one person the entry is about, when there is one: erasure scrubs the entry. */
  personId?: number
}

const n = (v: number) => formatNumber(v)

const RATING_HOW = { save: 'ghi cùng lúc', fill: 'nhập nhanh', import: 'nhập từ tệp' } as const

/** The entry's Vietnamese sentence. */
function describe<A extends AuditAction>(action: A, detail: AuditDetails[A]): string {
  switch (action) {
    case 'import.commit': {
      const x = detail as AuditDetails['import.commit']
      return `Nhập danh sách từ tệp ${x.file}: thêm ${n(x.created)}, cập nhật ${n(x.updated)} người, tạo ${n(x.unitsCreated)} đơn vị.`
    }
    case 'import.undo': {
      const x = detail as AuditDetails['import.undo']
      return `Hoàn tác lần nhập tệp ${x.file}: bỏ ${n(x.removedPeople)} người đã thêm, trả lại ${n(x.restoredPeople)} người đã cập nhật, bỏ ${n(x.removedUnits)} đơn vị.`
    }
    case 'export': {
      const x = detail as AuditDetails['export']
      const rows = x.rows === null ? '' : ` (${n(x.rows)} dòng)`
      return `Xuất ${EXPORT_LABELS[x.what]}${rows} ra tệp ${basename(x.path)}.`
    }
    case 'backup.create':
      return `Sao lưu thủ công: ${(detail as AuditDetails['backup.create']).file}.`
    case 'backup.restore': {
      const x = detail as AuditDetails['backup.restore']
      return `Khôi phục dữ liệu từ ${basename(x.from)}; bản sao lưu an toàn trước đó: ${x.safetyBackup}.`
    }
    case 'backup.keep': {
      const x = detail as AuditDetails['backup.keep']
      const gone = x.deleted > 0 ? `, xóa ${n(x.deleted)} bản cũ` : ''
      return `Đổi số bản sao lưu giữ lại từ ${x.from} thành ${x.to}${gone}.`
    }
    case 'record.delete': {
      const x = detail as AuditDetails['record.delete']
      const of = x.person ? ` của ${x.person}` : ''
      const year = x.year !== null ? ` năm ${x.year}` : ''
      const id = x.id !== null ? ` (mã ${x.id})` : ''
      return `Xóa ${DELETED_LABELS[x.what]}${year}${of}${id}.`
    }
    case 'person.erase': {
      const x = detail as AuditDetails['person.erase']
      return `Xóa vĩnh viễn một người cùng ${n(x.records)} bản ghi gắn với họ; bản sao lưu trước đó: ${x.backup}.`
    }
    case 'units.merge': {
      const x = detail as AuditDetails['units.merge']
      return `Sáp nhập đơn vị "${x.from}" vào "${x.into}" (${n(x.people)} người chuyển sang).`
    }
    case 'ratings.bulk': {
      const x = detail as AuditDetails['ratings.bulk']
      const where = x.unit ? ` của ${x.unit}` : ''
      const file = x.file ? ` từ tệp ${x.file}` : ''
      return `Xếp loại năm ${x.year}${where} (${RATING_HOW[x.how]}${file}): ${n(x.people)} người.`
    }
    case 'commitments.bulk': {
      const x = detail as AuditDetails['commitments.bulk']
      return `Lập cam kết năm ${x.year} hàng loạt cho ${x.unit}: ${n(x.created)} người.`
    }
    case 'people.bulk': {
      const x = detail as AuditDetails['people.bulk']
      return `${x.change} cho ${n(x.people)} người${x.unit ? ` (${x.unit})` : ''}.`
    }
    case 'reports.receive': {
      const x = detail as AuditDetails['reports.receive']
      const again = x.replaced ? ', thay phụ lục nhận trước đó' : ''
      return `Nhận phụ lục số liệu báo cáo ${x.period} của ${x.unit} từ tệp ${x.file}${again}.`
    }
    case 'reports.issue': {
      const x = detail as AuditDetails['reports.issue']
      return `Ban hành báo cáo ${x.period} của ${x.unit}, số ${x.number} (lần ${x.version}).`
    }
    case 'password.set':
      return 'Đặt mật khẩu bảo vệ dữ liệu.'
    case 'password.change':
      return 'Đổi mật khẩu bảo vệ dữ liệu.'
    case 'password.remove':
      return 'Bỏ mật khẩu bảo vệ dữ liệu.'
  }
  return action
}

/** Records an action. Call it inside the action's own transaction. */
export function audit<A extends AuditAction>(db: Database, entry: AuditInput<A>): void {
  db.prepare(
    'INSERT INTO audit_log(at, action, description, detail, person_id) VALUES (?, ?, ?, ?, ?)'
  ).run(
    nowIso(),
    entry.action,
    describe(entry.action, entry.detail),
    JSON.stringify(entry.detail),
    entry.personId ?? null
  )
}

/**
 * Runs `action` and records it in one transaction; `entry` gets the action's result and may
 * return null when there was nothing worth recording (a bulk change of nobody).
 */
export function withAudit<T, A extends AuditAction>(
  db: Database,
  action: () => T,
  entry: (result: T) => AuditInput<A> | null
): T {
  return inTransaction(db, () => {
    const result = action()
    const e = entry(result)
    if (e) audit(db, e)
    return result
  })
}

/** The unit's name, for an entry (the id alone means nothing a year later). */
export function unitNameOf(db: Database, unitId: number): string | null {
  return (
    (db.prepare('SELECT name FROM units WHERE id = ?').pluck().get(unitId) as string | undefined) ??
    null
  )
}

/** The ISO instant a whole local day starts at (the log stores UTC; users think in their days). */
function dayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString()
}

function nextDayStart(day: string): string {
  const d = new Date(`${day}T00:00:00`)
  d.setDate(d.getDate() + 1)
  return d.toISOString()
}

function where(filter: AuditFilter): { sql: string; params: string[] } {
  const parts: string[] = []
  const params: string[] = []
  if (filter.action) {
    parts.push('action = ?')
    params.push(filter.action)
  }
  if (filter.from) {
    parts.push('at >= ?')
    params.push(dayStart(filter.from))
  }
  if (filter.to) {
    parts.push('at < ?')
    params.push(nextDayStart(filter.to))
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

interface AuditRow {
  id: number
  at: string
  action: AuditAction
  description: string
  detail: string
}

function entryOf(r: AuditRow): AuditEntry {
  let detail: AuditDetail = {}
  try {
    detail = JSON.parse(r.detail) as AuditDetail
  } catch {
    // A row is written by audit() only; an unreadable detail still shows its sentence.
  }
  return { id: r.id, at: r.at, action: r.action, description: r.description, detail }
}

/** Newest first, a page at a time. */
export function listAudit(
  db: Database,
  input: AuditFilter & { offset?: number; limit?: number }
): AuditPage {
  const w = where(input)
  const total = (
    db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.params) as { n: number }
  ).n
  const rows = db
    .prepare(
      `SELECT id, at, action, description, detail FROM audit_log ${w.sql} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`
    )
    .all(...w.params, input.limit ?? 100, input.offset ?? 0) as AuditRow[]
  return { rows: rows.map(entryOf), total }
}

/** Every entry the filter selects, oldest first (as a register is read). */
export function allAudit(db: Database, filter: AuditFilter): AuditEntry[] {
  const w = where(filter)
  return (
    db
      .prepare(`SELECT id, at, action, description, detail FROM audit_log ${w.sql} ORDER BY at, id`)
      .all(...w.params) as AuditRow[]
  ).map(entryOf)
}

/**
 * Records an export once its file is written (a cancelled dialog, null, records nothing). The
 * file is outside the data, so there is no transaction to share: the entry follows the write.
 */
export async function auditedExport<T extends { path: string } | null>(
  db: () => Database,
  what: ExportKind,
  written: Promise<T>,
  rowsOf: (result: NonNullable<T>) => number | null,
  personId?: number
): Promise<T> {
  const result = await written
  if (result)
    audit(db(), {
      action: 'export',
      detail: { what, path: result.path, rows: rowsOf(result as NonNullable<T>) },
      personId
    })
  return result
}

/** Runs the deletion of a record known by its id and records it, in one transaction. */
export function auditedDelete<T>(db: Database, what: DeletedKind, id: number, run: () => T): T {
  return withAudit(db, run, () => ({
    action: 'record.delete',
    detail: { what, id, year: null, person: null }
  }))
}
