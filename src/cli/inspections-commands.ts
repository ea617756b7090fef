// `inspections …` commands: the year's plan, inspections and supervisions with their steps and
// documents, recommendations followed until done, the late ones, and the counts rolled up the
// tree, over the same dispatch as the app.
import { resolve } from 'node:path'
import { todayIso, displayPartialDate } from '../shared/partial-date'
import {
  INSPECTION_DOCUMENT_KIND_LABELS,
  INSPECTION_DOCUMENT_KINDS,
  INSPECTION_KIND_LABELS,
  INSPECTION_KINDS,
  INSPECTION_MODE_LABELS,
  INSPECTION_MODES,
  INSPECTION_STATUS_LABELS,
  INSPECTION_STATUSES,
  PLAN_STATE_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  type InspectionKind
} from '../shared/api'
import { formatNumber } from '../shared/numbers'
import { foldVietnamese } from '../shared/vn-text'
import { date, required, text } from './args'
import type { CommandContext } from './commands'
import { call, callWithFile, resolveUnit, unitOption, yearOption } from './dispatch'
import { CliRefusal, indentedName, printResult, rollupJson, table } from './output'

const fold = (s: string) => foldVietnamese(s).replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim()

/** A choice typed as its code or its Vietnamese name, with or without diacritics. */
function chooser<K extends string>(
  option: string,
  codes: readonly K[],
  labels: Record<K, string>,
  extra: Record<string, K> = {}
) {
  const names = new Map<string, K>()
  for (const k of codes) {
    names.set(fold(k), k)
    names.set(fold(labels[k]), k)
  }
  for (const [name, k] of Object.entries(extra)) names.set(fold(name), k)
  return (value: string): K => {
    const k = names.get(fold(value))
    if (!k)
      throw new CliRefusal(
        'VALIDATION',
        `--${option}: "${value}" không hợp lệ; dùng một trong: ${codes.join(', ')} (${codes.map((c) => labels[c]).join('; ')}).`
      )
    return k
  }
}

const kindOf = chooser('kind', INSPECTION_KINDS, INSPECTION_KIND_LABELS)
const modeOf = chooser('mode', INSPECTION_MODES, INSPECTION_MODE_LABELS, {
  'chuyen de': 'thematic',
  'thuong xuyen': 'ongoing'
})
const docKindOf = chooser('kind', INSPECTION_DOCUMENT_KINDS, INSPECTION_DOCUMENT_KIND_LABELS, {
  'quyet dinh': 'decision',
  'ke hoach': 'plan',
  'tu kiem tra': 'self_review',
  'bien ban': 'minutes',
  'bao cao ket qua': 'results_report',
  'ket luan': 'conclusion',
  khac: 'other'
})
const statusOf = chooser('status', INSPECTION_STATUSES, INSPECTION_STATUS_LABELS, {
  'thong bao': 'notified',
  'tu kiem tra': 'self_review',
  'lam viec': 'at_work',
  'thong qua': 'results_adopted',
  'ket luan': 'concluded',
  'ket thuc': 'closed'
})

/** A whole day given with --NAME, or null when the option is absent. */
function day(opts: CommandContext['opts'], name: string): string | null {
  const d = date(opts, name)
  if (d !== null && d.length !== 10)
    throw new CliRefusal('VALIDATION', `--${name}: cần đủ ngày, tháng, năm (dd/mm/yyyy).`)
  return d
}

function requiredDay(opts: CommandContext['opts'], name: string): string {
  const d = day(opts, name)
  if (d === null) throw new CliRefusal('USAGE', `Thiếu tùy chọn --${name} (dd/mm/yyyy).`)
  return d
}

/** A record's id given as the positional after the command. */
function idArg(positionals: string[], what: string): number {
  const v = positionals[0]
  if (v === undefined || !/^\d+$/.test(v))
    throw new CliRefusal('USAGE', `Thiếu mã ${what} (một số) sau lệnh.`)
  return Number(v)
}

function smallInt(opts: CommandContext['opts'], name: string): number | null {
  const v = text(opts, name)
  if (v === undefined) return null
  if (!/^\d{1,2}$/.test(v)) throw new CliRefusal('USAGE', `--${name} phải là một số.`)
  return Number(v)
}

