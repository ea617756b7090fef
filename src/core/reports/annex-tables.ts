// The annex's tables: what each counts, in which columns, and where its figures come from. Each
// table gives, for every unit of the report's scope, the figures of that unit's whole subtree:
// the sections' own roll-ups where they exist (study coverage, commitment status, exemplar and
// propaganda counts), and for the rest grouped queries rolled up by the one roll-up
// (units/rollup.ts). Shares are left to annex.ts, which computes them from the counts.
import type { AnnexColumn, AnnexTableCode, ReportPeriod } from '../../shared/api'
import { AWARD_FORMS, RATING_LEVELS } from '../../shared/api'
import { AWARD_FORM_LABELS } from '../../shared/exemplar-labels'
import type { Database } from '../db/connection'
import { LEFT_SQL } from '../people/status-sql'
import { commitmentStatus } from '../commitments/status'
import { exemplarCounts } from '../exemplars/counts'
import { inspectionCounts } from '../inspections/counts'
import { propagandaCounts } from '../propaganda/counts'
import { coverage } from '../study/coverage'
import { ATTENDED_SESSIONS_SQL } from '../study/scope'
import { topicByYear } from '../study/topics'
import { rollUp, type UnitCounts } from '../units/rollup'
import type { TreeUnitRow } from '../units/subtree'
import { UNIT_IDS_IN_RANGE } from '../units/subtree'

/** Counts of one unit's whole subtree, by column code. */
export type Figures = Record<string, number>

export interface TableScope {
  db: Database
  unitId: number
  lo: string
  hi: string
  units: readonly TreeUnitRow[]
  period: ReportPeriod
}

export interface TableSpec {
  code: AnnexTableCode
  title: string
  columns: AnnexColumn[]
  /** Whether the table belongs in a report of this period (ratings only in the year's). */
  applies?: (period: ReportPeriod) => boolean
  /** Each unit's subtree figures (units with nothing counted may be missing: all 0). */
  figures: (scope: TableScope) => Map<number, Figures>
}

/** Rolls per-unit counts up the scope's tree into subtree figures by unit. */
function rolled(scope: TableScope, measures: readonly string[], counts: UnitCounts<string>[]) {
  const { rows } = rollUp({ units: scope.units, measures, counts })
  return byUnit(rows.map((r) => ({ unitId: r.unit.unitId, counts: r.counts })))
}

/** A section's own rows of subtree counts (its roll-up), as figures by unit. */
function byUnit(rows: readonly { unitId: number; counts: object }[]): Map<number, Figures> {
  return new Map(rows.map((r) => [r.unitId, r.counts as Figures]))
}

/**
 * The rows of a query grouped by unit, as counts to roll up: its `unitId` column names the
 * unit, every other column is a count by its name (an empty sum, null, is 0).
 */
function perUnit(db: Database, sql: string, ...args: unknown[]): UnitCounts<string>[] {
  return (
    db.prepare(sql).all(...args) as ({ unitId: number } & Record<string, number | null>)[]
  ).map(({ unitId, ...c }) => ({
    unitId,
    counts: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v ?? 0]))
  }))
}

const count = (code: string, label: string, unit: string, group?: string): AnnexColumn => ({
  code,
  label,
  unit,
  ...(group ? { group } : {})
})
const share = (code: string, part: string, whole: string, group?: string): AnnexColumn => ({
  code,
  label: 'Tỷ lệ %',
  unit: '%',
  percentOf: [part, whole],
  ...(group ? { group } : {})
})

// ---- Học tập chuyên đề

const STUDY_MEMBERS = 'Đảng viên'
const STUDY_OTHERS = 'Quần chúng'
const STUDY_COMMITMENTS = 'Bản cam kết'

/**
 * Sessions of the year's topic held within the period, counted at the hosting unit, with the
 * connection points (at their own unit when they name one) and the attendances ("lượt") known
 * without names; the people who came to them, counted once each at their own unit.
 */
