// `import members FILE`: the same importer the app's wizard uses, through the same dispatch:
// open, then commit (or, with --dry-run, a commit that writes nothing), then close. Prints what
// was (or would be) created, updated, left unchanged and skipped, with every problem by sheet,
// row and column.
import { resolve } from 'node:path'
import type { ImportProblem, ImportSummary } from '../shared/api'
import { importProblemText } from '../shared/labels'
import type { CommandContext } from './commands'
import { call, unitOption } from './dispatch'
import { CliRefusal, printResult } from './output'

function problemLine(p: ImportProblem): string {
  const where = `${p.sheet}, dòng ${p.row}${p.column ? `, cột ${p.column}` : ''}`
  return `  ${importProblemText(p, where)}`
}

function describe(s: ImportSummary, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Thử (chưa ghi gì)' : 'Đã nhập'}: ${s.fileName}`,
    `  Thêm mới: ${s.created}; cập nhật: ${s.updated}; không đổi: ${s.unchanged}; bỏ qua: ${s.skipped}; đơn vị mới: ${s.unitsCreated}`
  ]
  if (s.backup) lines.push(`  Đã sao lưu trước khi nhập: ${s.backup}`)
  lines.push(...s.errors.map(problemLine), ...s.warnings.map(problemLine))
  return lines.join('\n')
}

async function importMembersCommand({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const file = positionals[0]
  if (!file) throw new CliRefusal('USAGE', 'Thiếu tên tệp: import members TỆP [--unit ĐƠN_VỊ] [--dry-run].')
  const dryRun = opts['dry-run'] === true
  // Rows whose unit the file does not name go to --unit, and chi bộ named in the file that do not
  // exist yet are made under it.
  const unitId = (await unitOption(core, opts))?.id ?? null
  const opened = await call(core, 'import:open', { path: resolve(file) })
  if (!opened) throw new CliRefusal('NOT_FOUND', 'Chưa chọn tệp.')
  let summary: ImportSummary
  try {
    summary = await call(core, 'import:commit', { sessionId: opened.sessionId, unitId, parentUnitId: unitId, dryRun })
  } finally {
    // A commit closes its session itself; a dry run or a refusal leaves it open.
    await core.dispatch('import:close', { sessionId: opened.sessionId })
  }
  printResult(out, { dryRun, ...summary }, () => describe(summary, dryRun))
}

export const IMPORT_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'import members': importMembersCommand
}

export const IMPORT_USAGE = `  import members TỆP [--unit ĐƠN_VỊ] [--dry-run]    Nhập danh sách từ .xlsx/.csv (--dry-run: chỉ xem trước)`
