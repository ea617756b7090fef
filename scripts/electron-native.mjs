#!/usr/bin/env node
// Makes the Electron build of better-sqlite3-multiple-ciphers for the desktop app, without touching
// node_modules/better-sqlite3-multiple-ciphers/build (that one stays built for Node, for the tests and the CLI).
//
//   build/native/electron-v<electron version>-<platform>-<arch>/better_sqlite3.node
//
// The main process hands this file to better-sqlite3-multiple-ciphers as its `nativeBinding` option. Run by
// `npm start` (prestart), `npm run dev` and `npm run dist`; skips when the file is already
// there for this Electron and better-sqlite3-multiple-ciphers version. Steps, in a temporary copy of the
// better-sqlite3-multiple-ciphers package sources:
//   1. prebuild-install --runtime electron: downloads better-sqlite3-multiple-ciphers's own prebuilt binary from
//      its GitHub release (works for other platforms too, e.g. win32 from Linux for `dist`);
//   2. otherwise node-gyp rebuild --runtime=electron --target=<version>
//      --dist-url=https://electronjs.org/headers (host platform only; needs a C++ toolchain).
// Both need Internet the first time; `npm install` itself never downloads anything but npm
// packages.
//
// Usage: node scripts/electron-native.mjs [--targets=win32-x64,linux-x64] [--force]
// Without --targets: the host platform, or every packaged platform when run as `npm run dist`.

import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const NATIVE_FILE = 'better_sqlite3.node'
/** The platforms electron-builder.yml packages (npm run dist). */
export const DIST_TARGETS = [
  { platform: 'win32', arch: 'x64' },
  { platform: 'linux', arch: 'x64' }
]
const ELECTRON_HEADERS = 'https://electronjs.org/headers'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(projectRoot, 'package.json'))

/** Same naming as src/main/native-binding.ts (a unit test keeps them equal). */
export function nativeDirName(electronVersion, platform, arch) {
  return `electron-v${electronVersion}-${platform}-${arch}`
}

/** Which platforms to build for. */
export function chooseTargets(
  argv,
  env,
  host = { platform: process.platform, arch: process.arch }
) {
  const flag = argv.find((a) => a.startsWith('--targets='))
  if (flag) {
    return flag
      .slice('--targets='.length)
      .split(',')
      .filter(Boolean)
      .map((t) => {
        const [platform, arch] = t.split('-')
        if (!platform || !arch) throw new Error(`--targets: "${t}" is not <platform>-<arch>`)
        return { platform, arch }
      })
  }
  if (env.npm_lifecycle_event === 'dist') return DIST_TARGETS
  return [host]
}

/** Magic bytes of a shared library for each platform: a cheap check that we got the right file. */
export function looksLikeLibraryFor(platform, bytes) {
  if (bytes.length < 4) return false
  if (platform === 'win32') return bytes[0] === 0x4d && bytes[1] === 0x5a // MZ
  if (platform === 'darwin') {
    const magic = bytes.readUInt32BE(0)
    return [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)
  }
  return bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46 // ELF
}

/**
 * Environment for the child tools: without npm's per-script variables, which would otherwise
 * steer prebuild-install and node-gyp (npm_config_target, npm_config_runtime,
 * npm_config_build_from_source, npm_package_resolved …) away from what we ask on the command line.
 */
function cleanEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (/^npm_(config|package|lifecycle)_/i.test(key)) delete env[key]
  }
  return env
}

function run(label, args, cwd) {
  console.log(
    `[electron-native] ${label}: ${args.map((a) => (a.includes(' ') ? JSON.stringify(a) : a)).join(' ')}`
  )
  const result = spawnSync(process.execPath, args, { cwd, env: cleanEnv(), stdio: 'inherit' })
  if (result.error)
    console.error(`[electron-native] ${label} could not start: ${result.error.message}`)
  return result.status === 0
}

function resolveTool(specifier) {
  try {
    return require.resolve(specifier, {
      paths: [dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), projectRoot]
    })
  } catch {
    return null
  }
}

/** Copies the package sources, leaving out its build output (so the copy starts clean). */
function copyPackageSources(from, to) {
  cpSync(from, to, {
    recursive: true,
    filter: (src) => {
      const rel = relative(from, src)
      const top = rel.split(sep)[0]
      return !['build', 'node_modules', 'prebuilds'].includes(top)
    }
  })
}

/**
 * Builds (or downloads) better_sqlite3.node for one runtime/target/platform/arch into outFile.
 * Exported with all its knobs so it can be exercised against Node's own headers.
 */
