// `study …` commands: sessions, attendance and coverage of the yearly topic, over the same
// dispatch as the app.
import type { Input, StudySession, StudySessionKind } from '../shared/api'
import { STUDY_SESSION_KINDS } from '../shared/api'
import { STUDY_SESSION_KIND_LABELS } from '../shared/labels'
import { displayPartialDate } from '../shared/partial-date'
import { foldVietnamese } from '../shared/vn-text'
import type { Core } from '../core/index'
import { date, positiveInt, required, text } from './args'
import type { CommandContext } from './commands'
import { call, callWithFile, resolveUnit, unitOption, yearOption } from './dispatch'
import { formatPercent } from '../shared/numbers'
import { CliRefusal, indentedName, printResult, rollupJson, table } from './output'

const KIND_ALIASES: Record<string, StudySessionKind> = {
  'truc-tuyen': 'provincial_online',
  tinh: 'provincial_online',
  huyen: 'district_conference',
  'dang-uy': 'district_conference',
  'chi-bo': 'cell_meeting',
  'co-quan': 'unit_conference',
  'hoc-bu': 'makeup'
}

function kindOption(value: string): StudySessionKind {
  const v = foldVietnamese(value).replace(/\s+/g, '-')
  const kind = (STUDY_SESSION_KINDS as readonly string[]).includes(value)
    ? (value as StudySessionKind)
    : KIND_ALIASES[v]
  if (!kind) {
    throw new CliRefusal(
      'VALIDATION',
      `--kind: dùng một trong ${[...STUDY_SESSION_KINDS, ...Object.keys(KIND_ALIASES)].join(', ')}.`
    )
  }
  return kind
}

/** "Điểm cầu xã A:120;Điểm cầu xã B:85" → points. */
function pointsOption(value: string | undefined): Input<'study:createSession'>['points'] {
  if (!value) return []
  return value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(.*?)(?::\s*(\d+))?$/.exec(s)!
      return { name: m[1].trim(), unitId: null, attendees: m[2] ? Number(m[2]) : 0 }
    })
}

function sessionJson(s: StudySession) {
  return {
    id: s.id,
    year: s.year,
    kind: s.kind,
    heldOn: s.heldOn,
    hostUnitId: s.hostUnitId,
    hostUnit: s.hostUnitName,
    title: s.title,
    points: s.points,
    extraNonMembers: s.extraNonMembers,
    attendedMembers: s.attendedMembers,
    attendedNonMembers: s.attendedNonMembers,
    note: s.note
  }
}

async function sessions(c: CommandContext): Promise<void> {
  const { core, out, opts, positionals } = c
  const sub = positionals[0]
  const year = await yearOption(core, opts)
  if (sub === 'add') {
    const topic = (await call(core, 'study:listTopics', null)).find((t) => t.year === year)
    if (!topic) throw new CliRefusal('NO_TOPIC', `Chưa có chủ đề Chuyên đề năm ${year}.`)
    const host = await resolveUnit(core, required(opts, 'unit'))
    const heldOn = date(opts, 'date')
    if (!heldOn || heldOn.length !== 10)
      throw new CliRefusal('VALIDATION', '--date: cần đủ ngày, tháng, năm (dd/mm/yyyy).')
    const extra = text(opts, 'extra')
    if (extra !== undefined && !/^\d+$/.test(extra))
      throw new CliRefusal('USAGE', '--extra phải là số nguyên không âm.')
    const s = await call(core, 'study:createSession', {
      topicId: topic.id,
      kind: kindOption(required(opts, 'kind')),
      heldOn,
      hostUnitId: host.id,
      title: text(opts, 'title') ?? null,
      points: pointsOption(text(opts, 'points')),
      extraNonMembers: extra === undefined ? 0 : Number(extra),
      note: text(opts, 'note') ?? null
    })
    printResult(
      out,
      sessionJson(s),
      () =>
        `Đã thêm buổi học tập mã ${s.id}: ${STUDY_SESSION_KIND_LABELS[s.kind]}, ${displayPartialDate(s.heldOn)}, ${s.hostUnitName}.`
    )
    return
  }
  if (sub === 'list' || sub === undefined) {
    const unit = await unitOption(core, opts)
    const list = await call(core, 'study:listSessions', { year, unitId: unit?.id ?? null })
    printResult(
      out,
      list.map(sessionJson),
      () =>
        table(
          ['Mã', 'Ngày', 'Hình thức', 'Đơn vị tổ chức', 'ĐV dự', 'QC dự', 'Lượt QC khác'],
          list.map((s) => [
            String(s.id),
            displayPartialDate(s.heldOn),
            STUDY_SESSION_KIND_LABELS[s.kind],
            s.hostUnitName,
            String(s.attendedMembers),
            String(s.attendedNonMembers),
            String(s.extraNonMembers)
          ])
        ) + `\n${list.length} buổi học tập năm ${year}.`
    )
    return
  }
  throw new CliRefusal('USAGE', `Lệnh không hợp lệ: "study sessions ${sub}". Dùng add hoặc list.`)
}

