// The printed commitment ("Xuất bản cam kết"): one page in the party document format, written
// with the shared party-document writer. The writer lays out a table; the person's details go in
// its lines under the title (restyled as plain left-aligned text), the items in its rows grouped
// under their headings (I, II …), and the page is fitted to one A4 sheet. One person's commitment
// is a workbook of that one sheet; a unit's (printed before the meeting where they are signed) is
// one workbook with that same sheet for each person.
import { basename } from 'node:path'
import ExcelJS from 'exceljs'
import type {
  CommitmentExportInput,
  CommitmentHeading,
  CommitmentItem,
  CommitmentUnitExportInput,
  CommitmentUnitExportResult
} from '../../shared/api'
import { writeFailureReason } from '../files'
import { COMMITMENT_HEADINGS } from '../../shared/api'
import { COMMITMENT_HEADING_LABELS } from '../../shared/labels'
import { displayPartialDate } from '../../shared/partial-date'
import { foldVietnamese } from '../../shared/vn-text'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import {
  addPartyDocumentSheet,
  writeWorkbook,
  type DocValue,
  type PartyDocument
} from '../excel/party-document'
import { topicByYear } from '../study/topics'
import { unitDocSigner, unitSignerOf } from '../units/signer'
import { findCommitment, personRow, roster } from './commitments'

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']

function headingTitle(heading: CommitmentHeading, year: number): string {
  return heading === 'topic'
    ? `Về học tập và làm theo Chuyên đề năm ${year}`
    : COMMITMENT_HEADING_LABELS[heading]
}

export interface CommitmentDocument {
  doc: PartyDocument
  /** Lines under the title to show as plain text (not the writer's italic subtitles). */
  plainLines: string[]
  /** Rows that are headings ("I", "II" …): bold, merged across the item columns. */
  headingMarks: string[]
}

/** Builds the document of one person's commitment; refused when the person has none. */
function commitmentDocument(
  ctx: CoreContext,
  input: Omit<CommitmentExportInput, 'path'>
): CommitmentDocument {
  const db = ctx.db
  const c = findCommitment(db, input)
  const p = personRow(db, input.personId)
  if (!c)
    throw new CoreError('NO_COMMITMENT', `"${p.full_name}" chưa lập cam kết năm ${input.year}.`)
  const unit = db
    .prepare(
      'SELECT u.name, u.level, pu.name AS parent FROM units u LEFT JOIN units pu ON pu.id = u.parent_id WHERE u.id = ?'
    )
    .get(c.unitId) as { name: string; level: string; parent: string | null }
  const topic = topicByYear(db, input.year)
  const member = p.kind === 'member'
  const blank = '……………'
  const plainLines = [
    `Họ và tên: ${p.full_name}          Ngày sinh: ${displayPartialDate(p.birth_date) || blank}`,
    `Chức vụ: ${p.position ?? blank}`,
    member
      ? `Ngày vào Đảng: ${displayPartialDate(p.party_join_date) || blank}     Ngày chính thức: ${displayPartialDate(p.party_official_date) || blank}     Số thẻ đảng viên: ${p.party_card_number ?? blank}`
      : `Đối tượng: ${p.role ?? blank}`,
    member ? `Sinh hoạt tại: ${unit.name}` : `Cơ quan, đơn vị: ${unit.name}`,
    `Căn cứ chức trách, nhiệm vụ được giao và Chuyên đề năm ${input.year}, tôi xin cam kết tu dưỡng, rèn luyện, phấn đấu với những nội dung sau:`
  ]
  const rows: DocValue[][] = []
  const headingMarks: string[] = []
  let h = 0
  for (const heading of COMMITMENT_HEADINGS) {
    const items = c.items.filter((i: CommitmentItem) => i.heading === heading)
    if (items.length === 0) continue
    const mark = ROMAN[h++]
    headingMarks.push(mark)
    rows.push([
      mark,
      headingTitle(heading, input.year).toLocaleUpperCase('vi'),
      null,
      null,
      null,
      null
    ])
    items.forEach((it, k) =>
      rows.push([
        k + 1,
        it.content,
        it.tasks ?? '',
        it.measures ?? '',
        it.deadline ?? '',
        it.expected ?? ''
      ])
    )
  }
  const signer = unitSignerOf(db, c.unitId)
  const doc: PartyDocument = {
    sheetName: `Cam kết ${input.year}`,
    upperOrg: unit.parent,
    issuingOrg: unit.name,
    place: input.place?.trim() || '……',
    date: c.madeOn,
    title: `Bản cam kết tu dưỡng, rèn luyện, phấn đấu năm ${input.year}`,
    subtitles: [...(topic ? [`Chuyên đề năm ${input.year}: "${topic.title}"`] : []), ...plainLines],
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Nội dung cam kết', width: 30 },
      { header: 'Nhiệm vụ cụ thể', width: 24 },
      { header: 'Biện pháp thực hiện', width: 24 },
      { header: 'Thời hạn', width: 11, align: 'center' },
      { header: 'Kết quả dự kiến', width: 20 }
    ],
    rows,
    signers: [
      unitDocSigner(signer, [`Xác nhận của ${signer.body}`]),
      { lines: ['Người cam kết'], name: p.full_name }
    ],
    orientation: 'portrait'
  }
  return { doc, plainLines, headingMarks }
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Chuyên đề 05'
  wb.created = new Date()
  return wb
}

