// The next report a unit has to send, for Tổng quan: which period and by when, which sub-units
// have not sent their annex, which parts of the report have nothing recorded for the period
// (read from the annex itself, so what is "missing" is exactly what the report would show as
// empty, received annexes included), and whether it was issued already.
import type {
  AnnexTableCode,
  IssuedSummary,
  ReportDue,
  ReportDueGap,
  ReportPeriod,
  ReportPeriodKind
} from '../../shared/api'
import { REPORT_PERIOD_KINDS } from '../../shared/api'
import { todayIso } from '../../shared/partial-date'
import type { Database } from '../db/connection'
import { notFound } from '../db/errors'
import { computeAnnex } from './annex'
import { listIssued } from './issue'
import { resolvePeriod } from './periods'
import { tracker } from './received'

type DuePeriod = ReportDue['period']

/** What counts as a record of each table, and what Tổng quan says when there is none. */
const RECORDS: Record<AnnexTableCode, { codes: readonly string[] | 'all'; missing: string }> = {
  study: { codes: ['sessions'], missing: 'Chưa ghi buổi học tập chuyên đề nào trong kỳ.' },
  commitments: {
    codes: ['completedWell', 'completed', 'notCompleted', 'notJudged', 'rated'],
    missing: 'Chưa có bản cam kết hay kết quả xếp loại đảng viên nào của năm.'
  },
  exemplars: {
    codes: 'all',
    missing: 'Chưa ghi mô hình, điển hình hay khen thưởng nào trong năm.'
  },
  propaganda: {
    codes: ['activities', 'works'],
    missing: 'Chưa ghi hoạt động tuyên truyền hay tác phẩm báo chí nào trong kỳ.'
  },
  inspections: {
    codes: ['inspections', 'supervisions'],
    missing: 'Chưa có cuộc kiểm tra, giám sát nào được kết luận trong kỳ.'
  }
}

/** Whole days from `from` to `to` (ISO days). */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** The last version issued for a period (the same days: a changed setting is another period). */
function lastIssue(db: Database, unitId: number, p: ReportPeriod): IssuedSummary | null {
  const id = db
    .prepare(
      `SELECT id FROM report_issues WHERE unit_id = ? AND period_kind = ? AND from_day = ? AND to_day = ?
       ORDER BY version DESC LIMIT 1`
    )
    .pluck()
    .get(unitId, p.kind, p.from, p.to) as number | undefined
  return id === undefined ? null : (listIssued(db, unitId).find((r) => r.id === id) ?? null)
}

/**
 * How long a report not issued by its due date stays the one to work on (overdue) before the
 * next takes its place: a month. Later than that it was most likely sent outside the app (the
 * first reports after the app came in), and an old one must not hide the next.
 */
const OVERDUE_SHOWN_DAYS = 31

/**
 * The report to work on today: the first half-year or year report whose due date is today or
 * later, unless the one before it is past due by at most a month and not issued yet (then that
 * one, overdue). Within one working year (`year`, what the Báo cáo page opens on): the same
 * rule among that year's two reports, and the year report once both are past due. So the page
 * opens on the report Tổng quan names whenever that report is of the page's working year.
 */
function duePeriod(db: Database, unitId: number, today: string, year?: number): DuePeriod {
  const y = Number(today.slice(0, 4))
  const periods = (year === undefined ? [y - 1, y, y + 1] : [year])
    .flatMap((yy) =>
      REPORT_PERIOD_KINDS.map((kind: ReportPeriodKind) => resolvePeriod(db, { kind, year: yy }))
    )
    .map((p) => p as DuePeriod)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
  const found = periods.findIndex((p) => p.due >= today)
  // Only a past working year has every report past due: its last one is the one to look at.
  const next = found < 0 ? periods.length - 1 : found
  const before = found < 0 ? undefined : periods[next - 1]
  return before &&
    daysBetween(before.due, today) <= OVERDUE_SHOWN_DAYS &&
    !lastIssue(db, unitId, before)
    ? before
    : periods[next]
}

/** The unit a report is for when none is named: the top of the tree (the first, if several). */
function topUnit(db: Database): { id: number; name: string } | null {
  return (
    (db
      .prepare(
        'SELECT id, name FROM units WHERE parent_id IS NULL AND retired_on IS NULL ORDER BY tree_order LIMIT 1'
      )
      .get() as { id: number; name: string } | undefined) ?? null
  )
}

/** The report the Báo cáo page opens on for a unit and working year (duePeriod's rule). */
export function reportDuePeriod(
  db: Database,
  input: { unitId: number; year: number; today?: string }
): DuePeriod {
  if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(input.unitId)) throw notFound('đơn vị')
  return duePeriod(db, input.unitId, input.today ?? todayIso(), input.year)
}

export function reportDue(
  db: Database,
  input: { unitId?: number; today?: string }
): ReportDue | null {
  const today = input.today ?? todayIso()
  const unit =
    input.unitId === undefined
      ? topUnit(db)
      : ((db.prepare('SELECT id, name FROM units WHERE id = ?').get(input.unitId) as
          { id: number; name: string } | undefined) ?? null)
  if (!unit) {
    if (input.unitId !== undefined) throw notFound('đơn vị')
    return null
  }
  const period = duePeriod(db, unit.id, today)
  const ask = { kind: period.kind, year: period.year }
  // Who is awaited and who is empty, as the tracker says (kept-here.ts decides for both).
  const rows = tracker(db, { unitId: unit.id, period: ask, today }).rows.filter((r) => !r.received)
  const named = (r: { unitId: number; name: string }) => ({ unitId: r.unitId, name: r.name })
  const notSent = rows.filter((r) => !r.ownData).map(named)
  const nobody = rows.filter((r) => r.ownData && r.nobody).map(named)
  const gaps: ReportDueGap[] = []
  for (const t of computeAnnex(db, { unitId: unit.id, period: ask }).tables) {
    const rule = RECORDS[t.code]
    const counted = t.columns.some(
      (c, k) =>
        !c.percentOf && (rule.codes === 'all' || rule.codes.includes(c.code)) && !!t.total.values[k]
    )
    if (!counted) gaps.push({ table: t.code, title: t.title, missing: rule.missing })
  }
  return {
    unit,
    period,
    daysLeft: daysBetween(today, period.due),
    notSent,
    nobody,
    gaps,
    issued: lastIssue(db, unit.id, period)
  }
}
