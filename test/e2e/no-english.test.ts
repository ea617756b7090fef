// No English where a user looks: every section, every tab in it, the forms its "add" buttons
// open, an unsaved form's "discard?" box, empty tables and lists, the
// lock screen. What is read: the visible text, and the placeholder, title and aria-label of what
// is visible (Element Plus's own texts, from its locale, sit there too). The English looked for
// is test/helpers/english.ts (No Data, Cancel, OK, Confirm, Error, Loading, Select, Search,
// Total, page, of …).
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { AppPage } from './pages/app-page'
import { personInput } from '../helpers/core'
import { ENGLISH_WORDS } from '../helpers/english'
import { SECTIONS } from '../../src/renderer/messages'

const e2e = useApp(async (harness) => {
  await harness.call('app:setYear', { year: 2024 })
  const unit = await harness.call('units:create', {
    parentId: null,
    name: 'Chi bộ ấp Tân Lập',
    level: 'Chi bộ'
  })
  await harness.call('people:create', personInput(unit.id, { fullName: 'Lê Thị Mai' }))
})

/** The English on the page now: each hit with where it was found. */
async function englishOnPage(page: Page): Promise<string[]> {
  return page.evaluate((source) => {
    const re = new RegExp(source, 'u')
    const found: string[] = []
    const visible = (el: Element) =>
      (el as HTMLElement).checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ??
      true
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode
      const el = node.parentElement
      const text = node.textContent?.trim() ?? ''
      if (!el || !text || el.closest('script, style') || !visible(el)) continue
      if (re.test(text)) found.push(`text: ${text}`)
    }
    for (const el of Array.from(
      document.querySelectorAll('[placeholder], [title], [aria-label]')
    )) {
      if (!visible(el)) continue
      for (const attr of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(attr)
        if (v && re.test(v)) found.push(`${attr}: ${v}`)
      }
    }
    return found
  }, ENGLISH_WORDS.source)
}

/** The page settled: nothing loading, no request running. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await expect
    .poll(() => page.locator('[aria-busy="true"], .el-loading-mask').count(), { timeout: 10_000 })
    .toBe(0)
  await page.waitForTimeout(150)
}

/** Buttons that open a form without changing anything: "add …" and setting the password. */
const OPENERS =
  '[data-testid$="-add"], [data-testid="units-add-root"], [data-testid="password-set"]'

describe('no English in what a user sees', () => {
  const seen: Record<string, string[]> = {}
  const look = async (where: string) => {
    await settled(e2e.page)
    const hits = await englishOnPage(e2e.page)
    if (hits.length) seen[where] = hits
  }

  it('in every section, every tab, and the forms their buttons open', async () => {
    const app = new AppPage(e2e.page)
    const page = e2e.page
    let places = 0
    const asked: string[] = []
    // The check itself finds English when there is some: a word put in the page, then taken out.
    await page.evaluate(() => {
      const p = document.createElement('p')
      p.id = 'english-probe'
      p.textContent = 'No Data'
      p.setAttribute('placeholder', 'Select')
      document.body.prepend(p)
    })
    expect(await englishOnPage(page)).toEqual(['text: No Data', 'placeholder: Select'])
    await page.evaluate(() => document.getElementById('english-probe')?.remove())
    for (const s of SECTIONS) {
      await app.go(s.name)
      await look(s.label)
      places++
      const tabs = page.locator('main .el-tabs__item:visible')
      const count = await tabs.count()
      for (let t = 0; t < Math.max(count, 1); t++) {
        let where = s.label
        if (count > 0) {
          const tab = tabs.nth(t)
          where = `${s.label} › ${(await tab.innerText()).trim()}`
          await tab.click()
          await look(where)
          places++
        }
        const openers = page.locator(OPENERS).filter({ visible: true })
        for (let b = 0; b < (await openers.count()); b++) {
          const opener = openers.nth(b)
          if (!(await opener.isEnabled())) continue
          const id = await opener.getAttribute('data-testid')
          await opener.click()
          const shown = page.locator(
            '.el-overlay-dialog:not(.is-closing) .el-dialog:visible, .el-drawer:visible'
          )
          await shown
            .first()
            .waitFor({ timeout: 2000 })
            .catch(() => null)
          await look(`${where} › ${id}`)
          places++
          // Closed by its close button; a form that asks before dropping changes is answered "drop".
          for (let k = 0; k < 4 && (await shown.count()) > 0; k++) {
            const box = page.locator('.el-message-box:visible')
            if (await box.isVisible().catch(() => false)) {
              await look(`${where} › ${id} › hỏi trước khi đóng`)
              asked.push(`${where} › ${id}`)
              await box.locator('.el-button--primary').click()
            } else {
              const close = page
                .locator(
                  '.el-overlay-dialog:not(.is-closing) .el-dialog__headerbtn:visible, .el-drawer__close-btn:visible'
                )
                .last()
              if ((await close.count()) > 0) await close.click()
              else await page.keyboard.press('Escape')
            }
            await page.waitForTimeout(400)
          }
          await expect.poll(() => shown.count()).toBe(0)
          // Its closing animation over, so nothing covers the next button.
          await expect.poll(() => page.locator('.el-overlay:visible').count()).toBe(0)
        }
      }
    }
    console.log(`Looked at ${places} places (sections, tabs, forms).`)
    expect(places).toBeGreaterThan(SECTIONS.length + 10)
    if (asked.length) console.log('Forms that asked before closing untouched:', asked)
    expect(seen).toEqual({})
  })

  it("in the box that asks before an unsaved form's changes are dropped", async () => {
    const app = new AppPage(e2e.page)
    await app.go('units')
    await app.byTestId('units-add-root').click()
    const dialog = e2e.page.locator('.el-dialog:visible').last()
    await dialog.locator('input').first().fill('Chi bộ mới chưa lưu')
    await e2e.page.keyboard.press('Escape')
    const box = e2e.page.locator('.el-message-box:visible')
    await box.waitFor()
    await look('Hỏi trước khi bỏ thay đổi')
    await screenshot(e2e.page, 'no-english-01-hoi-bo-thay-doi')
    await box.locator('button', { hasText: 'Bỏ thay đổi' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(seen).toEqual({})
  })

  it('in an empty list: a search that finds no one', async () => {
    const app = new AppPage(e2e.page)
    await app.go('people')
    await app.input('people-search').fill('khong ai ten nay')
    await app.waitText('people-total', '0')
    await look('Danh sách trống')
    await screenshot(e2e.page, 'no-english-02-danh-sach-trong')
    expect(seen).toEqual({})
    expect(e2e.errors).toEqual([])
  })
})
