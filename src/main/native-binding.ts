// Where the Electron build of better-sqlite3 lives. scripts/electron-native.mjs makes it (same
// naming, checked by a test); the packaged app carries it in resources/native via
// electron-builder.yml's extraResources. Pure.
import { join } from 'node:path'

export const NATIVE_FILE = 'better_sqlite3.node'

/** e.g. electron-v45.5.0-win32-x64 */
export function nativeDirName(electronVersion: string, platform: string, arch: string): string {
  return `electron-v${electronVersion}-${platform}-${arch}`
}

export interface NativeLocation {
  packaged: boolean
  /** process.resourcesPath */
  resourcesPath: string
  /** app.getAppPath(): the project root in development. */
  appPath: string
  electronVersion: string
  platform: string
  arch: string
}

export function nativeBindingPath(at: NativeLocation): string {
  const dir = nativeDirName(at.electronVersion, at.platform, at.arch)
  return at.packaged
    ? join(at.resourcesPath, 'native', dir, NATIVE_FILE)
    : join(at.appPath, 'build', 'native', dir, NATIVE_FILE)
}

/** Shown (then the app quits) when the file is not there. */
export function missingNativeMessage(path: string, packaged: boolean): string {
  return packaged
    ? `Thiếu thư viện SQLite của ứng dụng:\n${path}\n\nHãy cài đặt lại phần mềm.`
    : `Thiếu thư viện SQLite dựng cho Electron:\n${path}\n\n` +
        'Hãy chạy “npm start” (hoặc “node scripts/electron-native.mjs”) để dựng thư viện này; ' +
        'lần đầu cần kết nối Internet.'
}
