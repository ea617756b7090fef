// The app's page is served from app://chuyen-de/ instead of file://: a file:// page shares its
// origin with every local file (a fetch or an <iframe> of file:///… is "same-origin"), while
// app:// is an origin of its own that serves only the files of out/renderer. Pure: the main
// process registers the scheme and hands the handler to protocol.handle; tests call it directly.
import type { CustomScheme } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
const APP_HOST = 'chuyen-de'
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Registered before 'ready'. standard: relative URLs and an origin of its own (the CSP's
 * 'self'); secure: a secure context like https. Nothing more: no CSP bypass, no service
 * workers, no fetch from other origins.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    bypassCSP: false
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

/**
 * The file under `rendererDir` that `url` names, or null when the URL is not ours or would
 * leave the folder: another scheme or host, a `..` segment (also percent-encoded), a
 * backslash, a NUL, or a path that resolves outside.
 */
export function resolveAppRequest(url: string, rendererDir: string): string | null {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return null
  }
  if (target.protocol !== `${APP_SCHEME}:` || target.host !== APP_HOST) return null
  // The URL parser folds "/a/../b" before we see it, so the text as sent is checked too.
  const raw = url.slice(url.indexOf(APP_HOST) + APP_HOST.length).split(/[?#]/)[0]
  const path = safeDecode(target.pathname)
  const decodedRaw = safeDecode(raw)
  if (path === null || decodedRaw === null) return null
  for (const text of [raw, decodedRaw, path]) {
    if (text.includes('\0') || text.includes('\\') || text.split('/').includes('..')) return null
  }
  const root = resolve(rendererDir)
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`)
  const rel = relative(root, file)
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null
  return join(root, rel)
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/** The handler for protocol.handle(APP_SCHEME, …): files of out/renderer, nothing else. */
export function createAppProtocolHandler(
  rendererDir: string
): (request: { url: string; method?: string }) => Promise<Response> {
  return async (request) => {
    if (request.method && request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405 })
    const file = resolveAppRequest(request.url, rendererDir)
    if (file === null) return new Response(null, { status: 403 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
        }
      })
    } catch {
      return new Response(null, { status: 404 })
    }
  }
}
