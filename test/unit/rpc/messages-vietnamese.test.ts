import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { expect, it, vi } from 'vitest'
import { toApiError } from '../../../src/core/rpc/dispatch'

/** English words SQLite and libraries put in their texts. */
const ENGLISH =
  /\b(constraint|failed|unique|foreign|key|error|undefined|null|cannot|read|property|not a database)\b/i

it("never shows SQLite's or a library's English text to the user", () => {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {})
  const db = new BetterSqlite3(':memory:')
  db.exec('CREATE TABLE t (name TEXT UNIQUE NOT NULL)')
  db.prepare('INSERT INTO t VALUES (?)').run('Chi bộ 1')
  const thrown: unknown[] = []
  for (const sql of ["INSERT INTO t VALUES ('Chi bộ 1')", 'INSERT INTO t VALUES (NULL)']) {
    try {
      db.exec(sql)
    } catch (e) {
      thrown.push(e)
    }
  }
  thrown.push(new TypeError("Cannot read properties of undefined (reading 'x')"))
  const messages = thrown.map((e) => toApiError(e).message)
  expect(messages[0]).toBe('Dữ liệu mâu thuẫn với dữ liệu đã có (trùng với một mục đã có).')
  expect(messages[1]).toBe('Dữ liệu mâu thuẫn với dữ liệu đã có (thiếu một giá trị bắt buộc).')
  for (const m of messages) expect(m).not.toMatch(ENGLISH)
  // What was hidden is logged for whoever supports the user.
  expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toContain('UNIQUE constraint failed')
  log.mockRestore()
  db.close()
})
