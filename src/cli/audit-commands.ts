// `audit list`: the audit log, newest first, over the same channel as the screen.
import type { AuditEntry } from '../shared/api'
import { AUDIT_ACTION_LABELS } from '../shared/labels'
import { displayDateTime } from '../shared/partial-date'
import { date } from './args'
import type { CommandContext } from './commands'
import { call } from './dispatch'
import { CliRefusal, printResult, table } from './output'

/** A whole day for the filter (the log is filtered by days). */
function day(opts: CommandContext['opts'], name: string): string | null {
  const d = date(opts, name)
  if (d !== null && d.length !== 10)
    throw new CliRefusal('VALIDATION', `--${name}: hãy ghi đủ ngày, tháng, năm (dd/mm/yyyy).`)
  return d
}

async function auditList({ core, out, opts }: CommandContext): Promise<void> {
  const filter = { from: day(opts, 'from'), to: day(opts, 'to') }
  const entries: AuditEntry[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await call(core, 'audit:list', { ...filter, offset, limit: 500 })
    entries.push(...page.rows)
    if (entries.length >= page.total || page.rows.length === 0) break
  }
  printResult(
    out,
    entries,
    () =>
      table(
        ['Thời gian', 'Thao tác', 'Nội dung'],
        entries.map((e) => [displayDateTime(e.at), AUDIT_ACTION_LABELS[e.action], e.description])
      ) + `\n${entries.length} mục.`
  )
}

export const AUDIT_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'audit list': auditList
}

export const AUDIT_USAGE = `  audit list [--from NGÀY] [--to NGÀY]             Nhật ký thao tác trên dữ liệu (mới nhất trước)`
