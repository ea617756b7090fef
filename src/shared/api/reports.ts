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
export const ANNEX_TABLES = [
  'study',
  'commitments',
  'exemplars',
  'propaganda',
  'inspections'
] as const
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
  /**
   * Where a sub-unit's figures come from: this file's own records, or the annex it sent up
   * (a unit that keeps its own data file). The total is 'own' and adds up whichever was used.
   */
  source: 'own' | 'received'
  /** A sub-unit with both a received annex and records here: the user chooses (`useOwn`). */
  both: boolean
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
  /**
   * The title of the year's topic when the annex was computed (the report's subject names it; an
   * issued report keeps it as issued). Missing in reports issued before it was kept.
   */
  topic?: string | null
  /**
   * Who signs, as it stood when the report was issued (set only in an issued report's snapshot,
   * so re-exporting it after the unit's signer changed still shows the one who signed).
   */
  signer?: { lines: string[]; name?: string }
  /**
   * The place of the "<Place>, ngày …" line as issued (set only in an issued report's snapshot,
   * so that it re-exports exactly as issued; null: issued with the place left blank). Missing
   * in reports issued before it was kept: their exports take the place given then.
   */
  place?: string | null
  tables: AnnexTable[]
}

export interface AnnexInput {
  unitId: number
  period: ReportPeriodInput
  /** Sub-units with a received annex whose own records here are used instead. */
  useOwn?: number[]
}

/** What a received annex file says, before it is stored. */
export interface ReceivedPreview {
  /** Names the read file for `reports:receive` (the page never names a file). */
  token: string
  fileName: string
  source: { unitId: number; name: string; path: string[] }
  period: { kind: ReportPeriodKind; year: number; from: string; to: string; label: string }
  appVersion: string
  /** The unit of this file it is matched to (by its path in the tree, else by name); null: choose. */
  unitId: number | null
  matchedBy: 'path' | 'name' | null
  /** The annex it would replace (the same unit and period, received before). */
  replaces: { receivedAt: string; fileName: string } | null
  /** A few of its figures, for the user to recognise it. */
  summary: { label: string; value: number | null }[]
}

export interface ReceivedReport {
  id: number
  unitId: number
  unitName: string
  periodKind: ReportPeriodKind
  year: number
  fileName: string
  sourceName: string
  receivedAt: string
  /** Set when a re-sent annex replaced this one. */
  replacedAt: string | null
}

/** Who has sent their annex for a period: every direct sub-unit of a unit. */
export interface ReportTrackerRow {
  unitId: number
  name: string
  received: ReceivedReport | null
  /**
   * The due date has passed and the annex came after it, or has not come from a sub-unit whose
   * records are not kept here (one kept here has nothing to send).
   */
  late: boolean
  /**
   * The sub-unit's data is kept in this file, so it has no annex to send: this file holds people
   * of it or units below it, or it is a chi bộ (a chi bộ keeps no file of its own; the committee
   * above keeps its records). Otherwise it keeps its own file and its annex is awaited.
   */
  ownData: boolean
  /** Kept here, yet nobody of it is on the rolls in this file (a chi bộ not imported yet). */
  nobody: boolean
}

export interface ReportTracker {
  period: ReportPeriod
  rows: ReportTrackerRow[]
  /** Earlier versions of re-sent annexes, newest first. */
  history: ReceivedReport[]
}

export interface AnnexExportInput extends AnnexInput {
  /** Place of the "<Place>, ngày …" line. */
  place?: string
}

/** The parts of a report's body the office writes (DOMAIN part 7); the figures the app writes. */
export const REPORT_SECTIONS = [
  'leadership',
  'study',
  'following',
  'propaganda',
  'inspection',
  'recognition',
  'shortcomings',
  'lessons',
  'tasks',
  'recommendations'
] as const
export type ReportSection = (typeof REPORT_SECTIONS)[number]
export type ReportNarrative = Partial<Record<ReportSection, string>>

export interface ReportDraft {
  narrative: ReportNarrative
  /** When it was last saved; null when nothing is saved for this period yet. */
  updatedAt: string | null
  /** Nothing saved yet: the text offered is the previous period's, named here ("năm 2025"). */
  startedFrom: string | null
  /** The number the next issue would take, from the last one issued ("06-BC/ĐU"); null at first. */
  suggestedNumber: string | null
}

export interface IssueInput {
  unitId: number
  period: ReportPeriodInput
  /** "05-BC/ĐU": numbered by the office within its committee's term. */
  number: string
  issuedOn: string
  narrative: ReportNarrative
  useOwn?: number[]
  /** The place of the "<Place>, ngày …" line, kept with the report as issued. */
  place?: string
}

export interface IssuedSummary {
  id: number
  unitId: number
  unitName: string
  periodLabel: string
  version: number
  number: string
  issuedOn: string
  createdAt: string
  /** The place it was issued at ("Tân Lập"); null when left blank or not kept (older reports). */
  place: string | null
}

/** A report as issued: its figures and text frozen at issue. */
export interface IssuedReport extends IssuedSummary {
  annex: Annex
  narrative: ReportNarrative
}

