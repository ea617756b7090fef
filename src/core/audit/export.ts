// "Xuất nhật ký": the audit log (as filtered on screen) as a party-format .xlsx through the one
// party-document writer, oldest entry first, as a register is read. The export is itself logged.
import { basename } from 'node:path'
import type { AuditFilter } from '../../shared/api'
import { AUDIT_ACTION_LABELS } from '../../shared/labels'
import { displayDateTime, displayPartialDate, todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import { writePartyDocument, type PartyDocument } from '../excel/party-document'
import { allAudit, audit } from './audit'

function period(filter: AuditFilter): string | null {
  if (!filter.from && !filter.to) return null
  if (filter.from && filter.to)
    return `Từ ngày ${displayPartialDate(filter.from)} đến ngày ${displayPartialDate(filter.to)}`
  return filter.from
    ? `Từ ngày ${displayPartialDate(filter.from)}`
    : `Đến ngày ${displayPartialDate(filter.to)}`
}

function auditDocument(ctx: CoreContext, filter: AuditFilter): PartyDocument {
  const top = ctx.db
    .prepare('SELECT name FROM units WHERE parent_id IS NULL ORDER BY tree_order, id LIMIT 1')
    .pluck()
    .get() as string | undefined
  const entries = allAudit(ctx.db, filter)
  const when = period(filter)
  return {
    sheetName: 'Nhật ký thao tác',
    upperOrg: null,
    issuingOrg: top ?? '……',
    place: '……',
    date: todayIso(),
    title: 'Nhật ký thao tác trên dữ liệu',
    subtitles: [
      ...(when ? [when] : []),
      ...(filter.action ? [`Thao tác: ${AUDIT_ACTION_LABELS[filter.action]}`] : [])
    ],
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Thời gian', width: 17, align: 'center' },
      { header: 'Thao tác', width: 22 },
      { header: 'Nội dung', width: 62 }
    ],
    rows: entries.map((e, i) => [
      i + 1,
      displayDateTime(e.at),
      AUDIT_ACTION_LABELS[e.action] ?? e.action,
      e.description
    ]),
    totals: [null, null, `Tổng cộng: ${entries.length}`, null],
    signers: [{ lines: ['NGƯỜI LẬP'] }],
    orientation: 'portrait'
  }
}

export async function exportAudit(
  ctx: CoreContext,
  input: AuditFilter
): Promise<{ path: string; count: number } | null> {
  const path = await ctx.platform.chooseSaveFile({
    title: 'Lưu nhật ký thao tác',
    defaultName: `nhat-ky-thao-tac-${todayIso()}.xlsx`,
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (!path) return null
  if (!/\.xlsx$/i.test(basename(path)))
    throw new CoreError('VALIDATION', 'Tên tệp phải có đuôi .xlsx.')
  const doc = auditDocument(ctx, input)
  try {
    await writePartyDocument(path, doc)
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${(e as Error).message}`)
  }
  audit(ctx.db, { action: 'export', detail: { what: 'audit', path, rows: doc.rows.length } })
  return { path, count: doc.rows.length }
}
