// Changes to many people at once, from the list: move them to another unit, or give them one
// status from one day. Each is checked whole before anything is written (a refusal says how many
// people stand in the way and names a few), then written in one transaction after a backup, so
// a mistaken bulk change can be undone by restoring that copy.
import type {
  PeopleMoveInput,
  PeopleMoveResult,
  PeopleStatusManyInput,
  PeopleStatusManyResult,
  Person
} from '../../shared/api'
import { LEFT_STATUSES, MEMBER_ONLY_STATUSES } from '../../shared/api'
import { STATUS_LABELS } from '../../shared/labels'
import { cleanText } from '../../shared/vn-text'
import { createBackup } from '../backup/backups'
import type { CoreContext } from '../context'
import { audit } from '../audit/audit'
import { inTransaction, nowIso } from '../db/connection'
import { CoreError } from '../db/errors'
import { backupKeep } from '../settings'
import { checkUnit, selectedPeople, statusDay, writeStatus } from './people'

/** "Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường và 4 người khác". */
function someNames(people: Person[]): string {
  const shown = people.slice(0, 3).map((p) => p.fullName)
  const rest = people.length - shown.length
  return rest > 0 ? `${shown.join(', ')} và ${rest} người khác` : shown.join(', ')
}

function nobodySelected(): never {
  throw new CoreError('VALIDATION', 'Chưa chọn người nào.')
}

function backup(ctx: CoreContext): string {
  return createBackup(ctx.db, ctx.backupDir, 'before-bulk', backupKeep(ctx.db)).fileName
}

export function movePeople(ctx: CoreContext, input: PeopleMoveInput): PeopleMoveResult {
  const { db } = ctx
  const check = () => {
    const people = selectedPeople(db, input.selection)
    if (people.length === 0) nobodySelected()
    checkUnit(db, input.unitId)
    return people.filter((p) => p.unitId !== input.unitId)
  }
  // Refuse before taking a backup: a refused change leaves no copy behind.
  check()
  const taken = backup(ctx)
  return inTransaction(db, () => {
    const all = selectedPeople(db, input.selection)
    const moving = check()
    const now = nowIso()
    const move = db.prepare('UPDATE people SET unit_id = ?, updated_at = ? WHERE id = ?')
    for (const p of moving) move.run(input.unitId, now, p.id)
    const unit = db.prepare('SELECT name FROM units WHERE id = ?').get(input.unitId) as {
      name: string
    }
    audit(db, {
      action: 'people.bulk',
      detail: { change: `Chuyển sang ${unit.name}`, people: moving.length, unit: unit.name }
    })
    return {
      moved: moving.length,
      unchanged: all.length - moving.length,
      unitName: unit.name,
      backup: taken
    }
  })
}

export function setStatusMany(
  ctx: CoreContext,
  input: PeopleStatusManyInput
): PeopleStatusManyResult {
  const { db } = ctx
  const since = statusDay(input.since)
  const label = STATUS_LABELS[input.status]
  const check = () => {
    const people = selectedPeople(db, input.selection)
    if (people.length === 0) nobodySelected()
    if (MEMBER_ONLY_STATUSES.includes(input.status)) {
      const nonMembers = people.filter((p) => p.kind === 'non_member' && p.status !== input.status)
      if (nonMembers.length > 0)
        throw new CoreError(
          'VALIDATION',
          `"${label}" chỉ áp dụng cho đảng viên; ${nonMembers.length} người đã chọn là quần chúng (${someNames(nonMembers)}). Hãy bỏ chọn họ rồi làm lại.`,
          { status: 'Chỉ áp dụng cho đảng viên.' }
        )
    }
    const changing = people.filter((p) => p.status !== input.status)
    // Back on the rolls (or still on them) only in a unit in activity, as for one person.
    if (!LEFT_STATUSES.includes(input.status)) {
      const retired = db.prepare('SELECT retired_on FROM units WHERE id = ?')
      const inRetired = changing.filter(
        (p) => (retired.get(p.unitId) as { retired_on: string | null }).retired_on
      )
      if (inRetired.length > 0)
        throw new CoreError(
          'VALIDATION',
          `${inRetired.length} người đã chọn thuộc đơn vị đã giải thể (${someNames(inRetired)}); hãy chuyển họ sang đơn vị khác trước.`
        )
    }
    return { people, changing }
  }
  check()
  const taken = backup(ctx)
  return inTransaction(db, () => {
    const { people, changing } = check()
    const now = nowIso()
    const change = { status: input.status, since, note: input.note ? cleanText(input.note) : null }
    for (const p of changing) writeStatus(db, p.id, change, now)
    audit(db, {
      action: 'people.bulk',
      detail: { change: `Đổi trạng thái thành "${label}"`, people: changing.length, unit: null }
    })
    return { changed: changing.length, unchanged: people.length - changing.length, backup: taken }
  })
}
