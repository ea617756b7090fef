// The status table of the Cam kết section ("Tình hình lập cam kết"), saved as the screen shows
// it: each unit of the scope down the tree with who must commit, who has, who has not, the
// share, and who is not asked.
import type { CommitmentStatusExportInput, CommitmentStatusRow } from '../../shared/api'
import { todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import { saveDocuments, xlsxTarget } from '../excel/save-target'
import { unitTableDocument } from '../excel/unit-table'
import { issuerOf } from '../units/issuer'
import { unitSigner, unitSignerOf } from '../units/signer'
import { commitmentStatus } from './status'

export async function exportCommitmentStatus(
  ctx: CoreContext,
  input: CommitmentStatusExportInput
): Promise<{ path: string; rows: number } | null> {
  const s = commitmentStatus(ctx.db, input)
  const org = issuerOf(ctx.db, input.unitId)
  const doc = unitTableDocument<CommitmentStatusRow>({
    org,
    // The unit's own signer as set in its dialog; the whole organisation signs by level.
    signerLines: (input.unitId === null
      ? unitSigner(org ?? { level: '' })
      : unitSignerOf(ctx.db, input.unitId)
    ).lines,
    place: input.place?.trim() || '……',
    date: todayIso(),
    sheetName: `Cam kết ${input.year}`,
    title: `Tình hình lập bản cam kết năm ${input.year} theo đơn vị`,
    subtitles: [],
    rows: s.rows,
    total: s.total,
    columns: [
      { header: 'Phải lập', width: 10, value: (r) => r.required },
      { header: 'Đã lập', width: 10, value: (r) => r.made },
      { header: 'Chưa lập', width: 10, value: (r) => r.missing },
      { header: 'Tỷ lệ đã lập', width: 10, value: (r) => r.percent, percent: true },
      { header: 'Không phải lập', width: 11, value: (r) => r.notAsked }
    ],
    notes: [
      'Phải lập: người còn trong danh sách, trừ người miễn công tác và sinh hoạt đảng (không phải lập). Số của mỗi đơn vị gồm cả các đơn vị trực thuộc.'
    ]
  })
  const path = await xlsxTarget(
    ctx,
    'Lưu bảng tình hình lập cam kết',
    `tinh-hinh-lap-cam-ket-${input.year}.xlsx`
  )
  if (!path) return null
  await saveDocuments(path, doc)
  return { path, rows: doc.rows.length }
}
