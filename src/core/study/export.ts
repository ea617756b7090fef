// The list of those who must still study the year's topic, as a party-format .xlsx for
// arranging make-up sessions.
import { basename } from 'node:path'
import type { StudyExportMissingInput } from '../../shared/api'
import { displayPartialDate, todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import { writePartyDocument, type PartyDocument } from '../excel/party-document'
import { missing } from './coverage'
import { topicByYear } from './topics'

const KIND = { member: 'Đảng viên', non_member: 'Quần chúng' } as const

interface Org {
  name: string
  level: string
  parentName: string | null
}

function orgOf(ctx: CoreContext, unitId: number | null): Org | null {
  if (unitId === null) {
    // The whole organisation: the single root if there is one.
    const roots = ctx.db.prepare('SELECT name, level FROM units WHERE parent_id IS NULL AND retired_on IS NULL').all() as { name: string; level: string }[]
    return roots.length === 1 ? { ...roots[0], parentName: null } : null
  }
  return (
    (ctx.db
      .prepare('SELECT u.name, u.level, p.name AS parentName FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ?')
      .get(unitId) as Org | undefined) ?? null
  )
}

/** "T/M CHI BỘ" for a chi bộ, "T/M ĐẢNG ỦY" for a committee: the leader signs for the body. */
function signerFor(level: string): string[] {
  const isCell = /chi b[ộo]/i.test(level)
  return isCell ? ['T/M CHI BỘ', 'BÍ THƯ'] : ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ']
}

/** Builds the document (exported for tests and for reports that bundle several sheets). */
function missingDocument(ctx: CoreContext, input: StudyExportMissingInput): PartyDocument {
  const topic = topicByYear(ctx.db, input.year)
  const list = missing(ctx.db, { year: input.year, unitId: input.unitId })
  const org = orgOf(ctx, input.unitId)
  const rows = list.rows.map((p, i) => [
    i + 1,
    p.fullName,
    displayPartialDate(p.birthDate),
    KIND[p.kind],
    p.partyCardNumber ?? '',
    p.position ?? '',
    p.unitName,
    ''
  ])
  const members = list.rows.filter((p) => p.kind === 'member').length
  return {
    sheetName: `Chưa học ${input.year}`,
    upperOrg: org?.parentName ?? null,
    issuingOrg: org?.name ?? 'Tổ chức đảng',
    place: input.place?.trim() || '……',
    date: todayIso(),
    title: `Danh sách cán bộ, đảng viên chưa học tập Chuyên đề năm ${input.year}`,
    subtitles: [topic ? `Chủ đề: "${topic.title}"` : `Chưa có chủ đề năm ${input.year}`, '(Để tổ chức học bù)'],
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
    totals: [null, `Tổng cộng: ${list.total} người`, null, `ĐV: ${members}; QC: ${list.total - members}`, null, null, null, null],
    notes: ['Người cần học: đang sinh hoạt hoặc sinh hoạt tạm thời; không tính người miễn công tác và sinh hoạt đảng, đình chỉ sinh hoạt, đã rời danh sách.'],
    signers: [{ lines: ['NGƯỜI LẬP BIỂU'] }, { lines: signerFor(org?.level ?? '') }],
    orientation: 'landscape'
  }
}

export async function exportMissing(ctx: CoreContext, input: StudyExportMissingInput): Promise<{ path: string; rows: number } | null> {
  const path =
    input.path ??
    (await ctx.platform.chooseSaveFile({
      title: 'Lưu danh sách chưa học tập Chuyên đề',
      defaultName: `danh-sach-chua-hoc-chuyen-de-${input.year}.xlsx`,
      filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
    }))
  if (!path) return null
  if (!/\.xlsx$/i.test(basename(path))) throw new CoreError('VALIDATION', 'Tên tệp phải có đuôi .xlsx.')
  const doc = missingDocument(ctx, input)
  try {
    await writePartyDocument(path, doc)
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${(e as Error).message}`)
  }
  return { path, rows: doc.rows.length }
}
