// The command line as users run it: `npm run cli` → scripts/cli.mjs → the bundle out/cli/index.mjs
// (built on first use when missing or stale), a real process with real pipes.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTestCore, tempDir } from '../../helpers/core'

const root = resolve(__dirname, '../../..')
const launcher = join(root, 'scripts/cli.mjs')
const bundle = join(root, 'out/cli/index.mjs')

describe('cli process', () => {
  it('builds the bundle when a source is newer, then runs it', () => {
    const db = join(tempDir(), 'a.sqlite')
    // A source "edited" after the bundle: the launcher must make it again before running.
    if (existsSync(bundle)) utimesSync(bundle, new Date(0), new Date(0))
    const r = spawnSync(process.execPath, [launcher, 'check', '--db', db, '--json'], {
      encoding: 'utf8'
    })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).ok).toBe(true)
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(Date.now() - 120_000)
  }, 60_000)

  it('exits quietly with code 0 when piped into head', async () => {
    const dir = tempDir()
    const t = openTestCore({ dir })
    const unit = await t.call('units:create', {
      parentId: null,
      name: 'Chi bộ Ấp 1',
      level: 'Chi bộ'
    })
    // Far more output than a pipe holds (64 KiB): head reads two lines and goes away mid-stream.
    const csv = join(dir, 'danh-sach.csv')
    const lines = ['Họ và tên,Ngày sinh,Số thẻ đảng viên']
    for (let i = 0; i < 2000; i++)
      lines.push(
        `Nguyễn Văn Thứ,${1 + (i % 28)}/${1 + (Math.floor(i / 28) % 12)}/${1950 + Math.floor(i / 336)},${10_000_000 + i}`
      )
    writeFileSync(csv, lines.join('\n'))
    const opened = await t.callWithFile('import:open', { path: csv })
    expect(
      (await t.call('import:commit', { sessionId: opened!.sessionId, unitId: unit.id })).created
    ).toBe(2000)
    t.dispose()
    const db = join(dir, 'chuyen-de.sqlite')
    // bash for PIPESTATUS: the exit code of the CLI itself, not of head.
    const script = `node ${JSON.stringify(launcher)} people list --db ${JSON.stringify(db)} --json | head -n 2; echo "exit=\${PIPESTATUS[0]}" >&2`
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' })
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2)
    expect(r.stderr.trim()).toBe('exit=0')
  }, 60_000)

  it('starts and answers `check` on an empty file quickly (CPU time, not wall time: the test machine is shared)', () => {
    const db = join(tempDir(), 'a.sqlite')
    execFileSync(process.execPath, [launcher, 'check', '--db', db]) // builds if needed
    const cpu: number[] = []
    for (let i = 0; i < 5; i++) {
      const r = spawnSync(
        'bash',
        [
          '-c',
          `TIMEFORMAT='%U %S'; time node ${JSON.stringify(launcher)} check --db ${JSON.stringify(db)} >/dev/null`
        ],
        { encoding: 'utf8' }
      )
      const [u, s] = r.stderr.trim().split(/\s+/).map(Number)
      cpu.push(u + s)
    }
    // tsx took ~0.8 s of CPU for the same command; the bundle ~0.3 s. A generous bound, only to
    // catch a return to compiling on each start (e.g. the launcher rebuilding every time).
    expect(Math.min(...cpu)).toBeLessThan(0.6)
  }, 60_000)
})
