// Issuing a report: its annex and its text are frozen in the data file as they were sent, so the
// figures that went up never change when the data does; issuing again makes the next version.
// The issued annex re-exports exactly as issued (dated the day of issue, at the place kept).
import type {
  Annex,
  IssueInput,
  IssuedReport,
  IssuedSummary,
  ReportNarrative
} from '../../shared/api'
import type { CoreContext } from '../context'
import { audit } from '../audit/audit'
import { inTransaction, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { computeAnnex } from './annex'
import { writeAnnex } from './annex-export'
import { cleanNarrative } from './drafts'
import { unitDocSigner, unitSignerOf } from '../units/signer'

interface IssueRow {
  id: number
  unit_id: number
  unit_name: string
  version: number
  number: string
  issued_on: string
  created_at: string
  annex: string
  narrative: string
}

const SELECT = `SELECT i.*, u.name AS unit_name FROM report_issues i JOIN units u ON u.id = i.unit_id`

function summary(r: IssueRow): IssuedSummary {
  const annex = JSON.parse(r.annex) as Annex
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    periodLabel: annex.period.label,
    version: r.version,
    number: r.number,
    issuedOn: r.issued_on,
    createdAt: r.created_at,
    place: annex.place ?? null
  }
}

export function getIssued(db: Database, id: number): IssuedReport {
  const r = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as IssueRow | undefined
  if (!r) throw notFound('báo cáo đã ban hành')
  return {
    ...summary(r),
    annex: JSON.parse(r.annex) as Annex,
    narrative: JSON.parse(r.narrative) as ReportNarrative
  }
}

export function listIssued(db: Database, unitId: number): IssuedSummary[] {
  return (
    db
      .prepare(`${SELECT} WHERE i.unit_id = ? ORDER BY i.created_at DESC, i.id DESC`)
      .all(unitId) as IssueRow[]
  ).map(summary)
}

export function issueReport(db: Database, input: IssueInput): IssuedReport {
  const number = input.number.trim()
  if (!number)
    throw new CoreError('VALIDATION', 'Cần số báo cáo (ví dụ 05-BC/ĐU).', {
      number: 'Cần số báo cáo.'
    })
  const narrative = cleanNarrative(input.narrative)
  const id = inTransaction(db, () => {
    // The signer and the place are frozen with the figures: what went up names who signed it
    // then and where, whatever is typed when it is exported again.
    const annex: Annex = {
      ...computeAnnex(db, input),
      signer: unitDocSigner(unitSignerOf(db, input.unitId)),
      place: input.place?.trim() || null
    }
    const p = annex.period
    const { version } = db
      .prepare(
        `SELECT COALESCE(MAX(version), 0) + 1 AS version FROM report_issues
         WHERE unit_id = ? AND period_kind = ? AND from_day = ? AND to_day = ?`
      )
      .get(input.unitId, p.kind, p.from, p.to) as { version: number }
    const rowId = db
      .prepare(
        `INSERT INTO report_issues(unit_id, period_kind, year, from_day, to_day, version, number, issued_on, annex, narrative, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        input.unitId,
        p.kind,
        p.year,
        p.from,
        p.to,
        version,
        number,
        input.issuedOn,
        JSON.stringify(annex),
        JSON.stringify(narrative),
        new Date().toISOString()
      ).lastInsertRowid as number
    audit(db, {
      action: 'reports.issue',
      detail: { unit: annex.unit.name, period: p.label, number, version }
    })
    return rowId
  })
  return getIssued(db, id)
}

/**
 * The place of an issued report's "<Place>, ngày …" line: the one kept at issue, or for a report
 * issued before the place was kept, the one given now (as every export of it did then).
 */
export function issuedPlace(annex: Annex, given: string | undefined): string | undefined {
  return annex.place === undefined ? given : (annex.place ?? undefined)
}

export function exportIssuedAnnex(
  ctx: CoreContext,
  i: { id: number; place?: string }
): Promise<{ path: string } | null> {
  const issued = getIssued(ctx.db, i.id)
  return writeAnnex(ctx, issued.annex, {
    date: issued.issuedOn,
    place: issuedPlace(issued.annex, i.place)
  })
}
