// npm run bench:study — coverage of the year's topic with 50,000 people and 200,000 attendance
// records; a chi bộ's attendance checklist of 300 people; the missing list written as .xlsx.
// Targets (issue "Chuyên đề & học tập"): a whole committee's coverage < 200 ms; a unit's
// checklist of 300 people < 50 ms; the missing list of 50,000 people with a sheet per chi bộ
// < 5 s (as the evaluation sheet of 50,000). Prints figures; never part of the test run.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../src/core/index'
import { noDialogs } from '../src/core/platform'
import { inTransaction } from '../src/core/db/connection'
import { insertPersonRow } from '../src/core/people/people'
import { buildTree, personName } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'bench-study-'))
const core = openCore({ dataDir: dir, appVersion: 'bench', platform: noDialogs })
const db = core.ctx.db
let t0 = performance.now()
const tree = buildTree(db, 10, 40, 50_000)
console.log(
  `setup: 50,000 people, ${tree.cells.length} chi bộ, ${tree.committees.length} committees in ${(performance.now() - t0).toFixed(0)} ms`
)

// One chi bộ of 300 people for the checklist.
const bigCell = tree.cells[7]
inTransaction(db, () => {
  for (let i = 0; i < 300 - 125; i++) {
    insertPersonRow(db, {
      unitId: bigCell,
      kind: 'member',
      fullName: personName(90_000 + i),
      gender: null,
      birthDate: null,
      ethnicity: null,
      religion: null,
      hometown: null,
      residence: null,
      memberType: 'official',
      partyJoinDate: null,
      partyOfficialDate: null,
      partyCardNumber: null,
      partyProfileNumber: null,
      nationalId: null,
      position: null,
      role: null,
      education: null,
      politicalTheory: null,
      phone: null,
      note: null
    })
  }
})

// 2024's topic: a provincial conference, then sessions in every chi bộ; 2023's topic too, so
// the queries must tell the topics apart. 200,000 attendance records in all.
t0 = performance.now()
const topic = (y: number) =>
  (db.prepare('SELECT id FROM study_topics WHERE year = ?').get(y) as { id: number }).id
const sessions: number[] = []
const addSession = db.prepare(
  "INSERT INTO study_sessions(topic_id, kind, held_on, host_unit_id, extra_non_members, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 'x', 'x')"
)
const personIds = db.prepare('SELECT id, unit_id FROM people ORDER BY id').all() as {
  id: number
  unit_id: number
}[]
let records = 0
inTransaction(db, () => {
  const attend = db.prepare(
    "INSERT OR IGNORE INTO study_attendance(person_id, session_id, source, recorded_at) VALUES (?, ?, 'bench', 'x')"
  )
  for (const [year, share] of [
    [2023, 0.9],
    [2024, 0.8]
  ] as const) {
    const t = topic(year)
    const province = Number(
      addSession.run(t, 'provincial_online', `${year}-05-10`, tree.committees[0]).lastInsertRowid
    )
    sessions.push(province)
    const cellSession = new Map<number, number>()
    for (const [i, cell] of tree.cells.entries()) {
      const id = Number(
        addSession.run(t, 'cell_meeting', `${year}-0${6 + (i % 4)}-15`, cell).lastInsertRowid
      )
      cellSession.set(cell, id)
      sessions.push(id)
    }
    for (const p of personIds) {
      if ((p.id * 7919) % 100 < share * 100) {
        records += attend.run(p.id, cellSession.get(p.unit_id)!).changes
        if (p.id % 3 === 0) records += attend.run(p.id, province).changes
      }
    }
  }
  // Top up to 200,000 records with make-up sessions of the earlier topic.
  const t = topic(2023)
  let k = 0
  while (records < 200_000) {
    const cell = tree.cells[k % tree.cells.length]
    const id = Number(addSession.run(t, 'makeup', '2023-11-20', cell).lastInsertRowid)
    for (const p of personIds)
      if (p.unit_id === cell && records < 200_000) records += attend.run(p.id, id).changes
    k++
  }
})
db.pragma('optimize')
console.log(
  `setup: ${sessions.length} sessions, ${records.toLocaleString('en')} attendance records in ${(performance.now() - t0).toFixed(0)} ms`
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
    const r = await core.dispatchTrusted(channel, input)
    times.push(performance.now() - start)
    if (!r.ok) throw new Error(r.error.message)
    last = r.value
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(runs / 2)]
  const p95 = times[Math.floor(runs * 0.95)]
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${describe(last)}; target < ${target} ms) ${p95 < target ? 'OK' : 'SLOW'}`
  )
}

type Cov = { total: { required: number; studied: number; percent: number }; rows: unknown[] }
const covText = (v: unknown) => {
  const c = v as Cov
  return `${c.rows.length} units, ${c.total.studied}/${c.total.required} studied, ${c.total.percent}%`
}
const province = (
  db.prepare('SELECT id FROM units WHERE parent_id IS NULL').get() as { id: number }
).id
await measure(
  'coverage 2024, whole province (50,000 people)',
  200,
  'study:coverage',
  { year: 2024, unitId: province },
  covText
)
await measure(
  'coverage 2024, whole organisation (unitId null)',
  200,
  'study:coverage',
  { year: 2024, unitId: null },
  covText
)
await measure(
  'coverage 2024, one committee (~5,000 people)',
  200,
  'study:coverage',
  { year: 2024, unitId: tree.committees[3] },
  covText
)
await measure(
  'checklist of one chi bộ (300 people)',
  50,
  'study:checklist',
  { sessionId: sessions[8], unitId: bigCell },
  (v) => `${(v as { rows: unknown[] }).rows.length} people`
)
await measure(
  'missing list, whole province, first 200',
  200,
  'study:listMissing',
  { year: 2024, unitId: province, limit: 200 },
  (v) => `${(v as { total: number }).total} missing`
)
await measure(
  'progress by month, whole province',
  200,
  'study:progress',
  { year: 2024, unitId: province },
  (v) => `${(v as { months: unknown[] }).months.length} months`
)

// The missing list as .xlsx: the summary sheet alone, then with a sheet per chi bộ; for 2024
// (about a fifth missing) and for 2022, a topic nobody attended (everyone missing: the summary
// and the 400 chi bộ sheets hold 50,175 people each, 100,350 rows in all).
const out = join(dir, 'chua-hoc.xlsx')
const written = (v: unknown) =>
  `${(v as { rows: number }).rows} people, ${(statSync(out).size / 1e6).toFixed(1)} MB`
const exportInput = (year: number, perUnit: boolean) => ({
  year,
  unitId: province,
  path: out,
  perUnit
})
await measure(
  'missing list .xlsx 2024, whole province, one sheet',
  5000,
  'study:exportMissing',
  exportInput(2024, false),
  written,
  5
)
await measure(
  'missing list .xlsx 2024, whole province, sheet per chi bộ',
  5000,
  'study:exportMissing',
  exportInput(2024, true),
  written,
  5
)
await measure(
  'missing list .xlsx 2022 (all missing), one sheet',
  5000,
  'study:exportMissing',
  exportInput(2022, false),
  written,
  5
)
await measure(
  'missing list .xlsx 2022 (all missing), sheet per chi bộ',
  5000,
  'study:exportMissing',
  exportInput(2022, true),
  written,
  5
)
core.close()
rmSync(dir, { recursive: true, force: true })
