// The idle auto-lock, end to end with the real core on an encrypted data file: the idle time is
// chosen on the page (5 minutes, its shortest), the page's clock is Playwright's (so minutes pass
// at once, through the app's own timers and Date, not a test switch in the app); use of the page
// keeps it open; after the idle time the lock screen replaces every section, nothing of the data
// is left on the page, and the core refuses the page's calls; a wrong password is refused in
// Vietnamese and the right one opens it again.
import { describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { AppPage } from './pages/app-page'
import { personInput } from '../helpers/core'

const PASSWORD = 'Khóa sau 5 phút!'
const UNIT = 'Chi bộ ấp Tân Phú'
const PERSON = 'Võ Thị Hạnh'
const CCCD = '079190001234'

const e2e = useApp(async (harness) => {
  const unit = await harness.call('units:create', { parentId: null, name: UNIT, level: 'Chi bộ' })
  await harness.call(
    'people:create',
    personInput(unit.id, { fullName: PERSON, partyCardNumber: '01000001', nationalId: CCCD })
  )
  // Set as the page would (the password panel's own E2E is app-lock.test.ts): the file is
  // encrypted from here on and the core stays open until something locks it.
  await harness.call('app:setPassword', { next: PASSWORD })
})

/** What a call from the page itself gets back (the page's own bridge, window.api). */
async function callFromPage(channel: string, input: unknown): Promise<unknown> {
  return e2e.page.evaluate(
    ([c, i]) => (window as unknown as { api: Record<string, (x: unknown) => unknown> }).api[c](i),
    [channel, input] as const
  )
}

describe('the app locks itself after the idle time', () => {
  it('keeps the data open while the page is used, for less than the idle time', async () => {
    const app = new AppPage(e2e.page)
    // The page's clock is Playwright's from the next load on; it runs as usual until moved on.
    await e2e.page.clock.install()
    await e2e.page.reload()
    await app.go('data')
    await app.byTestId('idle-minutes').click()
    await app.pickOption('5 phút')
    await app.waitText('idle-minutes', '5 phút')

    await app.go('people')
    await app.waitText('people-total', '1')
    await app.byTestId('people-row').first().waitFor()
    expect(await e2e.page.locator('body').innerText()).toContain(PERSON)

    // 4 minutes, a move of the mouse, 4 more: 8 minutes open, never 5 without use.
    await e2e.page.clock.fastForward('04:00')
    await e2e.page.mouse.move(400, 300, { steps: 3 })
    await e2e.page.clock.fastForward('04:00')
    await e2e.page.waitForTimeout(300)
    expect(await app.byTestId('lock-screen').count()).toBe(0)
    expect(await app.byTestId('people-row').count()).toBeGreaterThan(0)
  })

  it('after 5 minutes without use: the lock screen, no data on the page, the core refuses', async () => {
    const app = new AppPage(e2e.page)
    await e2e.page.clock.fastForward('01:05')
    await app.byTestId('lock-screen').waitFor({ timeout: 10_000 })
    expect(await app.byTestId('nav-people').count()).toBe(0)
    expect(await app.byTestId('people-row').count()).toBe(0)
    const text = await e2e.page.locator('body').innerText()
    for (const secret of [PERSON, CCCD, UNIT]) expect(text).not.toContain(secret)
    expect(await e2e.page.content()).not.toContain(CCCD)

    // The page's own bridge gets nothing: every channel but the lock's refuses.
    const people = (await callFromPage('people:list', {
      unitId: null,
      includeSubunits: true
    })) as { ok: boolean; error?: { code: string; message: string } }
    expect(people.ok).toBe(false)
    expect(people.error?.code).toBe('LOCKED')
    expect(people.error?.message).toBe(
      'Dữ liệu đang được khóa. Hãy nhập mật khẩu (hoặc khóa khôi phục) để mở.'
    )
    const units = (await callFromPage('units:list', { includeRetired: false })) as { ok: boolean }
    expect(units.ok).toBe(false)
    expect(e2e.harness.core.ctx.lock.locked).toBe(true)
    await screenshot(e2e.page, 'idle-lock-01-tu-khoa')
  })

  it('refuses a wrong password in Vietnamese, then opens with the right one', async () => {
    const app = new AppPage(e2e.page)
    await app.input('lock-secret').fill('khong dung 1')
    await app.byTestId('lock-open').click()
    await app.waitText('lock-error', 'Mật khẩu hoặc khóa khôi phục không đúng.')
    await screenshot(e2e.page, 'idle-lock-02-sai-mat-khau')
    expect(await app.byTestId('lock-screen').isVisible()).toBe(true)
    expect(e2e.harness.core.ctx.lock.locked).toBe(true)

    await app.input('lock-secret').fill(PASSWORD)
    await app.byTestId('lock-open').click()
    await app.byTestId('lock-screen').waitFor({ state: 'hidden' })
    await app.go('people')
    await app.byTestId('people-row').first().waitFor()
    expect(await e2e.page.locator('body').innerText()).toContain(PERSON)
    // The chosen idle time is kept in the data file and holds after unlocking.
    await app.go('data')
    await app.waitText('idle-minutes', '5 phút')
    expect(e2e.errors).toEqual([])
  })
})
