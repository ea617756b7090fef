// "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM …" as a party-format .xlsx, for a chi
// bộ or a party committee (rows grouped by chi bộ, with a sub-heading and totals per chi bộ).
// The same sheet goes down the tree to be filled and comes back up: the hidden "Mã" column
// holds the person id the import reads back (import-sheet.ts), the rating columns offer a
// drop-down list, and the layout of the columns is described once here for both directions.
import { basename } from 'node:path'
import type {
  EvaluationCounts,
  EvaluationExportInput,
  EvaluationRow,
  EvaluationSheet,
  EvaluationTotals,
  Rating
} from '../../shared/api'
import { writeFailureReason } from '../files'
import { RATING_LEVELS } from '../../shared/api'
import {
  NOT_RATED_REASON_LABELS,
  QUOTA_BASE_LABELS,
  QUOTA_SCOPE_LABELS,
  RATING_LEVEL_LABELS,
  RATING_SHORT_LABELS
} from '../../shared/labels'
import { formatPercent } from '../../shared/numbers'
import { displayPartialDate, todayIso } from '../../shared/partial-date'
import { foldVietnamese } from '../../shared/vn-text'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import {
  writePartyDocument,
  type DocColumn,
  type DocRow,
  type DocValue,
  type PartyDocument
} from '../excel/party-document'
import { unitDocSigner, unitSignerOf, type SignerBlock } from '../units/signer'
import { buildSheet } from './sheet'

/** The columns of the sheet, by what they hold. The import finds them again by their headers. */
export type SheetColumn =
  | 'stt'
  | 'name'
  | 'birth'
  | 'position'
  | 'score'
  | 'self'
  | 'proposed'
  | 'decided'
  | 'commitment'
  | 'note'
  | 'id'

export const SHEET_HEADERS: Record<SheetColumn, string> = {
  stt: 'STT',
  name: 'Họ và tên',
  birth: 'Ngày sinh',
  position: 'Chức vụ',
  score: 'Điểm (thang 100)',
  self: 'Tự xếp loại',
  proposed: 'Chi bộ đề xuất',
  decided: 'Cấp ủy quyết định',
  commitment: 'Kết quả thực hiện cam kết',
  note: 'Ghi chú',
  id: 'Mã'
}
const GROUP = 'Xếp loại chất lượng'

const SHEET_NAME = (year: number) => `Xếp loại ${year}`

function columnsFor(withScore: boolean): { keys: SheetColumn[]; columns: DocColumn[] } {
  const all: [SheetColumn, Omit<DocColumn, 'header'>][] = [
    ['stt', { width: 5, align: 'center' }],
    ['name', { width: 24 }],
    // Wide enough for "dd/mm/yyyy" and "Chưa đánh giá" on one line in Times New Roman 12.
    ['birth', { width: 12, align: 'center' }],
    ['position', { width: 14 }],
    ['score', { width: 8, align: 'center', numFmt: '0.#' }],
    ['self', { width: 13, align: 'center', group: GROUP }],
    ['proposed', { width: 13, align: 'center', group: GROUP }],
    ['decided', { width: 13, align: 'center', group: GROUP }],
    ['commitment', { width: 15, align: 'center' }],
    ['note', { width: 16 }],
    ['id', { width: 8, hidden: true }]
  ]
  const used = all.filter(([k]) => withScore || k !== 'score')
  return {
    keys: used.map(([k]) => k),
    columns: used.map(([k, c]) => ({ header: SHEET_HEADERS[k], ...c }))
  }
}

/** "Miễn công tác và sinh hoạt đảng. Đã báo cáo" — the reason of a "không xếp loại", then the note. */
export function noteCell(
  row: Pick<EvaluationRow, 'reason' | 'note' | 'self' | 'proposed' | 'decided'>
): string {
  const reason = row.reason ? NOT_RATED_REASON_LABELS[row.reason] : null
  return [reason, row.note].filter(Boolean).join('. ')
}

const ratingText = (r: Rating | null) => (r ? RATING_SHORT_LABELS[r] : '')
const pct = (p: number | null) => (p === null ? '' : ` (${formatPercent(p, { oneDecimal: true })})`)

