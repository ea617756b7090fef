// `propaganda …` and `press …` commands: the year's anniversaries, propaganda activities, their
// counts rolled up the tree, and the works submitted to the press award, over the same dispatch
// as the app.
import { resolve } from 'node:path'
import {
  PRESS_CATEGORIES,
  PRESS_CATEGORY_LABELS,
  PRESS_RESULT_LABELS,
  PRESS_RESULTS,
  PRESS_STAGE_LABELS,
  PRESS_STAGES,
  PROPAGANDA_KIND_LABELS,
  PROPAGANDA_KINDS
} from '../shared/api'
import { displayPartialDate } from '../shared/partial-date'
import { formatNumber } from '../shared/numbers'
import { foldVietnamese } from '../shared/vn-text'
import { awardYearOf } from '../shared/press-window'
import { date, required, text } from './args'
import type { CommandContext } from './commands'
import { call, callWithFile, resolveUnit, unitOption, yearOption } from './dispatch'
import { CliRefusal, indentedName, printResult, rollupJson, table } from './output'

const fold = (s: string) => foldVietnamese(s).replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim()

/**
 * A choice typed by its Vietnamese name in any case, with or without diacritics: the whole label
 * or any of its comma-separated parts ("hội nghị", "toa dam"), or the code itself.
 */
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
    for (const part of labels[k].split(',')) names.set(fold(part), k)
  }
  for (const [name, k] of Object.entries(extra)) names.set(fold(name), k)
  return (value: string): K => {
    const k = names.get(fold(value))
    if (!k)
      throw new CliRefusal(
        'VALIDATION',
        `--${option}: "${value}" không hợp lệ; dùng một trong: ${codes.map((c) => labels[c]).join('; ')}.`
      )
    return k
  }
}

const kindOf = chooser('kind', PROPAGANDA_KINDS, PROPAGANDA_KIND_LABELS, {
  tin: 'portal',
  bai: 'portal',
  khac: 'other',
  'luu dong': 'mobile'
})
const categoryOf = chooser('category', PRESS_CATEGORIES, PRESS_CATEGORY_LABELS, {
  'dien tu': 'online',
  anh: 'photo',
  'bao hinh': 'television',
  'bao noi': 'radio'
})
const stageOf = chooser('stage', PRESS_STAGES, PRESS_STAGE_LABELS, {
  'da gui': 'submitted',
  'so khao': 'preliminary',
  'chung khao': 'final'
})
const resultOf = chooser('result', PRESS_RESULTS, PRESS_RESULT_LABELS, {
  a: 'a',
  b: 'b',
  c: 'c',
  'khuyen khich': 'encouragement',
  'dac biet': 'special',
  'khong dat': 'not_awarded'
})

function count(opts: CommandContext['opts'], name: string): number {
  const v = text(opts, name)
  if (v === undefined) return 0
  if (!/^\d+$/.test(v)) throw new CliRefusal('USAGE', `--${name} phải là số nguyên không âm.`)
  return Number(v)
}

function day(opts: CommandContext['opts'], name: string): string | null {
  const d = date(opts, name)
  if (d !== null && d.length !== 10)
    throw new CliRefusal('VALIDATION', `--${name}: cần đủ ngày, tháng, năm (dd/mm/yyyy).`)
  return d
}

/** --from/--to, or the whole working year (--year Y) when neither is given. */
async function period(c: CommandContext): Promise<{ from: string; to: string }> {
  const from = day(c.opts, 'from')
  const to = day(c.opts, 'to')
  if (from && to) return { from, to }
  if (from || to)
    throw new CliRefusal('USAGE', 'Dùng cả --from và --to (dd/mm/yyyy), hoặc --year Y cho cả năm.')
  const y = await yearOption(c.core, c.opts)
  return { from: `${y}-01-01`, to: `${y}-12-31` }
}

async function anniversaries({ core, out, opts }: CommandContext): Promise<void> {
  const year = await yearOption(core, opts)
  const list = await call(core, 'propaganda:listAnniversaries', { year })
  printResult(
    out,
    list,
    () =>
      table(
        ['Mã', 'Ngày', 'Ngày kỷ niệm', 'Năm chẵn'],
        list.map((a) => [
          String(a.id),
          displayPartialDate(a.on),
          a.label,
          a.round === 'ten' ? 'tròn 10' : a.round === 'five' ? 'tròn 5' : ''
        ])
      ) +
      `\n${list.length} ngày kỷ niệm năm ${year}; tổ chức lễ kỷ niệm chỉ vào năm chẵn (5, 10 năm).`
  )
}