/** Units named in one option, separated by ";". */
async function units(c: CommandContext, name: string) {
  const refs = required(c.opts, name)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
  const found = []
  for (const ref of refs) found.push(await resolveUnit(c.core, ref))
  return found
}

/** The unit carrying it out: --by, else the committee above the first target (or the target itself). */
async function conductingUnit(
  c: CommandContext,
  firstTarget: { id: number; parentId: number | null }
) {
  const by = await unitOption(c.core, c.opts, 'by')
  return by?.id ?? firstTarget.parentId ?? firstTarget.id
}

const planWhen = (p: { quarter: number | null; month: number | null; year: number }) =>
  p.quarter !== null ? `Quý ${p.quarter}/${p.year}` : `Tháng ${p.month}/${p.year}`

async function plan(c: CommandContext): Promise<void> {
  const { core, out, opts, positionals } = c
  const sub = positionals[0]
  const year = await yearOption(core, opts)
  if (sub === 'add') {
    const targets = await units(c, 'unit')
    const kind = kindOf(required(opts, 'kind'))
    const item = await call(core, 'inspections:createPlanItem', {
      year,
      kind,
      mode: text(opts, 'mode') ? modeOf(text(opts, 'mode')!) : 'thematic',
      unitId: await conductingUnit(c, targets[0]),
      targetUnitIds: targets.map((t) => t.id),
      content: required(opts, 'content'),
      quarter: smallInt(opts, 'quarter'),
      month: smallInt(opts, 'month'),
      note: text(opts, 'note') ?? null
    })
    printResult(
      out,
      item,
      () =>
        `Đã thêm mục kế hoạch mã ${item.id}: ${INSPECTION_KIND_LABELS[item.kind]} ${item.targetNames.join(', ')}, ${planWhen(item)}.`
    )
    return
  }
  if (sub === 'list' || sub === undefined) {
    const items = await call(core, 'inspections:listPlanItems', { year, today: todayIso() })
    printResult(
      out,
      items,
      () =>
        table(
          [
            'Mã',
            'Thời gian',
            'Loại',
            'Đơn vị được kiểm tra, giám sát',
            'Nội dung',
            'Chủ trì',
            'Tình hình'
          ],
          items.map((p) => [
            String(p.id),
            planWhen(p),
            INSPECTION_KIND_LABELS[p.kind],
            p.targetNames.join(', '),
            p.content,
            p.unitName,
            PLAN_STATE_LABELS[p.state]
          ])
        ) + `\n${items.length} mục trong kế hoạch kiểm tra, giám sát năm ${year}.`
    )
    return
  }
  throw new CliRefusal('USAGE', `Lệnh không hợp lệ: "inspections plan ${sub}". Dùng add hoặc list.`)
}

async function add(c: CommandContext): Promise<void> {
  const { core, out, opts } = c
  const targets = await units(c, 'unit')
  const kind: InspectionKind = kindOf(required(opts, 'kind'))
  const members = text(opts, 'members')
  if (members !== undefined && !/^\d+$/.test(members))
    throw new CliRefusal('USAGE', '--members phải là số nguyên không âm.')
  const planRef = text(opts, 'plan')
  if (planRef !== undefined && !/^\d+$/.test(planRef))
    throw new CliRefusal('USAGE', '--plan phải là mã mục kế hoạch (xem inspections plan list).')
  const i = await call(core, 'inspections:create', {
    kind,
    mode: text(opts, 'mode') ? modeOf(text(opts, 'mode')!) : 'thematic',
    planItemId: planRef === undefined ? null : Number(planRef),
    unitId: await conductingUnit(c, targets[0]),
    content: required(opts, 'content'),
    decisionNumber: text(opts, 'decision') ?? null,
    decisionDate: day(opts, 'decision-date'),
    periodFrom: null,
    periodTo: null,
    startsOn: requiredDay(opts, 'from'),
    endsOn: requiredDay(opts, 'to'),
    team: [],
    targets: targets.map((t, k) => ({ unitId: t.id, members: k === 0 ? Number(members ?? 0) : 0 })),
    note: text(opts, 'note') ?? null
  })
  printResult(
    out,
    i,
    () =>
      `Đã thêm cuộc ${INSPECTION_KIND_LABELS[i.kind].toLowerCase()} mã ${i.id}: ${i.targets.map((t) => t.name).join(', ')}, từ ${displayPartialDate(i.startsOn)} đến ${displayPartialDate(i.endsOn)}.`
  )
}

