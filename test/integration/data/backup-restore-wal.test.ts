// Restore and backup against the failures an audit found: a source whose recent rows live only
// in its -wal (a backup copied from a running app, or the live file itself) must come back
// whole, and a backup killed half-way must not leave a readable partial copy behind.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))
function use(t: TestCore): TestCore {
  cleanups.push(() => t.dispose())
  return t
}

/** Runs test/helpers/backup-child.ts and kills it with SIGKILL once `killWhen` says so. */
function runChild(
  args: string[],
  killWhen: (line: string) => boolean | Promise<boolean>
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../../helpers/backup-child.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let buffer = ''
    let stderr = ''
    child.stdout.on(
      'data',
      (chunk: Buffer) =>
        void (async () => {
          buffer += chunk.toString()
          const lines = buffer.split('\n')
          buffer = lines.pop()!
          for (const line of lines)
            if (!child.killed && (await killWhen(line))) child.kill('SIGKILL')
        })()
    )
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited early: ${stderr}`))
    )
  })
}

function countPeople(path: string): number {
  const db = new BetterSqlite3(path, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n
  } finally {
    db.close()
  }
}

/** People in the main file alone, as a plain file copy (the old restore) would have seen them. */
function countInMainFileOnly(path: string): number {
  const copy = join(tempDir(), 'main-only.sqlite')
  copyFileSync(path, copy)
  return countPeople(copy)
}

describe('restore through SQLite', () => {
  it('brings back the rows a killed writer left only in the source -wal', async () => {
    const sourceDir = tempDir()
    const seed = openTestCore({ dir: sourceDir })
    const unit = await seed.call('units:create', {
      parentId: null,
      name: 'Chi bộ Nguồn',
      level: 'Chi bộ'
    })
    await seed.call('people:create', personInput(unit.id, { fullName: 'Người Có Sẵn' }))
    seed.core.close()
    await runChild(['wal', sourceDir, '1000'], (line) => line === 'written')
    const source = join(sourceDir, 'chuyen-de.sqlite')
    expect(statSync(`${source}-wal`).size).toBeGreaterThan(100_000)
    // The 1,000 rows are in the -wal only: a copy of the main file would have lost them.
    expect(countInMainFileOnly(source)).toBe(1)

    const t = use(
      openTestCore({
        platform: { chooseOpenFile: async () => source, chooseSaveFile: async () => null }
      })
    )
    const r = await t.call('backup:restore', {})
    expect(r!.restoredFrom).toBe(source)
    expect(
      (await t.call('people:list', { unitId: null, includeSubunits: true, q: 'nguoi ghi sau 999' }))
        .total
    ).toBe(1)
    expect((await t.call('people:list', { unitId: null, includeSubunits: true })).total).toBe(1001)
    expect(countPeople(t.core.dbPath)).toBe(1001)
    expect(existsSync(`${t.core.dbPath}.restoring.partial`)).toBe(false)
    // The source is read, not changed: its rows are still where they were.
    expect(countInMainFileOnly(source)).toBe(1)
  }, 60_000)

  it('keeps the recent writes when the live data file itself is chosen', async () => {
    let live = ''
    const t = use(
      openTestCore({
        platform: { chooseOpenFile: async () => live, chooseSaveFile: async () => null }
      })
    )
    live = t.core.dbPath
    t.core.ctx.db.pragma('wal_autocheckpoint = 0')
    t.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)')
    const unit = await t.call('units:create', { parentId: null, name: 'Chi bộ A', level: 'Chi bộ' })
    for (let i = 0; i < 5; i++)
      await t.call('people:create', personInput(unit.id, { fullName: `Người Mới ${'ABCDE'[i]}` }))
    expect(countInMainFileOnly(live)).toBe(0)
    await t.call('backup:restore', {})
    const names = (await t.call('people:list', { unitId: null, includeSubunits: true })).rows.map(
      (p) => p.fullName
    )
    expect(names.sort()).toEqual([
      'Người Mới A',
      'Người Mới B',
      'Người Mới C',
      'Người Mới D',
      'Người Mới E'
    ])
  })
})

describe('partial copies', () => {
  it('a backup killed half-way leaves a partial that the next start removes', async () => {
    const dir = tempDir()
    const backups = join(dir, 'backups')
    const partials = () =>
      existsSync(backups) ? readdirSync(backups).filter((f) => f.endsWith('.partial')) : []
    const written = () =>
      partials().some((f) => statSync(join(backups, f), { throwIfNoEntry: false })?.size)
    await runChild(['backup', dir, '24'], async (line) => {
      if (line !== 'backing up') return false
      // Kill while VACUUM INTO is writing: as soon as the partial copy has data in it.
      const until = Date.now() + 10_000
      while (!written() && Date.now() < until) await new Promise((r) => setImmediate(r))
      return written()
    })
    const left = partials()
    expect(left).toHaveLength(1)
    expect(statSync(join(backups, left[0])).size).toBeGreaterThan(0)
    const t = use(openTestCore({ dir }))
    expect(partials()).toEqual([])
    expect(await t.call('db:check', null)).toMatchObject({ ok: true })
  }, 60_000)

  it('a backup removes partials left in the backup folder before it starts', async () => {
    const t = use(openTestCore())
    const backups = join(t.dir, 'backups')
    await t.call('backup:create', null)
    const stale = join(backups, 'sao-luu_20260101-000000-000_thu-cong.sqlite.partial')
    writeFileSync(stale, 'SQLite format 3\0 còn dở')
    const mine = join(backups, 'ghi-chu.txt.partial')
    writeFileSync(mine, 'not ours')
    await t.call('backup:create', null)
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(mine)).toBe(true)
    expect(
      readdirSync(backups).filter((f) => f.startsWith('sao-luu_') && f.endsWith('.sqlite'))
    ).toHaveLength(2)
  })

  it.skipIf(process.platform === 'win32')(
    'keeps the data folder owner-only and the files owner-readable',
    async () => {
      const t = use(openTestCore())
      const b = await t.call('backup:create', null)
      expect(statSync(t.dir).mode & 0o777).toBe(0o700)
      expect(statSync(join(t.dir, 'backups')).mode & 0o777).toBe(0o700)
      expect(statSync(t.core.dbPath).mode & 0o777).toBe(0o600)
      expect(statSync(`${t.core.dbPath}-wal`).mode & 0o777).toBe(0o600)
      expect(statSync(b.path).mode & 0o777).toBe(0o600)
    }
  )
})
