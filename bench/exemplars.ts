// npm run bench:exemplars — 50,000 people in 400 chi bộ of 10 committees, 5,000 exemplars (two
// years, every kind and status) and 5,000 rewards (1,000 decisions of 5 recipients). Targets
// (issue "Điển hình, khen thưởng"): the register's first page and the province's counts for a
// year each in ≤ 50 ms. Prints figures; never part of the test run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AWARD_FORMS, EXEMPLAR_STATUSES } from '../src/shared/api'
import { openCore } from '../src/core/index'
import { noDialogs } from '../src/core/platform'
import { inTransaction } from '../src/core/db/connection'
import { buildTree } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'bench-exemplars-'))
const core = openCore({ dataDir: dir, appVersion: 'bench', platform: noDialogs })
const db = core.ctx.db
let t0 = performance.now()
const tree = buildTree(db, 10, 40, 50_000)
const people = db.prepare('SELECT id, unit_id FROM people ORDER BY id').all() as {
  id: number
  unit_id: number
}[]
inTransaction(db, () => {
  const add = db.prepare(
    `INSERT INTO exemplars(kind, person_id, unit_id, name, field, achievement, proposing_unit_id, year, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')`
  )
  const step = db.prepare(
    `INSERT INTO exemplar_steps(exemplar_id, status, on_date, unit_id) VALUES (?, ?, ?, ?)`
  )
  for (let i = 0; i < 5_000; i++) {
    const year = i % 2 ? 2025 : 2026
    const kind = i % 10 < 7 ? 'person' : i % 10 < 8 ? 'unit' : i % 10 < 9 ? 'model' : 'outside'
    const person = people[(i * 9) % people.length]
    const cell = tree.cells[i % tree.cells.length]
    const status = EXEMPLAR_STATUSES[i % EXEMPLAR_STATUSES.length]
    const id = add.run(
      kind,
      kind === 'person' ? person.id : null,
      kind === 'unit' || kind === 'model' ? cell : null,
      kind === 'model'
        ? `Mô hình dân vận khéo số ${i}`
        : kind === 'outside'
          ? `Hợp tác xã số ${i}`
          : null,
      kind === 'model' ? 'Dân vận' : null,
      'Gương mẫu trong học tập và làm theo',
      kind === 'person' ? person.unit_id : cell,
      year,
      status
    ).lastInsertRowid
    for (let k = 0; k <= EXEMPLAR_STATUSES.indexOf(status); k++)
      step.run(id, EXEMPLAR_STATUSES[k], `${year}-0${1 + k}-15`, cell)
  }
  const award = db.prepare(
    `INSERT INTO awards(number, decision_date, year, issuer_unit_id, issuer_level, form, kind, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'annual', 'x')`
  )
  const recipient = db.prepare(
    `INSERT INTO award_recipients(award_id, exemplar_id, person_id, count_unit_id) VALUES (?, ?, ?, ?)`
  )
  const exemplars = db.prepare('SELECT id, person_id, proposing_unit_id FROM exemplars').all() as {
    id: number
    person_id: number | null
    proposing_unit_id: number
  }[]
  for (let a = 0; a < 1_000; a++) {
    const year = a % 2 ? 2025 : 2026
    const issuer = tree.committees[a % tree.committees.length]
    const id = award.run(
      `${a + 1}-QĐ/ĐU`,
      `${year}-05-19`,
      year,
      issuer,
      'Đảng ủy cơ sở',
      AWARD_FORMS[a % AWARD_FORMS.length]
    ).lastInsertRowid
    for (let k = 0; k < 5; k++) {
      const e = exemplars[(a * 5 + k) % exemplars.length]
      recipient.run(id, e.id, e.person_id, e.proposing_unit_id)
    }
  }
})
console.log(
  `setup: 50,000 people, 5,000 exemplars and 5,000 rewards under ${tree.cells.length + tree.committees.length + 1} units in ${(performance.now() - t0).toFixed(0)} ms`
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
    `${label.padEnd(48)} median ${median.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${describe(last)}; target ≤ ${target} ms) ${median <= target ? 'OK' : 'SLOW'}`
  )
}

const province = (
  db.prepare('SELECT id FROM units WHERE parent_id IS NULL').get() as { id: number }
).id
t0 = performance.now()
type List = { rows: unknown[]; total: number }
await measure(
  'register 2026, whole province, first page',
  50,
  'exemplars:list',
  { unitId: province, year: 2026, offset: 0, limit: 50 },
  (v) => `${(v as List).rows.length} of ${(v as List).total}`
)
await measure(
  'register 2026, one committee, first page',
  50,
  'exemplars:list',
  { unitId: tree.committees[3], year: 2026, offset: 0, limit: 50 },
  (v) => `${(v as List).rows.length} of ${(v as List).total}`
)
type Counts = { rows: unknown[]; total: { counts: { persons: number; awards_merit: number } } }
await measure(
  'counts 2026, whole province',
  50,
  'exemplars:counts',
  { unitId: province, fromYear: 2026, toYear: 2026 },
  (v) => `${(v as Counts).rows.length} rows, ${(v as Counts).total.counts.persons} persons`
)
await measure(
  'counts 2025–2026, one committee',
  50,
  'exemplars:counts',
  { unitId: tree.committees[3], fromYear: 2025, toYear: 2026 },
  (v) => `${(v as Counts).rows.length} rows, ${(v as Counts).total.counts.persons} persons`
)
core.close()
rmSync(dir, { recursive: true, force: true })
