// Annexes received from sub-units that keep their own data file: read back from the hidden sheet
// the annex export writes (annex-export.ts), matched to a unit of this file, and stored as that
// unit's figures for the period (a re-sent annex replaces the one before, kept as history). The
// annex of the level above then uses them for that unit (annex.ts), and the tracker says who has
// sent and who is late.
import { randomBytes } from 'node:crypto'
import { basename } from 'node:path'
import type {
  ReceivedPreview,
  ReceivedReport,
  ReportPeriodKind,
  ReportTracker
} from '../../shared/api'
import { REPORT_PERIOD_KINDS } from '../../shared/api'
import { todayIso } from '../../shared/partial-date'
import { foldVietnamese } from '../../shared/vn-text'
import { audit, unitNameOf } from '../audit/audit'
import type { CoreContext } from '../context'
import { inTransaction, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { cellText, type GridSheet } from '../excel/grid'
import { readXlsx } from '../excel/read-xlsx'
import { sniffFile } from '../excel/sniff'
import { scopeRange, treeUnitsInRange } from '../units/subtree'
import { ANNEX_DATA_KIND, ANNEX_DATA_SHEET } from './annex-data'
import { keptHere } from './kept-here'
import { resolvePeriod } from './periods'

/** A received annex as read from its file: who, which period, and the figures of its total. */
interface ReceivedFile {
  fileName: string
  source: { unitId: number; name: string; path: string[] }
  period: { kind: ReportPeriodKind; year: number; from: string; to: string }
  appVersion: string
  figures: Record<string, number | null>
}

const NOT_AN_ANNEX =
  'Tệp này không phải phụ lục số liệu do phần mềm xuất (thiếu trang số liệu ẩn "SoLieu"). Hãy đề nghị đơn vị cấp dưới xuất lại phụ lục từ phần mềm và gửi tệp .xlsx đó.'

function parse(sheet: GridSheet, fileName: string): ReceivedFile {
  const rows = sheet.rows.map((r) => r.cells.map((c) => (c === null ? '' : cellText(c))))
  // The heading pairs, then the table of figures from its header row on.
  const start = rows.findIndex((r) => r[0] === 'Mã đơn vị' && r[2] === 'Mã số liệu')
  const header = new Map<string, string>()
  for (const r of start < 0 ? rows : rows.slice(0, start)) if (r[0]) header.set(r[0], r[1] ?? '')
  if (header.get('Loại tệp') !== ANNEX_DATA_KIND) throw new CoreError('VALIDATION', NOT_AN_ANNEX)
  const kind = REPORT_PERIOD_KINDS.find((k) => k === header.get('Kỳ'))
  if (!kind)
    throw new CoreError(
      'VALIDATION',
      'Phụ lục này tính cho một khoảng thời gian tự chọn: chỉ nhận phụ lục báo cáo 6 tháng hoặc cả năm.'
    )
  const sourceId = Number(header.get('Mã đơn vị'))
  const year = Number(header.get('Năm'))
  const from = header.get('Từ ngày') ?? ''
  const to = header.get('Đến ngày') ?? ''
  const name = header.get('Đơn vị') ?? ''
  if (
    !Number.isInteger(sourceId) ||
    !Number.isInteger(year) ||
    !name ||
    !/^\d{4}-\d{2}-\d{2}$/.test(from) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(to)
  )
    throw new CoreError('VALIDATION', `${NOT_AN_ANNEX} (Phần đầu trang số liệu bị sửa hoặc thiếu.)`)
  const figures: Record<string, number | null> = {}
  for (const r of start < 0 ? [] : rows.slice(start + 1)) {
    if (Number(r[0]) !== sourceId || !r[2]) continue
    const v = r[3] === undefined || r[3] === '' ? null : Number(r[3])
    if (v !== null && !Number.isFinite(v))
      throw new CoreError('VALIDATION', `Số liệu "${r[2]}" trong tệp không phải là số: "${r[3]}".`)
    figures[r[2]] = v
  }
  if (Object.keys(figures).length === 0)
    throw new CoreError('VALIDATION', `${NOT_AN_ANNEX} (Không có số liệu tổng của đơn vị.)`)
  return {
    fileName,
    source: { unitId: sourceId, name, path: (header.get('Đường dẫn') ?? name).split(' / ') },
    period: { kind, year, from, to },
    appVersion: header.get('Phiên bản phần mềm') ?? '',
    figures
  }
}

async function readReceived(path: string): Promise<ReceivedFile> {
  if ((await sniffFile(path)) !== 'xlsx')
    throw new CoreError('FILE_NOT_XLSX', 'Phụ lục nhận từ cấp dưới phải là tệp Excel .xlsx.')
  const sheet = (await readXlsx(path)).find((s) => s.name === ANNEX_DATA_SHEET)
  if (!sheet) throw new CoreError('VALIDATION', NOT_AN_ANNEX)
  return parse(sheet, basename(path))
}

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim()

/**
 * The unit of this file the annex is about, below `parentId` (anywhere when null): the one whose
 * path from a top unit ends with the sender's path (the sender's own tree may start lower or
 * higher), else the one unit of that name; null when none or several match.
 */
function matchUnit(
  db: Database,
  path: string[],
  parentId: number | null
): { id: number; by: 'path' | 'name' } | null {
  const units = db.prepare('SELECT id, parent_id, name, path FROM units').all() as {
    id: number
    parent_id: number | null
    name: string
    path: string
  }[]
  const [lo, hi] = scopeRange(db, parentId)
  const byId = new Map(units.map((u) => [u.id, u]))
  const namesUp = (id: number) => {
    const out: string[] = []
    for (let u = byId.get(id); u; u = u.parent_id === null ? undefined : byId.get(u.parent_id))
      out.unshift(fold(u.name))
    return out
  }
  const wanted = path.map(fold)
  const last = wanted[wanted.length - 1]
  const named = units.filter(
    (u) => fold(u.name) === last && u.path >= lo && u.path < hi && u.id !== parentId
  )
  // Compare as many levels as both trees have.
  const byPath = named.filter((u) => {
    const mine = namesUp(u.id)
    const n = Math.min(mine.length, wanted.length)
    return (
      mine.slice(-n).join('/') === wanted.slice(-n).join('/') && n >= Math.min(2, wanted.length)
    )
  })
  if (byPath.length === 1) return { id: byPath[0].id, by: 'path' }
  if (named.length === 1) return { id: named[0].id, by: 'name' }
  return null
}

function toReport(r: {
  id: number
  unit_id: number
  unit_name: string
  period_kind: ReportPeriodKind
  year: number
  file_name: string
  source_name: string
  received_at: string
  replaced_at: string | null
}): ReceivedReport {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    periodKind: r.period_kind,
    year: r.year,
    fileName: r.file_name,
    sourceName: r.source_name,
    receivedAt: r.received_at,
    replacedAt: r.replaced_at
  }
}

