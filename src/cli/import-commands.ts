// `import members FILE`: the same importer the app's wizard uses, through the same dispatch:
// open, then commit (or, with --dry-run, a commit that writes nothing), then close. Prints what
// was (or would be) created, updated, left unchanged and skipped, with every problem by sheet,
// row and column.
import { resolve } from 'node:path'
import type { ImportProblem, ImportSummary, ImportUnitPlan } from '../shared/api'
import { importProblemText } from '../shared/labels'
import type { CommandContext } from './commands'
import { call, callWithFile, unitOption } from './dispatch'
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

/**
 * The CLI's words for what the wizard asks on screen: an import held back because units are not
 * chosen names the option that chooses them (--parent for units the file names, --unit for people
 * whose unit it does not name).
 */
function blockedMessage(
  units: ImportUnitPlan[],
  hasParent: boolean,
  hasUnit: boolean
): string | null {
  const parts: string[] = []
  const unnamed = units.find((u) => u.action === 'unresolved' && u.name === null)
  if (unnamed && !hasUnit)
    parts.push(
      `Tệp không ghi đơn vị của ${unnamed.rows} người: hãy dùng --unit ĐƠN_VỊ để nhập họ vào đơn vị đó.`
    )
  const missing = units.filter(
    (u) => u.action === 'unresolved' && u.name !== null && u.message?.startsWith('Chưa có đơn vị')
  )
  if (missing.length > 0 && !hasParent) {
    const names = missing.map((u) => `"${u.name}"`).join(', ')
    parts.push(
      `Chưa có đơn vị ${names}: hãy dùng --parent ĐƠN_VỊ_CẤP_TRÊN để tạo mới dưới đơn vị đó (đơn vị đã có sẵn dưới nó thì nhập vào đơn vị có sẵn).`
    )
  }
  return parts.length > 0 ? `Chưa nhập được: ${parts.join(' ')}` : null
}

async function importMembersCommand({
  core,
  out,
  opts,
  positionals
}: CommandContext): Promise<void> {
  const file = positionals[0]
  if (!file)
    throw new CliRefusal(
      'USAGE',
      'Thiếu tên tệp: import members TỆP [--parent ĐƠN_VỊ] [--unit ĐƠN_VỊ] [--dry-run].'
    )
  const dryRun = opts['dry-run'] === true
  // The wizard's two choices. --parent: units the file names (by a column, a sheet or a title row)
  // are found under it or created under it. --unit: people whose unit the file does not name go
  // there (as in the wizard, it also wins over a unit named only by a sheet or a title); without
  // --parent it is also the parent of the units to create.
  const parentUnitId = (await unitOption(core, opts, 'parent'))?.id ?? null
  const unitId = (await unitOption(core, opts))?.id ?? null
  const opened = await callWithFile(core, 'import:open', { path: resolve(file) })
  if (!opened) throw new CliRefusal('NOT_FOUND', 'Chưa chọn tệp.')
  const choices = { sessionId: opened.sessionId, unitId, parentUnitId }
  let summary: ImportSummary
  try {
    summary = await call(core, 'import:commit', { ...choices, dryRun })
  } catch (e) {
    // Only a refused import pays for a preview: it tells which option would let it through.
    if (e instanceof CliRefusal && e.code === 'IMPORT_BLOCKED') {
      const preview = await call(core, 'import:preview', { ...choices, limit: 1 })
      const message = blockedMessage(preview.units, parentUnitId !== null, unitId !== null)
      if (message) throw new CliRefusal(e.code, message)
    }
    throw e
  } finally {
    // A commit closes its session itself; a dry run or a refusal leaves it open.
    await core.dispatch('import:close', { sessionId: opened.sessionId })
  }
  printResult(out, { dryRun, ...summary }, () => describe(summary, dryRun))
}

export const IMPORT_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'import members': importMembersCommand
}

export const IMPORT_USAGE = `  import members TỆP [--parent ĐƠN_VỊ] [--unit ĐƠN_VỊ] [--dry-run]
                                                    Nhập danh sách từ .xlsx/.csv (--dry-run: chỉ xem trước)
      --parent ĐƠN_VỊ   chi bộ tệp ghi (cột "Chi bộ", tên trang tính, dòng tiêu đề) được tìm hoặc tạo dưới đơn vị này
      --unit ĐƠN_VỊ     người tệp không ghi chi bộ vào đơn vị này (thắng tên ghi ở trang tính/tiêu đề)`
