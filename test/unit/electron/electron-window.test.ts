// The pure parts of the main process: window security flags, "is this our page?", the menu,
// the native dialogs port and where the Electron build of better-sqlite3 is looked for.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createDialogPort, withExtension } from '../../../src/main/dialogs'
import { APP_PAGE_URL } from '../../../src/main/app-protocol'
import { aboutDetail, buildMenuTemplate } from '../../../src/main/menu'
import { nativeBindingPath, nativeDirName } from '../../../src/main/native-binding'
import {
  builtPaths,
  isAppUrl,
  mainWindowOptions,
  secureWebPreferences
} from '../../../src/main/window-options'

describe('window options', () => {
  const paths = builtPaths('/app/out/main')

  it('points the preload at the CommonJS bundle and the page at out/renderer', () => {
    expect(paths.preload).toBe(join('/app/out/preload/index.cjs'))
    expect(paths.rendererDir).toBe(join('/app/out/renderer'))
    expect(paths.indexHtml).toBe(join('/app/out/renderer/index.html'))
  })

  it('asserts every security flag', () => {
    const prefs = mainWindowOptions({ preloadPath: paths.preload }).webPreferences
    expect(prefs).toMatchObject({
      preload: paths.preload,
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
      devTools: false
    })
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true)
    expect(secureWebPreferences('/p', { devTools: true }).sandbox).toBe(true)
  })

  it('opens hidden (shown on ready-to-show) with a sensible size', () => {
    const options = mainWindowOptions({ preloadPath: '/p', iconPath: '/i.png' })
    expect(options.show).toBe(false)
    expect(options.icon).toBe('/i.png')
    expect(options.minWidth).toBeGreaterThanOrEqual(800)
  })
})

