// Debian's Chromium driven by playwright-core (no browser download: see README).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { apiInitScript, type Harness } from './server'

// From the module's own address, not __dirname: bench/ui.ts loads this under tsx, as ESM.
const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/screenshots', import.meta.url))
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic'
    ]
  })
}

/** A page of the app on the harness, with window.api as the preload would give it. */
export async function openApp(
  browser: Browser,
  harness: Harness
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh'
  })
  await context.addInitScript(apiInitScript(harness.url))
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`)
  })
  await page.goto(`${harness.url}/index.html`)
  return { page, errors }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  // Transitions finished at once, so a ticked box looks ticked rather than half-drawn.
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage: false,
    animations: 'disabled'
  })
}
