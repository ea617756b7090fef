// The stack of one spec: a harness on a fresh database, set up by the spec, then the app in
// Chromium. Registers the spec's beforeAll and afterAll, so every spec starts and stops alike.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launch, openApp } from './browser'
import { rendererBuilt, startHarness, type Harness } from './server'

export interface AppSession {
  harness: Harness
  browser: Browser
  page: Page
  /** Page errors and console errors, for a spec to expect none. */
  errors: string[]
}

/** Filled in by beforeAll: read the fields inside hooks and tests, not at the top of a spec. */
export function useApp(setUp?: (harness: Harness) => Promise<void> | void): AppSession {
  const session = {} as AppSession
  beforeAll(async () => {
    if (!rendererBuilt())
      throw new Error(
        'out/renderer is missing: run `npx electron-vite build` (npm test does it first).'
      )
    session.harness = await startHarness()
    await setUp?.(session.harness)
    session.browser = await launch()
    Object.assign(session, await openApp(session.browser, session.harness))
  })
  afterAll(async () => {
    await session.browser?.close()
    await session.harness?.close()
  })
  return session
}