function studyFigures(scope: TableScope): Map<number, Figures> {
  const { db, lo, hi, period } = scope
  const topic = topicByYear(db, period.year)
  const counts: UnitCounts<string>[] = []
  if (topic) {
    const inPeriod = 's.topic_id = ? AND s.held_on >= ? AND s.held_on <= ?'
    const args = [topic.id, period.from, period.to]
    const attended = `FROM ${ATTENDED_SESSIONS_SQL} WHERE a.person_id = p.id AND ${inPeriod}`
    counts.push(
      ...perUnit(
        db,
        `SELECT s.host_unit_id AS unitId, count(*) AS sessions, sum(s.extra_non_members) AS nonMemberAttendances
         FROM study_sessions s WHERE ${inPeriod} AND s.host_unit_id IN ${UNIT_IDS_IN_RANGE}
         GROUP BY s.host_unit_id`,
        ...args,
        lo,
        hi
      ),
      ...perUnit(
        db,
        `SELECT COALESCE(pt.unit_id, s.host_unit_id) AS unitId, count(*) AS points
         FROM study_points pt JOIN study_sessions s ON s.id = pt.session_id
         WHERE ${inPeriod} AND COALESCE(pt.unit_id, s.host_unit_id) IN ${UNIT_IDS_IN_RANGE}
         GROUP BY 1`,
        ...args,
        lo,
        hi
      ),
      // People once each however many sessions they came to; non-members' attendances apart.
      // Driven from the people of the scope, each walking their own few attendance rows: 0.25 s
      // for 50,000 people and 200,000 records, where grouping every attendance row took 1.3 s.
      ...perUnit(
        db,
        `SELECT p.unit_id AS unitId, sum(EXISTS (SELECT 1 ${attended})) AS attendees,
                sum(CASE WHEN p.kind = 'non_member' THEN (SELECT count(*) ${attended}) ELSE 0 END)
                  AS nonMemberAttendances
         FROM people p WHERE p.unit_id IN ${UNIT_IDS_IN_RANGE}
         GROUP BY p.unit_id`,
        ...args,
        ...args,
        lo,
        hi
      )
    )
  }
  const figures = rolled(scope, ['sessions', 'points', 'attendees', 'nonMemberAttendances'], counts)
  const get = (unitId: number) => {
    let f = figures.get(unitId)
    if (!f) figures.set(unitId, (f = {}))
    return f
  }
  // Who studied: by the period's last day, at any session of the year's topic.
  for (const r of coverage(db, { year: period.year, unitId: scope.unitId, until: period.to }).rows)
    Object.assign(get(r.unitId), {
      membersRequired: r.members.required,
      membersStudied: r.members.studied,
      nonMembersStudied: r.nonMembers.studied
    })
  for (const r of commitmentStatus(db, { year: period.year, unitId: scope.unitId }).rows)
    Object.assign(get(r.unitId), { commitmentsRequired: r.required, commitmentsMade: r.made })
  return figures
}

const study: TableSpec = {
  code: 'study',
  title: 'Kết quả học tập, quán triệt chuyên đề',
  columns: [
    count('sessions', 'Số hội nghị, buổi học tập', 'buổi'),
    count('points', 'Số điểm cầu', 'điểm'),
    count('attendees', 'Số người dự', 'người'),
    count('membersRequired', 'Phải học', 'người', STUDY_MEMBERS),
    count('membersStudied', 'Đã học', 'người', STUDY_MEMBERS),
    share('membersPercent', 'membersStudied', 'membersRequired', STUDY_MEMBERS),
    count('nonMembersStudied', 'Số người đã học', 'người', STUDY_OTHERS),
    count('nonMemberAttendances', 'Số lượt dự', 'lượt', STUDY_OTHERS),
    count('commitmentsRequired', 'Phải lập', 'bản', STUDY_COMMITMENTS),
    count('commitmentsMade', 'Đã lập', 'bản', STUDY_COMMITMENTS),
    share('commitmentsPercent', 'commitmentsMade', 'commitmentsRequired', STUDY_COMMITMENTS)
  ],
  figures: studyFigures
}

// ---- Thực hiện cam kết và xếp loại đảng viên (the year's report)

const LEVEL_COLUMNS = RATING_LEVELS.flatMap((l) => [
  count(`rated_${l}`, 'Số lượng', 'người', l),
  share(`percent_${l}`, `rated_${l}`, 'rated', l)
])

/**
 * Commitment results by the commitment's unit, and the year's decided ratings of the members on
 * the rolls by their unit; shares of each level are of those rated at one of the four levels.
 */
function commitmentFigures(scope: TableScope): Map<number, Figures> {
  const { db, lo, hi, period } = scope
  const levels = RATING_LEVELS.map((l) => `sum(r.decided_rating = '${l}') AS rated_${l}`).join(', ')
  const ratedSql = `(${RATING_LEVELS.map((l) => `'${l}'`).join(', ')})`
  const counts = [
    ...perUnit(
      db,
      `SELECT c.unit_id AS unitId, sum(c.result = 'completed_well') AS completedWell,
              sum(c.result = 'completed') AS completed, sum(c.result = 'not_completed') AS notCompleted,
              sum(c.result IS NULL) AS notJudged
       FROM commitments c WHERE c.year = ? AND c.unit_id IN ${UNIT_IDS_IN_RANGE} GROUP BY c.unit_id`,
      period.year,
      lo,
      hi
    ),
    ...perUnit(
      db,
      `SELECT p.unit_id AS unitId, count(*) AS members, ${levels},
              sum(r.decided_rating IN ${ratedSql}) AS rated,
              sum(r.decided_rating IS NULL OR r.decided_rating NOT IN ${ratedSql}) AS notRated
       FROM people p LEFT JOIN evaluation_ratings r ON r.person_id = p.id AND r.year = ?
       WHERE p.kind = 'member' AND p.status NOT IN ${LEFT_SQL} AND p.unit_id IN ${UNIT_IDS_IN_RANGE}
       GROUP BY p.unit_id`,
      period.year,
      lo,
      hi
    )
  ]
  return rolled(
    scope,
    [
      'completedWell',
      'completed',
      'notCompleted',
      'notJudged',
      'members',
      'rated',
      'notRated',
      ...RATING_LEVELS.map((l) => `rated_${l}`)
    ],
    counts
  )
}

