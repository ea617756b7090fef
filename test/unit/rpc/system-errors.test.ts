// The failures of SQLite and of the system that reach the page, each as the user would get it:
// a Vietnamese sentence by its code, none of the system's English words. Real errors where this
// machine can make them (a text file opened as data, /dev/full, a read-only connection, a held
// write lock, a missing file, a folder read as a file); the others as Node reports them.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { toApiError } from '../../../src/core/rpc/dispatch'
import { ENGLISH_WORDS } from '../../helpers/english'

const dir = mkdtempSync(join(tmpdir(), 'cd05-syserr-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => vi.restoreAllMocks())

/** What `fn` throws. */
function thrown(fn: () => unknown): Error & { code?: string } {
  try {
    fn()
  } catch (e) {
    return e as Error & { code?: string }
  }
  throw new Error('nothing was thrown')
}

/** An error as Node's fs reports it ("EACCES: permission denied, open '…'"). */
function errno(code: string, text: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${text}, open '${join(dir, 'x.xlsx')}'`), { code })
}

function expectVietnamese(e: Error, code: string): string {
  const out = toApiError(e)
  expect(out.code, e.message).toBe(code)
  expect(out.message).not.toMatch(ENGLISH_WORDS)
  expect(out.message).not.toContain(e.message)
  // Vietnamese, with its diacritics: a sentence, not a code.
  expect(out.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỷỹý]/)
  return out.message
}

describe('errors of SQLite and the system, in Vietnamese', () => {
  it('a file that is not a data file (SQLite: "file is not a database")', () => {
    const path = join(dir, 'khong-phai.sqlite')
    writeFileSync(path, 'Đây là một tệp văn bản, không phải SQLite. '.repeat(100))
    const db = new BetterSqlite3(path)
    const e = thrown(() => db.pragma('schema_version'))
    db.close()
    expect(e.code).toBe('SQLITE_NOTADB')
    expect(e.message).toBe('file is not a database')
    expect(expectVietnamese(e, 'NOT_A_DATA_FILE')).toContain('không phải tệp dữ liệu')
  })

  it('an encrypted file opened with another key', () => {
    const path = join(dir, 'ma-hoa.sqlite')
    const a = new BetterSqlite3(path)
    a.pragma(`cipher = 'sqlcipher'`)
    a.pragma(`key = 'mot'`)
    a.exec('CREATE TABLE t (x)')
    a.close()
    const b = new BetterSqlite3(path)
    b.pragma(`cipher = 'sqlcipher'`)
    b.pragma(`key = 'hai'`)
    const e = thrown(() => b.prepare('SELECT * FROM t').all())
    b.close()
    expect(expectVietnamese(e, 'NOT_A_DATA_FILE')).toContain('mật khẩu khác')
  })

  it('a full disk (writing to /dev/full: ENOSPC), and SQLite full', () => {
    const e = thrown(() => writeFileSync('/dev/full', 'dữ liệu'))
    expect(e.code).toBe('ENOSPC')
    expect(expectVietnamese(e, 'DISK_FULL')).toContain('Ổ đĩa đã đầy')
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
    expectVietnamese(full, 'DISK_FULL')
  })

  it('a file another program holds (SQLite busy; EBUSY on Windows)', () => {
    const path = join(dir, 'ban.sqlite')
    const a = new BetterSqlite3(path)
    a.exec('CREATE TABLE t (x)')
    a.exec('BEGIN IMMEDIATE')
    const b = new BetterSqlite3(path, { timeout: 0 })
    const e = thrown(() => b.exec('INSERT INTO t VALUES (1)'))
    a.exec('ROLLBACK')
    a.close()
    b.close()
    expect(e.code).toBe('SQLITE_BUSY')
    expect(expectVietnamese(e, 'BUSY')).toContain('đang bận')
    expectVietnamese(errno('EBUSY', 'resource busy or locked'), 'BUSY')
  })

  it('a read-only file, folder or disk', () => {
    const path = join(dir, 'chi-doc.sqlite')
    new BetterSqlite3(path).exec('CREATE TABLE t (x)')
    const ro = new BetterSqlite3(path, { readonly: true })
    const e = thrown(() => ro.exec('INSERT INTO t VALUES (1)'))
    ro.close()
    expect(e.code).toBe('SQLITE_READONLY')
    expectVietnamese(e, 'READ_ONLY')
    expectVietnamese(errno('EROFS', 'read-only file system'), 'READ_ONLY')
  })

  it('no right to read or write (EACCES, EPERM)', () => {
    expect(expectVietnamese(errno('EACCES', 'permission denied'), 'NO_ACCESS')).toContain(
      'Không có quyền'
    )
    expectVietnamese(errno('EPERM', 'operation not permitted'), 'NO_ACCESS')
  })

  it('a file or folder that is gone, or a folder where a file was expected', () => {
    const gone = thrown(() => readFileSync(join(dir, 'khong-co.xlsx')))
    expect(gone.code).toBe('ENOENT')
    expectVietnamese(gone, 'FILE_MISSING')
    const notDir = thrown(() => readFileSync(join('/etc/hostname', 'x')))
    expect(notDir.code).toBe('ENOTDIR')
    expectVietnamese(notDir, 'FILE_MISSING')
    const folder = thrown(() => readFileSync(dir))
    expect(folder.code).toBe('EISDIR')
    expectVietnamese(folder, 'IS_DIRECTORY')
    const cantOpen = Object.assign(new Error('unable to open database file'), {
      code: 'SQLITE_CANTOPEN'
    })
    expectVietnamese(cantOpen, 'FILE_MISSING')
  })

  it('a damaged file, a disk that fails, a machine out of memory or files', () => {
    for (const [code, text, want] of [
      ['SQLITE_CORRUPT', 'database disk image is malformed', 'DB_CORRUPT'],
      ['SQLITE_IOERR_WRITE', 'disk I/O error', 'IO_ERROR'],
      ['EIO', 'i/o error', 'IO_ERROR'],
      ['EMFILE', 'too many open files', 'NO_RESOURCES'],
      ['SQLITE_NOMEM', 'out of memory', 'NO_RESOURCES']
    ] as const)
      expectVietnamese(Object.assign(new Error(text), { code }), want)
  })

  it('keeps the original English text for the log only', () => {
    const log = vi.mocked(console.error)
    toApiError(errno('ENOSPC', 'no space left on device'))
    expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toContain('no space left on device')
  })
})
