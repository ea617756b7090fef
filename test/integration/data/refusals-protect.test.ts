// The smaller gaps of the data-protection audit, each with the message the user now gets:
// inputs that throw while read, odd paths (NUL, FIFO, folder), damaged and cut-short backups,
// and a quit that must not wait on another process's lock.
import { execFileSync } from 'node:child_process'
import { openSync, readFileSync, writeFileSync, closeSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { sniffFile } from '../../../src/core/excel/sniff'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))
function use(t: TestCore): TestCore {
  cleanups.push(() => t.dispose())
  return t
}

/** A core whose file chooser answers `path`. */
function choosing(path: () => string): TestCore {
  return use(
    openTestCore({
      platform: { chooseOpenFile: async () => path(), chooseSaveFile: async () => null }
    })
  )
}

/** A whole backup with some people in it, to damage. */
async function makeBackup(): Promise<string> {
  const t = use(openTestCore())
  const unit = await t.call('units:create', { parentId: null, name: 'Chi bộ A', level: 'Chi bộ' })
  for (let i = 0; i < 200; i++)
    await t.call(
      'people:create',
      personInput(unit.id, { fullName: `Người ${'ABCDEFGHIJ'[i % 10]}`, note: 'n'.repeat(400) })
    )
  return (await t.call('backup:create', null)).path
}

const ENGLISH = /file is not a database|malformed|database disk image|\*\*\*|Page \d|SQLITE_/i

describe('dispatch', () => {
  it('answers an input that throws while read with a refusal, not a rejected call', async () => {
    const t = use(openTestCore())
    const hostile = {
      parentId: null,
      level: 'Chi bộ',
      get name(): string {
        throw new Error('boom')
      }
    }
    const r = await t.core.dispatch('units:create', hostile)
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên không đọc được.' }
    })
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys')
        },
        get: () => {
          throw new Error('no')
        }
      }
    )
    await expect(t.core.dispatch('people:list', proxy)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' }
    })
  })
})

describe('odd paths', () => {
  it('a NUL in a path is refused by name, and never opens a file of another name', async () => {
    const dir = tempDir()
    const t = choosing(() => join(dir, 'sao-luu.sqlite\0.txt'))
    const err = await t.refuse('backup:restore', {})
    expect(err.code).toBe('BAD_PATH')
    expect(err.message).toMatch(/ký tự không hợp lệ/)
    await expect(sniffFile(join(dir, 'ds.xlsx\0'))).rejects.toMatchObject({ code: 'BAD_PATH' })
  })

  it.skipIf(process.platform === 'win32')(
    'a FIFO is called a pipe, not a folder, and nothing blocks reading it',
    async () => {
      const fifo = join(tempDir(), 'ong-dan.sqlite')
      execFileSync('mkfifo', [fifo])
      const t = choosing(() => fifo)
      const err = await t.refuse('backup:restore', {})
      expect(err.code).toBe('NOT_A_FILE')
      expect(err.message).toMatch(/không phải một tệp sao lưu thông thường \(có thể là ống dẫn/)
      expect(err.message).not.toMatch(/thư mục/)
      await expect(sniffFile(fifo)).rejects.toMatchObject({ code: 'NOT_A_FILE' })
    }
  )

  it('a folder is called a folder', async () => {
    const dir = tempDir()
    const t = choosing(() => dir)
    expect((await t.refuse('backup:restore', {})).message).toMatch(/là một thư mục/)
    await expect(sniffFile(dir)).rejects.toThrow(/là một thư mục/)
  })
})

describe('unusable backups', () => {
  it('a damaged backup is refused in one Vietnamese sentence, without SQLite internals', async () => {
    const source = await makeBackup()
    const bytes = readFileSync(source)
    const pageSize = bytes.readUInt16BE(16)
    // Scribble over the b-tree pages of the people table (keeping the header and schema page).
    const fd = openSync(source, 'r+')
    for (let page = 3; page * pageSize < bytes.length - pageSize; page += 2)
      writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * pageSize)
    closeSync(fd)
    const t = choosing(() => source)
    await t.call('units:create', { parentId: null, name: 'Chi bộ Giữ', level: 'Chi bộ' })
    const err = await t.refuse('backup:restore', {})
    expect(err.code).toBe('DB_CORRUPT')
    expect(err.message).toMatch(/bị hỏng/)
    expect(err.message).not.toMatch(ENGLISH)
    expect(err.message.split('\n')).toHaveLength(1)
    expect(err.message.length).toBeLessThan(250)
    expect((await t.call('units:list', { includeRetired: false })).map((u) => u.name)).toEqual([
      'Chi bộ Giữ'
    ])
  })

  it('a cut-short backup is called cut short, not "not a data file"', async () => {
    const source = await makeBackup()
    const bytes = readFileSync(source)
    writeFileSync(source, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const t = choosing(() => source)
    const err = await t.refuse('backup:restore', {})
    expect(err.code).toBe('DB_TRUNCATED')
    expect(err.message).toMatch(/không trọn vẹn.*cắt ngắn/)
    expect(err.message).not.toMatch(/không phải tệp dữ liệu/)
    expect(err.message).not.toMatch(ENGLISH)
  })

  it('a file that is not a database is refused in Vietnamese only', async () => {
    const path = join(tempDir(), 'danh-sach.sqlite')
    writeFileSync(path, 'Danh sách đảng viên\n'.repeat(300))
    const t = choosing(() => path)
    const err = await t.refuse('backup:restore', {})
    expect(err.code).toBe('DB_NOT_SQLITE')
    expect(err.message).toBe('Tệp danh-sach.sqlite không phải tệp dữ liệu của phần mềm.')
    writeFileSync(path, '')
    expect((await t.refuse('backup:restore', {})).message).toMatch(/trống \(0 byte\)/)
  })
})

describe('closing', () => {
  it('does not wait on the checkpoint when another process holds the file', () => {
    const t = openTestCore()
    cleanups.push(() => t.dispose())
    const other = new BetterSqlite3(t.core.dbPath)
    cleanups.push(() => other.close())
    // Another reader in the middle of a read: a TRUNCATE checkpoint would wait the busy timeout.
    other.exec('BEGIN')
    other.prepare('SELECT count(*) FROM units').get()
    const started = Date.now()
    t.core.close()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(t.core.ctx.db.open).toBe(false)
    other.exec('COMMIT')
  })
})