/** --people: person ids, or 8-digit party card numbers, separated by commas. */
async function resolvePeople(core: Core, list: string): Promise<number[]> {
  const ids: number[] = []
  for (const raw of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (/^\d{8}$/.test(raw)) {
      const found = await call(core, 'people:list', {
        unitId: null,
        includeSubunits: true,
        q: raw,
        limit: 5
      })
      const hit = found.rows.filter((p) => p.partyCardNumber === raw)
      if (hit.length !== 1)
        throw new CliRefusal('NOT_FOUND', `Không tìm thấy đảng viên có số thẻ ${raw}.`)
      ids.push(hit[0].id)
    } else if (/^\d+$/.test(raw)) ids.push(Number(raw))
    else
      throw new CliRefusal('USAGE', `--people: "${raw}" không phải mã người hay số thẻ đảng viên.`)
  }
  return ids
}

async function attend({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const ref = positionals[0]
  if (!ref || !/^\d+$/.test(ref))
    throw new CliRefusal(
      'USAGE',
      'Cần mã buổi học tập: study attend MÃ_BUỔI --file TỆP | --people DANH_SÁCH.'
    )
  const sessionId = Number(ref)
  const file = text(opts, 'file')
  const people = text(opts, 'people')
  if ((file ? 1 : 0) + (people ? 1 : 0) !== 1)
    throw new CliRefusal('USAGE', 'Dùng đúng một trong --file TỆP hoặc --people DANH_SÁCH.')
  const dryRun = opts['dry-run'] === true
  if (people) {
    const ids = await resolvePeople(core, people)
    const r = dryRun
      ? null
      : await call(core, 'study:setAttendance', { sessionId, present: ids, absent: [] })
    printResult(out, { sessionId, people: ids, dryRun, result: r }, () =>
      r
        ? `Đã ghi có mặt ${r.added} người mới (tổng: ${r.attendedMembers} đảng viên, ${r.attendedNonMembers} quần chúng).`
        : `Thử: sẽ ghi có mặt ${ids.length} người.`
    )
    return
  }
  const preview = await callWithFile(core, 'study:previewSheet', { sessionId, path: file })
  if (!preview) throw new CliRefusal('NOT_FOUND', 'Không đọc được tệp.')
  // Only rows matched to exactly one person are committed; the rest are listed to decide by hand.
  const toAdd = preview.matched.filter((m) => !m.alreadyPresent).map((m) => m.person.personId)
  const r =
    dryRun || toAdd.length === 0
      ? null
      : await call(core, 'study:setAttendance', { sessionId, present: toAdd, absent: [] })
  printResult(out, { ...preview, dryRun, committed: r?.added ?? 0 }, () => {
    const lines = [
      `Tệp ${preview.fileName} (trang "${preview.sheetName}"): ${preview.matched.length} dòng khớp, ${preview.ambiguous.length} cần chọn, ${preview.unmatched.length} không khớp.`
    ]
    for (const a of preview.ambiguous)
      lines.push(
        `  Dòng ${a.row} "${a.name}": ${a.reason} ${a.candidates.map((c) => `[mã ${c.personId}: ${c.fullName}, ${c.unitName}]`).join(' ')}`
      )
    for (const u of preview.unmatched) lines.push(`  Dòng ${u.row} "${u.name}": ${u.reason}`)
    lines.push(
      dryRun ? `Thử: sẽ ghi có mặt ${toAdd.length} người.` : `Đã ghi có mặt ${r?.added ?? 0} người.`
    )
    if (preview.ambiguous.length > 0)
      lines.push(
        'Những dòng cần chọn chưa được ghi: dùng --people MÃ,MÃ sau khi xác định đúng người.'
      )
    return lines.join('\n')
  })
}

async function coverage({ core, out, opts }: CommandContext): Promise<void> {
  const year = await yearOption(core, opts)
  const unit = await unitOption(core, opts)
  const cov = await call(core, 'study:coverage', { year, unitId: unit?.id ?? null })
  printResult(out, { year, topic: cov.topic?.title ?? null, ...rollupJson(cov) }, () =>
    [
      cov.topic ? `Chuyên đề năm ${year}: ${cov.topic.title}` : `Chưa có chủ đề năm ${year}.`,
      table(
        ['Đơn vị', 'Phải học', 'Đã học', 'Chưa học', 'Tỷ lệ', 'ĐV đã/phải', 'QC đã/phải'],
        cov.rows.map((r) => [
          indentedName(r),
          String(r.required),
          String(r.studied),
          String(r.missing),
          formatPercent(r.percent),
          `${r.members.studied}/${r.members.required}`,
          `${r.nonMembers.studied}/${r.nonMembers.required}`
        ])
      )
    ].join('\n')
  )
}

async function missingList({ core, out, opts }: CommandContext): Promise<void> {
  const year = await yearOption(core, opts)
  const unit = await unitOption(core, opts)
  const file = text(opts, 'out')
  const perUnit = opts['per-unit'] === true
  if (perUnit && !file)
    throw new CliRefusal('USAGE', '--per-unit chỉ dùng khi lưu tệp: thêm --out TỆP.xlsx.')
  if (file) {
    const r = await callWithFile(core, 'study:exportMissing', {
      year,
      unitId: unit?.id ?? null,
      path: file,
      place: text(opts, 'place'),
      perUnit
    })
    printResult(
      out,
      r,
      () =>
        `Đã lưu danh sách ${r?.rows ?? 0} người chưa học${perUnit ? ' (trang tổng hợp, rồi mỗi chi bộ một trang tính)' : ''} vào ${r?.path}.`
    )
    return
  }
  const limit = positiveInt(opts, 'limit') ?? 1000
  const list = await call(core, 'study:listMissing', {
    year,
    unitId: unit?.id ?? null,
    limit: Math.min(limit, 1000)
  })
  printResult(
    out,
    list,
    () =>
      table(
        ['Mã', 'Họ và tên', 'Số thẻ ĐV', 'Đơn vị'],
        list.rows.map((p) => [String(p.personId), p.fullName, p.partyCardNumber ?? '', p.unitName])
      ) + `\n${list.total} người chưa học.`
  )
}

async function year({ core, out, opts }: CommandContext): Promise<void> {
  const y = text(opts, 'year')
  const w = y
    ? await call(core, 'app:setYear', { year: await yearOption(core, opts) })
    : await call(core, 'app:getYear', null)
  // The year is the app's; its topic is what the study section adds to it.
  const topic = (await call(core, 'study:listTopics', null)).find((t) => t.year === w.year) ?? null
  const r = { year: w.year, topic }
  printResult(
    out,
    r,
    () => `Năm làm việc: ${r.year}${r.topic ? ` — ${r.topic.title}` : ' (chưa có chủ đề)'}`
  )
}

export const STUDY_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'study sessions': sessions,
  'study attend': attend,
  'study coverage': coverage,
  'study missing': missingList,
  'study year': year
}

