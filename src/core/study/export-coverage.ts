// The coverage table of the "Ai đã học, ai chưa" tab, saved as the screen shows it: each unit of
// the scope down the tree with who must study, who has, who has not, the share, and the split
// between members and non-members.
import type { StudyCoverageRow, StudyExportCoverageInput } from '../../shared/api'
import { todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import { saveDocuments, xlsxTarget } from '../excel/save-target'
import { unitTableDocument } from '../excel/unit-table'
import { issuerOf } from '../units/issuer'
import { unitSigner, unitSignerOf } from '../units/signer'
import { coverage } from './coverage'

export async function exportCoverage(
  ctx: CoreContext,
  input: StudyExportCoverageInput
): Promise<{ path: string; rows: number } | null> {
  const c = coverage(ctx.db, input)
  const org = issuerOf(ctx.db, input.unitId)
  const doc = unitTableDocument<StudyCoverageRow>({
    org,
    // The unit's own signer as set in its dialog; the whole organisation signs by level.
    signerLines: (input.unitId === null
      ? unitSigner(org ?? { level: '' })
      : unitSignerOf(ctx.db, input.unitId)
    ).lines,
    place: input.place?.trim() || '……',
    date: todayIso(),
    sheetName: `Học tập ${input.year}`,
    title: `Kết quả học tập Chuyên đề năm ${input.year} theo đơn vị`,
    subtitles: [c.topic ? `Chủ đề: "${c.topic.title}"` : `Chưa có chủ đề năm ${input.year}`],
    rows: c.rows,
    total: c.total,
    columns: [
      { header: 'Phải học', width: 9, value: (r) => r.required },
      { header: 'Đã học', width: 9, value: (r) => r.studied },
      { header: 'Chưa học', width: 9, value: (r) => r.missing },
      { header: 'Tỷ lệ đã học', width: 9, value: (r) => r.percent, percent: true },
      { header: 'Đảng viên đã học', width: 9, value: (r) => r.members.studied },
      { header: 'Quần chúng đã học', width: 10, value: (r) => r.nonMembers.studied }
    ],
    notes: [
      'Người phải học: đang sinh hoạt hoặc sinh hoạt tạm thời; không tính người miễn công tác và sinh hoạt đảng, đình chỉ sinh hoạt, đã rời danh sách. Số của mỗi đơn vị gồm cả các đơn vị trực thuộc.'
    ]
  })
  const path = await xlsxTarget(
    ctx,
    'Lưu bảng kết quả học tập theo đơn vị',
    `ket-qua-hoc-tap-${input.year}.xlsx`
  )
  if (!path) return null
  await saveDocuments(path, doc)
  return { path, rows: doc.rows.length }
}
