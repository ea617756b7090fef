// The section's two printed lists, as party-format .xlsx through the one party-document writer:
// the working year's anniversaries (with their ordinal and whether a ceremony is due) and a
// period's propaganda activities of a unit's subtree (with their totals). Both carry a hidden
// "Mã" column for a program reading the sheet back.
import { basename } from 'node:path'
import type {
  PropagandaActivitiesExportInput,
  PropagandaAnniversariesExportInput,
  PropagandaExportResult
} from '../../shared/api'
import { PROPAGANDA_KIND_LABELS } from '../../shared/api'
import { displayPartialDate, todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import type { Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { writePartyDocument, type PartyDocument } from '../excel/party-document'
import { unitDocSigner, unitSignerOf } from '../units/signer'
import { listActivities } from './activities'
import { anniversariesOfYear } from './anniversaries'

interface IssuingUnit {
  id: number
  name: string
  level: string
  parentName: string | null
}

/** The unit asked for, or (none given) the top of the tree: the office the list is issued by. */
function issuingUnit(db: Database, unitId: number | null): IssuingUnit {
  const sql =
    'SELECT u.id, u.name, u.level, p.name AS parentName FROM units u LEFT JOIN units p ON p.id = u.parent_id'
  const u = (
    unitId === null
      ? db
          .prepare(`${sql} WHERE u.parent_id IS NULL ORDER BY u.retired_on IS NOT NULL, u.path`)
          .get()
      : db.prepare(`${sql} WHERE u.id = ?`).get(unitId)
  ) as IssuingUnit | undefined
  if (!u) {
    if (unitId !== null) throw notFound('đơn vị')
    throw new CoreError('VALIDATION', 'Chưa có đơn vị nào: hãy tạo cây tổ chức trước khi in.')
  }
  return u
}

function anniversariesDocument(
  ctx: CoreContext,
  i: PropagandaAnniversariesExportInput
): PartyDocument {
  const org = issuingUnit(ctx.db, i.unitId)
  const list = anniversariesOfYear(ctx.db, i.year)
  const rounds = list.filter((a) => a.round !== null).length
  return {
    sheetName: `Ngày kỷ niệm ${i.year}`,
    upperOrg: org.parentName,
    issuingOrg: org.name,
    place: i.place?.trim() || '……',
    date: todayIso(),
    title: `Danh sách các ngày kỷ niệm năm ${i.year}`,
    subtitles: ['Lễ kỷ niệm chỉ tổ chức vào các năm chẵn (tròn 5 năm, 10 năm)'],
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Thời gian', width: 12, align: 'center' },
      { header: 'Ngày kỷ niệm', width: 50 },
      { header: 'Số năm', width: 8, align: 'center' },
      { header: 'Năm chẵn', width: 10, align: 'center' },
      { header: 'Hoạt động đã ghi', width: 10, align: 'center' },
      { header: 'Ghi chú', width: 18 },
      { header: 'Mã', width: 8, hidden: true }
    ],
    rows: list.map((a, n) => [
      n + 1,
      displayPartialDate(a.on),
      a.label,
      a.years,
      a.round === 'ten' ? 'Tròn 10 năm' : a.round === 'five' ? 'Tròn 5 năm' : '',
      a.activities,
      [a.seeded ? null : 'Đơn vị bổ sung', a.note].filter(Boolean).join('; '),
      a.id
    ]),
    totals: [
      null,
      null,
      `Tổng cộng: ${list.length} ngày kỷ niệm, trong đó ${rounds} năm chẵn`,
      null,
      null,
      list.reduce((s, a) => s + a.activities, 0),
      null,
      null
    ],
    signers: [{ lines: ['NGƯỜI LẬP DANH SÁCH'] }, unitDocSigner(unitSignerOf(ctx.db, org.id))],
    orientation: 'portrait'
  }
}

function activitiesDocument(ctx: CoreContext, i: PropagandaActivitiesExportInput): PartyDocument {
  if (i.to < i.from)
    throw new CoreError('VALIDATION', 'Ngày cuối của kỳ không được trước ngày đầu.')
  const org = issuingUnit(ctx.db, i.unitId)
  // Oldest first, as a report reads; the list on screen shows the newest first.
  const list = listActivities(ctx.db, i).reverse()
  const sum = (f: (a: (typeof list)[number]) => number) => list.reduce((s, a) => s + f(a), 0)
  const items = (a: (typeof list)[number]) => a.news + a.articles + a.reports + a.panels
  return {
    sheetName: 'Hoạt động tuyên truyền',
    upperOrg: org.parentName,
    issuingOrg: org.name,
    place: i.place?.trim() || '……',
    date: todayIso(),
    title: 'Danh sách hoạt động tuyên truyền',
    subtitles: [
      `Từ ngày ${displayPartialDate(i.from)} đến ngày ${displayPartialDate(i.to)}` +
        (i.unitId === null ? '' : ` — ${org.name} và các đơn vị trực thuộc`)
    ],
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Thời gian', width: 12, align: 'center' },
      { header: 'Hình thức', width: 16 },
      { header: 'Nội dung, ngày kỷ niệm', width: 34 },
      { header: 'Đơn vị tổ chức', width: 18 },
      { header: 'Điểm cầu', width: 8, align: 'right', group: 'Số lượng' },
      { header: 'Đảng viên', width: 9, align: 'right', group: 'Số lượng' },
      { header: 'Quần chúng', width: 9, align: 'right', group: 'Số lượng' },
      { header: 'Lượt người', width: 9, align: 'right', group: 'Số lượng' },
      { header: 'Tin, bài, phóng sự, pano', width: 11, align: 'right', group: 'Số lượng' },
      { header: 'Ghi chú', width: 16 },
      { header: 'Mã', width: 8, hidden: true }
    ],
    rows: list.map((a, n) => [
      n + 1,
      displayPartialDate(a.startsOn) + (a.endsOn ? ` – ${displayPartialDate(a.endsOn)}` : ''),
      PROPAGANDA_KIND_LABELS[a.kind],
      [a.title, a.anniversaryTitle ? `Kỷ niệm: ${a.anniversaryTitle}` : null]
        .filter(Boolean)
        .join('\n'),
      a.unitName,
      a.points,
      a.members,
      a.nonMembers,
      a.attendances,
      items(a),
      a.note ?? '',
      a.id
    ]),
    totals: [
      null,
      null,
      null,
      `Tổng cộng: ${list.length} hoạt động`,
      null,
      sum((a) => a.points),
      sum((a) => a.members),
      sum((a) => a.nonMembers),
      sum((a) => a.attendances),
      sum(items),
      null,
      null
    ],
    notes: [
      'Lượt người: số lượt tham dự ghi riêng khi không biết số người cụ thể, không cộng vào số đảng viên, quần chúng.'
    ],
    signers: [{ lines: ['NGƯỜI LẬP DANH SÁCH'] }, unitDocSigner(unitSignerOf(ctx.db, org.id))],
    orientation: 'landscape'
  }
}

