// npm run bench:evaluation — the committee-wide evaluation sheet for 50,000 rated members
// (one committee, 400 chi bộ), exported as the party-format .xlsx.
// Target (issue "Đánh giá xếp loại"): at most 5 s and at most 400 MB of memory. The export runs
// in a fresh child process so its peak memory (maxRSS) is the export's own, not the set-up's.
// Prints figures; never part of the test run.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openCore } from '../src/core/index'
import { noDialogs } from '../src/core/platform'
import { inTransaction } from '../src/core/db/connection'
import { buildTree } from './fixtures'

const LEVELS = [
  'HTXSNV',
  'HTTNV',
  'HTTNV',
  'HTTNV',
  'HTTNV',
  'HTTNV',
  'HTNV',
  'HTNV',
  'KHTNV'
] as const

async function child(dataDir: string, unitId: number, out: string): Promise<void> {
  const core = openCore({ dataDir, appVersion: 'bench', platform: noDialogs })
  // The export first, so the peak memory read right after it is the export's.
  const t0 = performance.now()
  const r = await core.dispatchTrusted('evaluation:export', {
    year: 2024,
    unitId,
    path: out,
    place: 'Tây Ninh'
  })
  const t1 = performance.now()
  if (!r.ok) throw new Error(r.error.message)
  const maxRssMb = process.resourceUsage().maxRSS / 1024
  const sheet = await core.dispatch('evaluation:sheet', { year: 2024, unitId })
  const t2 = performance.now()
  if (!sheet.ok) throw new Error(sheet.error.message)
  core.close()
  process.stdout.write(
    JSON.stringify({
      exportMs: t1 - t0,
      sheetMs: t2 - t1,
      rows: (r.value as { rows: number }).rows,
      maxRssMb
    })
  )
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-evaluation-'))
  const core = openCore({ dataDir: dir, appVersion: 'bench', platform: noDialogs })
  const db = core.ctx.db
  let t0 = performance.now()
  // One person in ten of the fixture is a non-member: 55,556 people give 50,000 members.
  const tree = buildTree(db, 1, 400, 55_556)
  const committee = tree.committees[0]
  const ids = db
    .prepare("SELECT id FROM people WHERE kind = 'member' ORDER BY id")
    .pluck()
    .all() as number[]
  inTransaction(db, () => {
    const put = db.prepare(
      `INSERT INTO evaluation_ratings(person_id, year, self_rating, proposed_rating, decided_rating, reason, score, note, updated_at)
       VALUES (?, 2024, ?, ?, ?, NULL, NULL, ?, 'x')`
    )
    ids.forEach((id, i) => {
      const l = LEVELS[(i * 7) % LEVELS.length]
      put.run(
        id,
        l,
        l,
        i % 50 === 0 ? null : l,
        i % 20 === 0 ? 'Có sáng kiến trong công tác' : null
      )
    })
  })
  db.pragma('optimize')
  core.close()
  console.log(
    `setup: ${ids.length.toLocaleString('en')} members rated in ${tree.cells.length} chi bộ of one committee in ${(performance.now() - t0).toFixed(0)} ms`
  )

  const out = join(dir, 'bang-tong-hop.xlsx')
  t0 = performance.now()
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--child', dir, String(committee), out],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20
    }
  )
  const wall = performance.now() - t0
  if (run.status !== 0) throw new Error(run.stderr || `child exited with ${run.status}`)
  const f = JSON.parse(run.stdout) as {
    sheetMs: number
    exportMs: number
    rows: number
    maxRssMb: number
  }
  const size = statSync(out).size / 1024 / 1024
  console.log(
    `evaluation:sheet, committee of ${f.rows.toLocaleString('en')} members      ${f.sheetMs.toFixed(0).padStart(6)} ms`
  )
  console.log(
    `evaluation:export, committee-wide .xlsx (${size.toFixed(1)} MB)    ${f.exportMs.toFixed(0).padStart(6)} ms  (target ≤ 5000 ms) ${f.exportMs <= 5000 ? 'OK' : 'SLOW'}`
  )
  console.log(
    `peak memory of the exporting process (maxRSS)          ${f.maxRssMb.toFixed(0).padStart(6)} MB  (target ≤ 400 MB) ${f.maxRssMb <= 400 ? 'OK' : 'TOO MUCH'}`
  )
  console.log(
    `child process wall time (start-up, open, sheet, export) ${wall.toFixed(0).padStart(6)} ms`
  )
  rmSync(dir, { recursive: true, force: true })
}

const args = process.argv.slice(2)
if (args[0] === '--child') await child(args[1], Number(args[2]), args[3])
else main()
