// `reports …` commands: the report periods as the office set them, the statistical annex of a unit
// for a period (printed or saved as the .xlsx that goes up), receiving the annexes sent from
// below and who has sent them, over the same dispatch as the app.
import { resolve } from 'node:path'
import type { Annex, ReportPeriodInput, ReportPeriodKind } from '../shared/api'
import { REPORT_PERIOD_KINDS } from '../shared/api'
import { formatNumber } from '../shared/numbers'
import { readUserDate, todayIso } from '../shared/partial-date'
import { date, positiveInt, required, text } from './args'
import type { CommandContext } from './commands'
import { call, callWithFile, resolveUnit, yearOption } from './dispatch'
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
    const r = await callWithFile(core, 'reports:exportAnnex', {
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

async function receive(c: CommandContext): Promise<void> {
  const { core, out, opts, positionals } = c
  const file = positionals[0]
  if (!file) throw new CliRefusal('USAGE', 'Thiếu tệp phụ lục: reports receive TỆP.xlsx.')
  const p = (await callWithFile(core, 'reports:previewReceived', {
    parentId: null,
    path: resolve(file)
  }))!
  const named = text(opts, 'unit')
  const unitId = named ? (await resolveUnit(core, named)).id : p.unitId
  if (unitId === null)
    throw new CliRefusal(
      'VALIDATION',
      `Không tìm thấy đơn vị "${p.source.path.join(' / ')}" trong tệp dữ liệu này: dùng --unit ĐƠN_VỊ để chỉ rõ.`
    )
  const about = [
    `Phụ lục ${p.period.label} của ${p.source.name} (${p.source.path.join(' / ')}), tệp ${p.fileName}.`,
    ...p.summary.map((x) => `  ${x.label}: ${show(x.value, false)}`),
    p.replaces
      ? `Thay cho phụ lục nhận ngày ${vnDay(p.replaces.receivedAt.slice(0, 10))} (tệp ${p.replaces.fileName}).`
      : 'Chưa nhận phụ lục nào của đơn vị này cho kỳ này.'
  ]
  if (opts['dry-run']) {
    printResult(out, p, () => [...about, '(--dry-run: chưa lưu gì.)'].join('\n'))
    return
  }
  const r = await call(core, 'reports:receive', { token: p.token, unitId })
  printResult(out, r, () => [...about, `Đã lưu là phụ lục của ${r.unitName}.`].join('\n'))
}

/** The period of the tracker: h1 or year only (custom ranges are not sent up). */
async function trackedPeriod(c: CommandContext): Promise<{ kind: ReportPeriodKind; year: number }> {
  const period = await periodOption(c)
  if (period.kind === 'custom')
    throw new CliRefusal('USAGE', '--period: chỉ theo dõi kỳ h1 (6 tháng) hoặc year (cả năm).')
  return period
}

/** `--today dd/mm/yyyy`: the day lateness is judged on (default today). */
function todayOption(c: CommandContext): string | undefined {
  const d = date(c.opts, 'today')
  if (d !== null && d.length !== 10)
    throw new CliRefusal('VALIDATION', '--today: cần đủ ngày, tháng, năm (dd/mm/yyyy).')
  return d ?? undefined
}

async function status(c: CommandContext): Promise<void> {
  const { core, out, opts } = c
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const period = await trackedPeriod(c)
  const r = await call(core, 'reports:tracker', { unitId: unit.id, period, today: todayOption(c) })
  printResult(out, r, () =>
    [
      `Phụ lục ${r.period.label} gửi về ${unit.name} (hạn ${vnDay(r.period.due!)}):`,
      table(
        ['Đơn vị', 'Đã nhận', 'Tệp', 'Trễ hạn', 'Dữ liệu giữ tại đây'],
        r.rows.map((x) => [
          x.name,
          x.received ? vnDay(x.received.receivedAt.slice(0, 10)) : '–',
          x.received?.fileName ?? '',
          x.late ? 'trễ' : '',
          x.ownData ? (x.nobody ? 'có, chưa có người' : 'có') : ''
        ])
      )
    ].join('\n')
  )
}

async function late(c: CommandContext): Promise<void> {
  const { core, out, opts } = c
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const period = await trackedPeriod(c)
  const today = todayOption(c)
  const file = text(opts, 'out')
  if (file) {
    const r = await callWithFile(core, 'reports:exportLate', {
      unitId: unit.id,
      period,
      today,
      place: text(opts, 'place'),
      path: resolve(file)
    })
    printResult(out, r, () => `Đã lưu danh sách đơn vị chậm gửi báo cáo vào ${r?.path}.`)
    return
  }
  const r = await call(core, 'reports:tracker', { unitId: unit.id, period, today })
  const rows = r.rows.filter((x) => x.late)
  printResult(out, rows, () =>
    rows.length === 0
      ? `Không có đơn vị nào chậm gửi phụ lục báo cáo ${r.period.label} về ${unit.name} (hạn ${vnDay(r.period.due!)}).`
      : [
          `Đơn vị chậm gửi phụ lục báo cáo ${r.period.label} về ${unit.name} (hạn ${vnDay(r.period.due!)}):`,
          table(
            ['Đơn vị', 'Ngày gửi'],
            rows.map((x) => [
              x.name,
              x.received ? vnDay(x.received.receivedAt.slice(0, 10)) : 'chưa gửi'
            ])
          )
        ].join('\n')
  )
}

async function issue(c: CommandContext): Promise<void> {
  const { core, out, opts } = c
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const period = await periodOption(c)
  const issuedOn = date(opts, 'date') ?? todayIso()
  if (issuedOn.length !== 10)
    throw new CliRefusal('VALIDATION', '--date: cần đủ ngày, tháng, năm (dd/mm/yyyy).')
  const draft = await call(core, 'reports:getDraft', { unitId: unit.id, period })
  const r = await call(core, 'reports:issue', {
    unitId: unit.id,
    period,
    number: required(opts, 'number'),
    issuedOn,
    place: text(opts, 'place'),
    // The text saved for this period (written in the app); not the earlier period's offered start.
    narrative: draft.startedFrom === null ? draft.narrative : {}
  })
  printResult(
    out,
    r,
    () =>
      `Đã ban hành báo cáo ${r.periodLabel} của ${r.unitName}, số ${r.number} ngày ${vnDay(r.issuedOn)} (lần ${r.version}): số liệu được giữ nguyên như lúc ban hành.`
  )
}

async function issued({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const list = await call(core, 'reports:listIssued', { unitId: unit.id })
  printResult(out, list, () =>
    list.length === 0
      ? `${unit.name} chưa ban hành báo cáo nào.`
      : table(
          ['Mã', 'Số', 'Ngày', 'Kỳ', 'Lần'],
          list.map((r) => [
            String(r.id),
            r.number,
            vnDay(r.issuedOn),
            r.periodLabel,
            String(r.version)
          ])
        )
  )
}

/**
 * The report as a Word document: the one being written for a unit and period (its saved text and
 * today's figures), or with --issued an issued one exactly as issued.
 */
async function word(c: CommandContext): Promise<void> {
  const { core, out, opts } = c
  const path = resolve(required(opts, 'out'))
  const place = text(opts, 'place')
  const issuedId = positiveInt(opts, 'issued')
  if (issuedId !== undefined) {
    const r = await callWithFile(core, 'reports:exportIssuedWord', { id: issuedId, path, place })
    printResult(out, r, () => `Đã lưu báo cáo đã ban hành (mã ${issuedId}) vào ${r?.path}.`)
    return
  }
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const period = await periodOption(c)
  const r = await callWithFile(core, 'reports:exportWord', { unitId: unit.id, period, path, place })
  printResult(out, r, () => `Đã lưu báo cáo ${unit.name} (bản đang soạn) vào ${r?.path}.`)
}

export const REPORTS_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'reports annex': annex,
  'reports periods': periods,
  'reports receive': receive,
  'reports status': status,
  'reports late': late,
  'reports issue': issue,
  'reports issued': issued,
  'reports word': word
}

export const REPORTS_USAGE = `  reports periods                                  Các kỳ báo cáo (ngày đầu, ngày cuối, hạn gửi)
  reports annex --unit ĐƠN_VỊ --period h1|year|dd/mm/yyyy:dd/mm/yyyy [--year Y] [--out TỆP.xlsx] [--place ĐỊA_DANH]
                                                   Phụ lục số liệu: mỗi đơn vị trực thuộc một dòng và tổng cộng;
                                                   với --out: lưu thành tệp Excel gửi cấp trên
  reports receive TỆP.xlsx [--unit ĐƠN_VỊ] [--dry-run]
                                                   Nhận phụ lục do đơn vị cấp dưới gửi (thay phụ lục gửi trước)
  reports status --unit ĐƠN_VỊ --period h1|year [--year Y] [--today dd/mm/yyyy]
                                                   Đơn vị nào đã gửi, đơn vị nào trễ hạn
  reports late --unit ĐƠN_VỊ --period h1|year [--year Y] [--today dd/mm/yyyy] [--out TỆP.xlsx] [--place ĐỊA_DANH]
                                                   Các đơn vị chậm gửi; với --out: lưu danh sách thành tệp Excel
  reports issue --unit ĐƠN_VỊ --period h1|year|dd/mm/yyyy:dd/mm/yyyy --number SỐ [--date dd/mm/yyyy] [--year Y] [--place ĐỊA_DANH]
                                                   Ban hành: giữ nguyên số liệu, nội dung và địa danh như lúc ban hành
  reports issued --unit ĐƠN_VỊ                     Các báo cáo đã ban hành (số, ngày, kỳ, lần)
  reports word --unit ĐƠN_VỊ --period h1|year|dd/mm/yyyy:dd/mm/yyyy [--year Y] [--place ĐỊA_DANH] --out TỆP.docx
                                                   Báo cáo bằng Word (bản đang soạn: nội dung đã lưu, số liệu hôm nay)
  reports word --issued MÃ --out TỆP.docx [--place ĐỊA_DANH]
                                                   Báo cáo đã ban hành, đúng như lúc ban hành (mã: xem reports issued;
                                                   --place chỉ dùng cho báo cáo ban hành khi phần mềm chưa giữ địa danh)`
