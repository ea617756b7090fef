// Guards on the built app (`npm test` builds first). The Electron binary cannot run here, so
// these check the output for the mistakes that would only show on a user's machine.
import { existsSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../src/shared/api'

const root = resolve(__dirname, '../../..')
const out = join(root, 'out')
const preloadFile = join(out, 'preload', 'index.cjs')
const mainFile = join(out, 'main', 'index.js')
const htmlFile = join(out, 'renderer', 'index.html')

function skipUnlessBuilt(
  ctx: { skip: (condition: boolean, note?: string) => void },
  file: string
): string {
  ctx.skip(!existsSync(file), `${file} does not exist: run "npm run build" first (npm test does)`)
  return readFileSync(file, 'utf8')
}

describe('preload bundle (sandboxed: one CommonJS file requiring only electron)', () => {
  it('is out/preload/index.cjs, CommonJS, and requires nothing but electron', (ctx) => {
    const code = skipUnlessBuilt(ctx, preloadFile)
    expect(existsSync(join(out, 'preload', 'index.mjs'))).toBe(false)
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(code).not.toMatch(/\bimport\s*\(/)
    const requireCalls = code.match(/\brequire\s*\(/g) ?? []
    const literal = [...code.matchAll(/\brequire\s*\(\s*(['"])([^'"]+)\1\s*\)/g)].map((m) => m[2])
    expect(literal).toHaveLength(requireCalls.length)
    expect(new Set(literal)).toEqual(new Set(['electron']))
  })

  it('exposes exactly window.api with one invoke per channel, and nothing else', async (ctx) => {
    const code = skipUnlessBuilt(ctx, preloadFile)
    const exposed = new Map<string, unknown>()
    const invoked: unknown[][] = []
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value)
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args)
          return Promise.resolve({ ok: true, value: args[0] })
        }
      }
    }
    const fakeRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`)
      return electron
    }
    const module = { exports: {} }
    const wrapper = runInNewContext(`(function (require, module, exports) {${code}\n})`, {}) as (
      r: typeof fakeRequire,
      m: typeof module,
      e: object
    ) => void
    wrapper(fakeRequire, module, module.exports)

    expect([...exposed.keys()]).toEqual(['api'])
    const api = exposed.get('api') as Record<string, (input: unknown) => Promise<unknown>>
    expect(
      Object.keys(api).sort(),
      'the channels of the built preload (stale out/? run npm run build)'
    ).toEqual([...CHANNELS].sort())
    for (const channel of CHANNELS) {
      expect(typeof api[channel]).toBe('function')
      await expect(api[channel]({ n: 1 })).resolves.toEqual({ ok: true, value: `api:${channel}` })
    }
    expect(invoked).toEqual(CHANNELS.map((c) => [`api:${c}`, { n: 1 }]))
  })
})

describe('renderer page', () => {
  function csp(html: string): Map<string, string[]> {
    const meta = [...html.matchAll(/<meta\b[^>]*>/gi)]
      .map((m) => m[0])
      .find((tag) => /http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(tag))
    expect(meta, 'a <meta http-equiv="Content-Security-Policy"> in index.html').toBeDefined()
    const content =
      /content\s*=\s*"([^"]*)"/i.exec(meta!)?.[1] ??
      /content\s*=\s*'([^']*)'/i.exec(meta!)?.[1] ??
      ''
    const directives = new Map<string, string[]>()
    for (const part of content.split(';')) {
      const [name, ...values] = part.trim().split(/\s+/)
      if (name) directives.set(name.toLowerCase(), values)
    }
    return directives
  }

  it("has a CSP meta without 'unsafe-eval' and a script-src without 'unsafe-inline'", (ctx) => {
    const html = skipUnlessBuilt(ctx, htmlFile)
    const policy = csp(html)
    for (const [name, values] of policy) expect(values, name).not.toContain("'unsafe-eval'")
    const scriptSrc = policy.get('script-src') ?? policy.get('default-src')
    expect(scriptSrc, 'script-src or default-src').toBeDefined()
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(scriptSrc).not.toContain('*')
  })

  it('loads its scripts from relative files (loadFile needs ./, the CSP forbids inline scripts)', (ctx) => {
    const html = skipUnlessBuilt(ctx, htmlFile)
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attrs, body] of scripts) {
      const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1]
      expect(src, 'every script has a src').toBeDefined()
      expect(body.trim()).toBe('')
      expect(src!.startsWith('./'), src).toBe(true)
    }
  })
})

describe('main bundle', () => {
  it('never turns nodeIntegration on and keeps the sandbox', (ctx) => {
    const code = skipUnlessBuilt(ctx, mainFile)
    expect(code).not.toMatch(/nodeIntegration(InWorker|InSubFrames)?\s*:\s*(true|!0)/)
    expect(code).not.toMatch(/(contextIsolation|sandbox|webSecurity)\s*:\s*(false|!1)/)
    expect(code).toMatch(/sandbox\s*:\s*true/)
    expect(code).toMatch(/contextIsolation\s*:\s*true/)
    expect(code).toContain('index.cjs')
  })

  it('serves the page from the app:// scheme, registered before ready, and never loads it as a file', (ctx) => {
    const code = skipUnlessBuilt(ctx, mainFile)
    expect(code).toMatch(/registerSchemesAsPrivileged\(/)
    expect(code).toMatch(/protocol\.handle\(/)
    expect(code).toMatch(/\.loadURL\(/)
    expect(code).not.toMatch(/\.loadFile\(/)
  })

  it('imports only electron, Node built-ins and runtime dependencies (devDependencies are not packaged)', (ctx) => {
    const code = skipUnlessBuilt(ctx, mainFile)
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    const allowed = new Set(['electron', ...Object.keys(pkg.dependencies)])
    const specs = [
      ...[...code.matchAll(/^\s*import\s[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]),
      ...[...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]),
      ...[...code.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]),
      ...[...code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1])
    ]
    expect(specs.length).toBeGreaterThan(0)
    for (const spec of specs) {
      if (
        spec.startsWith('node:') ||
        builtinModules.includes(spec) ||
        spec.startsWith('./') ||
        spec.startsWith('../')
      )
        continue
      const pkgName = spec
        .split('/')
        .slice(0, spec.startsWith('@') ? 2 : 1)
        .join('/')
      expect(allowed.has(pkgName), `out/main imports ${spec}`).toBe(true)
    }
  })
})
