// The narrative passages an office writes for a report, kept per unit and period until the report
// is issued. A period with nothing written yet starts from the unit's latest text (the last
// period's report), which is what offices do by hand: the last report, edited.
import type { ReportDraft, ReportNarrative, ReportPeriodInput } from '../../shared/api'
import { REPORT_SECTIONS } from '../../shared/api'
import type { Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { resolvePeriod } from './periods'

const MAX_SECTION = 20_000

/** The passages given, trimmed; empty ones left out. */
export function cleanNarrative(n: ReportNarrative): ReportNarrative {
  const out: ReportNarrative = {}
  for (const s of REPORT_SECTIONS) {
    const text = n[s]?.trim()
    if (!text) continue
    if (text.length > MAX_SECTION)
      throw new CoreError(
        'VALIDATION',
        `Một phần của báo cáo dài quá ${MAX_SECTION.toLocaleString('vi-VN')} ký tự: hãy rút gọn.`
      )
    out[s] = text
  }
  return out
}

/** "06-BC/ĐU" after "05-BC/ĐU": the leading number plus one, zero-padded as it was written. */
function nextNumber(last: string | null): string | null {
  const m = last === null ? null : /^(\d+)(.*)$/.exec(last)
  if (!m) return null
  return `${String(Number(m[1]) + 1).padStart(m[1].length, '0')}${m[2]}`
}

function lastNumber(db: Database, unitId: number): string | null {
  const r = db
    .prepare(
      'SELECT number FROM report_issues WHERE unit_id = ? ORDER BY created_at DESC, id DESC LIMIT 1'
    )
    .get(unitId) as { number: string } | undefined
  return r?.number ?? null
}

export function getDraft(
  db: Database,
  i: { unitId: number; period: ReportPeriodInput }
): ReportDraft {
  if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(i.unitId)) throw notFound('đơn vị')
  const p = resolvePeriod(db, i.period)
  const suggestedNumber = nextNumber(lastNumber(db, i.unitId))
  const own = db
    .prepare(
      'SELECT narrative, updated_at FROM report_drafts WHERE unit_id = ? AND period_kind = ? AND from_day = ? AND to_day = ?'
    )
    .get(i.unitId, p.kind, p.from, p.to) as { narrative: string; updated_at: string } | undefined
  if (own)
    return {
      narrative: JSON.parse(own.narrative) as ReportNarrative,
      updatedAt: own.updated_at,
      startedFrom: null,
      suggestedNumber
    }
  // The latest text of the unit for a period that ended before this one ends (the half-year's
  // for the year's report, last year's for this half-year), draft or issued, to start from.
  const earlier = db
    .prepare(
      `SELECT narrative, period_kind, from_day, to_day FROM (
         SELECT narrative, period_kind, from_day, to_day, updated_at AS at FROM report_drafts WHERE unit_id = ? AND to_day < ?
         UNION ALL
         SELECT narrative, period_kind, from_day, to_day, created_at AS at FROM report_issues WHERE unit_id = ? AND to_day < ?)
       ORDER BY to_day DESC, at DESC LIMIT 1`
    )
    .get(i.unitId, p.to, i.unitId, p.to) as
    { narrative: string; period_kind: string; from_day: string; to_day: string } | undefined
  if (!earlier) return { narrative: {}, updatedAt: null, startedFrom: null, suggestedNumber }
  const before =
    earlier.period_kind === 'custom'
      ? resolvePeriod(db, { kind: 'custom', from: earlier.from_day, to: earlier.to_day })
      : resolvePeriod(db, {
          kind: earlier.period_kind as 'h1' | 'year',
          year: Number(earlier.to_day.slice(0, 4))
        })
  return {
    narrative: JSON.parse(earlier.narrative) as ReportNarrative,
    updatedAt: null,
    startedFrom: before.label,
    suggestedNumber
  }
}

export function saveDraft(
  db: Database,
  i: { unitId: number; period: ReportPeriodInput; narrative: ReportNarrative }
): ReportDraft {
  if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(i.unitId)) throw notFound('đơn vị')
  const p = resolvePeriod(db, i.period)
  const narrative = cleanNarrative(i.narrative)
  db.transaction(() =>
    db
      .prepare(
        `INSERT INTO report_drafts(unit_id, period_kind, from_day, to_day, narrative, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(unit_id, period_kind, from_day, to_day) DO UPDATE SET narrative = excluded.narrative, updated_at = excluded.updated_at`
      )
      .run(i.unitId, p.kind, p.from, p.to, JSON.stringify(narrative), new Date().toISOString())
  )()
  return getDraft(db, i)
}
