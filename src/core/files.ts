// Files that hold personal data: the data folder is the owner's alone, files are created
// exclusively (never opened on top of something already there, such as a link planted by
// someone else) and readable by the owner only. Windows has no POSIX modes; its per-user
// profile folders already keep other users out, so the modes are skipped there.
import { chmodSync, closeSync, mkdirSync, openSync, statSync, type Stats } from 'node:fs'
import { basename } from 'node:path'
import { CoreError } from './db/errors'

const POSIX = process.platform !== 'win32'

export const PRIVATE_DIR_MODE = 0o700
const PRIVATE_FILE_MODE = 0o600

/** Creates `dir` (and its parents) if needed; the folder itself is made owner-only. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  // mkdir's mode only applies to a folder it creates (and is masked by umask).
  if (POSIX) chmodSync(dir, PRIVATE_DIR_MODE)
}

/** Makes an existing file owner-only; quietly does nothing when the system will not. */
export function restrictFile(path: string): void {
  if (!POSIX) return
  try {
    chmodSync(path, PRIVATE_FILE_MODE)
  } catch {
    // A file on a FAT drive or owned by someone else: the data stays usable, only less guarded.
  }
}

/** Creates an empty file that did not exist before (O_EXCL), owner-only. */
export function createExclusive(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE))
}

/**
 * Checks that `path` names an ordinary file the user could have meant to open, with a clear
 * Vietnamese refusal otherwise: a NUL in the name, nothing there, a folder, or a pipe, socket
 * or device (which would block or feed endless bytes if read).
 */
export function checkOrdinaryFile(path: string, what = 'tệp'): Stats {
  if (path.includes('\0')) {
    throw new CoreError(
      'BAD_PATH',
      `Đường dẫn ${what} chứa ký tự không hợp lệ; hãy chọn lại ${what}.`
    )
  }
  let st: Stats
  try {
    st = statSync(path)
  } catch {
    throw new CoreError('NOT_FOUND', `Không tìm thấy ${what} ${path}.`)
  }
  if (st.isDirectory())
    throw new CoreError(
      'NOT_A_FILE',
      `“${basename(path)}” là một thư mục, không phải ${what}; hãy chọn một ${what}.`
    )
  if (!st.isFile()) {
    throw new CoreError(
      'NOT_A_FILE',
      `“${basename(path)}” không phải một ${what} thông thường (có thể là ống dẫn hay thiết bị); hãy chọn một ${what}.`
    )
  }
  return st
}

/**
 * Why a file could not be written, in Vietnamese: the system's own words ("EACCES: permission
 * denied, open …") are English and say nothing of what to do.
 */
export function writeFailureReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return 'tệp có thể đang mở trong Excel, hoặc thư mục không cho ghi: hãy đóng tệp hoặc chọn nơi lưu khác rồi thử lại'
    case 'ENOSPC':
      return 'ổ đĩa đã đầy: hãy giải phóng chỗ trống hoặc chọn ổ khác'
    case 'ENOENT':
    case 'ENOTDIR':
      return 'thư mục không còn tồn tại: hãy chọn nơi lưu khác'
    case 'EROFS':
      return 'ổ đĩa chỉ cho đọc: hãy chọn nơi lưu khác'
    case 'EISDIR':
      return 'đó là một thư mục, không phải tệp'
    default:
      return code ? `lỗi hệ thống (mã ${code})` : 'lỗi không rõ khi ghi tệp'
  }
}