export const STUDY_USAGE = `  study year [--year Y]                            Xem hoặc chọn năm làm việc
  study sessions add --kind HÌNH_THỨC --date dd/mm/yyyy --unit ĐƠN_VỊ [--year Y]
             [--title TÊN] [--points "Điểm cầu A:120;Điểm cầu B:85"] [--extra SỐ_LƯỢT_QC] [--note GHI_CHÚ]
             HÌNH_THỨC: truc-tuyen, huyen, chi-bo, co-quan, hoc-bu
  study sessions list [--year Y] [--unit ĐƠN_VỊ]
  study attend MÃ_BUỔI --file TỆP.xlsx [--dry-run]  Ghi người dự từ bảng tính (chỉ ghi dòng khớp đúng một người)
  study attend MÃ_BUỔI --people MÃ,MÃ,SỐ_THẺ        Ghi có mặt theo mã người hoặc số thẻ đảng viên
  study coverage [--year Y] [--unit ĐƠN_VỊ]         Đã học / phải học / chưa học, tỷ lệ theo đơn vị
  study missing [--year Y] [--unit ĐƠN_VỊ] [--out TỆP.xlsx --place ĐỊA_DANH [--per-unit]]
                                                    Danh sách chưa học; --per-unit: thêm mỗi chi bộ một trang tính`
