// `backup` and `check`: a verified backup now, and the integrity check of the data file.
import type { CommandContext } from './commands'
import { call } from './dispatch'
import { CliRefusal, printResult } from './output'

async function backup({ core, out }: CommandContext): Promise<void> {
  const b = await call(core, 'backup:create', { reason: 'manual' })
  printResult(
    out,
    b,
    () => `Đã sao lưu và kiểm tra: ${b.path} (${Math.round(b.sizeBytes / 1024)} KB).`
  )
}

async function check({ core, out }: CommandContext): Promise<void> {
  const r = await call(core, 'db:check', null)
  printResult(out, r, () =>
    r.ok ? 'Tệp dữ liệu toàn vẹn.' : `Tệp dữ liệu có lỗi:\n${r.problems.join('\n')}`
  )
  if (!r.ok) throw new CliRefusal('DB_CORRUPT', 'Tệp dữ liệu không toàn vẹn.')
}

export const BACKUP_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  backup,
  check
}

export const BACKUP_USAGE = `  backup                                           Sao lưu và kiểm tra bản sao
  check                                            Kiểm tra toàn vẹn tệp dữ liệu`
