// 50,000 people: the list opens at once, keeps only the visible rows in the page, and reaches
// the last person by scrolling (pages are fetched as they come into view).
import { describe, expect, it } from 'vitest'
import { buildTree } from '../../bench/fixtures'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { PeoplePage } from './pages/app-page'

const e2e = useApp((harness) => {
  buildTree(harness.core.ctx.db, 10, 40, 50_000)
})

describe('a list of 50,000 people', () => {
  it('renders only what is visible and scrolls to the end', async () => {
    const people = new PeoplePage(e2e.page)
    await people.go('people')
    await people.waitForTotal(50_000)
    await people.rows().first().waitFor()
    const rendered = await e2e.page
      .locator('[data-testid="people-row"], [data-testid="people-row-pending"]')
      .count()
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(200)

    // Scroll the virtual list to its end: the last row's STT must become 50.000-th.
    await e2e.page.evaluate(() => {
      // ElTableV2's scrolling element is the first child of its body wrapper.
      const scroller = document.querySelector('[data-testid="people-table"] .el-table-v2__body')
        ?.firstElementChild as HTMLElement | null
      scroller?.scrollTo({ top: scroller.scrollHeight })
    })
    await e2e.page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="people-row"]')].some((r) =>
        r.textContent?.trim().startsWith('50000')
      )
    )
    await screenshot(e2e.page, '11-nguoi-50000')

    await people.search('nguyen van dung')
    await e2e.page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="people-total"]')?.getAttribute('data-total')) <
        50_000
    )
    expect(await people.total()).toBeGreaterThan(0)
    expect(e2e.errors).toEqual([])
  })
})