function evaluationDocument(
  sheet: EvaluationSheet,
  place: string | undefined,
  signer: SignerBlock
): PartyDocument {
  const withScore = sheet.ruleSet?.scoreThresholds != null
  const { keys, columns } = columnsFor(withScore)
  const at = (k: SheetColumn) => keys.indexOf(k)
  const blank = (): DocValue[] => keys.map(() => null)
  const stages = ['self', 'proposed', 'decided'] as const

  const personRow = (r: EvaluationRow, stt: number): DocValue[] => {
    const v = blank()
    v[at('stt')] = stt
    v[at('name')] = r.fullName
    v[at('birth')] = displayPartialDate(r.birthDate)
    v[at('position')] = r.position ?? ''
    if (withScore) v[at('score')] = r.score
    for (const s of stages) v[at(s)] = ratingText(r[s])
    v[at('commitment')] = r.commitment?.label ?? ''
    v[at('note')] = noteCell(r)
    v[at('id')] = String(r.personId)
    return v
  }
  const countsRow = (
    label: string,
    value: (c: EvaluationCounts) => DocValue,
    t: EvaluationTotals
  ): DocValue[] => {
    const v = blank()
    v[at('name')] = label
    for (const s of stages) v[at(s)] = value(t[s])
    return v
  }
  const summary = (t: EvaluationTotals): DocValue[][] => [
    countsRow('Tổng số đảng viên trong danh sách', (c) => c.total, t),
    ...RATING_LEVELS.map((l) =>
      countsRow(`${RATING_LEVEL_LABELS[l]} (${l})`, (c) => `${c.levels[l]}${pct(c.percents[l])}`, t)
    ),
    countsRow('Không xếp loại', (c) => c.notRated, t),
    countsRow('Chưa ghi mức xếp loại', (c) => c.blank, t)
  ]
  /** One bold row under a chi bộ: its count and, per stage, the count of each level. */
  const subtotal = (name: string, t: EvaluationTotals): DocRow => {
    const v = blank()
    v[at('name')] = `Cộng ${name}: ${t.self.total} đảng viên`
    for (const s of stages) {
      const c = t[s]
      v[at(s)] = [
        ...RATING_LEVELS.map((l) => `${l}: ${c.levels[l]}`),
        `Không XL: ${c.notRated}`,
        ...(c.blank ? [`Chưa ghi: ${c.blank}`] : [])
      ].join('\n')
    }
    const lines = Math.max(...stages.map((s) => 5 + (t[s].blank ? 1 : 0)))
    return { values: v, bold: true, height: 16 * lines + 4 }
  }

  const grouped =
    sheet.groups.length > 1 ||
    (sheet.groups.length === 1 && sheet.groups[0].unitId !== sheet.unit.id)
  const rows: DocRow[] = []
  let stt = 0
  if (grouped) {
    let k = 0
    for (const g of sheet.groups) {
      rows.push({ heading: g.unitName })
      for (; k < sheet.rows.length && sheet.rows[k].unitId === g.unitId; k++)
        rows.push(personRow(sheet.rows[k], ++stt))
      rows.push(subtotal(g.unitName, g.totals))
    }
  } else for (const r of sheet.rows) rows.push(personRow(r, ++stt))

  const rules = sheet.ruleSet
  const notes = [
    'Viết tắt: HTXSNV – Hoàn thành xuất sắc nhiệm vụ; HTTNV – Hoàn thành tốt nhiệm vụ; HTNV – Hoàn thành nhiệm vụ; KHTNV – Không hoàn thành nhiệm vụ; Không XL – Không xếp loại (lý do ghi ở cột Ghi chú).',
    'Tỷ lệ % tính trên số đảng viên được xếp loại (không tính người không xếp loại và người chưa ghi mức xếp loại).'
  ]
  if (rules?.quotaPercent != null) {
    notes.push(
      `Theo ${rules.name}: HTXSNV không vượt quá ${formatPercent(rules.quotaPercent)} ${QUOTA_BASE_LABELS[rules.quotaBase]}, tính ở ${QUOTA_SCOPE_LABELS[rules.quotaScope]}.`
    )
  }
  // The app's own words to whoever fills the sheet in: beside the document, never printed with it.
  const instructions = [
    `Chi bộ điền các cột ${GROUP.toLocaleLowerCase('vi')} và Ghi chú ở trang tính "${SHEET_NAME(sheet.year)}" rồi gửi lại; xin giữ nguyên các cột khác để phần mềm nhập lại đúng người.`,
    `Trang tính này chỉ để hướng dẫn, không thuộc bảng tổng hợp: khi in, chỉ in trang tính "${SHEET_NAME(sheet.year)}".`,
    ...sheet.quota.filter((x) => x.over).map((q) => `Lưu ý: ${q.message}`)
  ]

  return {
    sheetName: SHEET_NAME(sheet.year),
    upperOrg: sheet.unit.parentName,
    issuingOrg: sheet.unit.name,
    place: place?.trim() || '……',
    date: todayIso(),
    title: `Bảng tổng hợp kết quả đánh giá, xếp loại đảng viên năm ${sheet.year}`,
    subtitles: rules ? [`(Theo ${rules.name})`] : [],
    columns,
    rows,
    totals: summary(sheet.totals),
    notes,
    signers: [{ lines: ['NGƯỜI LẬP BIỂU'] }, unitDocSigner(signer)],
    orientation: withScore ? 'landscape' : 'portrait',
    validations: [
      {
        columns: stages.map(at),
        list: ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', RATING_SHORT_LABELS.not_rated]
      }
    ],
    labelSpan: [at('name'), at('position')],
    instructions: {
      sheetName: 'Hướng dẫn',
      title: 'Hướng dẫn điền và gửi lại bảng tổng hợp',
      lines: instructions
    }
  }
}

function fileNameFor(name: string, year: number): string {
  return `bang-tong-hop-xep-loai-${year}-${foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.xlsx`
}

export async function exportEvaluation(
  ctx: CoreContext,
  input: EvaluationExportInput
): Promise<{ path: string; rows: number } | null> {
  const sheet = buildSheet(ctx.db, input)
  const path = await ctx.platform.chooseSaveFile({
    title: 'Lưu bảng tổng hợp kết quả xếp loại',
    defaultName: fileNameFor(sheet.unit.name, input.year),
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (!path) return null
  if (!/\.xlsx$/i.test(basename(path)))
    throw new CoreError('VALIDATION', 'Tên tệp phải có đuôi .xlsx.')
  try {
    await writePartyDocument(
      path,
      evaluationDocument(sheet, input.place, unitSignerOf(ctx.db, sheet.unit.id))
    )
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${writeFailureReason(e)}.`)
  }
  return { path, rows: sheet.rows.length }
}