const SELECT = `SELECT r.*, u.name AS unit_name FROM received_reports r JOIN units u ON u.id = r.unit_id`

function current(db: Database, unitId: number, kind: ReportPeriodKind, year: number) {
  return db
    .prepare(
      `${SELECT} WHERE r.unit_id = ? AND r.period_kind = ? AND r.year = ? AND r.replaced_at IS NULL`
    )
    .get(unitId, kind, year) as (Parameters<typeof toReport>[0] & { figures: string }) | undefined
}

/** The figures received for each unit of `unitIds` for a period (current annexes only). */
export function receivedFigures(
  db: Database,
  unitIds: readonly number[],
  kind: ReportPeriodKind,
  year: number
): Map<number, Record<string, number | null>> {
  const out = new Map<number, Record<string, number | null>>()
  for (const id of unitIds) {
    const r = current(db, id, kind, year)
    if (r) out.set(id, JSON.parse(r.figures) as Record<string, number | null>)
  }
  return out
}

// Previewed files by token, per open data file (the page never names a file: it gets a token
// back). Keyed by the database, which a trusted call's context shares with the page's.
const previews = new WeakMap<Database, Map<string, ReceivedFile>>()

const SUMMARY: [code: string, label: string][] = [
  ['study.membersRequired', 'Đảng viên phải học'],
  ['study.membersStudied', 'Đảng viên đã học'],
  ['study.membersPercent', 'Tỷ lệ đảng viên đã học (%)'],
  ['propaganda.activities', 'Hoạt động tuyên truyền']
]