/** A part of the report with nothing recorded for the period (Tổng quan says what is missing). */
export interface ReportDueGap {
  table: AnnexTableCode
  /** The annex table's title. */
  title: string
  /** What is missing, as a sentence: "Chưa ghi buổi học tập chuyên đề nào trong kỳ." */
  missing: string
}

/** The next report a unit has to send and what it still lacks (Tổng quan). */
export interface ReportDue {
  unit: { id: number; name: string }
  /** The half-year or year report: the first whose due date is not past, unless the one before
   *  it is past due by at most a month and not issued yet (then that one, overdue). */
  period: ReportPeriod & { kind: ReportPeriodKind; due: string }
  /** Whole days from today to the due date; negative when overdue. */
  daysLeft: number
  /** Direct sub-units that keep their own data file and have not sent their annex. */
  notSent: { unitId: number; name: string }[]
  /**
   * Direct sub-units kept in this file with nobody on its rolls yet and no annex received (a
   * chi bộ not imported yet): their rows of the report are empty.
   */
  nobody: { unitId: number; name: string }[]
  /** Parts of the report with no records in the period (here or in the annexes received). */
  gaps: ReportDueGap[]
  /** The last version issued for the period; null when not issued yet. */
  issued: IssuedSummary | null
}

export interface ReportsApi {
  'reports:getPeriods': { input: null; output: ReportPeriodSettings }
  'reports:savePeriods': { input: ReportPeriodSettings; output: ReportPeriodSettings }
  'reports:annex': { input: AnnexInput; output: Annex }
  'reports:exportAnnex': { input: AnnexExportInput; output: { path: string } | null }
  /**
   * Reads a sub-unit's annex file (the dialog asks which) and matches its unit among those under
   * `parentId` (null: anywhere in this file); null when the user cancels.
   */
  'reports:previewReceived': { input: { parentId: number | null }; output: ReceivedPreview | null }
  /** Stores a previewed annex as `unitId`'s for its period, replacing one received before. */
  'reports:receive': { input: { token: string; unitId: number }; output: ReceivedReport }
  /** The next report due for a unit (default: the top unit); null when there is no unit yet. */
  'reports:due': {
    input: { unitId?: number; today?: string }
    output: ReportDue | null
  }
  /**
   * The report the Báo cáo page opens on: by the same rule as `reports:due`, among the working
   * year's two reports. The period alone, without the tracker and the annex Tổng quan needs.
   */
  'reports:duePeriod': {
    input: { unitId: number; year: number; today?: string }
    output: ReportDue['period']
  }
  'reports:getDraft': { input: { unitId: number; period: ReportPeriodInput }; output: ReportDraft }
  'reports:saveDraft': {
    input: { unitId: number; period: ReportPeriodInput; narrative: ReportNarrative }
    output: ReportDraft
  }
  /** Freezes the report as it is now: the next version for its unit and period. */
  'reports:issue': { input: IssueInput; output: IssuedReport }
  'reports:listIssued': { input: { unitId: number }; output: IssuedSummary[] }
  'reports:getIssued': { input: { id: number }; output: IssuedReport }
  /**
   * The annex of an issued report, exactly as issued (its place too: `place` is used only for a
   * report issued before the place was kept).
   */
  'reports:exportIssuedAnnex': {
    input: { id: number; place?: string }
    output: { path: string } | null
  }
  /**
   * The report being written as a Word document (.docx, HD 36 layout): the period's saved text
   * with today's figures, no number nor date (filled when signed); null when the user cancels.
   */
  'reports:exportWord': {
    input: { unitId: number; period: ReportPeriodInput; useOwn?: number[]; place?: string }
    output: { path: string } | null
  }
  /**
   * An issued report as a Word document exactly as issued: its number, day, place, figures and
   * text (`place` is used only for a report issued before the place was kept).
   */
  'reports:exportIssuedWord': {
    input: { id: number; place?: string }
    output: { path: string } | null
  }
  'reports:tracker': {
    input: { unitId: number; period: { kind: ReportPeriodKind; year: number }; today?: string }
    output: ReportTracker
  }
  /**
   * The tracker's late sub-units as a party-format .xlsx (the dialog asks where); null when the
   * user cancels. Refused, before any dialog, when nobody is late.
   */
  'reports:exportLate': {
    input: {
      unitId: number
      period: { kind: ReportPeriodKind; year: number }
      today?: string
      place?: string
    }
    output: { path: string } | null
  }
}

export const REPORTS_CHANNELS = [
  'reports:getPeriods',
  'reports:savePeriods',
  'reports:annex',
  'reports:exportAnnex',
  'reports:previewReceived',
  'reports:receive',
  'reports:tracker',
  'reports:exportLate',
  'reports:due',
  'reports:duePeriod',
  'reports:getDraft',
  'reports:saveDraft',
  'reports:issue',
  'reports:listIssued',
  'reports:getIssued',
  'reports:exportIssuedAnnex',
  'reports:exportWord',
  'reports:exportIssuedWord'
] as const satisfies readonly (keyof ReportsApi)[]

const _allReportsApiListed: ListsAll<ReportsApi, typeof REPORTS_CHANNELS> = true
void _allReportsApiListed
