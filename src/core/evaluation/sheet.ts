// The evaluation sheet of a unit for a year: its members (and those of its subtree) with their
// three ratings, who the year's rules leave unrated, the totals per level, and the HTXSNV quota
// of every tổ chức cơ sở đảng the sheet touches. Everything here is computed on read.
//
// On the sheet: party members of the unit's subtree still on the rolls (đang sinh hoạt, miễn
// sinh hoạt, đình chỉ, sinh hoạt tạm thời), and anyone with a rating recorded for the year even
// if they have left since (transferred after being rated).
import type {
  EvaluationCounts,
  EvaluationGroup,
  EvaluationQuotaCheck,
  EvaluationRow,
  EvaluationRuleSet,
  EvaluationSaveResult,
  EvaluationSheet,
  EvaluationTotals,
  NotRatedReason,
  PersonStatus,
  Rating,
  RatingLevel
} from '../../shared/api'
import { LEFT_STATUSES, RATING_LEVELS, RATING_STAGES } from '../../shared/api'
import { NOT_RATED_REASON_LABELS, RATING_STAGE_LABELS, STATUS_LABELS } from '../../shared/labels'
import { formatNumber, formatPercent, percent } from '../../shared/numbers'
import { comparePartialDates, daysInMonth } from '../../shared/partial-date'
import type { Database } from '../db/connection'
import { notFound } from '../db/errors'
import { LEFT_SQL } from '../people/status-sql'
import { subtreeRange } from '../units/subtree'
import { commitmentsOf } from './commitment'
import { levelForScore, quotaLimit, ruleSetFor } from './rules'
import { loadUnits, quotaScopeOf, unitInfo, type UnitRow } from './scope'

interface DbRow {
  id: number
  full_name: string
  birth_date: string | null
  position: string | null
  status: PersonStatus
  party_join_date: string | null
  unit_id: number
  unit_name: string
  self_rating: Rating | null
  proposed_rating: Rating | null
  decided_rating: Rating | null
  reason: NotRatedReason | null
  score: number | null
  note: string | null
}

const SHEET_COLUMNS = `p.id AS id, p.full_name, p.birth_date, p.position, p.status, p.party_join_date, u.id AS unit_id, u.name AS unit_name,
  u.tree_order AS tree_order, p.sort_key AS sort_key, r.self_rating, r.proposed_rating, r.decided_rating, r.reason, r.score, r.note`

/**
 * Who is on the sheet of a subtree for a year, as SQL over `u` (the unit a member is on the sheet
 * of), `p` and `r` (the rating, if any), with @year, @lo and @hi bound. A member is on the sheet
 * of the unit they were rated in (evaluation_ratings.unit_id), else of their unit now: a member
 * rated in one chi bộ who moved to another since stays on the first one's sheet of that year. Two
 * parts so that each reads by index: people by their unit, then the ratings given in a unit to
 * members who have moved out of it. `only` narrows both parts (to some people).
 */
function onSheet(columns: string, only = ''): string {
  return `SELECT ${columns}
       FROM units u JOIN people p ON p.unit_id = u.id
       LEFT JOIN evaluation_ratings r ON r.person_id = p.id AND r.year = @year
       WHERE u.path >= @lo AND u.path < @hi AND p.kind = 'member' AND (r.unit_id IS NULL OR r.unit_id = p.unit_id)
         AND (p.status NOT IN ${LEFT_SQL} OR r.person_id IS NOT NULL)${only}
       UNION ALL
       SELECT ${columns}
       FROM units u JOIN evaluation_ratings r ON r.year = @year AND r.unit_id = u.id
       JOIN people p ON p.id = r.person_id
       WHERE u.path >= @lo AND u.path < @hi AND p.kind = 'member' AND p.unit_id <> r.unit_id${only}`
}

/** The members of a subtree on the sheet of a year (all, or those of `personIds`), in tree order then by given name. */
function sheetQuery(db: Database, year: number, path: string, personIds?: number[]): DbRow[] {
  const [lo, hi] = subtreeRange(path)
  const only = personIds ? ' AND p.id IN (SELECT value FROM json_each(@ids))' : ''
  return db
    .prepare(`${onSheet(SHEET_COLUMNS, only)} ORDER BY tree_order, sort_key, id`)
    .all({ year, lo, hi, ...(personIds ? { ids: JSON.stringify(personIds) } : {}) }) as DbRow[]
}

