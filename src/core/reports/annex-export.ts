// The annex as a party-format .xlsx: one sheet per table ("Biểu 01" …) through the one
// party-document writer, in the party's statistics style (form number, reporting and receiving
// unit, units of measure, numbered columns with the formula of each share), then a hidden sheet
// with every figure by a stable code, so that the level above can read the file back.
import { basename } from 'node:path'
import type { Annex, AnnexExportInput, AnnexTable, AnnexTableCode } from '../../shared/api'
import { todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import {
  writePartyDocument,
  type DocColumn,
  type DocSigner,
  type PartyDocument
} from '../excel/party-document'
import { unitDocSigner, unitSignerOf } from '../units/signer'
import { computeAnnex } from './annex'
import { annexData } from './annex-data'

const vnDay = (iso: string) => iso.split('-').reverse().join('/')

/** Sheet names: Excel allows 31 characters, too few for the tables' titles. */
const SHEET_NAMES: Record<AnnexTableCode, string> = {
  study: 'Học tập',
  commitments: 'Cam kết, xếp loại',
  exemplars: 'Điển hình, khen thưởng',
  propaganda: 'Tuyên truyền',
  inspections: 'Kiểm tra, giám sát'
}
const formNumber = (i: number) => `Biểu số ${String(i + 1).padStart(2, '0')}`

/** The units of measure a table uses, in the order they first appear ("người, lượt, %"). */
function measures(t: AnnexTable): string {
  return [...new Set(t.columns.map((c) => c.unit))].join(', ')
}

function tableDocument(
  annex: Annex,
  t: AnnexTable,
  i: number,
  place: string,
  date: string,
  signer: DocSigner
): PartyDocument {
  const FIRST = 2 // STT and Đơn vị come before the figures
  const index = new Map(t.columns.map((c, k) => [c.code, k + FIRST + 1]))
  const columns: DocColumn[] = [
    { header: 'STT', width: 5, align: 'center' },
    { header: 'Đơn vị', width: 26 },
    ...t.columns.map((c): DocColumn => {
      const own = index.get(c.code)!
      return {
        header: c.label,
        width: c.percentOf ? 8 : 9,
        align: 'right',
        numFmt: c.percentOf ? '0.00' : '#,##0',
        ...(c.group ? { group: c.group } : {}),
        ...(c.percentOf
          ? {
              numberLabel: `${own} = ${index.get(c.percentOf[0])}/${index.get(c.percentOf[1])}`
            }
          : {})
      }
    })
  ]
  const { unit, period } = annex
  return {
    sheetName: `Biểu ${String(i + 1).padStart(2, '0')} ${SHEET_NAMES[t.code]}`,
    upperOrg: unit.parentName,
    issuingOrg: unit.name,
    place,
    date,
    title: t.title,
    subtitles: [
      `${formNumber(i)} – Phụ lục báo cáo ${period.label} (từ ${vnDay(period.from)} đến ${vnDay(period.to)})`,
      `Đơn vị báo cáo: ${unit.name}${unit.parentName ? ` – Đơn vị nhận báo cáo: ${unit.parentName}` : ''}`,
      `Đơn vị tính: ${measures(t)}`
    ],
    columns,
    rows: t.rows.map((r, k) => [
      k + 1,
      r.source === 'received' ? `${r.name} (*)` : r.name,
      ...r.values
    ]),
    notes: t.rows.some((r) => r.source === 'received')
      ? ['(*) Số liệu lấy theo phụ lục do đơn vị gửi lên.']
      : undefined,
    totals: ['Tổng cộng', null, ...t.total.values],
    labelSpan: [0, 1],
    signers: [{ lines: ['NGƯỜI LẬP BIỂU'] }, signer],
    orientation: 'landscape'
  }
}

/** The period in the file name offered, in Vietnamese (the codes are English). */
const PERIOD_IN_NAME: Record<Annex['period']['kind'], string> = {
  h1: '6-thang-dau-nam',
  year: 'ca-nam',
  custom: 'tu-chon'
}

/**
 * Writes an annex to the file the user chooses, dated `date`: today's annex, or an issued one
 * exactly as it was issued.
 */
export async function writeAnnex(
  ctx: CoreContext,
  annex: Annex,
  o: { date: string; place?: string }
): Promise<{ path: string } | null> {
  const path = await ctx.platform.chooseSaveFile({
    title: 'Lưu phụ lục số liệu báo cáo',
    defaultName: `phu-luc-so-lieu-${PERIOD_IN_NAME[annex.period.kind]}-${annex.period.year}.xlsx`,
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (!path) return null
  if (!/\.xlsx$/i.test(basename(path)))
    throw new CoreError('VALIDATION', 'Tên tệp phải có đuôi .xlsx.')
  const place = o.place?.trim() || '……'
  const signer = annex.signer ?? unitDocSigner(unitSignerOf(ctx.db, annex.unit.id))
  const docs = annex.tables.map((t, k) => tableDocument(annex, t, k, place, o.date, signer))
  try {
    await writePartyDocument(path, docs, annexData(annex, ctx.appVersion))
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${(e as Error).message}`)
  }
  return { path }
}

export function exportAnnex(ctx: CoreContext, i: AnnexExportInput) {
  return writeAnnex(ctx, computeAnnex(ctx.db, i), {
    date: todayIso(),
    place: i.place
  })
}
