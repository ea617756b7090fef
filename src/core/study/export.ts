// The list of those who must still study the year's topic, as a party-format .xlsx for
// arranging make-up sessions: one sheet for the scope and, on request, one more sheet per unit
// with people missing, each a complete document that unit can act on (a committee sends every
// chi bộ its own list).
import { basename } from 'node:path'
import { writeFailureReason } from '../files'
import type { StudyExportMissingInput, StudyMissingPerson, StudyTopic } from '../../shared/api'
import { displayPartialDate, todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import { writePartyDocument, type PartyDocument } from '../excel/party-document'
import { unitDocSigner, unitSigner, unitSignerOf, type SignerBlock } from '../units/signer'
import { missing } from './coverage'
import { topicByYear } from './topics'

const KIND = { member: 'Đảng viên', non_member: 'Quần chúng' } as const

interface Org {
  name: string
  parentName: string | null
  signer: SignerBlock
}

/** What every sheet of one export shares. */
interface Issue {
  year: number
  topic: StudyTopic | null
  place: string
  date: string
}

function orgOf(ctx: CoreContext, unitId: number | null): Org | null {
  if (unitId === null) {
    // The whole organisation: the single root if there is one.
    const roots = ctx.db
      .prepare('SELECT id FROM units WHERE parent_id IS NULL AND retired_on IS NULL')
      .all() as { id: number }[]
    if (roots.length !== 1) return null
    unitId = roots[0].id
  }
  const row = ctx.db
    .prepare(
      'SELECT u.name, p.name AS parentName FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ?'
    )
    .get(unitId) as Omit<Org, 'signer'> | undefined
  return row ? { ...row, signer: unitSignerOf(ctx.db, unitId) } : null
}

/** The list of `people` issued by `org`; `unitName` goes into the title of a unit's own sheet. */
function missingDocument(
  issue: Issue,
  org: Org | null,
  people: StudyMissingPerson[],
  sheetName: string,
  unitName?: string
): PartyDocument {
  const rows = people.map((p, i) => [
    i + 1,
    p.fullName,
    displayPartialDate(p.birthDate),
    KIND[p.kind],
    p.partyCardNumber ?? '',
    p.position ?? '',
    p.unitName,
    ''
  ])
  const members = people.filter((p) => p.kind === 'member').length
  const { year, topic } = issue
  return {
    sheetName,
    upperOrg: org?.parentName ?? null,
    issuingOrg: org?.name ?? 'Tổ chức đảng',
    place: issue.place,
    date: issue.date,
    title: `Danh sách cán bộ, đảng viên${unitName ? ` ${unitName}` : ''} chưa học tập Chuyên đề năm ${year}`,
    subtitles: [
      topic ? `Chủ đề: "${topic.title}"` : `Chưa có chủ đề năm ${year}`,
      '(Để tổ chức học bù)'
    ],
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Họ và tên', width: 26 },
      { header: 'Ngày sinh', width: 12, align: 'center' },
      { header: 'Đảng viên / Quần chúng', width: 13, align: 'center' },
      { header: 'Số thẻ đảng viên', width: 12, align: 'center' },
      { header: 'Chức vụ', width: 18 },
      { header: 'Chi bộ / Đơn vị', width: 22 },
      { header: 'Ghi chú', width: 14 }
    ],
    rows,
    totals: [
      null,
      `Tổng cộng: ${people.length} người`,
      null,
      `ĐV: ${members}; QC: ${people.length - members}`,
      null,
      null,
      null,
      null
    ],
    notes: [
      'Người cần học: đang sinh hoạt hoặc sinh hoạt tạm thời; không tính người miễn công tác và sinh hoạt đảng, đình chỉ sinh hoạt, đã rời danh sách.'
    ],
    signers: [
      { lines: ['NGƯỜI LẬP BIỂU'] },
      unitDocSigner(org?.signer ?? unitSigner({ level: '' }))
    ],
    orientation: 'landscape'
  }
}

/** The people of each unit in the list's order (the list is in tree order). */
function byUnit(people: StudyMissingPerson[]): StudyMissingPerson[][] {
  const groups: StudyMissingPerson[][] = []
  for (const p of people) {
    const last = groups[groups.length - 1]
    if (last && last[0].unitId === p.unitId) last.push(p)
    else groups.push([p])
  }
  return groups
}

/** The scope's list, then with `perUnit` the list of each unit that has people missing. */
function missingDocuments(ctx: CoreContext, input: StudyExportMissingInput): PartyDocument[] {
  const issue: Issue = {
    year: input.year,
    topic: topicByYear(ctx.db, input.year),
    place: input.place?.trim() || '……',
    date: todayIso()
  }
  // Everyone: the file is the complete list, however large the scope.
  const people = missing(ctx.db, {
    year: input.year,
    unitId: input.unitId,
    limit: Number.MAX_SAFE_INTEGER
  }).rows
  const docs = [missingDocument(issue, orgOf(ctx, input.unitId), people, `Chưa học ${input.year}`)]
  if (!input.perUnit) return docs
  for (const group of byUnit(people)) {
    const unit = group[0].unitName
    docs.push(missingDocument(issue, orgOf(ctx, group[0].unitId), group, unit, unit))
  }
  return docs
}

export async function exportMissing(
  ctx: CoreContext,
  input: StudyExportMissingInput
): Promise<{ path: string; rows: number } | null> {
  const path = await ctx.platform.chooseSaveFile({
    title: 'Lưu danh sách chưa học tập Chuyên đề',
    defaultName: `danh-sach-chua-hoc-chuyen-de-${input.year}.xlsx`,
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (!path) return null
  if (!/\.xlsx$/i.test(basename(path)))
    throw new CoreError('VALIDATION', 'Tên tệp phải có đuôi .xlsx.')
  const docs = missingDocuments(ctx, input)
  try {
    await writePartyDocument(path, docs)
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${writeFailureReason(e)}.`)
  }
  return { path, rows: docs[0].rows.length }
}
