// Source and config checks for the Electron shell: what cannot be run here is at least read.
// (src/main/index.ts itself is run against a fake electron in electron-main.test.ts.)
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { NATIVE_FILE, nativeDirName } from '../../../src/main/native-binding'

const root = resolve(__dirname, '../../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

describe('the rest of src/main and src/preload', () => {
  it('only index.ts (main) and the preload touch electron at run time; the rest import types only', () => {
    const dir = join(root, 'src', 'main')
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'index.ts')) {
      const text = readFileSync(join(dir, name), 'utf8')
      const electronImports = [
        ...text.matchAll(/^\s*import\s+(type\s+)?[^'"]*from\s*['"]electron['"]/gm)
      ]
      for (const m of electronImports) expect(m[1], `${name}: ${m[0].trim()}`).toBe('type ')
      expect(text, name).not.toMatch(/require\(\s*['"]electron['"]\s*\)/)
    }
  })

  it('the preload exposes only window.api, never ipcRenderer itself', () => {
    const source = read('src/preload/index.ts')
    expect([...source.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1])).toEqual([
      'api'
    ])
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
    expect(source).toMatch(/ipcRenderer\.invoke\(`api:\$\{channel\}`/)
  })
})

describe('electron-builder.yml', () => {
  const yml = read('electron-builder.yml')
  /** The text of a top-level key's block. */
  const block = (key: string) => {
    const m = new RegExp(`^${key}:.*\\n((?:[ \\t]+.*\\n|\\s*\\n)*)`, 'm').exec(yml)
    return m ? m[1] : ''
  }

  it('names the app and its folders', () => {
    expect(yml).toMatch(/^appId: vn\.chuyende05\.app$/m)
    expect(yml).toMatch(/^productName: Chuyên đề 05$/m)
    expect(block('directories')).toMatch(/output: dist/)
    expect(block('directories')).toMatch(/buildResources: build/)
    expect(block('files')).toMatch(/- out\/\*\*/)
    expect(block('files')).toMatch(/- package\.json/)
  })

  it('builds an NSIS x64 installer for Windows and an AppImage x64 for Linux', () => {
    expect(block('win')).toMatch(/- target: nsis\s+arch: \[x64\]/)
    expect(block('linux')).toMatch(/- target: AppImage\s+arch: \[x64\]/)
    expect(block('nsis')).toMatch(/oneClick: false/)
    expect(block('nsis')).toMatch(/allowToChangeInstallationDirectory: true/)
    expect(block('nsis')).toMatch(/deleteAppDataOnUninstall: false/)
  })

  it('flips the fuses of the packaged binary (no Node mode, no NODE_OPTIONS or inspect, app only from a checked asar)', () => {
    const fuses = Object.fromEntries(
      block('electronFuses')
        .split('\n')
        .map((line) => /^\s+(\w+):\s*(\S+)\s*$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]])
    )
    expect(fuses).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false'
    })
    // Fuse names electron-builder knows (a misspelt one would be refused at packaging time only).
    const scheme = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } }
      properties: Record<string, unknown>
    }
    expect(scheme.properties).toHaveProperty('electronFuses')
    for (const name of Object.keys(fuses))
      expect(scheme.definitions.FuseOptionsV1.properties, name).toHaveProperty(name)
    // ASAR integrity and "only from asar" need the app packed in an asar.
    expect(yml).toMatch(/^asar: true$/m)
  })

  it('does not rebuild native modules in node_modules, and ships our Electron build instead', () => {
    expect(yml).toMatch(/^npmRebuild: false$/m)
    for (const [key, platform] of [
      ['win', 'win32'],
      ['linux', 'linux']
    ] as const) {
      // Either quote: the YAML is formatted by Prettier.
      const filter = /filter: \[["']([^"']+)["']\]/.exec(block(key))?.[1]
      expect(filter, `${key} extraResources filter`).toBeDefined()
      expect(block(key)).toMatch(/from: build\/native\s+to: native/)
      // The glob must match what scripts/electron-native.mjs writes for that platform.
      const glob = filter!.replace('${arch}', 'x64')
      const re = new RegExp(
        `^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`
      )
      expect(`${nativeDirName('45.5.0', platform, 'x64')}/${NATIVE_FILE}`).toMatch(re)
      expect(
        `${nativeDirName('45.5.0', platform === 'win32' ? 'linux' : 'win32', 'x64')}/${NATIVE_FILE}`
      ).not.toMatch(re)
    }
  })
})

describe('scripts/electron-native.mjs', () => {
  const load = async () =>
    (await import(pathToFileURL(join(root, 'scripts', 'electron-native.mjs')).href)) as {
      NATIVE_FILE: string
      nativeDirName: (v: string, p: string, a: string) => string
      chooseTargets: (
        argv: string[],
        env: Record<string, string | undefined>,
        host?: { platform: string; arch: string }
      ) => Array<{ platform: string; arch: string }>
      looksLikeLibraryFor: (platform: string, bytes: Buffer) => boolean
    }

  it('writes where the main process looks', async () => {
    const script = await load()
    expect(script.NATIVE_FILE).toBe(NATIVE_FILE)
    expect(script.nativeDirName('45.5.0', 'win32', 'x64')).toBe(
      nativeDirName('45.5.0', 'win32', 'x64')
    )
  })

  it('builds for the host, for every packaged platform under npm run dist, or as told', async () => {
    const { chooseTargets } = await load()
    const host = { platform: 'linux', arch: 'x64' }
    expect(chooseTargets([], { npm_lifecycle_event: 'prestart' }, host)).toEqual([host])
    expect(chooseTargets([], { npm_lifecycle_event: 'dist' }, host)).toEqual([
      { platform: 'win32', arch: 'x64' },
      { platform: 'linux', arch: 'x64' }
    ])
    expect(chooseTargets(['--targets=win32-ia32'], {}, host)).toEqual([
      { platform: 'win32', arch: 'ia32' }
    ])
  })

  it('recognises a library of the wrong platform', async () => {
    const { looksLikeLibraryFor } = await load()
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1])
    const pe = Buffer.from('MZ\x90\x00', 'latin1')
    expect(looksLikeLibraryFor('linux', elf)).toBe(true)
    expect(looksLikeLibraryFor('win32', pe)).toBe(true)
    expect(looksLikeLibraryFor('win32', elf)).toBe(false)
    expect(looksLikeLibraryFor('linux', pe)).toBe(false)
  })

  it('builds in a temporary copy of the package, never in node_modules/better-sqlite3', () => {
    const text = read('scripts/electron-native.mjs')
    expect(text).toMatch(/mkdtempSync\(join\(tmpdir\(\)/)
    expect(text).toMatch(/copyPackageSources\(sourceDir, pkgDir\)/)
    expect(text).toMatch(/run\('node-gyp', args, pkgDir\)/)
    expect(text).toMatch(/run\('prebuild-install', args, pkgDir\)/)
  })
})
