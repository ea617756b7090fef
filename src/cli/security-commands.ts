// `security set-password` and `security remove-password`: the password that encrypts the data
// file. The current password comes from CD05_PASSWORD (or a prompt), the new one from
// CD05_NEW_PASSWORD (or a prompt); the recovery key is printed once.
import type { CommandContext } from './commands'
import { call } from './dispatch'
import { printResult } from './output'
import { readSecret } from './secret-prompt'

async function setPassword({ core, out }: CommandContext): Promise<void> {
  const state = await call(core, 'app:lockState', null)
  const current = state.passwordSet
    ? await readSecret('CD05_PASSWORD', 'Mật khẩu hiện tại: ')
    : undefined
  const next = await readSecret('CD05_NEW_PASSWORD', 'Mật khẩu mới: ')
  const r = await call(core, 'app:setPassword', { current, next })
  printResult(
    out,
    { recoveryKey: r.recoveryKey },
    () =>
      `Đã đặt mật khẩu; tệp dữ liệu và các bản sao lưu từ nay được mã hóa.\n` +
      `Khóa khôi phục (chỉ hiện một lần, hãy in ra và cất giữ): ${r.recoveryKey}\n` +
      'Mất cả mật khẩu lẫn khóa khôi phục thì mất dữ liệu: không ai mở lại được.'
  )
}

async function removePassword({ core, out }: CommandContext): Promise<void> {
  const current = await readSecret('CD05_PASSWORD', 'Mật khẩu hiện tại: ')
  const r = await call(core, 'app:removePassword', { current })
  printResult(out, r, () => 'Đã bỏ mật khẩu; tệp dữ liệu không còn được mã hóa.')
}

export const SECURITY_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'security set-password': setPassword,
  'security remove-password': removePassword
}

export const SECURITY_USAGE = `  security set-password                            Đặt hoặc đổi mật khẩu (CD05_PASSWORD, CD05_NEW_PASSWORD)
  security remove-password                         Bỏ mật khẩu, giải mã tệp dữ liệu (CD05_PASSWORD)`
