// The rules of each span of years, kept as data (evaluation_rule_sets): the HTXSNV quota
// (percentage, base, scope), who is not rated, and the 100-point scale of QĐ 366. A rule set
// applies from its first year until the next one's; the seeded ones are in seed.ts.
import type {
  EvaluationRuleSet,
  EvaluationRuleSetInput,
  PersonStatus,
  RatingLevel
} from '../../shared/api'
import { MEMBER_ONLY_STATUSES, PERSON_STATUSES } from '../../shared/api'
import { cleanText } from '../../shared/vn-text'
import { formatNumber } from '../../shared/numbers'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'

interface RuleRow {
  id: number
  from_year: number
  name: string
  quota_percent: number | null
  quota_base: EvaluationRuleSet['quotaBase']
  quota_scope: EvaluationRuleSet['quotaScope']
  exempt_statuses: string
  new_member_months: number | null
  score_excellent: number | null
  score_good: number | null
  score_done: number | null
  note: string | null
}

function toRuleSet(r: RuleRow, next: RuleRow | undefined): EvaluationRuleSet {
  let exempt: PersonStatus[] = []
  try {
    const parsed = JSON.parse(r.exempt_statuses) as unknown
    if (Array.isArray(parsed))
      exempt = parsed.filter((s): s is PersonStatus =>
        (PERSON_STATUSES as readonly string[]).includes(s as string)
      )
  } catch {
    // A hand-edited file: treat as no exempt statuses rather than refuse to open the sheet.
  }
  const scale = r.score_excellent !== null && r.score_good !== null && r.score_done !== null
  return {
    id: r.id,
    fromYear: r.from_year,
    toYear: next ? next.from_year - 1 : null,
    name: r.name,
    quotaPercent: r.quota_percent,
    quotaBase: r.quota_base,
    quotaScope: r.quota_scope,
    exemptStatuses: exempt,
    newMemberMonths: r.new_member_months,
    scoreThresholds: scale
      ? { excellent: r.score_excellent!, good: r.score_good!, done: r.score_done! }
      : null,
    note: r.note
  }
}

export function listRuleSets(db: Database): EvaluationRuleSet[] {
  const rows = db
    .prepare('SELECT * FROM evaluation_rule_sets ORDER BY from_year')
    .all() as RuleRow[]
  return rows.map((r, i) => toRuleSet(r, rows[i + 1]))
}

/** The rule set in force in a year: the latest one starting at or before it. */
export function ruleSetFor(db: Database, year: number): EvaluationRuleSet | null {
  const all = listRuleSets(db)
  let found: EvaluationRuleSet | null = null
  for (const r of all) if (r.fromYear <= year) found = r
  return found
}

/** The level a score gives on the 100-point scale. */
export function levelForScore(
  score: number,
  t: NonNullable<EvaluationRuleSet['scoreThresholds']>
): RatingLevel {
  if (score >= t.excellent) return 'HTXSNV'
  if (score >= t.good) return 'HTTNV'
  if (score >= t.done) return 'HTNV'
  return 'KHTNV'
}

/** How many HTXSNV a base allows: never more than the percentage ("không vượt quá"). */
export function quotaLimit(percent: number, base: number): number {
  return Math.floor((percent * base) / 100 + 1e-9)
}

const RATEABLE_STATUSES: readonly PersonStatus[] = ['active', 'exempt', 'suspended', 'temporary']

export function saveRuleSet(db: Database, input: EvaluationRuleSetInput): EvaluationRuleSet {
  const errors: Record<string, string> = {}
  const name = cleanText(input.name)
  if (!name) errors.name = 'Hãy ghi tên văn bản quy định (ví dụ: QĐ 124-QĐ/TW; HD 25-HD/BTCTW).'
  if (!Number.isInteger(input.fromYear) || input.fromYear < 2000 || input.fromYear > 2100)
    errors.fromYear = 'Năm áp dụng không hợp lệ.'
  if (input.quotaPercent !== null && !(input.quotaPercent >= 0 && input.quotaPercent <= 100))
    errors.quotaPercent = `Tỷ lệ ${formatNumber(input.quotaPercent)}% không dùng được: phải từ 0 đến 100%.`
  if (
    input.newMemberMonths !== null &&
    !(
      Number.isInteger(input.newMemberMonths) &&
      input.newMemberMonths >= 1 &&
      input.newMemberMonths <= 24
    )
  ) {
    errors.newMemberMonths = 'Số tháng phải là số nguyên từ 1 đến 24.'
  }
  const t = input.scoreThresholds
  if (t && !(t.done >= 0 && t.done < t.good && t.good < t.excellent && t.excellent <= 100)) {
    errors.scoreThresholds =
      'Các mốc điểm phải tăng dần: HTNV < HTTNV < HTXSNV, trong khoảng 0–100.'
  }
  const exempt = [...new Set(input.exemptStatuses)]
  if (exempt.some((s) => !RATEABLE_STATUSES.includes(s) && !MEMBER_ONLY_STATUSES.includes(s))) {
    errors.exemptStatuses = 'Chỉ chọn các tình trạng của đảng viên còn trong danh sách.'
  }
  const clash = db
    .prepare('SELECT id FROM evaluation_rule_sets WHERE from_year = ? AND id IS NOT ?')
    .get(input.fromYear, input.id) as { id: number } | undefined
  if (clash)
    errors.fromYear = `Đã có quy định áp dụng từ năm ${input.fromYear}; hãy sửa quy định đó.`
  if (Object.keys(errors).length > 0)
    throw new CoreError('VALIDATION', Object.values(errors).join(' '), errors)
  const note = input.note ? cleanText(input.note) || null : null
  const values = [
    input.fromYear,
    name,
    input.quotaPercent,
    input.quotaBase,
    input.quotaScope,
    JSON.stringify(exempt),
    input.newMemberMonths,
    t?.excellent ?? null,
    t?.good ?? null,
    t?.done ?? null,
    note,
    nowIso()
  ]
  const id = inTransaction(db, () => {
    if (input.id === null) {
      return Number(
        db
          .prepare(
            `INSERT INTO evaluation_rule_sets(from_year, name, quota_percent, quota_base, quota_scope, exempt_statuses, new_member_months,
               score_excellent, score_good, score_done, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
          )
          .run(...values).lastInsertRowid
      )
    }
    const changed = db
      .prepare(
        `UPDATE evaluation_rule_sets SET from_year = ?, name = ?, quota_percent = ?, quota_base = ?, quota_scope = ?, exempt_statuses = ?,
           new_member_months = ?, score_excellent = ?, score_good = ?, score_done = ?, note = ?, updated_at = ? WHERE id = ?`
      )
      .run(...values, input.id).changes
    if (changed === 0) throw notFound('quy định này')
    return input.id
  })
  return listRuleSets(db).find((r) => r.id === id)!
}

export function deleteRuleSet(db: Database, id: number): null {
  const count = (
    db.prepare('SELECT count(*) AS n FROM evaluation_rule_sets').get() as { n: number }
  ).n
  const exists = db.prepare('SELECT 1 FROM evaluation_rule_sets WHERE id = ?').get(id)
  if (!exists) throw notFound('quy định này')
  if (count <= 1)
    throw new CoreError('CONFLICT', 'Phải giữ ít nhất một quy định đánh giá, xếp loại.')
  db.prepare('DELETE FROM evaluation_rule_sets WHERE id = ?').run(id)
  return null
}