const RESULTS = 'Kết quả thực hiện cam kết'

const commitments: TableSpec = {
  code: 'commitments',
  title: 'Kết quả thực hiện cam kết và xếp loại đảng viên',
  applies: (p) => p.kind !== 'h1',
  columns: [
    count('completedWell', 'Hoàn thành tốt', 'bản', RESULTS),
    count('completed', 'Hoàn thành', 'bản', RESULTS),
    count('notCompleted', 'Không hoàn thành', 'bản', RESULTS),
    count('notJudged', 'Chưa đánh giá', 'bản', RESULTS),
    count('members', 'Số đảng viên', 'người'),
    count('rated', 'Được xếp loại', 'người'),
    ...LEVEL_COLUMNS,
    count('notRated', 'Không, chưa xếp loại', 'người')
  ],
  figures: commitmentFigures
}

// ---- Học tập và làm theo: điển hình, mô hình, khen thưởng

const AWARDS = 'Khen thưởng'

const exemplars: TableSpec = {
  code: 'exemplars',
  title: 'Mô hình, điển hình và khen thưởng',
  columns: [
    count('models', 'Mô hình đăng ký', 'mô hình'),
    count('modelsSpread', 'Mô hình được nhân rộng', 'mô hình'),
    count('persons', 'Điển hình cá nhân', 'người'),
    count('collectives', 'Điển hình tập thể', 'tập thể'),
    ...AWARD_FORMS.map((f) => count(`awards_${f}`, AWARD_FORM_LABELS[f], 'lượt', AWARDS))
  ],
  figures: ({ db, unitId, period }) =>
    byUnit(exemplarCounts(db, { unitId, fromYear: period.year, toYear: period.year }).rows)
}

// ---- Tuyên truyền

const PROPAGANDA_ITEMS = 'Sản phẩm tuyên truyền'
const PRESS = 'Tác phẩm báo chí'

const propaganda: TableSpec = {
  code: 'propaganda',
  title: 'Hoạt động tuyên truyền',
  columns: [
    count('activities', 'Số hoạt động', 'hoạt động'),
    count('points', 'Số điểm cầu', 'điểm'),
    count('members', 'Đảng viên dự', 'người'),
    count('nonMembers', 'Quần chúng dự', 'người'),
    count('attendances', 'Lượt người dự', 'lượt'),
    count('news', 'Tin', 'tin', PROPAGANDA_ITEMS),
    count('articles', 'Bài', 'bài', PROPAGANDA_ITEMS),
    count('reports', 'Phóng sự', 'phóng sự', PROPAGANDA_ITEMS),
    count('panels', 'Pano, áp phích', 'cái', PROPAGANDA_ITEMS),
    count('works', 'Dự giải', 'tác phẩm', PRESS),
    count('awarded', 'Đạt giải', 'tác phẩm', PRESS)
  ],
  figures: ({ db, unitId, period }) =>
    byUnit(propagandaCounts(db, { unitId, from: period.from, to: period.to }).rows)
}

// ---- Kiểm tra, giám sát

const COVERED = 'Đối tượng được kiểm tra, giám sát'
const RECOMMENDATIONS = 'Kiến nghị'

const inspections: TableSpec = {
  code: 'inspections',
  title: 'Kiểm tra, giám sát việc thực hiện chuyên đề',
  columns: [
    count('inspections', 'Cuộc kiểm tra', 'cuộc'),
    count('supervisions', 'Cuộc giám sát', 'cuộc'),
    count('organisations', 'Tổ chức đảng', 'tổ chức', COVERED),
    count('members', 'Đảng viên', 'người', COVERED),
    count('recommendations', 'Đã kiến nghị', 'kiến nghị', RECOMMENDATIONS),
    count('done', 'Đã thực hiện', 'kiến nghị', RECOMMENDATIONS),
    count('late', 'Quá hạn', 'kiến nghị', RECOMMENDATIONS)
  ],
  figures: ({ db, unitId, period }) =>
    byUnit(inspectionCounts(db, { unitId, from: period.from, to: period.to }).rows)
}

/** The tables in the report's order. */
export const TABLE_SPECS: readonly TableSpec[] = [
  study,
  commitments,
  exemplars,
  propaganda,
  inspections
]