/**
 * The file the user chooses (null when cancelled), an .xlsx. Always through ctx.platform: the CLI
 * and tests name their file through the trusted door, whose port answers this same question.
 */
async function target(
  ctx: CoreContext,
  title: string,
  defaultName: string
): Promise<string | null> {
  const chosen = await ctx.platform.chooseSaveFile({
    title,
    defaultName,
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (!chosen) return null
  if (!/\.xlsx$/i.test(basename(chosen)))
    throw new CoreError('VALIDATION', 'Tên tệp phải có đuôi .xlsx.')
  return chosen
}

async function write(path: string, doc: PartyDocument): Promise<PropagandaExportResult> {
  try {
    await writePartyDocument(path, doc)
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${(e as Error).message}`)
  }
  return { path, rows: doc.rows.length }
}

export async function exportAnniversaries(
  ctx: CoreContext,
  i: PropagandaAnniversariesExportInput
): Promise<PropagandaExportResult | null> {
  // Built before the dialog: a refusal (no unit yet) is said before the user picks a file.
  const doc = anniversariesDocument(ctx, i)
  const path = await target(ctx, 'Lưu danh sách các ngày kỷ niệm', `ngay-ky-niem-${i.year}.xlsx`)
  return path ? write(path, doc) : null
}

export async function exportActivities(
  ctx: CoreContext,
  i: PropagandaActivitiesExportInput
): Promise<PropagandaExportResult | null> {
  const doc = activitiesDocument(ctx, i)
  const path = await target(
    ctx,
    'Lưu danh sách hoạt động tuyên truyền',
    `hoat-dong-tuyen-truyen-${i.from}-${i.to}.xlsx`
  )
  return path ? write(path, doc) : null
}
