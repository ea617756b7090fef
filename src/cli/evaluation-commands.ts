// `evaluation …` commands: the year-end rating sheet of a unit, exported as the party-format
// .xlsx that goes down the tree, and imported back once a chi bộ has filled it.
import { resolve } from 'node:path'
import type {
  EvaluationCounts,
  EvaluationImportPreview,
  EvaluationImportResult
} from '../shared/api'
import { RATING_LEVELS } from '../shared/api'
import { RATING_STAGE_LABELS } from '../shared/labels'
import { formatPercent } from '../shared/numbers'
import { required, text } from './args'
import type { CommandContext } from './commands'
import { call, callWithFile, resolveUnit, yearOption } from './dispatch'
import { CliRefusal, printResult, table } from './output'

async function exportSheet({ core, out, opts }: CommandContext): Promise<void> {
  const year = await yearOption(core, opts)
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const file = resolve(required(opts, 'out'))
  const r = await callWithFile(core, 'evaluation:export', {
    year,
    unitId: unit.id,
    path: file,
    place: text(opts, 'place')
  })
  printResult(
    out,
    { year, unitId: unit.id, unit: unit.name, ...r },
    () =>
      `Đã lưu bảng tổng hợp xếp loại năm ${year} của ${unit.name} (${r?.rows ?? 0} đảng viên) vào ${r?.path}.`
  )
}

function describeImport(
  p: EvaluationImportPreview | EvaluationImportResult,
  dryRun: boolean
): string {
  const lines = [
    `${dryRun ? 'Thử (chưa ghi gì)' : 'Đã nhập'}: ${p.fileName} (trang "${p.sheetName}")`,
    `  Thay đổi: ${p.changes.length} người; không đổi: ${p.unchanged}; không khớp: ${p.notMatched.length}; bỏ qua: ${p.ignored.length}`
  ]
  if ('backup' in p && p.backup) lines.push(`  Đã sao lưu trước khi nhập: ${p.backup}`)
  for (const c of p.changes) {
    lines.push(
      `  Dòng ${c.row} ${c.fullName} (${c.unitName}): ${c.fields.map((f) => `${f.label} ${f.from ?? '(trống)'} → ${f.to ?? '(trống)'}`).join('; ')}`
    )
  }
  for (const n of p.notMatched) lines.push(`  Không khớp, dòng ${n.row} "${n.name}": ${n.reason}`)
  for (const i of p.ignored)
    lines.push(
      `  Bỏ qua${i.row ? `, dòng ${i.row}` : ''}${i.column ? `, cột ${i.column}` : ''}: ${i.message}`
    )
  return lines.join('\n')
}

async function importSheet({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const file = positionals[0]
  if (!file)
    throw new CliRefusal('USAGE', 'Thiếu tên tệp: evaluation import TỆP.xlsx --year Y [--dry-run].')
  const year = await yearOption(core, opts)
  const dryRun = opts['dry-run'] === true
  const preview = await callWithFile(core, 'evaluation:previewImport', {
    year,
    path: resolve(file)
  })
  if (!preview) throw new CliRefusal('NOT_FOUND', 'Không đọc được tệp.')
  const result = dryRun
    ? preview
    : await call(core, 'evaluation:applyImport', {
        year,
        token: preview.token,
        fingerprint: preview.fingerprint
      })
  printResult(
    out,
    {
      dryRun,
      year,
      fileName: result.fileName,
      sheetName: result.sheetName,
      changed: result.changes,
      unchanged: result.unchanged,
      notMatched: result.notMatched,
      ignored: result.ignored,
      backup: 'backup' in result ? result.backup : null
    },
    () => describeImport(result, dryRun)
  )
}

const cell = (c: EvaluationCounts, l: (typeof RATING_LEVELS)[number]) =>
  `${c.levels[l]}${c.percents[l] === null ? '' : ` (${formatPercent(c.percents[l])})`}`

async function totals({ core, out, opts }: CommandContext): Promise<void> {
  const year = await yearOption(core, opts)
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const s = await call(core, 'evaluation:sheet', { year, unitId: unit.id })
  const stages = ['self', 'proposed', 'decided'] as const
  printResult(
    out,
    {
      year,
      unit: s.unit,
      ruleSet: s.ruleSet?.name ?? null,
      totals: s.totals,
      groups: s.groups,
      quota: s.quota
    },
    () =>
      [
        `Xếp loại năm ${year} — ${s.unit.name}${s.ruleSet ? ` (theo ${s.ruleSet.name})` : ''}: ${s.totals.self.total} đảng viên`,
        table(
          ['Mức', ...stages.map((x) => RATING_STAGE_LABELS[x])],
          [
            ...RATING_LEVELS.map((l) => [l, ...stages.map((x) => cell(s.totals[x], l))]),
            ['Không xếp loại', ...stages.map((x) => String(s.totals[x].notRated))],
            ['Chưa ghi', ...stages.map((x) => String(s.totals[x].blank))]
          ]
        ),
        ...s.quota.filter((q) => q.over).map((q) => `Cảnh báo: ${q.message}`)
      ].join('\n')
  )
}

export const EVALUATION_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'evaluation export': exportSheet,
  'evaluation import': importSheet,
  'evaluation totals': totals
}

export const EVALUATION_USAGE = `  evaluation totals --unit ĐƠN_VỊ [--year Y]         Số lượng, tỷ lệ từng mức xếp loại; cảnh báo vượt tỷ lệ
  evaluation export --unit ĐƠN_VỊ --out TỆP.xlsx [--year Y] [--place ĐỊA_DANH]
                                                   Bảng tổng hợp kết quả xếp loại (mẫu gửi cấp trên)
  evaluation import TỆP.xlsx [--year Y] [--dry-run]  Nhập lại bảng chi bộ đã điền (chỉ xếp loại và ghi chú)`
