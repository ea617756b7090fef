// The command line with a password: set with `security set-password` (the new password from
// CD05_NEW_PASSWORD, the recovery key printed once), then every command needs CD05_PASSWORD
// (stdin is not a terminal here, so there is no prompt to wait on), and a wrong one is refused.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'
import { tempDir } from '../../helpers/core'

let db: string
beforeEach(() => {
  db = join(tempDir(), 'chuyen-de.sqlite')
  delete process.env.CD05_PASSWORD
  delete process.env.CD05_NEW_PASSWORD
})
afterEach(() => {
  delete process.env.CD05_PASSWORD
  delete process.env.CD05_NEW_PASSWORD
})

describe('CLI with a password', () => {
  it('sets the password, then works only with CD05_PASSWORD', async () => {
    expect(
      (await cli('units', 'add', '--name', 'Chi bộ Mật', '--level', 'Chi bộ', '--db', db)).code
    ).toBe(0)
    process.env.CD05_NEW_PASSWORD = 'mật khẩu dòng lệnh'
    const set = await cli('security', 'set-password', '--db', db, '--json')
    expect(set.code).toBe(0)
    const { recoveryKey } = JSON.parse(set.stdout) as { recoveryKey: string }
    expect(recoveryKey).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){5}$/)
    expect(readFileSync(db).includes(Buffer.from('Chi bộ Mật'))).toBe(false)

    const noPassword = await cli('units', 'list', '--db', db, '--json')
    expect(noPassword.code).toBe(2)
    expect(JSON.parse(noPassword.stdout || noPassword.stderr).error.code).toBe('PASSWORD_NEEDED')

    process.env.CD05_PASSWORD = 'sai mật khẩu'
    const wrong = await cli('units', 'list', '--db', db, '--json')
    expect(wrong.code).toBe(2)
    expect(JSON.parse(wrong.stdout || wrong.stderr).error.code).toBe('WRONG_PASSWORD')

    process.env.CD05_PASSWORD = 'mật khẩu dòng lệnh'
    const ok = await cli('units', 'list', '--db', db)
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('Chi bộ Mật')

    // The recovery key opens it too, and removing the password leaves a plain file.
    process.env.CD05_PASSWORD = recoveryKey
    expect((await cli('security', 'remove-password', '--db', db)).code).toBe(0)
    delete process.env.CD05_PASSWORD
    const plain = await cli('units', 'list', '--db', db)
    expect(plain.code).toBe(0)
    expect(plain.stdout).toContain('Chi bộ Mật')
  })
})
