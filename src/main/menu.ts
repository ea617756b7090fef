// The application menu, in Vietnamese. Pure: returns a template; index.ts builds it.
import type { MenuItemConstructorOptions } from 'electron'
import { PRODUCT_NAME } from './window-options'

export function buildMenuTemplate(options: {
  devTools: boolean
  onAbout: () => void
}): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: 'Tải lại' },
    { type: 'separator' },
    { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
    { role: 'zoomIn', label: 'Phóng to' },
    { role: 'zoomOut', label: 'Thu nhỏ' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Toàn màn hình' }
  ]
  if (options.devTools)
    view.push({ type: 'separator' }, { role: 'toggleDevTools', label: 'Công cụ phát triển' })
  return [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát', accelerator: 'CmdOrCtrl+Q' }] },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' }
      ]
    },
    { label: 'Xem', submenu: view },
    { label: 'Trợ giúp', submenu: [{ label: 'Giới thiệu', click: () => options.onAbout() }] }
  ]
}

export function aboutDetail(info: {
  appVersion: string
  electron: string
  chrome: string
  node: string
}): string {
  return [
    `Phiên bản ${info.appVersion}`,
    'Quản lý việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW).',
    'Dữ liệu lưu trên máy này, không cần Internet.',
    '',
    `Electron ${info.electron} · Chromium ${info.chrome} · Node.js ${info.node}`
  ].join('\n')
}

export const ABOUT_TITLE = `Giới thiệu ${PRODUCT_NAME}`