export function buildNative({
  runtime,
  target,
  platform,
  arch,
  outFile,
  distUrl,
  devDir,
  gypArgs = []
}) {
  const sourceDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'))
  const work = mkdtempSync(join(tmpdir(), 'chuyende05-native-'))
  try {
    const pkgDir = join(work, 'better-sqlite3-multiple-ciphers')
    copyPackageSources(sourceDir, pkgDir)
    const built = join(pkgDir, 'build', 'Release', NATIVE_FILE)
    let method = null

    const prebuild = resolveTool('prebuild-install/bin.js')
    if (prebuild) {
      const args = [
        prebuild,
        `--runtime=${runtime}`,
        `--target=${target}`,
        `--platform=${platform}`,
        `--arch=${arch}`,
        '--verbose'
      ]
      if (run('prebuild-install', args, pkgDir) && existsSync(built)) method = 'prebuild-install'
    }
    if (!method) {
      if (platform !== process.platform) {
        throw new Error(
          `No prebuilt better-sqlite3-multiple-ciphers for ${runtime} ${target} ${platform}-${arch} could be downloaded, ` +
            `and it cannot be compiled on ${process.platform}. Build it on ${platform} ` +
            `(node scripts/electron-native.mjs), then copy build/native/ here.`
        )
      }
      const nodeGyp = resolveTool('node-gyp/bin/node-gyp.js') ?? process.env.npm_config_node_gyp
      if (!nodeGyp)
        throw new Error('node-gyp not found (it comes with npm; reinstall npm or run npm install).')
      const args = [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${target}`,
        `--arch=${arch}`,
        ...gypArgs
      ]
      if (runtime !== 'node') args.push(`--runtime=${runtime}`)
      if (distUrl) args.push(`--dist-url=${distUrl}`)
      if (devDir) args.push(`--devdir=${devDir}`)
      if (run('node-gyp', args, pkgDir) && existsSync(built)) method = 'node-gyp'
    }
    if (!method)
      throw new Error(
        `Could not build better-sqlite3-multiple-ciphers for ${runtime} ${target} ${platform}-${arch} (see the output above).`
      )
    if (!looksLikeLibraryFor(platform, readFileSync(built))) {
      throw new Error(`${built} is not a ${platform} library; refusing to use it.`)
    }

    // Copy under a temporary name, then rename: a half-copied file is never taken as done.
    mkdirSync(dirname(outFile), { recursive: true })
    const partial = `${outFile}.partial`
    cpSync(built, partial)
    renameSync(partial, outFile)
    return method
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

/** Builds for one Electron target unless an up-to-date file is there. Returns its path. */
export function ensureElectronNative({
  electronVersion,
  betterSqliteVersion,
  platform,
  arch,
  nativeRoot,
  force = false
}) {
  const dir = join(nativeRoot, nativeDirName(electronVersion, platform, arch))
  const file = join(dir, NATIVE_FILE)
  const infoFile = join(dir, 'info.json')
  const info = readJson(infoFile)
  if (!force && existsSync(file) && info?.betterSqlite3 === betterSqliteVersion) {
    console.log(`[electron-native] up to date: ${relative(projectRoot, file)}`)
    return file
  }
  console.log(
    `[electron-native] building better-sqlite3-multiple-ciphers ${betterSqliteVersion} for Electron ${electronVersion} ${platform}-${arch}`
  )
  const method = buildNative({
    runtime: 'electron',
    target: electronVersion,
    platform,
    arch,
    outFile: file,
    distUrl: ELECTRON_HEADERS,
    // Electron headers apart from Node's, as @electron/rebuild does.
    devDir: join(homedir(), '.electron-gyp')
  })
  writeFileSync(
    infoFile,
    JSON.stringify(
      {
        electron: electronVersion,
        betterSqlite3: betterSqliteVersion,
        platform,
        arch,
        method,
        builtAt: new Date().toISOString()
      },
      null,
      2
    ) + '\n'
  )
  // Older Electron versions' builds for this platform would only be packaged by mistake.
  const prefix = 'electron-v'
  const suffix = `-${platform}-${arch}`
  for (const name of readdirSync(nativeRoot)) {
    if (
      name.startsWith(prefix) &&
      name.endsWith(suffix) &&
      name !== nativeDirName(electronVersion, platform, arch)
    ) {
      rmSync(join(nativeRoot, name), { recursive: true, force: true })
      console.log(`[electron-native] removed stale ${name}`)
    }
  }
  console.log(`[electron-native] ${method}: ${relative(projectRoot, file)}`)
  return file
}

function main() {
  const argv = process.argv.slice(2)
  const electronVersion = readJson(require.resolve('electron/package.json'))?.version
  const betterSqliteVersion = readJson(
    require.resolve('better-sqlite3-multiple-ciphers/package.json')
  )?.version
  if (!electronVersion || !betterSqliteVersion)
    throw new Error(
      'electron or better-sqlite3-multiple-ciphers is not installed; run npm install.'
    )
  const nativeRoot = join(projectRoot, 'build', 'native')
  for (const { platform, arch } of chooseTargets(argv, process.env)) {
    ensureElectronNative({
      electronVersion,
      betterSqliteVersion,
      platform,
      arch,
      nativeRoot,
      force: argv.includes('--force')
    })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main()
  } catch (error) {
    console.error(`[electron-native] ${error instanceof Error ? error.message : error}`)
    console.error(
      '[electron-native] Không dựng được thư viện SQLite cho Electron. Lần đầu cần Internet (tải bản dựng sẵn ' +
        'hoặc header của Electron); nếu phải biên dịch cần Python và trình biên dịch C++ ' +
        '(Windows: Visual Studio Build Tools, "Desktop development with C++").'
    )
    process.exit(1)
  }
}
