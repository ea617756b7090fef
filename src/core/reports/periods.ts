// The report periods: the half-year and the year of a working year, each with its days and its
// due date, kept as a setting (offices differ), and a custom range. Days are ISO; the settings
// hold month-days ("MM-DD") so that one setting serves every year.
import type {
  ReportPeriod,
  ReportPeriodInput,
  ReportPeriodKind,
  ReportPeriodSetting,
  ReportPeriodSettings
} from '../../shared/api'
import { REPORT_PERIOD_KINDS } from '../../shared/api'
import { daysInMonth } from '../../shared/partial-date'
import type { Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { checkYear, getSetting, setSetting } from '../settings'

const SETTING = 'reports.periods'

/**
 * Until the office says otherwise: the half-year report covers 1 January to 31 May and is due
 * on 5 June, the year report 1 January to 30 November and is due on 5 December (DOMAIN part 7:
 * half-year reports early June, year reports early December).
 */
const DEFAULT_PERIODS: ReportPeriodSettings = {
  h1: { from: '01-01', to: '05-31', due: '06-05' },
  year: { from: '01-01', to: '11-30', due: '12-05' }
}

const LABELS: Record<ReportPeriodKind, string> = { h1: '6 tháng đầu năm', year: 'năm' }
const FIELD_NAMES: Record<keyof ReportPeriodSetting, string> = {
  from: 'Ngày đầu kỳ',
  to: 'Ngày cuối kỳ',
  due: 'Hạn gửi báo cáo'
}

/** Whether "MM-DD" is a day of some year (29 February is: it exists in leap years). */
function isMonthDay(s: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const month = Number(m[1])
  const day = Number(m[2])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2024, month)
}

/** The day of `monthDay` in `year`; 29 February falls back to the 28th in other years. */
function dayIn(year: number, monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number)
  const d = Math.min(day, daysInMonth(year, month))
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function getPeriods(db: Database): ReportPeriodSettings {
  const raw = getSetting(db, SETTING)
  if (!raw) return DEFAULT_PERIODS
  try {
    const stored = JSON.parse(raw) as Partial<ReportPeriodSettings>
    return { ...DEFAULT_PERIODS, ...stored }
  } catch {
    return DEFAULT_PERIODS
  }
}

export function savePeriods(db: Database, input: ReportPeriodSettings): ReportPeriodSettings {
  const fields: Record<string, string> = {}
  for (const kind of REPORT_PERIOD_KINDS) {
    const p = input[kind]
    for (const key of ['from', 'to', 'due'] as const) {
      if (!isMonthDay(p[key]))
        fields[`${kind}.${key}`] = `${FIELD_NAMES[key]} phải là ngày/tháng có thật.`
    }
    if (!fields[`${kind}.from`] && !fields[`${kind}.to`] && p.to < p.from)
      fields[`${kind}.to`] = 'Ngày cuối kỳ không được trước ngày đầu kỳ.'
  }
  const messages = Object.values(fields)
  if (messages.length > 0) throw new CoreError('VALIDATION', messages[0], fields)
  const value: ReportPeriodSettings = {
    h1: { ...input.h1 },
    year: { ...input.year }
  }
  db.transaction(() => setSetting(db, SETTING, JSON.stringify(value)))()
  return value
}

const vnDay = (iso: string) => iso.split('-').reverse().join('/')

/** The days of a period: a kind of the working year from the settings, or a custom range. */
export function resolvePeriod(db: Database, input: ReportPeriodInput): ReportPeriod {
  if (input.kind === 'custom') {
    if (input.to < input.from)
      throw new CoreError('VALIDATION', 'Ngày cuối kỳ không được trước ngày đầu kỳ.', {
        to: 'Ngày cuối kỳ không được trước ngày đầu kỳ.'
      })
    return {
      kind: 'custom',
      year: Number(input.to.slice(0, 4)),
      from: input.from,
      to: input.to,
      due: null,
      label: `từ ${vnDay(input.from)} đến ${vnDay(input.to)}`
    }
  }
  checkYear(input.year)
  const s = getPeriods(db)[input.kind]
  return {
    kind: input.kind,
    year: input.year,
    from: dayIn(input.year, s.from),
    to: dayIn(input.year, s.to),
    due: dayIn(input.year, s.due),
    label: `${LABELS[input.kind]} ${input.year}`
  }
}
