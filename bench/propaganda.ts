// npm run bench:propaganda — 20,000 propaganda activities (two years) and 2,000 press works under
// 400 chi bộ of 10 committees in one province. Target (issue "Tuyên truyền"): the province's
// counts for a year in ≤ 50 ms. Prints figures; never part of the test run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROPAGANDA_KINDS } from '../src/shared/api'
import { openCore } from '../src/core/index'
import { noDialogs } from '../src/core/platform'
import { inTransaction } from '../src/core/db/connection'
import { buildTree } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'bench-propaganda-'))
const core = openCore({ dataDir: dir, appVersion: 'bench', platform: noDialogs })
const db = core.ctx.db
let t0 = performance.now()
const tree = buildTree(db, 10, 40, 0)
const units = [...tree.committees, ...tree.cells]
inTransaction(db, () => {
  const add = db.prepare(
    `INSERT INTO propaganda_activities(kind, starts_on, unit_id, on_topic, anniversary_id, points, members, non_members, attendances, news, articles, reports, panels, created_at, updated_at)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')`
  )
  for (let i = 0; i < 20_000; i++) {
    const year = i % 2 ? 2025 : 2026
    const day = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
    add.run(
      PROPAGANDA_KINDS[i % PROPAGANDA_KINDS.length],
      day,
      units[i % units.length],
      i % 7 === 0 ? 2 : null,
      i % 3,
      20 + (i % 30),
      i % 50,
      i % 5 ? 0 : 300,
      i % 4,
      i % 3,
      i % 9 ? 0 : 1,
      i % 6
    )
  }
  const work = db.prepare(
    `INSERT INTO press_works(award_year, title, published_on, category, unit_id, stage, result, created_at, updated_at) VALUES (2026, ?, ?, 'print', ?, 'submitted', ?, 'x', 'x')`
  )
  for (let i = 0; i < 2_000; i++)
    work.run(
      `Tác phẩm ${i}`,
      `2026-0${1 + (i % 9)}-15`,
      units[i % units.length],
      i % 10 ? null : 'b'
    )
})
console.log(
  `setup: 20,000 activities and 2,000 press works under ${units.length + 1} units in ${(performance.now() - t0).toFixed(0)} ms`
)

async function measure(
  label: string,
  target: number,
  channel: string,
  input: unknown,
  describe: (v: unknown) => string,
  runs = 20
): Promise<void> {
  const times: number[] = []
  let last: unknown
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const r = await core.dispatch(channel, input)
    times.push(performance.now() - start)
    if (!r.ok) throw new Error(r.error.message)
    last = r.value
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(runs / 2)]
  const p95 = times[Math.floor(runs * 0.95)]
  console.log(
    `${label.padEnd(52)} median ${median.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${describe(last)}; target ≤ ${target} ms) ${p95 <= target ? 'OK' : 'SLOW'}`
  )
}

const province = (
  db.prepare('SELECT id FROM units WHERE parent_id IS NULL').get() as { id: number }
).id
type Counts = { rows: unknown[]; total: { counts: { activities: number; works: number } } }
const countsText = (v: unknown) =>
  `${(v as Counts).rows.length} rows, ${(v as Counts).total.counts.activities} activities, ${(v as Counts).total.counts.works} works`
t0 = performance.now()
await measure(
  'counts 2026, whole province',
  50,
  'propaganda:counts',
  { unitId: province, from: '2026-01-01', to: '2026-12-31' },
  countsText
)
await measure(
  'counts first half of 2026, whole province',
  50,
  'propaganda:counts',
  { unitId: province, from: '2026-01-01', to: '2026-06-30' },
  countsText
)
await measure(
  'counts 2026, one committee',
  50,
  'propaganda:counts',
  { unitId: tree.committees[3], from: '2026-01-01', to: '2026-12-31' },
  countsText
)
await measure(
  'activity list 2026, one committee',
  100,
  'propaganda:listActivities',
  { unitId: tree.committees[3], from: '2026-01-01', to: '2026-12-31' },
  (v) => `${(v as unknown[]).length} activities`
)
await measure(
  "2026's anniversaries with activity counts",
  50,
  'propaganda:listAnniversaries',
  { year: 2026 },
  (v) => `${(v as unknown[]).length} events`
)
core.close()
rmSync(dir, { recursive: true, force: true })
