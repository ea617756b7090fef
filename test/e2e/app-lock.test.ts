// The password and the app lock, end to end with the real core: set a password under Dữ liệu &
// sao lưu (the recovery key shown once), lock, see the lock screen instead of every section, be
// refused a wrong password without the file changing, open with the password, then with the
// recovery key; and a second start on the same data folder begins locked.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openApp, screenshot } from './harness/browser'
import { startHarness } from './harness/server'
import { useApp } from './harness/use-app'
import { AppPage } from './pages/app-page'

const PASSWORD = 'Mật khẩu chi bộ 2026'
const UNIT = 'Đảng ủy xã Tân Lập'

const e2e = useApp(async (harness) => {
  await harness.call('units:create', { parentId: null, name: UNIT, level: 'Đảng ủy cơ sở' })
})

/** The data file and its -wal, as bytes: what someone who copies them would read. */
function fileBytes(dbPath: string): Buffer {
  const wal = `${dbPath}-wal`
  return Buffer.concat([
    readFileSync(dbPath),
    existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)
  ])
}

const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex')

class LockPage extends AppPage {
  async unlockWith(secret: string): Promise<void> {
    await this.input('lock-secret').fill(secret)
    await this.byTestId('lock-open').click()
  }
}

let recoveryKey = ''

describe('password and app lock, end to end', () => {
  it('sets a password under Dữ liệu & sao lưu and shows the recovery key once', async () => {
    const app = new AppPage(e2e.page)
    await app.go('data')
    await app.byTestId('password-panel').waitFor()
    expect(fileBytes(e2e.harness.core.dbPath).includes(Buffer.from(UNIT))).toBe(true)

    await app.byTestId('password-set').click()
    await app.input('password-next').fill(PASSWORD)
    await app.input('password-confirm').fill(`${PASSWORD}x`)
    await app.page.getByText('Hai lần nhập mật khẩu mới không khớp.').waitFor()
    await screenshot(e2e.page, 'lock-00-dat-mat-khau')
    // Enter in the last field sends the form, as in every dialog.
    await app.input('password-confirm').fill(PASSWORD)
    await app.input('password-confirm').press('Enter')
    const shown = app.byTestId('recovery-key')
    await shown.waitFor()
    recoveryKey = (await shown.innerText()).trim()
    expect(recoveryKey).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){5}$/)
    await screenshot(e2e.page, 'lock-01-khoa-khoi-phuc')
    await app.byTestId('recovery-done').click()
    await app.waitText('password-state', 'được mã hóa')

    // The file and its -wal no longer show the unit's name; the key file sits beside them.
    expect(fileBytes(e2e.harness.core.dbPath).includes(Buffer.from(UNIT))).toBe(false)
    expect(existsSync(e2e.harness.core.dbPath.replace(/\.sqlite$/, '.key.json'))).toBe(true)
  })

  it('locks: the lock screen replaces every section and the core refuses', async () => {
    const app = new LockPage(e2e.page)
    await app.byTestId('lock-now').click()
    await app.byTestId('lock-screen').waitFor()
    expect(await app.byTestId('nav-data').count()).toBe(0)
    const refused = await e2e.harness.core.dispatch('units:list', { includeRetired: false })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('LOCKED')
    await screenshot(e2e.page, 'lock-02-man-hinh-khoa')
  })

  it('refuses a wrong password without touching the file', async () => {
    const app = new LockPage(e2e.page)
    const before = digest(fileBytes(e2e.harness.core.dbPath))
    await app.unlockWith('mat khau sai 123')
    await app.waitText('lock-error', 'Mật khẩu hoặc khóa khôi phục không đúng.')
    await screenshot(e2e.page, 'lock-03-sai-mat-khau')
    expect(await app.byTestId('lock-screen').isVisible()).toBe(true)
    expect(digest(fileBytes(e2e.harness.core.dbPath))).toBe(before)
  })

  it('opens with the password, and the data is there', async () => {
    const app = new LockPage(e2e.page)
    await app.unlockWith(PASSWORD)
    await app.byTestId('lock-screen').waitFor({ state: 'hidden' })
    await app.go('units')
    await app.byTestId(`units-node-${UNIT}`).waitFor()
  })

  it('opens with the recovery key, typed in lower case', async () => {
    const app = new LockPage(e2e.page)
    await app.go('data')
    await app.byTestId('lock-now').click()
    await app.byTestId('lock-screen').waitFor()
    await app.unlockWith(recoveryKey.toLowerCase())
    await app.byTestId('lock-screen').waitFor({ state: 'hidden' })
    await app.byTestId('password-panel').waitFor()
    expect(e2e.errors).toEqual([])
  })

  it('starts locked on the next start, and opens with the password', async () => {
    // The first core closes its file when locked, as the app does before quitting.
    await new LockPage(e2e.page).byTestId('lock-now').click()
    await e2e.page.locator('[data-testid="lock-screen"]').waitFor()
    const second = await startHarness({ dataDir: e2e.harness.dataDir })
    try {
      expect(second.core.ctx.lock.locked).toBe(true)
      const { page, errors } = await openApp(e2e.browser, second)
      const app = new LockPage(page)
      await app.byTestId('lock-screen').waitFor()
      await app.unlockWith(PASSWORD)
      await app.go('units')
      await app.byTestId(`units-node-${UNIT}`).waitFor()
      expect(errors).toEqual([])
      await page.context().close()
    } finally {
      await second.close()
    }
  })
})