/**
 * Adds the commitment to `wb` as a sheet named `sheetName` (or the document's own name; the
 * writer makes it one Excel accepts, unique in the workbook), restyled and fitted to one A4
 * page: the one layout of a printed commitment.
 */
function addCommitmentSheet(
  wb: ExcelJS.Workbook,
  d: CommitmentDocument,
  sheetName = d.doc.sheetName
): ExcelJS.Worksheet {
  const ws = addPartyDocumentSheet(wb, { ...d.doc, sheetName })
  const n = d.doc.columns.length
  const plain = new Set(d.plainLines)
  const marks = new Set(d.headingMarks)
  let header = 0
  ws.eachRow((row, r) => {
    const first = row.getCell(1).value
    if (typeof first === 'string' && plain.has(first)) {
      row.getCell(1).font = { name: 'Times New Roman', size: 12 }
      row.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true }
    }
    if (first === 'STT') header = r
    if (header && r > header + 1 && typeof first === 'string' && marks.has(first)) {
      ws.mergeCells(r, 2, r, n)
      for (const c of [1, 2])
        row.getCell(c).font = { name: 'Times New Roman', size: 12, bold: true }
    }
  })
  ws.pageSetup.fitToHeight = 1
  ws.pageSetup.fitToWidth = 1
  ws.pageSetup.fitToPage = true
  return ws
}

function fileNameFor(name: string, year: number): string {
  return `ban-cam-ket-${year}-${foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.xlsx`
}

/** The path the user chooses (null when cancelled); an .xlsx. */
async function targetPath(
  ctx: CoreContext,
  title: string,
  defaultName: string
): Promise<string | null> {
  const chosen = await ctx.platform.chooseSaveFile({
    title,
    defaultName,
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (chosen && !/\.xlsx$/i.test(basename(chosen)))
    throw new CoreError('VALIDATION', 'Tên tệp phải có đuôi .xlsx.')
  return chosen
}

/** Written beside `path` and renamed at the end (writeWorkbook): a failure leaves nothing. */
async function save(path: string, wb: ExcelJS.Workbook): Promise<void> {
  try {
    await writeWorkbook(path, wb)
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${writeFailureReason(e)}.`)
  }
}

export async function exportCommitment(
  ctx: CoreContext,
  input: CommitmentExportInput
): Promise<{ path: string } | null> {
  // Build first: a person without a commitment is told so before any dialog opens.
  const d = commitmentDocument(ctx, input)
  const path = await targetPath(
    ctx,
    'Lưu bản cam kết',
    fileNameFor(personRow(ctx.db, input.personId).full_name, input.year)
  )
  if (!path) return null
  const wb = newWorkbook()
  addCommitmentSheet(wb, d)
  await save(path, wb)
  return { path }
}

/**
 * The commitments of a unit's own people on the rolls (not its subunits'), in the roster's
 * order (by name), one sheet each named after the person; those without one are counted.
 */
export async function exportUnitCommitments(
  ctx: CoreContext,
  input: CommitmentUnitExportInput
): Promise<CommitmentUnitExportResult | null> {
  const r = roster(ctx.db, input)
  const made = r.rows.filter((row) => row.state === 'made')
  if (made.length === 0)
    throw new CoreError(
      'NO_COMMITMENT',
      `Chưa ai trong "${r.unitName}" lập cam kết năm ${input.year}.`
    )
  const docs = made.map((row) =>
    commitmentDocument(ctx, { personId: row.personId, year: input.year, place: input.place })
  )
  const path = await targetPath(
    ctx,
    'Lưu bản cam kết của cả đơn vị',
    fileNameFor(r.unitName, input.year)
  )
  if (!path) return null
  const wb = newWorkbook()
  // Named after the person; the writer makes the name one Excel accepts, and unique.
  docs.forEach((d, i) => addCommitmentSheet(wb, d, made[i].fullName))
  await save(path, wb)
  return { path, people: made.length, withoutCommitment: r.rows.length - made.length }
}
