// npm run bench:reports — a province of 400 chi bộ under 10 committees (411 units), 50,000 people,
// 200,000 study attendance records, 20,000 propaganda activities, with exemplars, rewards,
// inspections, commitments and ratings. Targets (issue "Báo cáo"): the province's annex for the
// year in ≤ 1 s, the report's .docx in ≤ 2 s, within 400 MB. The data file is built first in
// this process; the figures are measured in a child process that only opens it (so its peak
// RSS is the core's, as in the app, not the builder's). Prints figures; never part of the test run.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AWARD_FORMS, PROPAGANDA_KINDS, RATING_LEVELS } from '../src/shared/api'
import { openCore } from '../src/core/index'
import { noDialogs } from '../src/core/platform'
import { inTransaction } from '../src/core/db/connection'
import { buildTree } from './fixtures'

const YEAR = 2026
const RUNS = 7

function build(dir: string): void {
  const core = openCore({ dataDir: dir, appVersion: 'bench', platform: noDialogs })
  const db = core.ctx.db
  const t0 = performance.now()
  const tree = buildTree(db, 10, 40, 50_000)
  const province = tree.committees.length
    ? (db
        .prepare('SELECT parent_id FROM units WHERE id = ?')
        .pluck()
        .get(tree.committees[0]) as number)
    : 0
  const people = db.prepare('SELECT id, unit_id, kind FROM people ORDER BY id').all() as {
    id: number
    unit_id: number
    kind: 'member' | 'non_member'
  }[]
  const byCell = new Map<number, number[]>()
  people.forEach((p, i) => {
    if (i % 5 !== 0) byCell.set(p.unit_id, [...(byCell.get(p.unit_id) ?? []), p.id])
  })
  inTransaction(db, () => {
    const topic = Number(
      db
        .prepare(
          "INSERT INTO study_topics(year, title, updated_at) VALUES (?, 'Chuyên đề năm 2026', 'x')"
        )
        .run(YEAR).lastInsertRowid
    )
    const session = db.prepare(
      "INSERT INTO study_sessions(topic_id, kind, held_on, host_unit_id, extra_non_members, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', 'x')"
    )
    const point = db.prepare(
      'INSERT INTO study_points(session_id, position, name, unit_id, attendees) VALUES (?, ?, ?, ?, ?)'
    )
    const attend = db.prepare(
      "INSERT INTO study_attendance(person_id, session_id, source, recorded_at) VALUES (?, ?, 'bench', 'x')"
    )
    // The provincial online conference, one connection point per committee: 40,000 attendances.
    const online = Number(
      session.run(topic, 'provincial_online', `${YEAR}-03-10`, province, 500).lastInsertRowid
    )
    tree.committees.forEach((c, k) => point.run(online, k + 1, `Điểm cầu ${k + 1}`, c, 300))
    // Four sessions in every chi bộ, attended by four in five of its people: 160,000 more.
    for (const cell of tree.cells) {
      const ids = byCell.get(cell) ?? []
      for (let s = 0; s < 4; s++) {
        const id = Number(
          session.run(topic, 'cell_meeting', `${YEAR}-0${2 + s * 2}-15`, cell, s % 2 ? 5 : 0)
            .lastInsertRowid
        )
        for (const p of ids) attend.run(p, id)
      }
    }
    for (const p of people.filter((_, i) => i % 5 !== 0)) attend.run(p.id, online)

    const activity = db.prepare(
      `INSERT INTO propaganda_activities(kind, starts_on, unit_id, on_topic, points, members, non_members, attendances, news, articles, reports, panels, created_at, updated_at)
       VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')`
    )
    const units = [...tree.committees, ...tree.cells]
    for (let i = 0; i < 20_000; i++)
      activity.run(
        PROPAGANDA_KINDS[i % PROPAGANDA_KINDS.length],
        `${YEAR}-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        units[i % units.length],
        i % 3,
        20 + (i % 30),
        i % 50,
        i % 5 ? 0 : 300,
        i % 4,
        i % 3,
        i % 9 ? 0 : 1,
        i % 6
      )
    const work = db.prepare(
      `INSERT INTO press_works(award_year, title, published_on, category, unit_id, stage, result, created_at, updated_at) VALUES (?, ?, ?, 'print', ?, 'submitted', ?, 'x', 'x')`
    )
    for (let i = 0; i < 1_000; i++)
      work.run(
        YEAR,
        `Tác phẩm ${i}`,
        `${YEAR}-0${1 + (i % 9)}-15`,
        units[i % units.length],
        i % 10 ? null : 'b'
      )

    const exemplar = db.prepare(
      `INSERT INTO exemplars(kind, person_id, unit_id, name, proposing_unit_id, year, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'x', 'x')`
    )
    const exemplarIds: { id: number; person: number | null; unit: number }[] = []
    for (let i = 0; i < 2_000; i++) {
      const p = people[(i * 23) % people.length]
      const cell = tree.cells[i % tree.cells.length]
      const kind = i % 4 === 0 ? 'model' : i % 4 === 1 ? 'unit' : 'person'
      const id = Number(
        exemplar.run(
          kind,
          kind === 'person' ? p.id : null,
          kind === 'person' ? null : cell,
          kind === 'model' ? `Mô hình dân vận khéo số ${i}` : null,
          kind === 'person' ? p.unit_id : cell,
          YEAR,
          ['proposed', 'recognised', 'rewarded', 'spread'][i % 4]
        ).lastInsertRowid
      )
      exemplarIds.push({
        id,
        person: kind === 'person' ? p.id : null,
        unit: kind === 'person' ? p.unit_id : cell
      })
    }
    const award = db.prepare(
      `INSERT INTO awards(number, decision_date, year, issuer_unit_id, issuer_level, form, kind, created_at)
       VALUES (?, ?, ?, ?, 'Đảng ủy cơ sở', ?, 'annual', 'x')`
    )
    const recipient = db.prepare(
      'INSERT INTO award_recipients(award_id, exemplar_id, person_id, count_unit_id) VALUES (?, ?, ?, ?)'
    )
    for (let a = 0; a < 500; a++) {
      const id = award.run(
        `${a + 1}-QĐ/ĐU`,
        `${YEAR}-05-19`,
        YEAR,
        tree.committees[a % tree.committees.length],
        AWARD_FORMS[a % AWARD_FORMS.length]
      ).lastInsertRowid
      for (let k = 0; k < 4; k++) {
        const e = exemplarIds[(a * 4 + k) % exemplarIds.length]
        recipient.run(id, e.id, e.person, e.unit)
      }
    }

    const inspection = db.prepare(
      `INSERT INTO inspections(kind, mode, unit_id, content, starts_on, ends_on, status, created_at, updated_at)
       VALUES (?, 'thematic', ?, 'Việc thực hiện Chỉ thị 05-CT/TW', ?, ?, 'concluded', 'x', 'x')`
    )
    const target = db.prepare(
      'INSERT INTO inspection_targets(inspection_id, unit_id, members) VALUES (?, ?, ?)'
    )
    const recommendation = db.prepare(
      `INSERT INTO inspection_recommendations(inspection_id, unit_id, text, made_on, due_on, done_on, created_at, updated_at)
       VALUES (?, ?, 'Hoàn thiện sổ theo dõi cam kết', ?, ?, ?, 'x', 'x')`
    )
    for (let i = 0; i < 300; i++) {
      const host = tree.committees[i % tree.committees.length]
      const month = String(1 + (i % 10)).padStart(2, '0')
      const id = inspection.run(
        i % 3 ? 'inspection' : 'supervision',
        host,
        `${YEAR}-${month}-05`,
        `${YEAR}-${month}-20`
      ).lastInsertRowid
      for (let k = 0; k < 3; k++) {
        const cell = tree.cells[(i * 3 + k) % tree.cells.length]
        target.run(id, cell, 20)
        recommendation.run(
          id,
          cell,
          `${YEAR}-${month}-20`,
          `${YEAR}-${month}-28`,
          k ? `${YEAR}-${month}-25` : null
        )
      }
    }

    const commitment = db.prepare(
      `INSERT INTO commitments(person_id, year, unit_id, made_on, source, result, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'template', ?, 'x', 'x')`
    )
    const rating = db.prepare(
      `INSERT INTO evaluation_ratings(person_id, year, decided_rating, updated_at, unit_id) VALUES (?, ?, ?, 'x', ?)`
    )
    const results = ['completed_well', 'completed', 'not_completed', null]
    people.forEach((p, i) => {
      if (p.kind !== 'member') return
      if (i % 20 !== 0) commitment.run(p.id, YEAR, p.unit_id, `${YEAR}-02-15`, results[i % 4])
      if (i % 15 !== 0) rating.run(p.id, YEAR, RATING_LEVELS[i % RATING_LEVELS.length], p.unit_id)
    })
  })
  const count = (table: string) =>
    db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  console.log(
    `setup: ${count('units')} units, ${count('people')} people, ${count('study_attendance')} attendances, ` +
      `${count('propaganda_activities')} activities, ${count('exemplars')} exemplars, ` +
      `${count('award_recipients')} rewards, ${count('inspections')} inspections, ` +
      `${count('commitments')} commitments, ${count('evaluation_ratings')} ratings ` +
      `in ${((performance.now() - t0) / 1000).toFixed(1)} s`
  )
  core.close()
}

async function measureAll(dir: string): Promise<void> {
  const core = openCore({ dataDir: dir, appVersion: 'bench', platform: noDialogs })
  const db = core.ctx.db
  const top = db.prepare('SELECT id FROM units WHERE parent_id IS NULL').pluck().get() as number
  const out = mkdtempSync(join(tmpdir(), 'bench-reports-out-'))
  const period = { kind: 'year', year: YEAR } as const

  async function measure(
    label: string,
    target: number | null,
    channel: string,
    input: (run: number) => unknown,
    trusted = false
  ): Promise<unknown> {
    const times: number[] = []
    const cpu: number[] = []
    let last: unknown
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now()
      const used = process.cpuUsage()
      const r = trusted
        ? await core.dispatchTrusted(channel as never, input(i) as never)
        : await core.dispatch(channel, input(i))
      times.push(performance.now() - start)
      const { user, system } = process.cpuUsage(used)
      cpu.push((user + system) / 1000)
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
      last = r.value
    }
    times.sort((a, b) => a - b)
    cpu.sort((a, b) => a - b)
    const median = times[Math.floor(RUNS / 2)]
    const verdict = target === null ? '' : median <= target ? ' OK' : ' SLOW'
    // The CPU time says what the work costs when the machine is shared (wall time waits too).
    console.log(
      `${label.padEnd(40)} median ${median.toFixed(0).padStart(5)} ms, CPU ${cpu[Math.floor(RUNS / 2)].toFixed(0).padStart(5)} ms  (min ${times[0].toFixed(0)}, max ${times[RUNS - 1].toFixed(0)}; ${RUNS} runs${target === null ? '' : `; target ≤ ${target} ms`})${verdict}`
    )
    return last
  }

  type Annex = { tables: { code: string; rows: unknown[]; total: { values: (number | null)[] } }[] }
  const annex = (await measure('annex, province, year 2026', 1000, 'reports:annex', () => ({
    unitId: top,
    period
  }))) as Annex
  const study = annex.tables.find((t) => t.code === 'study')!
  console.log(
    `  (${annex.tables.length} tables, ${study.rows.length} rows each; study total: ${study.total.values.slice(0, 6).join(', ')})`
  )
  await measure('annex, province, first half of 2026', 1000, 'reports:annex', () => ({
    unitId: top,
    period: { kind: 'h1', year: YEAR }
  }))
  await measure('next report due (Tổng quan card)', 1000, 'reports:due', () => ({
    today: `${YEAR}-11-10`
  }))
  // What the Báo cáo page asks before it loads anything: the same rule within its working year.
  await measure('report the Báo cáo page opens on', 1000, 'reports:duePeriod', () => ({
    unitId: top,
    year: YEAR,
    today: `${YEAR}-11-10`
  }))
  const xlsx = (i: number) => join(out, `phu-luc-${i}.xlsx`)
  await measure(
    'annex saved as .xlsx',
    null,
    'reports:exportAnnex',
    (i) => ({ unitId: top, period, path: xlsx(i) }),
    true
  )
  console.log(`  (${(statSync(xlsx(0)).size / 1024).toFixed(0)} kB)`)
  const docx = (i: number) => join(out, `bao-cao-${i}.docx`)
  await measure(
    'report saved as .docx',
    2000,
    'reports:exportWord',
    (i) => ({ unitId: top, period, path: docx(i) }),
    true
  )
  console.log(`  (${(statSync(docx(0)).size / 1024).toFixed(0)} kB)`)
  core.close()
  rmSync(out, { recursive: true, force: true })
  const rssMb = process.resourceUsage().maxRSS / 1024
  console.log(
    `peak RSS of the measuring process: ${rssMb.toFixed(0)} MB (target ≤ 400 MB) ${rssMb <= 400 ? 'OK' : 'OVER'}`
  )
}

// `--build DIR` only builds the data file (to profile against it), `--measure DIR` only measures.
if (process.argv[2] === '--measure') {
  await measureAll(process.argv[3])
} else if (process.argv[2] === '--build') {
  build(process.argv[3])
} else {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'))
  try {
    build(dir)
    execFileSync(process.execPath, [...process.execArgv, process.argv[1], '--measure', dir], {
      stdio: 'inherit'
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
