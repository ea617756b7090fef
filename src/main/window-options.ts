// The main window's options and the test of "is this URL our own page?". Pure: no runtime
// electron here (type imports only), so every security decision is unit-tested.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import { join } from 'node:path'

export const PRODUCT_NAME = 'Chuyên đề 05'

/** Where electron-vite puts the preload and the page, relative to out/main. */
export function builtPaths(mainDir: string): {
  preload: string
  rendererDir: string
  indexHtml: string
} {
  const rendererDir = join(mainDir, '..', 'renderer')
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir,
    indexHtml: join(rendererDir, 'index.html')
  }
}

/**
 * The page runs with no Node, in Chromium's sandbox, isolated from the preload; the only way
 * out is window.api (Electron security checklist items 2-4, 6, 8, 10, 11).
 */
export function secureWebPreferences(
  preloadPath: string,
  options: { devTools?: boolean } = {}
): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    devTools: options.devTools ?? false
  }
}

export function mainWindowOptions(options: {
  preloadPath: string
  iconPath?: string
  devTools?: boolean
}): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.devTools })
  }
}

/** What counts as the app's own page. devServerUrl only in development (electron-vite dev). */
export interface AppPage {
  /** The page's URL: APP_PAGE_URL (app://chuyen-de/index.html). */
  pageUrl: string
  devServerUrl?: string
}

/**
 * True when `url` is the app's own page: the page URL (any query or #hash, the router lives in
 * the hash) or, in development, a page of the dev server's origin. Everything else (file://
 * URLs, other app:// paths, other sites, about:blank, data:, devtools) is foreign.
 */
export function isAppUrl(url: string, page: AppPage): boolean {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  if (page.devServerUrl && (target.protocol === 'http:' || target.protocol === 'https:')) {
    try {
      return target.origin === new URL(page.devServerUrl).origin
    } catch {
      return false
    }
  }
  const expected = new URL(page.pageUrl)
  if (target.protocol !== expected.protocol || target.host !== expected.host) return false
  const got = decodePath(target.pathname)
  return got !== null && got === decodePath(expected.pathname)
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname).normalize('NFC')
  } catch {
    return null
  }
}

/** The part of an IPC event the sender check looks at. */
export interface SenderInfo {
  /** event.senderFrame: null when the frame has gone (navigated away or destroyed). */
  frame: { url: string; parent: unknown } | null
  /** Whether the message came from the main window's webContents. */
  fromMainWindow: boolean
}

/** IPC is answered only for the top frame of the main window showing the app's own page. */
export function isTrustedSender(sender: SenderInfo, page: AppPage): boolean {
  if (!sender.fromMainWindow || !sender.frame) return false
  if (sender.frame.parent !== null) return false
  return isAppUrl(sender.frame.url, page)
}