async function add({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const startsOn = day(opts, 'date')
  if (!startsOn) throw new CliRefusal('USAGE', 'Thiếu tùy chọn --date.')
  const anniversary = text(opts, 'anniversary')
  if (anniversary !== undefined && !/^\d+$/.test(anniversary))
    throw new CliRefusal(
      'USAGE',
      '--anniversary phải là mã ngày kỷ niệm (xem propaganda anniversaries).'
    )
  const a = await call(core, 'propaganda:createActivity', {
    kind: kindOf(required(opts, 'kind')),
    startsOn,
    endsOn: day(opts, 'end'),
    unitId: unit.id,
    title: text(opts, 'title') ?? null,
    onTopic: true,
    anniversaryId: anniversary === undefined ? null : Number(anniversary),
    points: count(opts, 'points'),
    members: count(opts, 'members'),
    nonMembers: count(opts, 'others'),
    attendances: count(opts, 'attendances'),
    news: count(opts, 'items'),
    articles: count(opts, 'articles'),
    reports: count(opts, 'reports'),
    panels: count(opts, 'panels'),
    note: text(opts, 'note') ?? null
  })
  printResult(
    out,
    a,
    () =>
      `Đã thêm hoạt động mã ${a.id}: ${PROPAGANDA_KIND_LABELS[a.kind]}, ${displayPartialDate(a.startsOn)}, ${a.unitName}.`
  )
}

async function list(c: CommandContext): Promise<void> {
  const { core, out, opts } = c
  const unit = await unitOption(core, opts)
  const p = await period(c)
  const kind = text(opts, 'kind')
  const rows = await call(core, 'propaganda:listActivities', {
    unitId: unit?.id ?? null,
    ...p,
    kind: kind ? kindOf(kind) : null
  })
  printResult(
    out,
    rows,
    () =>
      table(
        ['Mã', 'Ngày', 'Hình thức', 'Đơn vị', 'Điểm cầu', 'ĐV', 'QC', 'Lượt', 'Tin, bài'],
        rows.map((a) => [
          String(a.id),
          displayPartialDate(a.startsOn) + (a.endsOn ? ` – ${displayPartialDate(a.endsOn)}` : ''),
          PROPAGANDA_KIND_LABELS[a.kind],
          a.unitName,
          String(a.points),
          String(a.members),
          String(a.nonMembers),
          String(a.attendances),
          String(a.news + a.articles + a.reports)
        ])
      ) +
      `\n${rows.length} hoạt động từ ${displayPartialDate(p.from)} đến ${displayPartialDate(p.to)}.`
  )
}

async function counts(c: CommandContext): Promise<void> {
  const { core, out, opts } = c
  const unit = await unitOption(core, opts)
  const p = await period(c)
  const r = await call(core, 'propaganda:counts', { unitId: unit?.id ?? null, ...p })
  printResult(out, { ...p, ...rollupJson(r) }, () =>
    [
      `Số liệu tuyên truyền từ ${displayPartialDate(p.from)} đến ${displayPartialDate(p.to)}:`,
      table(
        [
          'Đơn vị',
          'Hoạt động',
          'Điểm cầu',
          'ĐV dự',
          'QC dự',
          'Lượt người',
          'Tin',
          'Bài',
          'Phóng sự',
          'Pano',
          'TP dự giải',
          'Đạt giải'
        ],
        r.rows.map((x) => [
          indentedName(x),
          ...(
            [
              'activities',
              'points',
              'members',
              'nonMembers',
              'attendances',
              'news',
              'articles',
              'reports',
              'panels',
              'works',
              'awarded'
            ] as const
          ).map((m) => formatNumber(x.counts[m]))
        ])
      )
    ].join('\n')
  )
}

async function press(c: CommandContext): Promise<void> {
  const { core, out, opts, positionals } = c
  const sub = positionals[0]
  if (sub === 'add') {
    const unit = await resolveUnit(core, required(opts, 'unit'))
    const publishedOn = day(opts, 'date')
    if (!publishedOn) throw new CliRefusal('USAGE', 'Thiếu tùy chọn --date (ngày đăng, phát).')
    const authors = required(opts, 'authors')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => ({ personId: null, name }))
    const result = text(opts, 'result')
    const w = await call(core, 'propaganda:createPressWork', {
      awardYear: text(opts, 'year') ? await yearOption(core, opts) : awardYearOf(publishedOn),
      title: required(opts, 'title'),
      authors,
      outlet: text(opts, 'outlet') ?? null,
      publishedOn,
      category: categoryOf(required(opts, 'category')),
      link: text(opts, 'link') ?? null,
      unitId: unit.id,
      stage: text(opts, 'stage') ? stageOf(text(opts, 'stage')!) : 'submitted',
      result: result ? resultOf(result) : null,
      note: text(opts, 'note') ?? null
    })
    printResult(
      out,
      w,
      () =>
        `Đã thêm tác phẩm mã ${w.id} (giải năm ${w.awardYear}): ${w.title}.` +
        (w.warning ? `\nCảnh báo: ${w.warning}` : '')
    )
    return
  }
  if (sub === 'list' || sub === undefined) {
    const unit = await unitOption(core, opts)
    const year = text(opts, 'year') ? await yearOption(core, opts) : null
    const works = await call(core, 'propaganda:listPressWorks', {
      unitId: unit?.id ?? null,
      awardYear: year
    })
    printResult(
      out,
      works,
      () =>
        table(
          [
            'Mã',
            'Năm giải',
            'Tác phẩm',
            'Tác giả',
            'Thể loại',
            'Ngày đăng',
            'Vòng',
            'Kết quả',
            'Cảnh báo'
          ],
          works.map((w) => [
            String(w.id),
            String(w.awardYear),
            w.title,
            w.authors.map((a) => a.name).join(', '),
            PRESS_CATEGORY_LABELS[w.category],
            displayPartialDate(w.publishedOn),
            PRESS_STAGE_LABELS[w.stage],
            w.result ? PRESS_RESULT_LABELS[w.result] : '',
            w.warning ? 'ngoài thời gian xét giải' : ''
          ])
        ) + `\n${works.length} tác phẩm.`
    )
    return
  }
  throw new CliRefusal('USAGE', `Lệnh không hợp lệ: "press ${sub}". Dùng add hoặc list.`)
}

