// Coverage of the year's topic: who must study, who has (at any session of the topic), who has
// not, per unit and rolled up the tree. One grouped, indexed query gives the counts per unit;
// units/rollup.ts adds them up the tree.
import type {
  PersonKind,
  PersonStatus,
  StudyCounts,
  StudyCoverage,
  StudyCoverageInput,
  StudyCoverageRow,
  StudyMissingInput,
  StudyMissingPerson,
  StudyProgress
} from '../../shared/api'
import { PERSON_KINDS } from '../../shared/api'
import { todayIso } from '../../shared/partial-date'
import type { Database } from '../db/connection'
import { topicByYear } from './topics'
import { mapRollup, rollUp, type RollupRow, type Tally } from '../units/rollup'
import { scopeRange, treeUnitsInRange, UNIT_IDS_IN_RANGE } from '../units/subtree'
import { ATTENDED_SESSIONS_SQL, REQUIRED_SQL } from './scope'

/** "Has this person studied the topic?" as an SQL condition on p.id; binds the topic id. */
const STUDIED_SQL = `EXISTS (SELECT 1 FROM ${ATTENDED_SESSIONS_SQL}
  WHERE a.person_id = p.id AND s.topic_id = ?)`
/** The same, counting only sessions held on or before a day (binds the topic id, then the day). */
const STUDIED_UNTIL_SQL = `EXISTS (SELECT 1 FROM ${ATTENDED_SESSIONS_SQL}
  WHERE a.person_id = p.id AND s.topic_id = ? AND s.held_on <= ?)`

type Coverage = Tally<'required' | 'studied', 'percent'>

const counts = ({ counts: c, percents }: Coverage): StudyCounts => ({
  required: c.required,
  studied: c.studied,
  missing: c.required - c.studied,
  percent: percents.percent
})

const toRow = (r: RollupRow<'required' | 'studied', 'percent', PersonKind>): StudyCoverageRow => ({
  ...r.unit,
  ...counts(r),
  members: counts(r.groups.member),
  nonMembers: counts(r.groups.non_member)
})

/**
 * `until` (core callers only: a report's period) counts only the sessions held by that day, so a
 * half-year's report says what was true at the end of the half-year.
 */
export function coverage(
  db: Database,
  input: StudyCoverageInput & { until?: string }
): StudyCoverage {
  const topic = topicByYear(db, input.year)
  const [lo, hi] = scopeRange(db, input.unitId)
  const studied = input.until === undefined ? STUDIED_SQL : STUDIED_UNTIL_SQL
  const studiedArgs = input.until === undefined ? [] : [input.until]
  // Without a topic nobody can have studied it; the required counts still stand.
  const perUnit = db
    .prepare(
      `SELECT p.unit_id, p.kind, count(*) AS required, ${topic ? `sum(${studied})` : '0'} AS studied
       FROM people p
       WHERE p.unit_id IN ${UNIT_IDS_IN_RANGE} AND p.status IN ${REQUIRED_SQL}
       GROUP BY p.unit_id, p.kind`
    )
    .all(...(topic ? [topic.id, ...studiedArgs] : []), lo, hi) as {
    unit_id: number
    kind: PersonKind
    required: number
    studied: number
  }[]
  const rollup = rollUp({
    units: treeUnitsInRange(db, lo, hi),
    measures: ['required', 'studied'],
    groups: PERSON_KINDS,
    counts: perUnit.map((r) => ({ unitId: r.unit_id, group: r.kind, counts: r })),
    percents: { percent: ['studied', 'required'] }
  })
  return { year: input.year, topic, ...mapRollup(rollup, toRow) }
}

const MISSING_FROM = `
  FROM people p JOIN units u ON u.id = p.unit_id
  WHERE u.path >= ? AND u.path < ? AND p.status IN ${REQUIRED_SQL} AND NOT ${STUDIED_SQL}`

