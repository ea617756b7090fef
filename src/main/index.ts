// The Electron main process: lifecycle, window, menu, IPC, native dialogs. Thin on purpose:
// every decision that can be tested lives in the pure modules next to this file.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type WebContents
} from 'electron'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { appDataFolderName, openCore, type Core } from '../core/index'
import {
  APP_PAGE_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler
} from './app-protocol'
import { createDialogPort } from './dialogs'
import { registerIpc } from './ipc'
import { ABOUT_TITLE, aboutDetail, buildMenuTemplate } from './menu'
import { missingNativeMessage, nativeBindingPath } from './native-binding'
import {
  builtPaths,
  isAppUrl,
  isTrustedSender,
  mainWindowOptions,
  PRODUCT_NAME,
  type AppPage
} from './window-options'
import { WorkTracker } from './work-tracker'

const APP_ID = 'vn.chuyende05.app'
const mainDir = dirname(fileURLToPath(import.meta.url))
const paths = builtPaths(mainDir)
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const devTools = !app.isPackaged
const page: AppPage = { pageUrl: APP_PAGE_URL, devServerUrl }

// A stable data folder whatever the product name or its accents: userData (Chromium's own
// files) and the core's data live in <appData>/ChuyenDe05. Must be set before 'ready'.
const dataDir = join(app.getPath('appData'), appDataFolderName)
app.setName(PRODUCT_NAME)
app.setPath('userData', dataDir)
if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
// The page's own origin (app://chuyen-de), which must be known before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

let mainWindow: BrowserWindow | null = null
let core: Core | null = null
const tracker = new WorkTracker()
let shuttingDown = false

if (!app.requestSingleInstanceLock()) {
  // Another copy owns the database; it gets a 'second-instance' event and comes forward.
  app.quit()
} else {
  app.on('second-instance', () => focusMainWindow())
  app.on('web-contents-created', (_event, contents) => guardContents(contents))
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (event) => {
    // Quit only after the writes in flight have landed and the database is closed.
    event.preventDefault()
    if (shuttingDown) return
    shuttingDown = true
    void shutdown()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal('Không khởi động được ứng dụng', error))
}

function start(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)

  // Serves out/renderer only; anything else (.., other hosts) is refused by the handler.
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir))

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ devTools, onAbout: showAbout }))
  )

  const nativeBinding = nativeBindingPath({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch
  })
  if (!existsSync(nativeBinding)) {
    dialog.showErrorBox(PRODUCT_NAME, missingNativeMessage(nativeBinding, app.isPackaged))
    app.exit(1)
    return
  }

  const platform = createDialogPort(
    {
      showOpenDialog: (options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)
    },
    app.getPath('documents')
  )
  try {
    core = openCore({ dataDir, appVersion: app.getVersion(), platform, nativeBinding })
  } catch (error) {
    fatal('Không mở được dữ liệu', error)
    return
  }
  const opened = core

  registerIpc(
    ipcMain,
    (channel, input) => opened.dispatch(channel, input),
    (event) =>
      isTrustedSender(
        {
          frame: event.senderFrame,
          fromMainWindow: mainWindow !== null && event.sender === mainWindow.webContents
        },
        page
      ),
    tracker
  )
  createMainWindow()
}

function createMainWindow(): void {
  const iconPath = app.isPackaged
    ? join(process.resourcesPath, 'icon.png')
    : join(app.getAppPath(), 'resources', 'icon.png')
  const win = new BrowserWindow(
    mainWindowOptions({
      preloadPath: paths.preload,
      iconPath: existsSync(iconPath) ? iconPath : undefined,
      devTools
    })
  )
  mainWindow = win
  guardContents(win.webContents)
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  const loading = win.loadURL(devServerUrl ?? APP_PAGE_URL)
  loading.catch((error: unknown) => fatal('Không tải được giao diện', error))
}

const guarded = new WeakSet<WebContents>()

/** Every webContents (ours or any other): no navigation away, no new windows, no webviews. */
function guardContents(contents: WebContents): void {
  if (guarded.has(contents)) return
  guarded.add(contents)
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, page)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, page)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, page)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  if (!mainWindow.isVisible()) mainWindow.show()
  mainWindow.focus()
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: ABOUT_TITLE,
    message: PRODUCT_NAME,
    detail: aboutDetail({
      appVersion: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node
    }),
    buttons: ['Đóng']
  }
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))
}

async function shutdown(): Promise<void> {
  try {
    await tracker.shutdown()
    core?.close()
    core = null
  } catch (error) {
    console.error('[main] closing the core failed', error)
  } finally {
    app.exit(0)
  }
}

function fatal(title: string, error: unknown): void {
  // CoreStartError and CoreError carry a Vietnamese message for the user.
  const message = error instanceof Error ? error.message : String(error)
  console.error(`[main] ${title}`, error)
  dialog.showErrorBox(title, message)
  try {
    core?.close()
  } catch {
    // Already failing; the database closes with the process anyway.
  }
  app.exit(1)
}