export async function previewReceived(
  ctx: CoreContext,
  input: { parentId: number | null }
): Promise<ReceivedPreview | null> {
  const path = await ctx.platform.chooseOpenFile({
    title: 'Chọn phụ lục số liệu do đơn vị cấp dưới gửi',
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (!path) return null
  const file = await readReceived(path)
  const match = matchUnit(ctx.db, file.source.path, input.parentId)
  const token = randomBytes(12).toString('hex')
  let map = previews.get(ctx.db)
  if (!map) previews.set(ctx.db, (map = new Map()))
  map.set(token, file)
  const before = match ? current(ctx.db, match.id, file.period.kind, file.period.year) : undefined
  const period = resolvePeriod(ctx.db, { kind: file.period.kind, year: file.period.year })
  return {
    token,
    fileName: file.fileName,
    source: file.source,
    period: { ...file.period, label: period.label },
    appVersion: file.appVersion,
    unitId: match?.id ?? null,
    matchedBy: match?.by ?? null,
    replaces: before ? { receivedAt: before.received_at, fileName: before.file_name } : null,
    summary: SUMMARY.map(([code, label]) => ({ label, value: file.figures[code] ?? null }))
  }
}

export function receive(
  ctx: CoreContext,
  input: { token: string; unitId: number }
): ReceivedReport {
  const file = previews.get(ctx.db)?.get(input.token)
  if (!file)
    throw new CoreError('VALIDATION', 'Không còn tệp đã xem trước: hãy chọn lại tệp phụ lục.')
  const { db } = ctx
  if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(input.unitId)) throw notFound('đơn vị')
  const now = new Date().toISOString()
  const id = inTransaction(db, () => {
    const replaced = db
      .prepare(
        `UPDATE received_reports SET replaced_at = ?
         WHERE unit_id = ? AND period_kind = ? AND year = ? AND replaced_at IS NULL`
      )
      .run(now, input.unitId, file.period.kind, file.period.year).changes
    const rowId = db
      .prepare(
        `INSERT INTO received_reports(unit_id, period_kind, year, from_day, to_day, source_unit_id,
           source_name, source_path, app_version, file_name, figures, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        input.unitId,
        file.period.kind,
        file.period.year,
        file.period.from,
        file.period.to,
        file.source.unitId,
        file.source.name,
        file.source.path.join(' / '),
        file.appVersion,
        file.fileName,
        JSON.stringify(file.figures),
        now
      ).lastInsertRowid as number
    audit(db, {
      action: 'reports.receive',
      detail: {
        unit: unitNameOf(db, input.unitId) ?? file.source.name,
        period: resolvePeriod(db, { kind: file.period.kind, year: file.period.year }).label,
        file: file.fileName,
        replaced: replaced > 0
      }
    })
    return rowId
  })
  previews.get(ctx.db)?.delete(input.token)
  return toReport(db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Parameters<typeof toReport>[0])
}

export function tracker(
  db: Database,
  input: { unitId: number; period: { kind: ReportPeriodKind; year: number }; today?: string }
): ReportTracker {
  const period = resolvePeriod(db, input.period)
  const today = input.today ?? todayIso()
  const [lo, hi] = scopeRange(db, input.unitId)
  const units = treeUnitsInRange(db, lo, hi)
  const children = units.filter((u) => u.parent_id === input.unitId && u.retired_on === null)
  const rows = children.map((c) => {
    const r = current(db, c.id, input.period.kind, input.period.year)
    const received = r ? toReport(r) : null
    const due = period.due!
    const kept = keptHere(db, c, units)
    // A sub-unit whose records are kept here has nothing to send (a commune's chi bộ, a commune
    // the province office keeps): late only if it sent after the due date.
    const late = today > due && (received ? received.receivedAt.slice(0, 10) > due : !kept.here)
    return { unitId: c.id, name: c.name, received, late, ownData: kept.here, nobody: kept.nobody }
  })
  const history = (
    db
      .prepare(
        `${SELECT} WHERE r.replaced_at IS NOT NULL AND r.period_kind = ? AND r.year = ?
         AND r.unit_id IN (SELECT id FROM units WHERE parent_id = ?) ORDER BY r.received_at DESC`
      )
      .all(input.period.kind, input.period.year, input.unitId) as Parameters<typeof toReport>[0][]
  ).map(toReport)
  return { period, rows, history }
}
