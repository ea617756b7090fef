// "Danh sách đề nghị khen thưởng": the exemplars a unit (with its subtree) proposes for a year and
// that are not rewarded yet, as a party-format .xlsx through the one party-document writer. A
// hidden "Mã" column holds the exemplar's id for a program reading the sheet back.
import { basename } from 'node:path'
import { writeFailureReason } from '../files'
import type { Exemplar } from '../../shared/api'
import { AWARD_FORM_LABELS } from '../../shared/exemplar-labels'
import { todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import { CoreError, notFound } from '../db/errors'
import { writePartyDocument, type PartyDocument } from '../excel/party-document'
import { unitDocSigner, unitSignerOf } from '../units/signer'
import { listExemplars } from './register'

export interface ProposalsInput {
  unitId: number
  year: number
  place?: string
}

function proposalRows(ctx: CoreContext, i: ProposalsInput): Exemplar[] {
  const all = listExemplars(ctx.db, {
    unitId: i.unitId,
    year: i.year,
    limit: Number.MAX_SAFE_INTEGER
  }).rows
  return all.filter((e) => e.status === 'proposed' || e.status === 'recognised').reverse()
}

function proposalsDocument(ctx: CoreContext, i: ProposalsInput): PartyDocument {
  const org = ctx.db
    .prepare(
      'SELECT u.name, u.level, p.name AS parentName FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ?'
    )
    .get(i.unitId) as { name: string; level: string; parentName: string | null } | undefined
  if (!org) throw notFound('đơn vị')
  const rows = proposalRows(ctx, i)
  const persons = rows.filter((e) => e.kind === 'person').length
  return {
    sheetName: `Đề nghị khen ${i.year}`,
    upperOrg: org.parentName,
    issuingOrg: org.name,
    place: i.place?.trim() || '……',
    date: todayIso(),
    title: 'Danh sách đề nghị khen thưởng',
    subtitles: [`Điển hình tiên tiến, mô hình tốt, cách làm hay năm ${i.year}`],
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Họ và tên / tên tập thể', width: 28 },
      { header: 'Chức vụ, đơn vị', width: 26 },
      { header: 'Tóm tắt thành tích', width: 44 },
      { header: 'Hình thức đề nghị', width: 14, align: 'center' },
      { header: 'Ghi chú', width: 14 },
      { header: 'Mã', width: 8, hidden: true }
    ],
    rows: rows.map((e, n) => [
      n + 1,
      e.displayName,
      e.placeText,
      e.achievement ?? '',
      e.proposedForm ? AWARD_FORM_LABELS[e.proposedForm] : '',
      e.kind === 'model' ? 'Mô hình' : '',
      e.id
    ]),
    totals: [
      null,
      `Tổng cộng: ${rows.length}`,
      `Cá nhân: ${persons}; tập thể, mô hình: ${rows.length - persons}`,
      null,
      null,
      null,
      null
    ],
    signers: [{ lines: ['NGƯỜI LẬP DANH SÁCH'] }, unitDocSigner(unitSignerOf(ctx.db, i.unitId))],
    orientation: 'landscape'
  }
}

export async function exportProposals(
  ctx: CoreContext,
  i: ProposalsInput
): Promise<{ path: string; rows: number } | null> {
  const path = await ctx.platform.chooseSaveFile({
    title: 'Lưu danh sách đề nghị khen thưởng',
    defaultName: `danh-sach-de-nghi-khen-thuong-${i.year}.xlsx`,
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (!path) return null
  if (!/\.xlsx$/i.test(basename(path)))
    throw new CoreError('VALIDATION', 'Tên tệp phải có đuôi .xlsx.')
  const doc = proposalsDocument(ctx, i)
  try {
    await writePartyDocument(path, doc)
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${writeFailureReason(e)}.`)
  }
  return { path, rows: doc.rows.length }
}
