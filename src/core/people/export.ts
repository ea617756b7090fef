// The people list as the screen shows it, saved as a party-format .xlsx: the same people (the
// list's own query, or the ones ticked), in the same order, with the list's columns; under the
// title, what the list was filtered by, so a printed list says what it is a list of.
import type { PeopleExportInput, PeopleFilter, Person } from '../../shared/api'
import { LEFT_STATUSES, PERSON_STATUSES } from '../../shared/api'
import { GENDER_LABELS, KIND_LABELS, MEMBER_TYPE_LABELS, STATUS_LABELS } from '../../shared/labels'
import { displayPartialDate, todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import type { PartyDocument } from '../excel/party-document'
import { saveDocuments, xlsxTarget } from '../excel/save-target'
import { issuerOf } from '../units/issuer'
import { unitSigner } from '../units/signer'
import { selectedPeople } from './people'

const kindLabel = (p: Person): string =>
  p.kind === 'member'
    ? p.memberType
      ? `${KIND_LABELS.member} ${MEMBER_TYPE_LABELS[p.memberType].toLocaleLowerCase('vi')}`
      : KIND_LABELS.member
    : KIND_LABELS.non_member

/** What the list was filtered by, in words, for the line under the title. */
function filterLines(filter: PeopleFilter): string[] {
  const lines: string[] = []
  const statuses = filter.statuses ?? []
  const onRoll = PERSON_STATUSES.filter((s) => !LEFT_STATUSES.includes(s))
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((s) => b.includes(s))
  if (statuses.length === 0 || same(statuses, onRoll)) lines.push('Người còn trong danh sách')
  else if (!same(statuses, PERSON_STATUSES))
    lines.push(`Trạng thái: ${statuses.map((s) => STATUS_LABELS[s]).join(', ')}`)
  if (filter.q) lines.push(`Tìm theo: "${filter.q}"`)
  return lines.length > 0 ? [`(${lines.join('; ')})`] : []
}

function titleOf(people: Person[], filter: PeopleFilter | null, unitName: string | null): string {
  const kind = filter?.kind ?? null
  const who =
    kind === 'member'
      ? 'Danh sách đảng viên'
      : kind === 'non_member'
        ? 'Danh sách quần chúng'
        : people.every((p) => p.kind === 'member')
          ? 'Danh sách đảng viên'
          : 'Danh sách đảng viên và quần chúng'
  return unitName ? `${who} ${unitName}` : who
}

function peopleDocument(ctx: CoreContext, input: PeopleExportInput): PartyDocument {
  const people = selectedPeople(ctx.db, input.selection)
  const filter = 'filter' in input.selection ? input.selection.filter : null
  // Ticked people all of one unit are that unit's list; otherwise the scope of the filter.
  const unitIds = new Set(people.map((p) => p.unitId))
  const scope = filter ? filter.unitId : unitIds.size === 1 ? [...unitIds][0] : null
  const org = issuerOf(ctx.db, scope)
  const members = people.filter((p) => p.kind === 'member').length
  return {
    sheetName: 'Danh sách',
    upperOrg: org?.parentName ?? null,
    issuingOrg: org?.name ?? 'Tổ chức đảng',
    place: input.place?.trim() || '……',
    date: todayIso(),
    title: titleOf(people, filter, scope !== null ? (org?.name ?? null) : null),
    subtitles: filter ? filterLines(filter) : [`(${people.length} người được chọn)`],
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Họ và tên', width: 26 },
      { header: 'Giới tính', width: 7, align: 'center' },
      { header: 'Ngày sinh', width: 11, align: 'center' },
      { header: 'Loại', width: 13, align: 'center' },
      { header: 'Số thẻ đảng viên', width: 11, align: 'center' },
      { header: 'Chức vụ', width: 26 },
      { header: 'Chi bộ / Đơn vị', width: 26 },
      { header: 'Trạng thái', width: 14 }
    ],
    rows: people.map((p, i) => [
      i + 1,
      p.fullName,
      p.gender ? GENDER_LABELS[p.gender] : '',
      displayPartialDate(p.birthDate),
      kindLabel(p),
      p.partyCardNumber ?? '',
      p.position ?? '',
      p.unitName,
      STATUS_LABELS[p.status]
    ]),
    totals: [
      null,
      `Tổng cộng: ${people.length} người`,
      null,
      null,
      `ĐV: ${members}; QC: ${people.length - members}`,
      null,
      null,
      null,
      null
    ],
    labelSpan: [1, 3],
    signers: [{ lines: ['NGƯỜI LẬP BIỂU'] }, { lines: unitSigner(org ?? { level: '' }).lines }],
    orientation: 'landscape'
  }
}

export async function exportPeople(
  ctx: CoreContext,
  input: PeopleExportInput
): Promise<{ path: string; rows: number } | null> {
  // Built first: a selection that is gone is told so before any dialog opens.
  const doc = peopleDocument(ctx, input)
  const path = await xlsxTarget(ctx, 'Lưu danh sách người', 'danh-sach-nguoi.xlsx')
  if (!path) return null
  await saveDocuments(path, doc)
  return { path, rows: doc.rows.length }
}
