// Who is asked to make a commitment. Written down once, used by every query.
//
// Every party member and non-member on the rolls makes one for the year, except members exempt
// from work and party activities (miễn công tác và sinh hoạt đảng). Those who left the rolls
// (chuyển đi, xóa tên, khai trừ, từ trần) are not listed at all. Suspended members and members in
// temporary activity are still asked: the commitment is about their own conduct.
import type { CommitmentState, PersonStatus } from '../../shared/api'
import { LEFT_STATUSES } from '../../shared/api'
import { sqlList } from '../people/status-sql'

const NOT_ASKED_STATUSES: readonly PersonStatus[] = ['exempt']
/** SQL list of statuses on the rolls but not asked. */
export const NOT_ASKED_SQL = sqlList(NOT_ASKED_STATUSES)

export function isAsked(status: PersonStatus): boolean {
  return !LEFT_STATUSES.includes(status) && !NOT_ASKED_STATUSES.includes(status)
}

export function stateOf(status: PersonStatus, made: boolean): CommitmentState {
  if (made) return 'made'
  return isAsked(status) ? 'missing' : 'not_asked'
}

/** "Tháng 05/2024" for a monthly review, "Quý II/2024" for a quarterly one. */
export function periodLabel(kind: 'monthly' | 'quarterly', heldOn: string): string {
  const [y, m] = heldOn.split('-')
  if (kind === 'monthly') return `Tháng ${m}/${y}`
  return `Quý ${['I', 'II', 'III', 'IV'][Math.floor((Number(m) - 1) / 3)]}/${y}`
}
