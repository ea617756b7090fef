// `exemplars …` and `awards …` commands (Thi đua & điển hình): the register of exemplars and
// models, reward decisions with their warnings, and the counts rolled up the tree.
import { resolve } from 'node:path'
import type { Core } from '../core/index'
import type { Exemplar, ExemplarFields, ProposalImportPreview } from '../shared/api'
import { AWARD_KINDS, EXEMPLAR_STATUSES } from '../shared/api'
import {
  AWARD_FORM_LABELS,
  AWARD_KIND_LABELS,
  EXEMPLAR_KIND_LABELS,
  EXEMPLAR_STATUS_LABELS,
  parseAwardForm
} from '../shared/exemplar-labels'
import { foldVietnamese } from '../shared/vn-text'
import { date, required, text } from './args'
import type { CommandContext } from './commands'
import { call, callWithFile, resolveUnit, unitOption, yearOption } from './dispatch'
import { CliRefusal, indentedName, printResult, rollupJson, table } from './output'

/** --person: a person's id, or an 8-digit party card number. */
async function resolvePerson(core: Core, raw: string): Promise<{ id: number; unitId: number }> {
  if (/^\d{8}$/.test(raw)) {
    const found = await call(core, 'people:list', {
      unitId: null,
      includeSubunits: true,
      q: raw,
      limit: 5
    })
    const hit = found.rows.filter((p) => p.partyCardNumber === raw)
    if (hit.length === 1) return { id: hit[0].id, unitId: hit[0].unitId }
  }
  if (/^\d+$/.test(raw)) {
    const p = await call(core, 'people:get', { id: Number(raw) })
    return { id: p.id, unitId: p.unitId }
  }
  throw new CliRefusal('NOT_FOUND', `Không tìm thấy người có mã hoặc số thẻ đảng viên "${raw}".`)
}

function describe(e: Exemplar): string {
  return `#${e.id} ${e.displayName} — ${EXEMPLAR_KIND_LABELS[e.kind]}, năm ${e.year}${e.toYear ? `–${e.toYear}` : ''}, ${e.proposingUnitName} đề xuất, ${EXEMPLAR_STATUS_LABELS[e.status]}`
}

async function add({ core, out, opts }: CommandContext): Promise<void> {
  const kind = required(opts, 'kind')
  const year = await yearOption(core, opts)
  const unit = await unitOption(core, opts)
  const proposer = await unitOption(core, opts, 'proposer')
  const name = text(opts, 'name')?.trim() || null
  const formText = text(opts, 'propose')
  const proposedForm = formText === undefined ? null : parseAwardForm(formText)
  if (formText !== undefined && !proposedForm)
    throw new CliRefusal(
      'USAGE',
      `--propose "${formText}" không phải hình thức khen thưởng (${Object.values(AWARD_FORM_LABELS).join(', ')}).`
    )
  const f: ExemplarFields = {
    kind: 'person',
    personId: null,
    unitId: null,
    name: null,
    field: text(opts, 'field') ?? null,
    sinceYear: text(opts, 'since') ? Number(text(opts, 'since')) : null,
    achievement: text(opts, 'achievement') ?? null,
    proposedForm,
    proposingUnitId: 0,
    year,
    toYear: null,
    movementId: null,
    evidence: null,
    press: []
  }
  if (kind === 'person') {
    const p = await resolvePerson(core, required(opts, 'person'))
    Object.assign(f, { personId: p.id, proposingUnitId: proposer?.id ?? unit?.id ?? p.unitId })
  } else if (kind === 'unit') {
    // A unit of the tree, or (with --name) an outside collective proposed by --unit.
    if (name) {
      const by = proposer ?? unit
      if (!by) throw new CliRefusal('USAGE', 'Tập thể ngoài hệ thống cần --unit ĐƠN_VỊ đề xuất.')
      Object.assign(f, { kind: 'outside', name, proposingUnitId: by.id })
    } else {
      if (!unit)
        throw new CliRefusal(
          'USAGE',
          'Thiếu --unit (tập thể điển hình) hoặc --name (tập thể ngoài hệ thống).'
        )
      Object.assign(f, { kind: 'unit', unitId: unit.id, proposingUnitId: proposer?.id ?? unit.id })
    }
  } else if (kind === 'model') {
    if (!name) throw new CliRefusal('USAGE', 'Mô hình cần --name TÊN_MÔ_HÌNH.')
    const by = proposer ?? unit
    if (!by) throw new CliRefusal('USAGE', 'Mô hình cần --unit ĐƠN_VỊ chủ trì.')
    Object.assign(f, { kind: 'model', name, unitId: unit?.id ?? null, proposingUnitId: by.id })
  } else
    throw new CliRefusal('USAGE', `--kind phải là person, unit hoặc model (không phải "${kind}").`)
  const e = await call(core, 'exemplars:create', f)
  printResult(out, e, () => `Đã ghi: ${describe(e)}`)
}