/** How many members of each unit of the sheet have each combination of the three ratings. */
interface Tally {
  unit_id: number
  self: Rating | null
  proposed: Rating | null
  decided: Rating | null
  n: number
}

function sheetTallies(db: Database, year: number, path: string): Tally[] {
  const [lo, hi] = subtreeRange(path)
  return db
    .prepare(
      `SELECT unit_id, self, proposed, decided, count(*) AS n FROM (${onSheet(
        'u.id AS unit_id, r.self_rating AS self, r.proposed_rating AS proposed, r.decided_rating AS decided'
      )}) GROUP BY unit_id, self, proposed, decided`
    )
    .all({ year, lo, hi }) as Tally[]
}

const STATUS_REASON: Partial<Record<PersonStatus, NotRatedReason>> = {
  exempt: 'exempt',
  suspended: 'suspended',
  temporary: 'temporary',
  transferred: 'transferred'
}

/** The day before which a member joined to be rated: 31/12 of the year minus the months. */
function newMemberCutoff({ year, months }: { year: number; months: number }): string {
  let y = year
  let m = 12 - months
  while (m < 1) {
    m += 12
    y--
  }
  const d = Math.min(31, daysInMonth(y, m))
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Why the year's rules leave a member unrated; null when they are rated. */
export function exemptionOf(
  r: { status: PersonStatus; party_join_date: string | null },
  rules: EvaluationRuleSet | null,
  year: number
): NotRatedReason | null {
  if (!rules) return null
  if (rules.exemptStatuses.includes(r.status)) return STATUS_REASON[r.status] ?? 'other'
  // A join date known only to the year says nothing about the months; one after the cutoff does.
  if (rules.newMemberMonths !== null && r.party_join_date && r.party_join_date.length >= 7) {
    if (
      comparePartialDates(
        r.party_join_date,
        newMemberCutoff({ year, months: rules.newMemberMonths })
      ) > 0
    )
      return 'new_member'
  }
  return null
}

const isLevel = (r: Rating | null): r is RatingLevel => r !== null && r !== 'not_rated'

function rowWarnings(row: EvaluationRow, rules: EvaluationRuleSet | null, year: number): string[] {
  const out: string[] = []
  const stages = [row.self, row.proposed, row.decided]
  if (row.exemptBy && stages.some(isLevel)) {
    out.push(
      `Thuộc diện không xếp loại năm ${year} (${NOT_RATED_REASON_LABELS[row.exemptBy].toLocaleLowerCase('vi')}) nhưng đã ghi mức xếp loại.`
    )
  }
  if (stages.includes('not_rated') && !row.reason) out.push('Chưa ghi lý do không xếp loại.')
  const t = rules?.scoreThresholds
  // The latest stage written is checked against the score, the member's own rating too: the
  // score is often given with the self-rating, before the chi bộ proposes anything.
  const stage = row.decided ? 'decided' : row.proposed ? 'proposed' : row.self ? 'self' : null
  const level = stage ? row[stage] : null
  if (t && row.score !== null && stage && isLevel(level)) {
    const byScore = levelForScore(row.score, t)
    if (byScore !== level) {
      out.push(
        `${formatNumber(row.score)} điểm ứng với ${byScore}, khác mức ${RATING_STAGE_LABELS[stage].toLocaleLowerCase('vi')} (${level}).`
      )
    }
  }
  return out
}

function emptyCounts(): EvaluationCounts {
  return {
    total: 0,
    levels: { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 },
    notRated: 0,
    blank: 0,
    percents: { HTXSNV: null, HTTNV: null, HTNV: null, KHTNV: null }
  }
}

function add(c: EvaluationCounts, r: Rating | null, n = 1): void {
  c.total += n
  if (r === null) c.blank += n
  else if (r === 'not_rated') c.notRated += n
  else c.levels[r] += n
}

function finish(c: EvaluationCounts): EvaluationCounts {
  const rated = RATING_LEVELS.reduce((a, l) => a + c.levels[l], 0)
  for (const l of RATING_LEVELS) c.percents[l] = percent(c.levels[l], rated)
  return c
}

/** Totals of rows, or of tallies (`n` members with the same three ratings). */
export function totalsOf(
  rows: readonly (Pick<EvaluationRow, 'self' | 'proposed' | 'decided'> & { n?: number })[]
): EvaluationTotals {
  const t = { self: emptyCounts(), proposed: emptyCounts(), decided: emptyCounts() }
  for (const row of rows) for (const s of RATING_STAGES) add(t[s], row[s], row.n ?? 1)
  for (const s of RATING_STAGES) finish(t[s])
  return t
}

/** One group per unit holding members on the sheet, in tree order. */
function groupsOf(
  rows: readonly (Pick<EvaluationRow, 'self' | 'proposed' | 'decided'> & {
    unitId: number
    n?: number
  })[],
  units: Map<number, UnitRow>
): EvaluationGroup[] {
  const byUnit = new Map<number, typeof rows>()
  for (const r of rows) {
    let list = byUnit.get(r.unitId) as (typeof rows)[number][] | undefined
    if (!list) byUnit.set(r.unitId, (list = []))
    list.push(r)
  }
  return [...byUnit]
    .map(([unitId, list]) => {
      const u = units.get(unitId)!
      return { unitId, unitName: u.name, level: u.level, totals: totalsOf(list) }
    })
    .sort((a, b) => units.get(a.unitId)!.tree_order - units.get(b.unitId)!.tree_order)
}

/** The quota's base in a sentence: "20% của 8 đảng viên HTTNV trở lên". */
const BASE_WORDS: Record<EvaluationRuleSet['quotaBase'], string> = {
  httnv: 'đảng viên HTTNV',
  httnv_or_better: 'đảng viên HTTNV trở lên',
  rated: 'đảng viên được xếp loại'
}

/**
 * The HTXSNV quota of each scope the given units fall in, for the proposals and the decisions.
 * A scope may reach beyond the sheet (a chi bộ's tổ chức cơ sở đảng is its committee), so its
 * counts come from the ratings of its whole subtree, each member counted in their own scope.
 */
function quotaChecks(
  db: Database,
  year: number,
  rules: EvaluationRuleSet | null,
  units: Map<number, UnitRow>,
  unitIds: Iterable<number>
): EvaluationQuotaCheck[] {
  if (!rules || rules.quotaPercent === null) return []
  const quotaPercent = rules.quotaPercent
  const scopes = new Set<number>()
  for (const u of unitIds) scopes.add(quotaScopeOf(units, u, rules.quotaScope))
  const stmt = db.prepare(
    `SELECT r.unit_id, r.proposed_rating AS proposed, r.decided_rating AS decided, count(*) AS n
     FROM units u JOIN evaluation_ratings r ON r.year = ? AND r.unit_id = u.id JOIN people p ON p.id = r.person_id
     WHERE u.path >= ? AND u.path < ? AND p.kind = 'member'
     GROUP BY r.unit_id, r.proposed_rating, r.decided_rating`
  )
  const checks: EvaluationQuotaCheck[] = []
  const ordered = [...scopes]
    .map((id) => units.get(id)!)
    .sort((a, b) => a.tree_order - b.tree_order)
  for (const scope of ordered) {
    const [lo, hi] =
      rules.quotaScope === 'unit' ? [scope.path, scope.path + '\u0000'] : subtreeRange(scope.path)
    const tallies = { proposed: emptyCounts(), decided: emptyCounts() }
    for (const g of stmt.all(year, lo, hi) as {
      unit_id: number
      proposed: Rating | null
      decided: Rating | null
      n: number
    }[]) {
      if (
        rules.quotaScope === 'unit'
          ? g.unit_id !== scope.id
          : quotaScopeOf(units, g.unit_id, 'grassroots') !== scope.id
      )
        continue
      add(tallies.proposed, g.proposed, g.n)
      add(tallies.decided, g.decided, g.n)
    }
    for (const stage of ['proposed', 'decided'] as const) {
      const c = tallies[stage]
      const excellent = c.levels.HTXSNV
      const base =
        rules.quotaBase === 'httnv'
          ? c.levels.HTTNV
          : rules.quotaBase === 'httnv_or_better'
            ? c.levels.HTTNV + excellent
            : c.total - c.blank - c.notRated
      if (excellent === 0 && base === 0) continue
      const limit = quotaLimit(quotaPercent, base)
      const over = excellent > limit
      const what = `${formatPercent(quotaPercent)} của ${base} ${BASE_WORDS[rules.quotaBase]}`
      const stageText = stage === 'proposed' ? 'chi bộ đề xuất' : 'cấp ủy quyết định'
      checks.push({
        stage,
        unitId: scope.id,
        unitName: scope.name,
        excellent,
        base,
        limit,
        percent: quotaPercent,
        over,
        message: over
          ? `${scope.name}: ${excellent} đảng viên HTXSNV (${stageText}), vượt mức tối đa ${limit} (${what}).`
          : `${scope.name}: ${excellent} đảng viên HTXSNV (${stageText}), trong mức tối đa ${limit} (${what}).`
      })
    }
  }
  return checks
}

function toRow(r: DbRow, rules: EvaluationRuleSet | null, year: number): EvaluationRow {
  const row: EvaluationRow = {
    personId: r.id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    position: r.position,
    status: r.status,
    partyJoinDate: r.party_join_date,
    unitId: r.unit_id,
    unitName: r.unit_name,
    self: r.self_rating,
    proposed: r.proposed_rating,
    decided: r.decided_rating,
    reason: r.reason,
    score: r.score,
    note: r.note,
    exemptBy: exemptionOf(r, rules, year),
    commitment: null,
    warnings: []
  }
  row.warnings = rowWarnings(row, rules, year)
  if (LEFT_STATUSES.includes(r.status))
    row.warnings.push(`${STATUS_LABELS[r.status]} sau khi được xếp loại.`)
  return row
}

/** The rows of the sheet (or of the members `personIds` on it), with their commitment results. */
function rowsOf(
  db: Database,
  year: number,
  path: string,
  rules: EvaluationRuleSet | null,
  personIds?: number[]
): EvaluationRow[] {
  const rows = sheetQuery(db, year, path, personIds).map((r) => toRow(r, rules, year))
  const results = commitmentsOf(
    db,
    year,
    rows.map((r) => r.personId)
  )
  for (const r of rows) r.commitment = results.get(r.personId) ?? null
  return rows
}

function sheetUnit(units: Map<number, UnitRow>, unitId: number): UnitRow {
  const unit = units.get(unitId)
  if (!unit) throw notFound('đơn vị')
  return unit
}

export function buildSheet(
  db: Database,
  { year, unitId }: { year: number; unitId: number }
): EvaluationSheet {
  const units = loadUnits(db)
  const unit = sheetUnit(units, unitId)
  const rules = ruleSetFor(db, year)
  const rows = rowsOf(db, year, unit.path, rules)
  const groups = groupsOf(rows, units)
  return {
    year,
    unit: unitInfo(units, unitId),
    ruleSet: rules,
    rows,
    groups,
    totals: totalsOf(rows),
    quota: quotaChecks(
      db,
      year,
      rules,
      units,
      groups.length > 0 ? groups.map((g) => g.unitId) : [unitId]
    )
  }
}

/** The units whose group on the sheet of `unitId` holds these members. */
export function sheetUnitsOf(
  db: Database,
  { year, unitId }: { year: number; unitId: number },
  personIds: number[]
): Set<number> {
  const [lo, hi] = subtreeRange(sheetUnit(loadUnits(db), unitId).path)
  const found = db
    .prepare(`${onSheet('u.id AS unit_id', ' AND p.id IN (SELECT value FROM json_each(@ids))')}`)
    .all({ year, lo, hi, ids: JSON.stringify(personIds) }) as { unit_id: number }[]
  return new Set(found.map((f) => f.unit_id))
}

/**
 * What saving some members' ratings changed on the sheet of a unit, without building the sheet
 * again (a committee's sheet has hundreds of rows, and a rating typed in one cell changes one):
 * the rows of those members still on the sheet, the groups of the units they are in or were in
 * before (`unitsBefore`: a group left empty is absent), and the sheet's totals and quota. The
 * totals and groups come from one grouped count over the sheet rather than from its rows.
 */
export function sheetChanges(
  db: Database,
  { year, unitId }: { year: number; unitId: number },
  personIds: number[],
  unitsBefore: ReadonlySet<number>
): Omit<EvaluationSaveResult, 'saved'> {
  const units = loadUnits(db)
  const unit = sheetUnit(units, unitId)
  const rules = ruleSetFor(db, year)
  const rows = rowsOf(db, year, unit.path, rules, personIds)
  const tallies = sheetTallies(db, year, unit.path)
  const all = groupsOf(
    tallies.map((t) => ({ ...t, unitId: t.unit_id })),
    units
  )
  const touched = new Set([...unitsBefore, ...rows.map((r) => r.unitId)])
  return {
    rows,
    groups: all.filter((g) => touched.has(g.unitId)),
    totals: totalsOf(tallies),
    quota: quotaChecks(db, year, rules, units, all.length > 0 ? all.map((g) => g.unitId) : [unitId])
  }
}