async function exportAnniversaries({ core, out, opts }: CommandContext): Promise<void> {
  const year = await yearOption(core, opts)
  const unit = await unitOption(core, opts)
  const r = await callWithFile(core, 'propaganda:exportAnniversaries', {
    year,
    unitId: unit?.id ?? null,
    path: resolve(required(opts, 'out')),
    place: text(opts, 'place')
  })
  printResult(
    out,
    { year, ...r },
    () => `Đã lưu danh sách ${r?.rows ?? 0} ngày kỷ niệm năm ${year} vào ${r?.path}.`
  )
}

async function exportActivities(c: CommandContext): Promise<void> {
  const { core, out, opts } = c
  const unit = await unitOption(core, opts)
  const p = await period(c)
  const kind = text(opts, 'kind')
  const r = await callWithFile(core, 'propaganda:exportActivities', {
    unitId: unit?.id ?? null,
    ...p,
    kind: kind ? kindOf(kind) : null,
    path: resolve(required(opts, 'out')),
    place: text(opts, 'place')
  })
  printResult(
    out,
    { ...p, unitId: unit?.id ?? null, ...r },
    () =>
      `Đã lưu danh sách ${r?.rows ?? 0} hoạt động tuyên truyền từ ${displayPartialDate(p.from)} đến ${displayPartialDate(p.to)} vào ${r?.path}.`
  )
}

export const PROPAGANDA_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'propaganda anniversaries': anniversaries,
  'propaganda add': add,
  'propaganda list': list,
  'propaganda counts': counts,
  'propaganda export-anniversaries': exportAnniversaries,
  'propaganda export-activities': exportActivities,
  press
}

export const PROPAGANDA_USAGE = `  propaganda anniversaries [--year Y]              Các ngày kỷ niệm của năm (số năm, năm chẵn)
  propaganda add --kind HÌNH_THỨC --date dd/mm/yyyy --unit ĐƠN_VỊ [--end dd/mm/yyyy] [--anniversary MÃ]
             [--points N] [--members N] [--others N] [--attendances N] [--items N] [--articles N]
             [--reports N] [--panels N] [--title TÊN] [--note GHI_CHÚ]
             HÌNH_THỨC: tên tiếng Việt, có dấu hay không ("hội nghị", "toa dam", "hội thi", "pano"…);
             --members/--others: đảng viên/quần chúng dự; --attendances: số lượt khi không biết số người; --items: số tin
  propaganda list [--unit ĐƠN_VỊ] [--from dd/mm/yyyy --to dd/mm/yyyy | --year Y] [--kind HÌNH_THỨC]
  propaganda counts [--unit ĐƠN_VỊ] [--from dd/mm/yyyy --to dd/mm/yyyy | --year Y]
                                                    Số liệu theo đơn vị, cộng dồn lên cấp trên
  propaganda export-anniversaries --out TỆP.xlsx [--year Y] [--unit ĐƠN_VỊ] [--place ĐỊA_DANH]
                                                    In danh sách ngày kỷ niệm của năm (mẫu văn bản Đảng)
  propaganda export-activities --out TỆP.xlsx [--unit ĐƠN_VỊ] [--from d --to d | --year Y] [--kind HÌNH_THỨC]
             [--place ĐỊA_DANH]                     In danh sách hoạt động tuyên truyền của kỳ
  press add --title TÊN --authors "Tác giả A; Tác giả B" --date dd/mm/yyyy --category THỂ_LOẠI --unit ĐƠN_VỊ
             [--outlet CƠ_QUAN_BÁO] [--link URL] [--year NĂM_GIẢI] [--stage gửi|sơ khảo|chung khảo] [--result "giải A"…]
             THỂ_LOẠI: báo in, điện tử, phát thanh, truyền hình, ảnh; tác phẩm ngoài 1/11–31/10 của năm giải bị cảnh báo
  press list [--unit ĐƠN_VỊ] [--year NĂM_GIẢI]`
