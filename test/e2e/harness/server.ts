// The loopback harness: serves the built renderer and answers POST /rpc/<channel> from its own
// page (checked by Origin and Host) with the same dispatch the app uses, on a temporary
// database. Only Electron's IPC is replaced.
import { createServer, type Server } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import { CHANNELS, type Channel, type Input, type Output } from '../../../src/shared/api'
import { openCore, type Core } from '../../../src/core/index'
import type { PlatformPort } from '../../../src/core/platform'
import { tempDir } from '../../helpers/core'

// From the module's own address, not __dirname: bench/ui.ts loads this under tsx, as ESM.
const RENDERER = fileURLToPath(new URL('../../../out/renderer', import.meta.url))
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

export interface Harness {
  url: string
  core: Core
  dataDir: string
  /** File choosers answer from this script: the next path to "choose", or null for cancel. */
  dialogs: { open: (string | null)[]; save: (string | null)[] }
  /** Calls a channel directly on the core, to set the scene; fails the spec on a refusal. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>
  close(): Promise<void>
}

export function rendererBuilt(): boolean {
  return existsSync(join(RENDERER, 'index.html'))
}

/** The script that gives the page window.api, one function per channel, like the preload. */
export function apiInitScript(baseUrl: string): string {
  return `(() => {
    const channels = ${JSON.stringify(CHANNELS)};
    const api = {};
    for (const channel of channels) {
      api[channel] = (input) =>
        fetch(${JSON.stringify(baseUrl)} + '/rpc/' + encodeURIComponent(channel), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input === undefined ? null : input)
        }).then((r) => r.json());
    }
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
  })();`
}

export async function startHarness(options: { dataDir?: string } = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? tempDir('cd05-e2e-')
  const dialogs: Harness['dialogs'] = { open: [], save: [] }
  const platform: PlatformPort = {
    chooseOpenFile: async () => dialogs.open.shift() ?? null,
    chooseSaveFile: async () => dialogs.save.shift() ?? null
  }
  const core = openCore({ dataDir, appVersion: 'e2e', platform })
  let origin = ''
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      // Only the app's page may call: any other page open in a browser on this machine could
      // otherwise POST here (a form or fetch from another origin), and a rebound DNS name
      // would arrive with another Host. Browsers always send Origin on a POST.
      if (req.headers.origin !== origin || `http://${req.headers.host}` !== origin) {
        res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' })
        res.end(
          JSON.stringify({
            ok: false,
            error: {
              code: 'FORBIDDEN',
              message: 'Yêu cầu bị từ chối: nó không đến từ trang của ứng dụng.'
            }
          })
        )
        req.resume()
        return
      }
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on(
        'end',
        () =>
          void (async () => {
            let input: unknown = null
            try {
              input = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null')
            } catch {
              input = Symbol('unparseable')
            }
            const result = await core.dispatch(decodeURIComponent(url.pathname.slice(5)), input)
            res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
            res.end(JSON.stringify(result))
          })()
      )
      return
    }
    const rel = normalize(url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname))
    const file = join(RENDERER, rel)
    if (!file.startsWith(RENDERER) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: origin,
    core,
    dataDir,
    dialogs,
    async call(channel, input) {
      const r = await core.dispatch(channel, input)
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
      return r.value as never
    },
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()))
      core.close()
    }
  }
}
