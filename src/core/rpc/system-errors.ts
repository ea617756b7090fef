// What SQLite and the operating system say when something fails ("file is not a database",
// "ENOSPC: no space left on device, write", "EACCES: permission denied, open …") is English and
// says nothing of what to do. Every such failure that reaches the page gets a Vietnamese sentence
// here, by its code; the original text goes only to the log (dispatch.ts).
import type { ApiError } from '../../shared/api'

const AGAIN = 'Hãy thử lại; nếu vẫn lỗi, hãy báo cho người hỗ trợ kèm thời điểm xảy ra.'

/** By the error's code (SQLite's extended codes match on their base, e.g. SQLITE_IOERR_WRITE). */
const BY_CODE: [test: (code: string) => boolean, error: ApiError][] = [
  [
    (c) => c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED') || c === 'EBUSY',
    {
      code: 'BUSY',
      message:
        'Tệp đang bận (có thể một chương trình khác đang mở nó). Hãy đóng chương trình đó hoặc thử lại sau giây lát.'
    }
  ],
  [
    (c) => c === 'SQLITE_FULL' || c === 'ENOSPC' || c === 'EDQUOT',
    {
      code: 'DISK_FULL',
      message: 'Ổ đĩa đã đầy; chưa ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại.'
    }
  ],
  [
    (c) => c.startsWith('SQLITE_CORRUPT'),
    {
      code: 'DB_CORRUPT',
      message: 'Tệp dữ liệu bị hỏng. Hãy khôi phục từ một bản sao lưu trong mục Dữ liệu & sao lưu.'
    }
  ],
  [
    (c) => c === 'SQLITE_NOTADB',
    {
      code: 'NOT_A_DATA_FILE',
      message:
        'Tệp này không phải tệp dữ liệu của phần mềm, hoặc đã được mã hóa bằng một mật khẩu khác.'
    }
  ],
  [
    (c) => c === 'EACCES' || c === 'EPERM' || c === 'SQLITE_PERM' || c === 'SQLITE_AUTH',
    {
      code: 'NO_ACCESS',
      message:
        'Không có quyền đọc hoặc ghi tệp hay thư mục này. Hãy chọn nơi khác, hoặc nhờ người quản trị máy cấp quyền.'
    }
  ],
  [
    (c) => c === 'EROFS' || c.startsWith('SQLITE_READONLY'),
    {
      code: 'READ_ONLY',
      message: 'Tệp hoặc ổ đĩa chỉ cho đọc, không ghi được. Hãy chọn nơi khác.'
    }
  ],
  [
    (c) => c === 'ENOENT' || c === 'ENOTDIR' || c.startsWith('SQLITE_CANTOPEN'),
    {
      code: 'FILE_MISSING',
      message:
        'Không tìm thấy tệp hoặc thư mục (có thể đã bị xóa, đổi tên, hoặc ổ đĩa đã được rút ra).'
    }
  ],
  [
    (c) => c === 'EISDIR',
    { code: 'IS_DIRECTORY', message: 'Đây là một thư mục, không phải tệp. Hãy chọn một tệp.' }
  ],
  [
    (c) => c === 'EMFILE' || c === 'ENFILE' || c === 'ENOMEM' || c === 'SQLITE_NOMEM',
    {
      code: 'NO_RESOURCES',
      message: `Máy đang thiếu bộ nhớ hoặc mở quá nhiều tệp. Hãy đóng bớt chương trình khác. ${AGAIN}`
    }
  ],
  [
    (c) => c === 'EIO' || c.startsWith('SQLITE_IOERR'),
    {
      code: 'IO_ERROR',
      message: `Không đọc hoặc ghi được ổ đĩa (ổ đĩa có thể bị lỗi hoặc đã được rút ra). ${AGAIN}`
    }
  ]
]

/** The Vietnamese refusal for a system or SQLite error code; null for codes not known here. */
export function systemError(code: string): ApiError | null {
  const hit = BY_CODE.find(([test]) => test(code))
  return hit ? { ...hit[1] } : null
}
