// src/main/index.ts run for real against a fake electron module: what it does at import (before
// 'ready'), at start, for every webContents and on quit. Replaces regular expressions over its
// source, so it holds whatever the formatting.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/api'
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES } from '../../../src/main/app-protocol'

type Listener = (...args: unknown[]) => unknown

const fake = vi.hoisted(() => {
  const log: string[] = []
  let ready!: () => void
  const whenReady = new Promise<void>((resolve) => (ready = resolve))
  const appListeners = new Map<string, (...args: unknown[]) => unknown>()
  class FakeContents {
    readonly listeners = new Map<string, (...args: unknown[]) => unknown>()
    openHandler: (() => unknown) | null = null
    setWindowOpenHandler(fn: () => unknown) {
      this.openHandler = fn
    }
    on(event: string, fn: (...args: unknown[]) => unknown) {
      this.listeners.set(event, fn)
    }
  }
  const windows: Array<{
    options: unknown
    webContents: FakeContents
    loaded: string[]
    loadedFiles: string[]
  }> = []
  class FakeWindow {
    readonly webContents = new FakeContents()
    readonly loaded: string[] = []
    readonly loadedFiles: string[] = []
    constructor(readonly options: unknown) {
      windows.push(this)
    }
    once() {}
    on() {}
    show() {}
    async loadURL(url: string) {
      this.loaded.push(url)
    }
    async loadFile(path: string) {
      this.loadedFiles.push(path)
    }
  }
  const core = {
    dispatch: async (channel: string, input: unknown): Promise<unknown> => ({
      ok: true,
      value: { channel, input }
    }),
    close: () => log.push('core.close'),
    dbPath: '/fake/db',
    ctx: {}
  }
  return {
    log,
    ready: () => ready(),
    appListeners,
    windows,
    FakeContents,
    core,
    openCoreCalls: [] as unknown[],
    schemes: [] as unknown[],
    readyWhenSchemesRegistered: [] as boolean[],
    isReady: { value: false },
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    protocols: new Map<string, (request: { url: string }) => Promise<Response>>(),
    paths: new Map<string, string>(),
    permission: {} as { request?: Listener; check?: Listener; device?: Listener },
    electron: {
      app: {
        isPackaged: false,
        getPath: (name: string) => `/fake/${name}`,
        setName: () => {},
        setPath: (name: string, value: string) => fake.paths.set(name, value),
        setAppUserModelId: () => {},
        requestSingleInstanceLock: () => (log.push('requestSingleInstanceLock'), true),
        on: (event: string, fn: (...args: unknown[]) => unknown) => appListeners.set(event, fn),
        whenReady: () => whenReady.then(() => void (fake.isReady.value = true)),
        getAppPath: () => '/fake/app',
        getVersion: () => '0.1.0',
        exit: (code: number) => log.push(`app.exit(${code})`),
        quit: () => log.push('app.quit')
      },
      BrowserWindow: FakeWindow,
      dialog: {
        showErrorBox: (title: string, message: string) => log.push(`error: ${title}: ${message}`)
      },
      ipcMain: {
        handle: (channel: string, fn: (...args: unknown[]) => unknown) =>
          fake.handlers.set(channel, fn)
      },
      Menu: { setApplicationMenu: () => {}, buildFromTemplate: (t: unknown) => t },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (fn: Listener) => (fake.permission.request = fn),
          setPermissionCheckHandler: (fn: Listener) => (fake.permission.check = fn),
          setDevicePermissionHandler: (fn: Listener) => (fake.permission.device = fn)
        }
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => {
          fake.schemes.push(...schemes)
          fake.readyWhenSchemesRegistered.push(fake.isReady.value)
        },
        handle: (scheme: string, fn: (request: { url: string }) => Promise<Response>) =>
          fake.protocols.set(scheme, fn)
      }
    }
  }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))
vi.mock('../../../src/core/index', () => ({
  appDataFolderName: 'ChuyenDe05',
  openCore: (options: unknown) => {
    fake.openCoreCalls.push(options)
    return fake.core
  }
}))
// The Electron build of better-sqlite3 is not here; any existing file stands for it.
vi.mock('../../../src/main/native-binding', () => ({
  nativeBindingPath: () => __filename,
  missingNativeMessage: () => 'thiếu'
}))

const flush = () => new Promise((r) => setTimeout(r, 0))

beforeAll(async () => {
  delete process.env['ELECTRON_RENDERER_URL']
  await import('../../../src/main/index')
})

