// The PlatformPort of the desktop app: the core asks for a file, Electron's native dialogs
// answer. Pure: the dialog functions are passed in (index.ts binds them to the main window).
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue
} from 'electron'
import { extname, join } from 'node:path'
import type { FileFilter, PlatformPort } from '../core/platform'

export interface DialogFunctions {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>
}

const PLAIN_EXPORT_NOTE = '(tệp Excel không mã hóa)'
const PLAIN_EXPORT_MESSAGE =
  'Tệp Excel xuất ra không được mã hóa, kể cả khi dữ liệu có mật khẩu: hãy giữ và gửi nó cẩn thận.'

export function createDialogPort(dialogs: DialogFunctions, defaultDir: string): PlatformPort {
  return {
    async chooseOpenFile({ title, filters }) {
      const result = await dialogs.showOpenDialog({
        title,
        buttonLabel: 'Mở',
        defaultPath: defaultDir,
        filters,
        properties: ['openFile']
      })
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]
    },
    async chooseSaveFile({ title, defaultName, filters }) {
      // Every file saved from the app is a spreadsheet meant to be sent: it is written plain even
      // when the data file is encrypted, and the dialog says so (the title on every system, the
      // message where the system shows one).
      const result = await dialogs.showSaveDialog({
        title: `${title} ${PLAIN_EXPORT_NOTE}`,
        message: PLAIN_EXPORT_MESSAGE,
        buttonLabel: 'Lưu',
        defaultPath: join(defaultDir, defaultName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation']
      })
      return result.canceled || !result.filePath ? null : withExtension(result.filePath, filters)
    }
  }
}

/**
 * GTK's save dialog (Linux) does not add the filter's extension when the user types a bare
 * name; Windows does. Add the first extension when the name has none of the allowed ones.
 */
export function withExtension(filePath: string, filters: FileFilter[]): string {
  const allowed = filters.flatMap((f) => f.extensions).map((e) => e.toLowerCase())
  if (allowed.length === 0 || allowed.includes('*')) return filePath
  const ext = extname(filePath).slice(1).toLowerCase()
  return allowed.includes(ext) ? filePath : `${filePath}.${allowed[0]}`
}
