// The IPC adapter with a fake ipcMain: every channel registered, foreign senders refused before
// dispatch, the app's own page answered, and quitting waits for calls in flight.
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CHANNELS, type Result } from '../../../src/shared/api'
import { APP_PAGE_URL } from '../../../src/main/app-protocol'
import { IPC_PREFIX, registerIpc, type Dispatch } from '../../../src/main/ipc'
import { isTrustedSender, type AppPage, type SenderInfo } from '../../../src/main/window-options'
import { WorkTracker } from '../../../src/main/work-tracker'

type Handler = (event: SenderInfo, ...args: unknown[]) => unknown

class FakeIpcMain {
  readonly handlers = new Map<string, Handler>()
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, listener)
  }
  invoke(channel: string, event: SenderInfo, input: unknown): Promise<Result<unknown>> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return Promise.resolve(handler(event, input)) as Promise<Result<unknown>>
  }
}

const page: AppPage = { pageUrl: APP_PAGE_URL }
const appUrl = APP_PAGE_URL

const fromApp: SenderInfo = {
  frame: { url: `${appUrl}#/people`, parent: null },
  fromMainWindow: true
}

function setup(dispatch?: Dispatch) {
  const ipc = new FakeIpcMain()
  const calls: Array<[string, unknown]> = []
  const tracker = new WorkTracker()
  const names = registerIpc(
    ipc,
    dispatch ??
      (async (channel, input) => {
        calls.push([channel, input])
        return { ok: true, value: { channel, input } }
      }),
    (event: SenderInfo) => isTrustedSender(event, page),
    tracker
  )
  return { ipc, calls, tracker, names }
}

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('registerIpc', () => {
  it('registers exactly one handler per channel of the contract, prefixed api:', () => {
    const { ipc, names } = setup()
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => `api:${c}`).sort())
    expect(names).toHaveLength(CHANNELS.length)
    expect(IPC_PREFIX).toBe('api:')
  })

  it("answers the app's own page with dispatch's result", async () => {
    const { ipc, calls } = setup()
    for (const channel of CHANNELS) {
      const input = { probe: channel }
      await expect(ipc.invoke(`api:${channel}`, fromApp, input)).resolves.toEqual({
        ok: true,
        value: { channel, input }
      })
    }
    expect(calls.map(([c]) => c)).toEqual([...CHANNELS])
  })

  it('passes error Results through unchanged and turns a missing input into null', async () => {
    const error = {
      ok: false as const,
      error: { code: 'VALIDATION', message: 'Dữ liệu không hợp lệ.' }
    }
    const seen: unknown[] = []
    const { ipc } = setup(async (_c, input) => {
      seen.push(input)
      return error
    })
    await expect(ipc.invoke('api:app:info', fromApp, undefined)).resolves.toEqual(error)
    expect(seen).toEqual([null])
  })

  const foreign: Array<[string, SenderInfo]> = [
    ['a web page', { frame: { url: 'https://evil.example/', parent: null }, fromMainWindow: true }],
    [
      'a local file',
      { frame: { url: 'file:///tmp/evil.html', parent: null }, fromMainWindow: true }
    ],
    [
      'the built page opened as a file',
      {
        frame: {
          url: pathToFileURL('/opt/Chuyên đề 05/resources/app.asar/out/renderer/index.html').href,
          parent: null
        },
        fromMainWindow: true
      }
    ],
    [
      'another page of the app scheme',
      { frame: { url: 'app://chuyen-de/other.html', parent: null }, fromMainWindow: true }
    ],
    ['a sub-frame showing the page', { frame: { url: appUrl, parent: {} }, fromMainWindow: true }],
    ['a destroyed frame', { frame: null, fromMainWindow: true }],
    ['another window', { frame: { url: appUrl, parent: null }, fromMainWindow: false }],
    ['about:blank', { frame: { url: 'about:blank', parent: null }, fromMainWindow: true }],
    [
      'a data: URL',
      { frame: { url: 'data:text/html,<script>1</script>', parent: null }, fromMainWindow: true }
    ]
  ]

  it.each(foreign)('refuses %s with FORBIDDEN and never calls dispatch', async (_name, sender) => {
    const { ipc, calls } = setup()
    for (const channel of CHANNELS) {
      const result = await ipc.invoke(`api:${channel}`, sender, { id: 1 })
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('FORBIDDEN')
        expect(result.error.message).toMatch(/từ chối/)
      }
    }
    expect(calls).toEqual([])
  })

  it('refuses when the sender check itself throws', async () => {
    const ipc = new FakeIpcMain()
    let called = false
    registerIpc(
      ipc,
      async () => {
        called = true
        return { ok: true, value: 1 }
      },
      () => {
        throw new Error('frame gone')
      },
      new WorkTracker()
    )
    const result = await ipc.invoke('api:app:info', fromApp, null)
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(called).toBe(false)
  })

  it('turns a thrown error into an INTERNAL Result (nothing thrown crosses IPC)', async () => {
    const { ipc } = setup(() => {
      throw new Error('bug')
    })
    const quiet = console.error
    console.error = () => {}
    try {
      const result = await ipc.invoke('api:people:list', fromApp, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    } finally {
      console.error = quiet
    }
  })

  it('tracks calls in flight: drain waits for them, and after shutdown new calls are refused', async () => {
    const gate = deferred<Result<unknown>>()
    const calls: string[] = []
    const { ipc, tracker } = setup((channel) => {
      calls.push(channel)
      return gate.promise
    })
    const inFlight = ipc.invoke('api:people:create', fromApp, { fullName: 'Nguyễn Văn A' })
    await Promise.resolve()
    expect(tracker.size).toBe(1)

    let drained = false
    const draining = tracker.shutdown().then(() => (drained = true))
    await new Promise((r) => setTimeout(r, 10))
    expect(drained).toBe(false)

    const late = await ipc.invoke('api:people:create', fromApp, {})
    expect(late).toMatchObject({ ok: false, error: { code: 'APP_CLOSING' } })
    expect(calls).toEqual(['people:create'])

    gate.resolve({ ok: true, value: 42 })
    await expect(inFlight).resolves.toEqual({ ok: true, value: 42 })
    await draining
    expect(drained).toBe(true)
    expect(tracker.size).toBe(0)
  })
})

describe('WorkTracker', () => {
  it('drains at once when idle', async () => {
    await expect(new WorkTracker().drain()).resolves.toBeUndefined()
  })

  it('waits for work started while draining, and for rejected work too', async () => {
    const tracker = new WorkTracker()
    const a = deferred<void>()
    const b = deferred<void>()
    void tracker.track(a.promise)
    let drained = false
    const done = tracker.drain().then(() => (drained = true))
    const failing = tracker.track(b.promise.then(() => Promise.reject(new Error('x'))))
    failing.catch(() => {})
    a.resolve()
    await new Promise((r) => setTimeout(r, 5))
    expect(drained).toBe(false)
    b.resolve()
    await done
    expect(drained).toBe(true)
    expect(tracker.accepting).toBe(true)
  })
})
