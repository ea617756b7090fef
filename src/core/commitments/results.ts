// The year-end result of people's commitments, for the ratings part (shown beside the rating
// and in the evaluation sheet as "kết quả thực hiện cam kết").
import type { CommitmentResultCode, CommitmentResultRow, PersonStatus } from '../../shared/api'
import { LEFT_STATUSES } from '../../shared/api'
import { COMMITMENT_RESULT_LABELS } from '../../shared/labels'
import type { Database } from '../db/connection'
import { isAsked } from './scope'

export interface CommitmentResultValue {
  /** Null when not judged yet, or when there is no commitment. */
  result: CommitmentResultCode | null
  /** The result's label, or why there is none. */
  label: string
}

const NO_RESULT_LABELS = {
  notJudged: 'Chưa đánh giá',
  notMade: 'Chưa lập cam kết',
  notAsked: 'Không thuộc diện lập cam kết',
  unknown: 'Không có trong danh sách'
} as const

/**
 * Year-end results by person. Without personIds: everyone with a commitment that year. With
 * personIds: every id asked for gets an entry, with a label saying why it has no result.
 */
export function commitmentResults(
  db: Database,
  year: number,
  personIds?: readonly number[]
): Map<number, CommitmentResultValue> {
  const map = new Map<number, CommitmentResultValue>()
  const put = (r: {
    id: number
    status: PersonStatus
    cid: number | null
    result: CommitmentResultCode | null
  }) => {
    if (r.cid !== null)
      map.set(r.id, {
        result: r.result,
        label: r.result ? COMMITMENT_RESULT_LABELS[r.result] : NO_RESULT_LABELS.notJudged
      })
    else
      map.set(r.id, {
        result: null,
        label: isAsked(r.status)
          ? NO_RESULT_LABELS.notMade
          : LEFT_STATUSES.includes(r.status)
            ? NO_RESULT_LABELS.unknown
            : NO_RESULT_LABELS.notAsked
      })
  }
  if (!personIds) {
    const rows = db
      .prepare(
        `SELECT p.id, p.status, c.id AS cid, c.result FROM commitments c JOIN people p ON p.id = c.person_id WHERE c.year = ?`
      )
      .all(year) as {
      id: number
      status: PersonStatus
      cid: number
      result: CommitmentResultCode | null
    }[]
    for (const r of rows) put(r)
    return map
  }
  const ids = [...new Set(personIds)]
  for (let k = 0; k < ids.length; k += 500) {
    const chunk = ids.slice(k, k + 500)
    const rows = db
      .prepare(
        `SELECT p.id, p.status, c.id AS cid, c.result FROM people p LEFT JOIN commitments c ON c.person_id = p.id AND c.year = ?
         WHERE p.id IN (${chunk.map(() => '?').join(', ')})`
      )
      .all(year, ...chunk) as {
      id: number
      status: PersonStatus
      cid: number | null
      result: CommitmentResultCode | null
    }[]
    for (const r of rows) put(r)
  }
  for (const id of ids)
    if (!map.has(id)) map.set(id, { result: null, label: NO_RESULT_LABELS.unknown })
  // Keep the order asked for.
  return new Map(ids.map((id) => [id, map.get(id)!]))
}

/** The same as rows, JSON-safe, for the channel. */
export function commitmentResultRows(
  db: Database,
  year: number,
  personIds?: readonly number[]
): CommitmentResultRow[] {
  return [...commitmentResults(db, year, personIds)].map(([personId, v]) => ({ personId, ...v }))
}