describe('isAppUrl', () => {
  const page = { pageUrl: APP_PAGE_URL }
  const own = APP_PAGE_URL

  it('accepts the page itself, with a hash route or a query', () => {
    expect(own).toBe('app://chuyen-de/index.html')
    expect(isAppUrl(own, page)).toBe(true)
    expect(isAppUrl(`${own}#/people/3`, page)).toBe(true)
    expect(isAppUrl(`${own}?x=1`, page)).toBe(true)
    expect(isAppUrl('app://chuyen-de/%69ndex.html', page)).toBe(true)
  })

  it('refuses files, other app:// pages and hosts, other schemes and other sites', () => {
    for (const url of [
      'file:///etc/passwd',
      pathToFileURL('/home/nguyễn/Chuyên đề 05/out/renderer/index.html').href,
      'app://chuyen-de/evil.html',
      'app://chuyen-de/index.html.bak',
      'app://other-host/index.html',
      'https://evil.example/',
      'http://localhost:5173/',
      'about:blank',
      'data:text/html,hi',
      'javascript:alert(1)',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      ''
    ]) {
      expect(isAppUrl(url, page), url).toBe(false)
    }
  })

  it('sees through ../ in the URL', () => {
    expect(isAppUrl('app://chuyen-de/assets/../index.html', page)).toBe(true)
    expect(isAppUrl('app://chuyen-de/x/../../evil/index.html', page)).toBe(false)
  })

  it('accepts the dev server origin only when one is given', () => {
    const dev = { pageUrl: APP_PAGE_URL, devServerUrl: 'http://localhost:5173' }
    expect(isAppUrl('http://localhost:5173/#/units', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('https://evil.example/', dev)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', page)).toBe(false)
    expect(isAppUrl(own, dev)).toBe(true)
  })
})

type MenuItem = ReturnType<typeof buildMenuTemplate>[number]

describe('menu', () => {
  const labels = (items: MenuItem[]) => items.map((i) => i.label)

  it('is in Vietnamese, with Tệp → Thoát, edit roles, zoom and Giới thiệu', () => {
    let about = 0
    const menu = buildMenuTemplate({ devTools: false, onAbout: () => about++ })
    expect(labels(menu)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp'])
    const sub = (i: number) => menu[i].submenu as MenuItem[]
    expect(sub(0)[0]).toMatchObject({ role: 'quit', label: 'Thoát' })
    expect(
      sub(1)
        .map((i) => i.role)
        .filter(Boolean)
    ).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
    expect(labels(sub(2))).toEqual(expect.arrayContaining(['Tải lại', 'Phóng to', 'Thu nhỏ']))
    expect(sub(2).some((i) => i.role === 'toggleDevTools')).toBe(false)
    const item = sub(3)[0]
    expect(item.label).toBe('Giới thiệu')
    ;(item.click as () => void)()
    expect(about).toBe(1)
  })

  it('offers the developer tools only in development', () => {
    const menu = buildMenuTemplate({ devTools: true, onAbout: () => {} })
    expect((menu[2].submenu as MenuItem[]).some((i) => i.role === 'toggleDevTools')).toBe(true)
  })

  it('describes the app in the about box', () => {
    expect(
      aboutDetail({ appVersion: '0.1.0', electron: '45.5.0', chrome: '1', node: '22' })
    ).toMatch(/Phiên bản 0\.1\.0/)
  })
})

describe('dialogs port', () => {
  const filters = [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]

  it('returns the chosen file, or null when cancelled', async () => {
    const seen: unknown[] = []
    const port = createDialogPort(
      {
        showOpenDialog: async (o) => (seen.push(o), { canceled: false, filePaths: ['/d/a.xlsx'] }),
        showSaveDialog: async (o) => (seen.push(o), { canceled: false, filePath: '/d/out' })
      },
      '/home/u/Documents'
    )
    await expect(port.chooseOpenFile({ title: 'Chọn tệp Excel', filters })).resolves.toBe(
      '/d/a.xlsx'
    )
    await expect(
      port.chooseSaveFile({ title: 'Lưu báo cáo', defaultName: 'bao-cao.xlsx', filters })
    ).resolves.toBe('/d/out.xlsx')
    expect(seen[0]).toMatchObject({
      title: 'Chọn tệp Excel',
      filters,
      properties: ['openFile'],
      buttonLabel: 'Mở'
    })
    // Exports are written plain even when the data is encrypted; the dialog says so.
    expect(seen[1]).toMatchObject({
      title: 'Lưu báo cáo (tệp Excel không mã hóa)',
      defaultPath: join('/home/u/Documents', 'bao-cao.xlsx'),
      buttonLabel: 'Lưu'
    })

    const cancelled = createDialogPort(
      {
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showSaveDialog: async () => ({ canceled: true, filePath: '' })
      },
      '/d'
    )
    await expect(cancelled.chooseOpenFile({ title: 't', filters })).resolves.toBeNull()
    await expect(
      cancelled.chooseSaveFile({ title: 't', defaultName: 'x.xlsx', filters })
    ).resolves.toBeNull()
  })

  it('adds the extension only when the name lacks an allowed one', () => {
    expect(withExtension('/d/a.XLSX', filters)).toBe('/d/a.XLSX')
    expect(withExtension('/d/a', filters)).toBe('/d/a.xlsx')
    expect(withExtension('/d/a.txt', filters)).toBe('/d/a.txt.xlsx')
    expect(withExtension('/d/a', [])).toBe('/d/a')
    expect(withExtension('/d/a', [{ name: 'Mọi tệp', extensions: ['*'] }])).toBe('/d/a')
  })
})

describe('native binding path', () => {
  const at = {
    resourcesPath: '/opt/app/resources',
    appPath: '/src/app',
    electronVersion: '45.5.0',
    platform: 'linux',
    arch: 'x64'
  }

  it('names the folder by Electron version, platform and arch', () => {
    expect(nativeDirName('45.5.0', 'win32', 'x64')).toBe('electron-v45.5.0-win32-x64')
  })

  it('looks in resources/native when packaged, build/native in development', () => {
    expect(nativeBindingPath({ ...at, packaged: true })).toBe(
      join('/opt/app/resources/native/electron-v45.5.0-linux-x64/better_sqlite3.node')
    )
    expect(nativeBindingPath({ ...at, packaged: false })).toBe(
      join('/src/app/build/native/electron-v45.5.0-linux-x64/better_sqlite3.node')
    )
  })
})
