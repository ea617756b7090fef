// Báo cáo: the half-year and year reports' periods and their statistical annex ("phụ lục số
// liệu"), computed for a unit and a period from every section's records: one row per direct
// sub-unit (its whole subtree) and the unit's own total.
import type { ListsAll } from './common'

/** The two periods every office reports on; a custom range is given by its days. */
export const REPORT_PERIOD_KINDS = ['h1', 'year'] as const
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number]

/**
 * When a period runs and when its report is due, as month-day ("MM-DD") within the working year
 * (offices differ: the half-year report often covers January to May and is due early June).
 */
export interface ReportPeriodSetting {
  from: string
  to: string
  due: string
}
export type ReportPeriodSettings = Record<ReportPeriodKind, ReportPeriodSetting>

export type ReportPeriodInput =
  { kind: ReportPeriodKind; year: number } | { kind: 'custom'; from: string; to: string }

/** A period resolved to its days. */
export interface ReportPeriod {
  kind: ReportPeriodKind | 'custom'
  /** The year whose topic, commitments and ratings the report counts (the year `to` falls in). */
  year: number
  from: string
  to: string
  /** ISO day the report is due; null for a custom range. */
  due: string | null
  /** "6 tháng đầu năm 2026", "năm 2026", "từ 01/03/2026 đến 31/08/2026". */
  label: string
}

/** The annex's tables, in the report's order. */
export const ANNEX_TABLES = ['study', 'commitments', 'exemplars', 'propaganda'] as const
export type AnnexTableCode = (typeof ANNEX_TABLES)[number]

export interface AnnexColumn {
  /** Stable within its table (`study.membersStudied` is the figure's code everywhere). */
  code: string
  label: string
  /** Columns with the same group (adjacent) share a header above their own. */
  group?: string
  /** What the figure counts: "người", "lượt", "buổi" …; "%" for a share. */
  unit: string
  /** A share: [part, whole] codes of this table; computed from the totals, never averaged. */
  percentOf?: readonly [part: string, whole: string]
}

export interface AnnexRow {
  unitId: number
  name: string
  /** Figures in the order of the table's columns; a share is null when its whole is 0. */
  values: (number | null)[]
}

export interface AnnexTable {
  code: AnnexTableCode
  title: string
  columns: AnnexColumn[]
  /** One row per direct sub-unit, each with its whole subtree, in tree order. */
  rows: AnnexRow[]
  /** The unit's own total: everything under it, including what is kept at the unit itself. */
  total: AnnexRow
}

export interface Annex {
  unit: { id: number; name: string; level: string; parentName: string | null; path: string[] }
  period: ReportPeriod
  tables: AnnexTable[]
}

export interface AnnexInput {
  unitId: number
  period: ReportPeriodInput
}

export interface AnnexExportInput extends AnnexInput {
  /** Place of the "<Place>, ngày …" line. */
  place?: string
  /** Trusted callers only (CLI, tests): the page never names a file. */
  path?: string
}

export interface ReportsApi {
  'reports:getPeriods': { input: null; output: ReportPeriodSettings }
  'reports:savePeriods': { input: ReportPeriodSettings; output: ReportPeriodSettings }
  'reports:annex': { input: AnnexInput; output: Annex }
  'reports:exportAnnex': { input: AnnexExportInput; output: { path: string } | null }
}

export const REPORTS_CHANNELS = [
  'reports:getPeriods',
  'reports:savePeriods',
  'reports:annex',
  'reports:exportAnnex'
] as const satisfies readonly (keyof ReportsApi)[]

const _allReportsApiListed: ListsAll<ReportsApi, typeof REPORTS_CHANNELS> = true
void _allReportsApiListed