async function list({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await unitOption(core, opts)
  const y = text(opts, 'year')
  const year = y === undefined ? null : await yearOption(core, opts)
  const s = text(opts, 'status')
  const status =
    s === undefined
      ? null
      : (EXEMPLAR_STATUSES.find(
          (x) => x === s || foldVietnamese(EXEMPLAR_STATUS_LABELS[x]) === foldVietnamese(s)
        ) ?? null)
  if (s !== undefined && status === null)
    throw new CliRefusal('USAGE', `--status phải là một trong: ${EXEMPLAR_STATUSES.join(', ')}.`)
  const rows: Exemplar[] = []
  let total = 0
  for (let offset = 0; ; offset += 500) {
    const page = await call(core, 'exemplars:list', {
      unitId: unit?.id ?? null,
      year,
      status: status,
      search: text(opts, 'search') ?? null,
      offset,
      limit: 500
    })
    rows.push(...page.rows)
    total = page.total
    if (rows.length >= total || page.rows.length === 0) break
  }
  printResult(out, { total, rows }, () =>
    total === 0
      ? 'Chưa có điển hình, mô hình nào khớp.'
      : table(
          ['Mã', 'Tên', 'Loại', 'Năm', 'Đơn vị đề xuất', 'Trạng thái'],
          rows.map((e) => [
            String(e.id),
            e.displayName,
            EXEMPLAR_KIND_LABELS[e.kind],
            String(e.year),
            e.proposingUnitName,
            EXEMPLAR_STATUS_LABELS[e.status]
          ])
        )
  )
}

async function awardAdd({ core, out, opts }: CommandContext): Promise<void> {
  const formText = required(opts, 'form')
  const form = parseAwardForm(formText)
  if (!form)
    throw new CliRefusal(
      'USAGE',
      `--form "${formText}" không phải hình thức khen thưởng (${Object.values(AWARD_FORM_LABELS).join(', ')}).`
    )
  const kindText = text(opts, 'kind') ?? 'annual'
  const kind = AWARD_KINDS.find(
    (k) => k === kindText || foldVietnamese(AWARD_KIND_LABELS[k]) === foldVietnamese(kindText)
  )
  if (!kind) throw new CliRefusal('USAGE', `--kind phải là một trong: ${AWARD_KINDS.join(', ')}.`)
  const decided = date(opts, 'date')
  if (!decided || decided.length !== 10)
    throw new CliRefusal('USAGE', 'Thiếu --date dd/mm/yyyy (ngày quyết định, đủ ngày tháng năm).')
  // The issuer is a unit of the tree when its name is one, else an outside body ("UBND tỉnh").
  const issuer = required(opts, 'issuer')
  const unit = await resolveUnit(core, issuer).catch((e: unknown) => {
    if (e instanceof CliRefusal && e.code === 'NOT_FOUND') return null
    throw e
  })
  const ids = required(opts, 'recipients')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (ids.some((x) => !/^\d+$/.test(x)))
    throw new CliRefusal('USAGE', '--recipients là các mã điển hình (số), cách nhau bằng dấu phẩy.')
  const r = await call(core, 'exemplars:createAward', {
    number: required(opts, 'number'),
    date: decided,
    issuerUnitId: unit?.id ?? null,
    issuerName: unit ? null : issuer.trim(),
    form,
    kind,
    occasion: text(opts, 'occasion') ?? null,
    signer: text(opts, 'signer') ?? null,
    recipients: ids.map((x) => ({
      exemplarId: Number(x),
      personId: null,
      unitId: null,
      citation: null
    }))
  })
  printResult(out, r, () =>
    [
      `Đã ghi quyết định số ${r.award.number} (${r.award.issuerDisplay}, ${AWARD_FORM_LABELS[r.award.form].toLowerCase()}): ${r.award.recipients.length} người, tập thể được khen.`,
      ...r.warnings.map((w) => `Cảnh báo: ${w}`)
    ].join('\n')
  )
}

async function awardList({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await unitOption(core, opts)
  const year = text(opts, 'year') === undefined ? null : await yearOption(core, opts)
  const awards = await call(core, 'exemplars:listAwards', { year, unitId: unit?.id ?? null })
  printResult(out, awards, () =>
    awards.length === 0
      ? 'Chưa có quyết định khen thưởng nào.'
      : table(
          ['Mã', 'Số', 'Ngày', 'Cấp', 'Hình thức', 'Số người nhận'],
          awards.map((a) => [
            String(a.id),
            a.number,
            a.date.split('-').reverse().join('/'),
            a.issuerDisplay,
            AWARD_FORM_LABELS[a.form],
            String(a.recipients.length)
          ])
        )
  )
}

async function counts({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const year = await yearOption(core, opts)
  const toYear = text(opts, 'to') ? Number(text(opts, 'to')) : year
  const c = await call(core, 'exemplars:counts', { unitId: unit.id, fromYear: year, toYear })
  const json = rollupJson({
    rows: c.rows.map((r) => ({ ...r, parentId: null, ...r.counts })),
    total: c.total ? { ...c.total, parentId: null, ...c.total.counts } : null
  })
  printResult(out, { fromYear: year, toYear, ...json, byLevel: c.byLevel }, () =>
    [
      `Thi đua & điển hình ${year === toYear ? `năm ${year}` : `${year}–${toYear}`} — ${unit.name}`,
      table(
        ['Đơn vị', 'Cá nhân', 'Tập thể', 'Mô hình', 'MH nhân rộng', 'Được khen'],
        c.rows.map((r) => [
          indentedName({ ...r, parentId: null }),
          String(r.counts.persons),
          String(r.counts.collectives),
          String(r.counts.models),
          String(r.counts.modelsSpread),
          String(
            r.counts.awards_praise +
              r.counts.awards_certificate +
              r.counts.awards_merit +
              r.counts.awards_emblem +
              r.counts.awards_flag
          )
        ])
      ),
      ...(c.byLevel.length ? ['', 'Khen thưởng theo cấp × hình thức:'] : []),
      ...c.byLevel.map(
        (l) =>
          `  ${l.level}: ${Object.entries(l.counts)
            .filter(([, n]) => n > 0)
            .map(([f, n]) => `${AWARD_FORM_LABELS[f as keyof typeof AWARD_FORM_LABELS]} ${n}`)
            .join(', ')}`
      )
    ].join('\n')
  )
}

async function proposals({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const year = await yearOption(core, opts)
  const r = await callWithFile(core, 'exemplars:exportProposals', {
    unitId: unit.id,
    year,
    path: resolve(required(opts, 'out')),
    place: text(opts, 'place')
  })
  printResult(
    out,
    { year, unitId: unit.id, unit: unit.name, ...r },
    () =>
      `Đã lưu danh sách đề nghị khen thưởng năm ${year} của ${unit.name} (${r?.rows ?? 0} dòng) vào ${r?.path}.`
  )
}

function describeImport(p: ProposalImportPreview, dryRun: boolean): string {
  const add = p.rows.filter((r) => r.action === 'add').length
  const lines = [
    `${p.fileName} (trang "${p.sheetName}"), ${p.unitName}: ${dryRun ? 'sẽ thêm' : 'đã thêm'} ${add} đề nghị, ${dryRun ? 'sẽ sửa' : 'đã sửa'} ${p.rows.length - add}, ${p.unchanged} không đổi.`
  ]
  for (const r of p.rows)
    lines.push(
      `  Dòng ${r.row}: ${r.action === 'add' ? 'thêm' : 'sửa'} ${r.name} (${EXEMPLAR_KIND_LABELS[r.kind]})${r.proposedForm ? ` — đề nghị ${AWARD_FORM_LABELS[r.proposedForm].toLocaleLowerCase('vi')}` : ''}${r.changes.length ? ` — ${r.changes.join(', ')}` : ''}`
    )
  for (const n of p.notMatched) lines.push(`  Không nhập dòng ${n.row} (${n.name}): ${n.reason}`)
  for (const i of p.ignored)
    lines.push(
      `  Bỏ qua${i.row ? `, dòng ${i.row}` : ''}${i.column ? `, cột ${i.column}` : ''}: ${i.message}`
    )
  return lines.join('\n')
}

/** The proposal list a chi bộ filled in, back as proposals (preview with --dry-run). */
async function importProposals({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const file = positionals[0]
  if (!file)
    throw new CliRefusal(
      'USAGE',
      'Thiếu tên tệp: exemplars import-proposals TỆP.xlsx --unit ĐƠN_VỊ --year Y [--dry-run].'
    )
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const year = await yearOption(core, opts)
  const dryRun = opts['dry-run'] === true
  const preview = await callWithFile(core, 'exemplars:previewProposals', {
    unitId: unit.id,
    year,
    path: resolve(file)
  })
  if (!preview) throw new CliRefusal('NOT_FOUND', 'Không đọc được tệp.')
  const result = dryRun
    ? preview
    : await call(core, 'exemplars:applyProposals', {
        unitId: unit.id,
        year,
        token: preview.token,
        fingerprint: preview.fingerprint
      })
  printResult(out, { dryRun, year, unitId: unit.id, ...result }, () =>
    describeImport(result, dryRun)
  )
}

export const EXEMPLARS_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'exemplars add': add,
  'exemplars list': list,
  'exemplars counts': counts,
  'exemplars proposals': proposals,
  'exemplars import-proposals': importProposals,
  'awards add': awardAdd,
  'awards list': awardList
}

export const EXEMPLARS_USAGE = `  exemplars add --kind person|unit|model --year Y [--person MÃ|SỐ_THẺ] [--unit ĐƠN_VỊ] [--name TÊN]
                [--achievement THÀNH_TÍCH] [--field LĨNH_VỰC] [--since NĂM] [--proposer ĐƠN_VỊ]
                [--propose "bằng khen"]            (hình thức đề nghị)
                                                   Ghi điển hình (cá nhân, tập thể) hoặc mô hình
  exemplars list [--unit ĐƠN_VỊ] [--year Y] [--status proposed|recognised|rewarded|spread] [--search CHỮ]
  exemplars counts --unit ĐƠN_VỊ [--year Y] [--to Y2]  Số điển hình, mô hình, khen thưởng theo đơn vị (cộng dồn)
  exemplars proposals --unit ĐƠN_VỊ --out TỆP.xlsx [--year Y] [--place ĐỊA_DANH]
                                                   Danh sách đề nghị khen thưởng (mẫu gửi cấp trên)
  exemplars import-proposals TỆP.xlsx --unit ĐƠN_VỊ [--year Y] [--dry-run]
                                                   Nhập lại danh sách đề nghị chi bộ đã điền (xem trước với --dry-run)
  awards add --number SỐ --date dd/mm/yyyy --issuer CẤP --form "giấy khen" --recipients MÃ,MÃ…
             [--kind annual|five_year|ad_hoc|thematic] [--occasion DỊP] [--signer NGƯỜI_KÝ]
                                                   Ghi quyết định khen thưởng (cảnh báo vượt thẩm quyền, khen trùng)
  awards list [--year Y] [--unit ĐƠN_VỊ]`