/** Those who must still study, ordered by unit (tree order), members first, then by given name. */
export function missing(
  db: Database,
  input: StudyMissingInput
): { total: number; rows: StudyMissingPerson[] } {
  const topic = topicByYear(db, input.year)
  const [lo, hi] = scopeRange(db, input.unitId)
  // No topic: nobody has studied it, so everyone required is missing (topic id 0 matches nothing).
  const params = [lo, hi, topic?.id ?? 0]
  const total = (db.prepare(`SELECT count(*) AS n ${MISSING_FROM}`).get(...params) as { n: number })
    .n
  const limit = input.limit ?? 100_000
  const rows = db
    .prepare(
      `SELECT p.id, p.full_name, p.kind, p.status, p.birth_date, p.party_card_number, p.position, p.unit_id, u.name AS unit_name
       ${MISSING_FROM} ORDER BY u.tree_order, p.kind, p.sort_key, p.id LIMIT ? OFFSET ?`
    )
    .all(...params, limit, input.offset ?? 0) as {
    id: number
    full_name: string
    kind: PersonKind
    status: PersonStatus
    birth_date: string | null
    party_card_number: string | null
    position: string | null
    unit_id: number
    unit_name: string
  }[]
  return {
    total,
    rows: rows.map((r) => ({
      personId: r.id,
      fullName: r.full_name,
      kind: r.kind,
      status: r.status,
      birthDate: r.birth_date,
      partyCardNumber: r.party_card_number,
      position: r.position,
      unitId: r.unit_id,
      unitName: r.unit_name
    }))
  }
}

function nextMonth(m: string): string {
  let y = Number(m.slice(0, 4))
  let mo = Number(m.slice(5, 7)) + 1
  if (mo > 12) {
    mo = 1
    y++
  }
  return `${y}-${String(mo).padStart(2, '0')}`
}

/** How many of those required had studied by the end of each month (by their first session). */
export function progress(db: Database, input: StudyCoverageInput): StudyProgress {
  const topic = topicByYear(db, input.year)
  const [lo, hi] = scopeRange(db, input.unitId)
  const required = (
    db
      .prepare(
        `SELECT count(*) AS n FROM people p WHERE p.unit_id IN ${UNIT_IDS_IN_RANGE} AND p.status IN ${REQUIRED_SQL}`
      )
      .get(lo, hi) as { n: number }
  ).n
  const firsts = topic
    ? (db
        .prepare(
          `SELECT substr(f.first, 1, 7) AS month, f.kind, count(*) AS n FROM (
             SELECT p.kind, (SELECT min(s.held_on) FROM ${ATTENDED_SESSIONS_SQL}
                               WHERE a.person_id = p.id AND s.topic_id = ?) AS first
             FROM people p
             WHERE p.unit_id IN ${UNIT_IDS_IN_RANGE} AND p.status IN ${REQUIRED_SQL}
           ) f WHERE f.first IS NOT NULL GROUP BY month, f.kind ORDER BY month`
        )
        .all(topic.id, lo, hi) as { month: string; kind: PersonKind; n: number }[])
    : []
  const start =
    firsts.length > 0 && firsts[0].month < `${input.year}-01` ? firsts[0].month : `${input.year}-01`
  const thisMonth = todayIso().slice(0, 7)
  const lastData = firsts.length > 0 ? firsts[firsts.length - 1].month : start
  const yearEnd = `${input.year}-12`
  let end = thisMonth < yearEnd ? thisMonth : yearEnd
  if (end < start) end = start
  if (lastData > end) end = lastData
  const months: StudyProgress['months'] = []
  let members = 0
  let nonMembers = 0
  let i = 0
  for (let m = start; m <= end; m = nextMonth(m)) {
    while (i < firsts.length && firsts[i].month === m) {
      if (firsts[i].kind === 'member') members += firsts[i].n
      else nonMembers += firsts[i].n
      i++
    }
    months.push({
      month: m,
      studied: members + nonMembers,
      studiedMembers: members,
      studiedNonMembers: nonMembers
    })
  }
  return { year: input.year, required, months }
}
