import { copyFileSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore } from '../../../src/core/index'
import { noDialogs } from '../../../src/core/platform'
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/core/db/migrations'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))
function use(t: TestCore): TestCore {
  cleanups.push(() => t.dispose())
  return t
}

describe('database file', () => {
  it('is created with WAL, full sync, foreign keys and the current schema', async () => {
    const t = use(openTestCore())
    const db = t.core.ctx.db
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const info = await t.call('app:info', null)
    expect(info.schemaVersion).toBe(SCHEMA_VERSION)
    expect(info.dbPath).toBe(join(t.dir, 'chuyen-de.sqlite'))
  })

  it('refuses a file made by a newer version, without touching it', () => {
    const dir = tempDir()
    const path = join(dir, 'chuyen-de.sqlite')
    const raw = new BetterSqlite3(path)
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`)
    raw.close()
    expect(() => openCore({ dataDir: dir, appVersion: 't', platform: noDialogs })).toThrow(
      /phiên bản mới hơn/
    )
    const again = new BetterSqlite3(path)
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5)
    again.close()
  })

  it('refuses a file that is not a database', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'chuyen-de.sqlite'), 'Danh sách đảng viên\n'.repeat(200))
    expect(() => openCore({ dataDir: dir, appVersion: 't', platform: noDialogs })).toThrow(
      /không phải tệp dữ liệu/
    )
  })

  it('backs the file up before migrating an older schema', async () => {
    const dir = tempDir()
    const path = join(dir, 'chuyen-de.sqlite')
    // An old-shaped file: only migration 1 applied, with data in it.
    const raw = new BetterSqlite3(path)
    raw.exec(MIGRATIONS[0].sql)
    raw.pragma('user_version = 1')
    raw
      .prepare(
        "INSERT INTO units(parent_id, name, name_key, level, path, created_at) VALUES (NULL, 'Chi bộ A', 'chi bo a', 'Chi bộ', '/1/', '2024-01-01')"
      )
      .run()
    raw.close()
    const t = use(openTestCore({ dir }))
    const backups = await t.call('backup:list', null)
    if (SCHEMA_VERSION > 1) {
      expect(backups.map((b) => b.reason)).toContain('before-migration')
    } else {
      expect(backups).toEqual([])
    }
    expect((await t.call('units:list', { includeRetired: false }))[0].name).toBe('Chi bộ A')
  })
})

describe('backups', () => {
  it('makes a verified copy, lists it, and keeps only the chosen number', async () => {
    const t = use(openTestCore())
    const unit = await t.call('units:create', { parentId: null, name: 'Chi bộ A', level: 'Chi bộ' })
    await t.call('people:create', personInput(unit.id))
    const b = await t.call('backup:create', { reason: 'manual' })
    expect(existsSync(b.path)).toBe(true)
    expect(b.reason).toBe('manual')
    const copy = new BetterSqlite3(b.path, { readonly: true })
    expect(copy.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 })
    copy.close()
    await t.call('backup:setKeep', { keep: 2 })
    for (let i = 0; i < 3; i++) await t.call('backup:create', null)
    const list = await t.call('backup:list', null)
    expect(list).toHaveLength(2)
    expect(list[0].createdAt >= list[1].createdAt).toBe(true)
    expect((await t.call('app:info', null)).backupKeep).toBe(2)
  })

  it('names its files in Vietnamese and still lists the copies named in English before', async () => {
    const t = use(openTestCore())
    const b = await t.call('backup:create', { reason: 'manual' })
    expect(b.fileName).toMatch(/^sao-luu_\d{8}-\d{6}-\d{3}_thu-cong\.sqlite$/)
    const old = join(t.core.ctx.backupDir, 'sao-luu_20250101-000000-000_before-import.sqlite')
    copyFileSync(b.path, old)
    writeFileSync(join(t.core.ctx.backupDir, 'sao-luu_20250102-000000-000_la.sqlite'), '')
    const list = await t.call('backup:list', null)
    expect(list.map((x) => [x.fileName, x.reason])).toEqual([
      [b.fileName, 'manual'],
      ['sao-luu_20250101-000000-000_before-import.sqlite', 'before-import']
    ])
  })

  it('keeps the safety copies taken before a restore apart: a lower limit never lets them push out ordinary backups', async () => {
    const t = use(openTestCore())
    await t.call('units:create', { parentId: null, name: 'Chi bộ A', level: 'Chi bộ' })
    const first = await t.call('backup:create', null)
    await t.call('backup:create', null)
    await t.call('backup:restore', { fileName: first.fileName })
    await t.call('backup:restore', { fileName: first.fileName })
    const newestManual = (await t.call('backup:create', null)).fileName
    const before = await t.call('backup:list', null)
    expect(before.map((b) => b.reason).sort()).toEqual([
      'before-restore',
      'before-restore',
      'manual',
      'manual',
      'manual'
    ])
    const newestSafety = before.find((b) => b.reason === 'before-restore')!.fileName
    await t.call('backup:setKeep', { keep: 1 })
    expect((await t.call('backup:list', null)).map((b) => b.fileName).sort()).toEqual(
      [newestManual, newestSafety].sort()
    )
  })

  it('restores a backup after taking a safety copy, and can undo the restore', async () => {
    const t = use(openTestCore())
    const unit = await t.call('units:create', { parentId: null, name: 'Chi bộ A', level: 'Chi bộ' })
    await t.call('people:create', personInput(unit.id, { fullName: 'Người Trước' }))
    const before = await t.call('backup:create', null)
    await t.call('people:create', personInput(unit.id, { fullName: 'Người Sau' }))
    const r = await t.call('backup:restore', { fileName: before.fileName })
    expect(r!.safetyBackup.reason).toBe('before-restore')
    const names = (await t.call('people:list', { unitId: null, includeSubunits: true })).rows.map(
      (p) => p.fullName
    )
    expect(names).toEqual(['Người Trước'])
    // Writes work on the restored file.
    await t.call('people:create', personInput(unit.id, { fullName: 'Người Mới' }))
    await t.call('backup:restore', { fileName: r!.safetyBackup.fileName })
    const back = (await t.call('people:list', { unitId: null, includeSubunits: true })).rows.map(
      (p) => p.fullName
    )
    expect(back.sort()).toEqual(['Người Sau', 'Người Trước'])
  })

  it('refuses to restore a damaged or foreign file and leaves the data alone', async () => {
    const dir = tempDir()
    const bad = join(dir, 'hong.sqlite')
    writeFileSync(bad, Buffer.alloc(8192, 7))
    const t = use(
      openTestCore({
        platform: { chooseOpenFile: async () => bad, chooseSaveFile: async () => null }
      })
    )
    await t.call('units:create', { parentId: null, name: 'Chi bộ A', level: 'Chi bộ' })
    const err = await t.refuse('backup:restore', {})
    expect(err.message).toMatch(/không phải|hỏng/)
    const other = join(dir, 'other.sqlite')
    const raw = new BetterSqlite3(other)
    raw.exec('CREATE TABLE x(a)')
    raw.close()
    const t2 = use(
      openTestCore({
        platform: { chooseOpenFile: async () => other, chooseSaveFile: async () => null }
      })
    )
    expect((await t2.refuse('backup:restore', {})).code).toBe('NOT_OUR_FILE')
    expect((await t.call('units:list', { includeRetired: false })).length).toBe(1)
  })

  it('reports integrity', async () => {
    const t = use(openTestCore())
    expect(await t.call('db:check', null)).toEqual({
      ok: true,
      problems: [],
      foreignKeyProblems: 0
    })
  })
})
