// `reports …` commands: the report periods as the office set them, and the statistical annex of a
// unit for a period, printed or saved as the .xlsx that goes up, over the same dispatch as the app.
import { resolve } from 'node:path'
import type { Annex, ReportPeriodInput } from '../shared/api'
import { REPORT_PERIOD_KINDS } from '../shared/api'
import { formatNumber } from '../shared/numbers'
import { readUserDate } from '../shared/partial-date'
import { required, text } from './args'
import type { CommandContext } from './commands'
import { call, resolveUnit, yearOption } from './dispatch'
import { CliRefusal, printResult, table } from './output'

const vnDay = (iso: string) => iso.split('-').reverse().join('/')

/** A whole day typed as dd/mm/yyyy, for one end of a custom period. */
function fullDay(value: string): string {
  const d = readUserDate(value)
  if (d === null || d.length !== 10)
    throw new CliRefusal('VALIDATION', `--period: ngày "${value}" không hợp lệ (dùng dd/mm/yyyy).`)
  return d
}

/** `--period h1|year|dd/mm/yyyy:dd/mm/yyyy` (with `--year Y`, default the working year). */
async function periodOption(c: CommandContext): Promise<ReportPeriodInput> {
  const value = required(c.opts, 'period')
  const kind = REPORT_PERIOD_KINDS.find((k) => k === value)
  if (kind) return { kind, year: await yearOption(c.core, c.opts) }
  const range = value.split(':')
  if (range.length === 2) return { kind: 'custom', from: fullDay(range[0]), to: fullDay(range[1]) }
  throw new CliRefusal(
    'USAGE',
    `--period: "${value}" không hợp lệ; dùng h1 (6 tháng đầu năm), year (cả năm) hoặc dd/mm/yyyy:dd/mm/yyyy.`
  )
}

const show = (v: number | null, percent: boolean) =>
  v === null ? '–' : percent ? `${formatNumber(v)}%` : formatNumber(v)

function annexText(a: Annex): string {
  const lines = [
    `Phụ lục số liệu báo cáo ${a.period.label} của ${a.unit.name}`,
    `(từ ${vnDay(a.period.from)} đến ${vnDay(a.period.to)}${a.period.due ? `, hạn gửi ${vnDay(a.period.due)}` : ''})`
  ]
  a.tables.forEach((t, i) => {
    lines.push('', `Biểu ${i + 1}. ${t.title}`)
    lines.push(
      table(
        ['Đơn vị', ...t.columns.map((c) => (c.group ? `${c.group}: ${c.label}` : c.label))],
        [...t.rows, { ...t.total, name: `Tổng cộng (${t.total.name})` }].map((r) => [
          r.name,
          ...r.values.map((v, k) => show(v, t.columns[k].percentOf !== undefined))
        ])
      )
    )
  })
  return lines.join('\n')
}

async function annex(c: CommandContext): Promise<void> {
  const { core, out, opts } = c
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const period = await periodOption(c)
  const file = text(opts, 'out')
  if (file) {
    const r = await call(core, 'reports:exportAnnex', {
      unitId: unit.id,
      period,
      path: resolve(file),
      place: text(opts, 'place')
    })
    printResult(out, r, () => `Đã lưu phụ lục số liệu của ${unit.name} vào ${r?.path}.`)
    return
  }
  const a = await call(core, 'reports:annex', { unitId: unit.id, period })
  printResult(out, a, () => annexText(a))
}

async function periods({ core, out }: CommandContext): Promise<void> {
  const p = await call(core, 'reports:getPeriods', null)
  const md = (s: string) => s.split('-').reverse().join('/')
  printResult(out, p, () =>
    table(
      ['Kỳ', 'Từ ngày', 'Đến ngày', 'Hạn gửi'],
      [
        ['6 tháng đầu năm (h1)', md(p.h1.from), md(p.h1.to), md(p.h1.due)],
        ['Cả năm (year)', md(p.year.from), md(p.year.to), md(p.year.due)]
      ]
    )
  )
}

export const REPORTS_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'reports annex': annex,
  'reports periods': periods
}

export const REPORTS_USAGE = `  reports periods                                  Các kỳ báo cáo (ngày đầu, ngày cuối, hạn gửi)
  reports annex --unit ĐƠN_VỊ --period h1|year|dd/mm/yyyy:dd/mm/yyyy [--year Y] [--out TỆP.xlsx] [--place ĐỊA_DANH]
                                                   Phụ lục số liệu: mỗi đơn vị trực thuộc một dòng và tổng cộng;
                                                   với --out: lưu thành tệp Excel gửi cấp trên`
