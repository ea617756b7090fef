// What is wrong with a file that is not a usable data file, read from its first 100 bytes
// (SQLite's file header) instead of from SQLite's English error: an empty file, another kind of
// file, or a data file cut short (a copy that did not finish, a full disk) are different
// problems with different remedies, and the user is told which.
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { CoreError } from './errors'

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

export type FileState =
  | { kind: 'empty' }
  | { kind: 'not-sqlite' }
  | { kind: 'truncated'; size: number; expected: number }
  | { kind: 'whole' }

function inspectDatabaseHeader(path: string): FileState {
  const size = statSync(path).size
  if (size === 0) return { kind: 'empty' }
  const head = Buffer.alloc(100)
  const fd = openSync(path, 'r')
  let read: number
  try {
    read = readSync(fd, head, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (read < MAGIC.length || !head.subarray(0, MAGIC.length).equals(MAGIC))
    return { kind: 'not-sqlite' }
  if (read < 100) return { kind: 'truncated', size, expected: 100 }
  const rawPageSize = head.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  const pages = head.readUInt32BE(28)
  // The page count in the header is trusted only when written by SQLite 3.7.0+ (version-valid-for
  // equal to the change counter); older files leave it stale.
  const countValid = head.readUInt32BE(92) === head.readUInt32BE(24) && pages > 0
  if (countValid && size < pages * pageSize)
    return { kind: 'truncated', size, expected: pages * pageSize }
  return { kind: 'whole' }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
}

/** The Vietnamese refusal for a file SQLite could not use; `what` names it ("Tệp sao lưu x"). */
export function unusableFileError(path: string, sqliteCode?: string): CoreError {
  const name = basename(path)
  let state: FileState
  try {
    state = inspectDatabaseHeader(path)
  } catch {
    return new CoreError('NOT_FOUND', `Không đọc được tệp ${name}.`)
  }
  switch (state.kind) {
    case 'empty':
      return new CoreError(
        'DB_NOT_SQLITE',
        `Tệp ${name} trống (0 byte), không phải tệp dữ liệu của phần mềm.`
      )
    case 'not-sqlite':
      return new CoreError('DB_NOT_SQLITE', `Tệp ${name} không phải tệp dữ liệu của phần mềm.`)
    case 'truncated':
      return new CoreError(
        'DB_TRUNCATED',
        `Tệp ${name} không trọn vẹn: nó bị cắt ngắn (có ${mb(state.size)} trên ${mb(state.expected)}), có thể do chép chưa xong hoặc ổ đĩa đầy. ` +
          'Hãy chép lại tệp từ nơi gốc, hoặc chọn một bản sao lưu khác.'
      )
    case 'whole':
      if (sqliteCode === 'SQLITE_NOTADB')
        return new CoreError('DB_NOT_SQLITE', `Tệp ${name} không phải tệp dữ liệu của phần mềm.`)
      return corruptFileError(path)
  }
}

/** A damaged file, without SQLite's page-by-page report (of no use to the user). */
export function corruptFileError(path: string, problems?: number): CoreError {
  const count =
    problems && problems > 0
      ? ` (SQLite tìm thấy ${problems.toLocaleString('vi-VN')}${problems >= 100 ? '+' : ''} chỗ sai)`
      : ''
  return new CoreError(
    'DB_CORRUPT',
    `Tệp ${basename(path)} bị hỏng${count} nên không dùng được. Hãy chọn một bản sao lưu khác trong mục Dữ liệu & sao lưu.`
  )
}
