// npm run bench:db — list speed with 50,000 people in 400 chi bộ under 10 committees.
// Targets (issue 2): a committee's subtree with a diacritic-free name search, first page < 50 ms;
// a unit's list of people < 20 ms. Prints figures; never part of the test run.
import { rmSync } from 'node:fs'
import { openCore } from '../src/core/index'
import { noDialogs } from '../src/core/platform'
import { buildTree } from './fixtures'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'bench-db-'))
const core = openCore({ dataDir: dir, appVersion: 'bench', platform: noDialogs })
// --password: the same figures on an encrypted data file (set before the data is written).
const withPassword = process.argv.includes('--password')
if (withPassword) {
  const r = await core.dispatch('app:setPassword', { next: 'mật khẩu đo tốc độ' })
  if (!r.ok) throw new Error(r.error.message)
}
console.log(
  withPassword
    ? 'data file encrypted (--password)'
    : 'data file plain (add --password to encrypt it)'
)
let t0 = performance.now()
const tree = buildTree(core.ctx.db, 10, 40, 50_000)
console.log(
  `setup: 50,000 people, ${tree.cells.length} chi bộ, ${tree.committees.length} committees in ${(performance.now() - t0).toFixed(0)} ms`
)
core.ctx.db.pragma('optimize')

async function measure(label: string, target: number, input: unknown, runs = 30): Promise<void> {
  const times: number[] = []
  let total = 0
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const r = await core.dispatch('people:list', input)
    times.push(performance.now() - start)
    if (!r.ok) throw new Error(r.error.message)
    total = (r.value as { total: number }).total
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(runs / 2)]
  const p95 = times[Math.floor(runs * 0.95)]
  console.log(
    `${label.padEnd(62)} median ${median.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${total} matches; target < ${target} ms) ${median < target ? 'OK' : 'SLOW'}`
  )
}

await measure('committee subtree, search "nguyen van dung", first page', 50, {
  unitId: tree.committees[0],
  includeSubunits: true,
  q: 'nguyen van dung',
  limit: 200
})
await measure('committee subtree, search "dang", first page', 50, {
  unitId: tree.committees[3],
  includeSubunits: true,
  q: 'dang',
  limit: 200
})
await measure('whole organisation, search "thi hoa", first page', 50, {
  unitId: null,
  includeSubunits: true,
  q: 'thi hoa',
  limit: 200
})
await measure('committee subtree, no search, first page', 50, {
  unitId: tree.committees[3],
  includeSubunits: true,
  limit: 200
})
await measure('one chi bộ, its people (125)', 20, {
  unitId: tree.cells[123],
  includeSubunits: false,
  limit: 200
})
await measure('whole organisation, page at offset 40,000', 50, {
  unitId: null,
  includeSubunits: true,
  offset: 40_000,
  limit: 200
})
t0 = performance.now()
await core.dispatch('units:list', { includeRetired: false })
console.log(`units:list (411 units with counts): ${(performance.now() - t0).toFixed(1)} ms`)
core.close()
rmSync(dir, { recursive: true, force: true })
