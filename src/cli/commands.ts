// The command registry: every `<domain>-commands.ts` adds its commands and its lines of usage
// here. Each command turns options into one or more dispatch calls, the same ones the app makes.
import type { Core } from '../core/index'
import type { Options } from './args'
import type { Out } from './output'
import { UNITS_COMMANDS, UNITS_USAGE } from './units-commands'
import { PEOPLE_COMMANDS, PEOPLE_USAGE } from './people-commands'
import { BACKUP_COMMANDS, BACKUP_USAGE } from './backup-commands'
import { STUDY_COMMANDS, STUDY_USAGE } from './study-commands'
import { IMPORT_COMMANDS, IMPORT_USAGE } from './import-commands'
import { COMMITMENTS_COMMANDS, COMMITMENTS_USAGE } from './commitments-commands'
import { EVALUATION_COMMANDS, EVALUATION_USAGE } from './evaluation-commands'
import { EXEMPLARS_COMMANDS, EXEMPLARS_USAGE } from './exemplars-commands'
import { PROPAGANDA_COMMANDS, PROPAGANDA_USAGE } from './propaganda-commands'
import { REPORTS_COMMANDS, REPORTS_USAGE } from './reports-commands'
import { AUDIT_COMMANDS, AUDIT_USAGE } from './audit-commands'
import { SECURITY_COMMANDS, SECURITY_USAGE } from './security-commands'
import { INSPECTIONS_COMMANDS, INSPECTIONS_USAGE } from './inspections-commands'

export interface CommandContext {
  core: Core
  out: Out
  opts: Options
  positionals: string[]
}

export const COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  ...UNITS_COMMANDS,
  ...PEOPLE_COMMANDS,
  ...BACKUP_COMMANDS,
  ...STUDY_COMMANDS,
  ...IMPORT_COMMANDS,
  ...COMMITMENTS_COMMANDS,
  ...EVALUATION_COMMANDS,
  ...EXEMPLARS_COMMANDS,
  ...PROPAGANDA_COMMANDS,
  ...REPORTS_COMMANDS,
  ...AUDIT_COMMANDS,
  ...SECURITY_COMMANDS,
  ...INSPECTIONS_COMMANDS
}

export const USAGE = `Cách dùng: npm run cli -- <lệnh> [tùy chọn] [--db TỆP] [--json]

Lệnh:
${UNITS_USAGE}
${PEOPLE_USAGE}
${BACKUP_USAGE}
${STUDY_USAGE}
${IMPORT_USAGE}
${COMMITMENTS_USAGE}
${EVALUATION_USAGE}
${EXEMPLARS_USAGE}
${PROPAGANDA_USAGE}
${REPORTS_USAGE}
${AUDIT_USAGE}
${SECURITY_USAGE}
${INSPECTIONS_USAGE}

ĐƠN_VỊ là tên (không phân biệt hoa thường, dấu) hoặc mã số của đơn vị.
Dữ liệu có mật khẩu: mật khẩu lấy từ biến môi trường CD05_PASSWORD, hoặc được hỏi (không hiện chữ gõ).
--json: in kết quả dạng JSON cho script; lỗi trả mã thoát 2 với {"error":{"code","message"}}.`
