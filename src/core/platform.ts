// What the core needs from the platform it runs on. Electron provides native dialogs; the CLI
// and the test harness provide their own answers. Keep this port small.

export interface FileFilter {
  /** Vietnamese label, e.g. "Bảng tính Excel". */
  name: string
  /** Without dots, e.g. ["xlsx", "csv"]. */
  extensions: string[]
}

export interface PlatformPort {
  /** Asks the user for a file to open; null when cancelled. */
  chooseOpenFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>
  /** Asks the user where to save; null when cancelled. */
  chooseSaveFile(options: {
    title: string
    defaultName: string
    filters: FileFilter[]
  }): Promise<string | null>
}

/** For the CLI: there is nobody to ask. */
export const noDialogs: PlatformPort = {
  chooseOpenFile: () => Promise.resolve(null),
  chooseSaveFile: () => Promise.resolve(null)
}
