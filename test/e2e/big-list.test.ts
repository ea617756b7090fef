// 50,000 people: the list opens at once, keeps only the visible rows in the page, and reaches
// the last person by scrolling (pages are fetched as they come into view).
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTree } from '../../bench/fixtures'
import { launch, openApp, screenshot } from './harness/browser'
import { rendererBuilt, startHarness, type Harness } from './harness/server'
import { PeoplePage } from './pages/app-page'

let harness: Harness
let browser: Browser
let page: Page
let errors: string[]

beforeAll(async () => {
  if (!rendererBuilt()) throw new Error('out/renderer is missing: run `npx electron-vite build` (npm test does it first).')
  harness = await startHarness()
  buildTree(harness.core.ctx.db, 10, 40, 50_000)
  browser = await launch()
  ;({ page, errors } = await openApp(browser, harness))
})

afterAll(async () => {
  await browser?.close()
  await harness?.close()
})

describe('a list of 50,000 people', () => {
  it('renders only what is visible and scrolls to the end', async () => {
    const people = new PeoplePage(page)
    await people.go('people')
    await people.waitForTotal(50_000)
    await people.rows().first().waitFor()
    const rendered = await page.locator('[data-testid="people-row"], [data-testid="people-row-pending"]').count()
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(200)

    // Scroll the virtual list to its end: the last row's STT must become 50.000-th.
    await page.evaluate(() => {
      // ElTableV2's scrolling element is the first child of its body wrapper.
      const scroller = document.querySelector('[data-testid="people-table"] .el-table-v2__body')?.firstElementChild as HTMLElement | null
      scroller?.scrollTo({ top: scroller.scrollHeight })
    })
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="people-row"]')].some((r) => r.textContent?.trim().startsWith('50000'))
    )
    await screenshot(page, '11-nguoi-50000')

    await people.search('nguyen van dung')
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="people-total"]')?.getAttribute('data-total')) < 50_000)
    expect(await people.total()).toBeGreaterThan(0)
    expect(errors).toEqual([])
  })
})