describe('before ready', () => {
  it('holds the single-instance lock and answers a second instance', () => {
    expect(fake.log[0]).toBe('requestSingleInstanceLock')
    for (const event of [
      'second-instance',
      'web-contents-created',
      'window-all-closed',
      'before-quit'
    ]) {
      expect(fake.appListeners.has(event), event).toBe(true)
    }
  })

  it('registers the app:// scheme as privileged before ready, with no CSP bypass', () => {
    expect(fake.schemes).toEqual([APP_SCHEME_PRIVILEGES])
    expect(fake.readyWhenSchemesRegistered).toEqual([false])
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false
    })
  })

  it('keeps the data in a stable folder', () => {
    expect(fake.paths.get('userData')).toBe(join('/fake/appData', 'ChuyenDe05'))
  })
})

describe('on ready', () => {
  beforeAll(async () => {
    fake.ready()
    await flush()
    await flush()
  })

  it('denies every permission', () => {
    let granted: unknown = 'unset'
    fake.permission.request!({}, 'media', (v: boolean) => (granted = v))
    expect(granted).toBe(false)
    expect(fake.permission.check!()).toBe(false)
    expect(fake.permission.device!()).toBe(false)
  })

  it('opens the core with the Electron build of better-sqlite3 in the data folder', () => {
    expect(fake.openCoreCalls).toEqual([
      expect.objectContaining({
        dataDir: join('/fake/appData', 'ChuyenDe05'),
        nativeBinding: __filename
      })
    ])
  })

  it('serves the page from app:// (only files of out/renderer), never from file://', async () => {
    const serve = fake.protocols.get('app')!
    expect(serve).toBeTypeOf('function')
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0].loaded).toEqual([APP_PAGE_URL])
    expect(fake.windows[0].loadedFiles).toEqual([])
    // Run from src/main, the handler serves src/renderer.
    expect(existsSync(join(__dirname, '../../../src/renderer/index.html'))).toBe(true)
    const page = await serve({ url: APP_PAGE_URL })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Content-Security-Policy')
    expect((await serve({ url: 'app://chuyen-de/../main/index.ts' })).status).toBe(403)
    expect((await serve({ url: 'app://chuyen-de/%2e%2e/main/index.ts' })).status).toBe(403)
  })

  it('creates the window sandboxed', () => {
    expect((fake.windows[0].options as { webPreferences: unknown }).webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false
    })
  })

  it('guards every webContents: no window.open, no navigation away, no webview', () => {
    const other = new fake.FakeContents()
    fake.appListeners.get('web-contents-created')!({}, other)
    for (const contents of [fake.windows[0].webContents, other]) {
      expect(contents.openHandler!()).toEqual({ action: 'deny' })
      for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        const handler = contents.listeners.get(event)!
        let prevented = 0
        handler({ url: 'https://evil.example/', preventDefault: () => prevented++ })
        handler({ url: 'file:///etc/passwd', preventDefault: () => prevented++ })
        handler({ url: `${APP_PAGE_URL}#/people`, preventDefault: () => prevented++ })
        expect(prevented, event).toBe(2)
      }
      let webview = 0
      contents.listeners.get('will-attach-webview')!({ preventDefault: () => webview++ })
      expect(webview).toBe(1)
    }
  })

  it('answers IPC on every channel from the page only', async () => {
    expect([...fake.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => `api:${c}`).sort())
    const handler = fake.handlers.get('api:units:list')!
    const own = {
      sender: fake.windows[0].webContents,
      senderFrame: { url: APP_PAGE_URL, parent: null }
    }
    await expect(handler(own, { includeRetired: false })).resolves.toEqual({
      ok: true,
      value: { channel: 'units:list', input: { includeRetired: false } }
    })
    const file = {
      sender: fake.windows[0].webContents,
      senderFrame: { url: 'file:///x/out/renderer/index.html', parent: null }
    }
    await expect(handler(file, null)).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
  })
})

describe('on quit', () => {
  it('waits for calls in flight, closes the core, then exits', async () => {
    let release!: (v: unknown) => void
    fake.core.dispatch = () => new Promise((r) => (release = r))
    const own = {
      sender: fake.windows[0].webContents,
      senderFrame: { url: APP_PAGE_URL, parent: null }
    }
    const inFlight = fake.handlers.get('api:people:create')!(own, {}) as Promise<unknown>
    fake.log.length = 0
    let prevented = 0
    fake.appListeners.get('before-quit')!({ preventDefault: () => prevented++ })
    await flush()
    expect(prevented).toBe(1)
    expect(fake.log).toEqual([])
    release({ ok: true, value: 1 })
    await inFlight
    await flush()
    expect(fake.log).toEqual(['core.close', 'app.exit(0)'])
  })
})
