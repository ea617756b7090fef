// The list of sub-units late with their annex for a period (the tracker's late rows: not sent
// once the due date has passed, or sent after it), as a party-format .xlsx through the shared
// writer, signed by the unit's own signer: what the office sends round to chase them.
import type { ReportPeriodKind, ReportTrackerRow } from '../../shared/api'
import { todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import { CoreError, notFound } from '../db/errors'
import { saveDocuments, xlsxTarget } from '../excel/save-target'
import type { PartyDocument } from '../excel/party-document'
import { issuerOf } from '../units/issuer'
import { unitDocSigner, unitSignerOf } from '../units/signer'
import { tracker } from './received'

export interface LateExportInput {
  unitId: number
  period: { kind: ReportPeriodKind; year: number }
  today?: string
  place?: string
}

const vnDay = (iso: string) => iso.split('-').reverse().join('/')

/** Whole days from `from` to `to` (ISO days). */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

export async function exportLate(
  ctx: CoreContext,
  input: LateExportInput
): Promise<{ path: string; rows: number } | null> {
  const org = issuerOf(ctx.db, input.unitId)
  if (!org) throw notFound('đơn vị')
  const today = input.today ?? todayIso()
  const t = tracker(ctx.db, { unitId: input.unitId, period: input.period, today })
  const due = t.period.due!
  const late = t.rows.filter((r) => r.late)
  // Nothing to chase: said before any file is asked for.
  if (late.length === 0)
    throw new CoreError(
      'VALIDATION',
      today > due
        ? `Không có đơn vị nào chậm gửi phụ lục báo cáo ${t.period.label} (hạn ${vnDay(due)}).`
        : `Chưa đến hạn gửi phụ lục báo cáo ${t.period.label} (hạn ${vnDay(due)}): chưa có đơn vị nào chậm.`
    )
  const sentOn = (r: ReportTrackerRow) => r.received?.receivedAt.slice(0, 10) ?? null
  const doc: PartyDocument = {
    sheetName: 'Chậm gửi báo cáo',
    upperOrg: org.parentName,
    issuingOrg: org.name,
    place: input.place?.trim() || '……',
    date: today,
    title: `Danh sách đơn vị chậm gửi báo cáo ${t.period.label}`,
    subtitles: [`Hạn gửi: ${vnDay(due)} – tính đến ngày ${vnDay(today)}`],
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Đơn vị', width: 40 },
      { header: 'Ngày gửi phụ lục', width: 16, align: 'center' },
      { header: 'Số ngày chậm', width: 12, align: 'center', numFmt: '#,##0' },
      { header: 'Ghi chú', width: 18 }
    ],
    rows: late.map((r, i) => {
      const sent = sentOn(r)
      return [
        i + 1,
        r.name,
        sent ? vnDay(sent) : '–',
        daysBetween(due, sent ?? today),
        sent ? 'Gửi sau hạn' : 'Chưa gửi'
      ]
    }),
    notes: [
      `Số ngày chậm: từ hạn gửi đến ngày gửi, với đơn vị chưa gửi thì đến ngày ${vnDay(today)}. Không kể các đơn vị có dữ liệu do ${org.name} trực tiếp quản lý.`
    ],
    signers: [{ lines: ['NGƯỜI LẬP BIỂU'] }, unitDocSigner(unitSignerOf(ctx.db, input.unitId))],
    orientation: 'portrait'
  }
  const path = await xlsxTarget(
    ctx,
    'Lưu danh sách đơn vị chậm gửi báo cáo',
    `don-vi-cham-gui-bao-cao-${t.period.kind === 'h1' ? '6-thang' : 'nam'}-${t.period.year}.xlsx`
  )
  if (!path) return null
  await saveDocuments(path, doc)
  return { path, rows: late.length }
}
