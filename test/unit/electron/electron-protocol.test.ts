// The app:// handler: the files of out/renderer and nothing else, whatever the URL tries.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_PAGE_URL,
  createAppProtocolHandler,
  resolveAppRequest
} from '../../../src/main/app-protocol'
import { tempDir } from '../../helpers/core'

const root = tempDir('cd05-renderer-')
const renderer = join(root, 'out', 'renderer')
mkdirSync(join(renderer, 'assets'), { recursive: true })
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Chuyên đề 05</title>')
writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)')
writeFileSync(join(root, 'out', 'secret.txt'), 'bí mật')

describe('resolveAppRequest', () => {
  it('maps the page and its assets into out/renderer', () => {
    expect(resolveAppRequest(APP_PAGE_URL, renderer)).toBe(join(renderer, 'index.html'))
    expect(resolveAppRequest('app://chuyen-de/', renderer)).toBe(join(renderer, 'index.html'))
    expect(resolveAppRequest('app://chuyen-de/assets/index-abc.js?v=1#x', renderer)).toBe(
      join(renderer, 'assets', 'index-abc.js')
    )
    expect(resolveAppRequest('app://chuyen-de/assets/t%C3%AAn.js', renderer)).toBe(
      join(renderer, 'assets', 'tên.js')
    )
  })

  it('refuses anything that leaves the folder or is not ours', () => {
    for (const url of [
      'app://chuyen-de/../secret.txt',
      'app://chuyen-de/assets/../../secret.txt',
      'app://chuyen-de/%2e%2e/secret.txt',
      'app://chuyen-de/%2E%2E%2Fsecret.txt',
      'app://chuyen-de/..%2fsecret.txt',
      'app://chuyen-de/..%5csecret.txt',
      'app://chuyen-de/assets%5c..%5c..%5csecret.txt',
      'app://chuyen-de/index.html%00.js',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://chuyen-de/index.html',
      'app://chuyen-de/%E0%A4%A',
      'not a url'
    ]) {
      expect(resolveAppRequest(url, renderer), url).toBeNull()
    }
  })
})

describe('createAppProtocolHandler', () => {
  const serve = createAppProtocolHandler(renderer)

  it('serves files with their type', async () => {
    const page = await serve({ url: APP_PAGE_URL })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('Chuyên đề 05')
    expect(
      (await serve({ url: 'app://chuyen-de/assets/index-abc.js' })).headers.get('content-type')
    ).toMatch(/^text\/javascript/)
  })

  it('answers 403 outside the folder, 404 for a missing file, 405 for a POST', async () => {
    const outside = await serve({ url: 'app://chuyen-de/%2e%2e/secret.txt' })
    expect(outside.status).toBe(403)
    expect(await outside.text()).toBe('')
    expect((await serve({ url: 'app://chuyen-de/nothing.js' })).status).toBe(404)
    expect((await serve({ url: 'app://chuyen-de/assets' })).status).toBe(404)
    expect((await serve({ url: APP_PAGE_URL, method: 'POST' })).status).toBe(405)
  })
})