async function list({ core, out, opts }: CommandContext): Promise<void> {
  const year = await yearOption(core, opts)
  const rows = await call(core, 'inspections:list', { year, today: todayIso() })
  printResult(
    out,
    rows,
    () =>
      table(
        [
          'Mã',
          'Loại',
          'Đơn vị được kiểm tra, giám sát',
          'Thời gian',
          'Quyết định',
          'Bước',
          'Kiến nghị',
          'Quá hạn'
        ],
        rows.map((i) => [
          String(i.id),
          INSPECTION_KIND_LABELS[i.kind],
          i.targetNames.join(', '),
          i.startsOn ? `${displayPartialDate(i.startsOn)} – ${displayPartialDate(i.endsOn)}` : '',
          i.decisionNumber ?? '',
          INSPECTION_STATUS_LABELS[i.status],
          String(i.recommendations),
          String(i.late)
        ])
      ) + `\n${rows.length} cuộc kiểm tra, giám sát năm ${year}.`
  )
}

async function status({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const id = idArg(positionals, 'cuộc kiểm tra, giám sát')
  const step = positionals[1] ?? text(opts, 'status')
  if (!step) throw new CliRefusal('USAGE', 'Thiếu bước cần chuyển sang (ví dụ: notified).')
  const i = await call(core, 'inspections:setStatus', { id, status: statusOf(step) })
  printResult(out, i, () => `Cuộc mã ${i.id}: ${INSPECTION_STATUS_LABELS[i.status]}.`)
}

async function document({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const id = idArg(positionals, 'cuộc kiểm tra, giám sát')
  const fields = {
    inspectionId: id,
    kind: docKindOf(required(opts, 'kind')),
    number: text(opts, 'number') ?? null,
    datedOn: requiredDay(opts, 'date'),
    title: text(opts, 'title') ?? null,
    note: text(opts, 'note') ?? null
  }
  // --file attaches that file: it answers the dialog the app would show.
  const file = text(opts, 'file')
  const d = file
    ? await callWithFile(core, 'inspections:addDocument', {
        ...fields,
        attach: true,
        path: resolve(file)
      })
    : await call(core, 'inspections:addDocument', fields)
  printResult(
    out,
    d,
    () =>
      `Đã thêm văn bản mã ${d!.id}: ${INSPECTION_DOCUMENT_KIND_LABELS[d!.kind]}${d!.number ? ` số ${d!.number}` : ''}, ngày ${displayPartialDate(d!.datedOn)}` +
      (d!.fileName ? `, tệp “${d!.fileName}” đã được sao vào thư mục dữ liệu.` : '.')
  )
}

async function recommend({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const id = idArg(positionals, 'cuộc kiểm tra, giám sát')
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const r = await call(core, 'inspections:createRecommendation', {
    inspectionId: id,
    unitId: unit.id,
    text: required(opts, 'text'),
    dueOn: requiredDay(opts, 'due'),
    madeOn: day(opts, 'date') ?? todayIso()
  })
  printResult(
    out,
    r,
    () => `Đã thêm kiến nghị mã ${r.id} cho ${r.unitName}, thời hạn ${displayPartialDate(r.dueOn)}.`
  )
}

async function done({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const id = idArg(positionals, 'kiến nghị')
  const r = await call(core, 'inspections:setRecommendationDone', {
    id,
    doneOn: requiredDay(opts, 'date'),
    note: text(opts, 'note') ?? null
  })
  printResult(
    out,
    r,
    () => `Kiến nghị mã ${r.id} (${r.unitName}): đã thực hiện ngày ${displayPartialDate(r.doneOn)}.`
  )
}

async function late({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await unitOption(core, opts)
  const asOf = day(opts, 'date') ?? todayIso()
  const rows = await call(core, 'inspections:listRecommendations', {
    unitId: unit?.id ?? null,
    lateOnly: true,
    asOf
  })
  printResult(
    out,
    rows,
    () =>
      table(
        ['Mã', 'Đơn vị', 'Kiến nghị', 'Thời hạn', 'Tình trạng'],
        rows.map((r) => [
          String(r.id),
          r.unitName,
          r.text,
          displayPartialDate(r.dueOn),
          RECOMMENDATION_STATUS_LABELS[r.status]
        ])
      ) + `\n${rows.length} kiến nghị quá hạn tính đến ngày ${displayPartialDate(asOf)}.`
  )
}

async function counts({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const p = { from: requiredDay(opts, 'from'), to: requiredDay(opts, 'to') }
  const r = await call(core, 'inspections:counts', { unitId: unit.id, ...p })
  printResult(out, { ...p, ...rollupJson(r) }, () =>
    [
      `Số liệu kiểm tra, giám sát từ ${displayPartialDate(p.from)} đến ${displayPartialDate(p.to)}:`,
      table(
        [
          'Đơn vị',
          'Kiểm tra',
          'Giám sát',
          'Tổ chức được KT, GS',
          'Đảng viên',
          'Kiến nghị',
          'Đã thực hiện',
          'Quá hạn'
        ],
        r.rows.map((x) => [
          indentedName(x),
          ...(
            [
              'inspections',
              'supervisions',
              'organisations',
              'members',
              'recommendations',
              'done',
              'late'
            ] as const
          ).map((m) => formatNumber(x.counts[m]))
        ])
      )
    ].join('\n')
  )
}

export const INSPECTIONS_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'inspections plan': plan,
  'inspections add': add,
  'inspections list': list,
  'inspections status': status,
  'inspections document': document,
  'inspections recommend': recommend,
  'inspections done': done,
  'inspections late': late,
  'inspections counts': counts
}

export const INSPECTIONS_USAGE = `  inspections plan add --kind inspection|supervision --unit ĐƠN_VỊ[;ĐƠN_VỊ…] --content NỘI_DUNG
             (--quarter 1-4 | --month 1-12) [--year Y] [--by ĐƠN_VỊ_CHỦ_TRÌ] [--mode chuyên đề|thường xuyên]
  inspections plan list [--year Y]                  Kế hoạch kiểm tra, giám sát của năm và tình hình thực hiện
  inspections add --kind inspection|supervision --unit ĐƠN_VỊ --content NỘI_DUNG --from dd/mm/yyyy --to dd/mm/yyyy
             [--decision SỐ --decision-date dd/mm/yyyy] [--by ĐƠN_VỊ_CHỦ_TRÌ] [--plan MÃ_MỤC] [--members N]
             --from/--to: ngày đoàn làm việc; đơn vị chủ trì mặc định là cấp ủy cấp trên của đơn vị được kiểm tra
  inspections list [--year Y]
  inspections status MÃ BƯỚC                       Chuyển sang bước tiếp theo: notified, self_review, at_work,
                                                    results_adopted, concluded, closed (không được bỏ bước)
  inspections document MÃ --kind LOẠI --date dd/mm/yyyy [--number SỐ] [--title TÊN] [--file TỆP]
             LOẠI: quyết định, kế hoạch, tự kiểm tra, biên bản, báo cáo kết quả, kết luận, khác; tệp được sao vào thư mục dữ liệu
  inspections recommend MÃ --unit ĐƠN_VỊ --text NỘI_DUNG --due dd/mm/yyyy [--date NGÀY_KIẾN_NGHỊ]
  inspections done MÃ_KIẾN_NGHỊ --date dd/mm/yyyy [--note GHI_CHÚ]
  inspections late [--unit ĐƠN_VỊ] [--date dd/mm/yyyy]   Kiến nghị quá hạn tính đến một ngày (mặc định hôm nay)
  inspections counts --unit ĐƠN_VỊ --from dd/mm/yyyy --to dd/mm/yyyy
                                                    Số liệu theo đơn vị, cộng dồn lên cấp trên`
