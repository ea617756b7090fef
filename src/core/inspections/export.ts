// Documents out: the year's plan and the recommendations with their status as party-format
// .xlsx through the shared writer (excel/party-document.ts), and the decision forming the team and
// the conclusion notice as .docx drafts through the Word writer (word/party-word.ts).
import { basename } from 'node:path'
import type { Inspection, InspectionExportInput } from '../../shared/api'
import {
  INSPECTION_KIND_LABELS,
  INSPECTION_MODE_LABELS,
  PLAN_STATE_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  TEAM_ROLE_LABELS
} from '../../shared/api'
import { displayPartialDate, todayIso } from '../../shared/partial-date'
import type { CoreContext } from '../context'
import type { Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { writePartyDocument, type PartyDocument } from '../excel/party-document'
import { unitDocSigner, unitSignerOf } from '../units/signer'
import { scopeRange } from '../units/subtree'
import { writeWordDocument, type WordBlock, type WordDocument } from '../word/party-word'
import { getInspection } from './inspections'
import { listPlanItems } from './plan'
import { listRecommendations } from './recommendations'

interface Issuer {
  id: number
  name: string
  level: string
  parent: string | null
}

function issuer(db: Database, unitId: number): Issuer {
  const u = db
    .prepare(
      'SELECT u.id, u.name, u.level, pu.name AS parent FROM units u LEFT JOIN units pu ON pu.id = u.parent_id WHERE u.id = ?'
    )
    .get(unitId) as Issuer | undefined
  if (!u) throw new CoreError('NOT_FOUND', 'Không tìm thấy đơn vị.')
  return u
}

/** The file the user chooses (null when cancelled), with the extension asked for. */
async function targetPath(
  ctx: CoreContext,
  title: string,
  defaultName: string,
  ext: 'xlsx' | 'docx'
): Promise<string | null> {
  const chosen = await ctx.platform.chooseSaveFile({
    title,
    defaultName,
    filters: [
      ext === 'xlsx'
        ? { name: 'Bảng tính Excel', extensions: ['xlsx'] }
        : { name: 'Văn bản Word', extensions: ['docx'] }
    ]
  })
  if (chosen && !new RegExp(`\\.${ext}$`, 'i').test(basename(chosen)))
    throw new CoreError('VALIDATION', `Tên tệp phải có đuôi .${ext}.`)
  return chosen
}

async function written(path: string, write: () => Promise<void>): Promise<{ path: string }> {
  try {
    await write()
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${(e as Error).message}`)
  }
  return { path }
}

const when = (p: { quarter: number | null; month: number | null }) =>
  p.quarter !== null ? `Quý ${p.quarter}` : `Tháng ${p.month}`

/** The year's plan of a unit (items it or a unit under it carries out), with where each stands. */
export async function exportPlan(
  ctx: CoreContext,
  input: InspectionExportInput & { year: number; unitId: number; today: string }
): Promise<{ path: string } | null> {
  const u = issuer(ctx.db, input.unitId)
  const [lo, hi] = scopeRange(ctx.db, input.unitId)
  const inScope = new Set(
    (
      ctx.db.prepare('SELECT id FROM units WHERE path >= ? AND path < ?').all(lo, hi) as {
        id: number
      }[]
    ).map((r) => r.id)
  )
  const items = listPlanItems(ctx.db, input.year, input.today).filter((p) => inScope.has(p.unitId))
  const path = await targetPath(
    ctx,
    'Lưu kế hoạch kiểm tra, giám sát',
    `ke-hoach-kiem-tra-giam-sat-${input.year}.xlsx`,
    'xlsx'
  )
  if (!path) return null
  const signer = unitSignerOf(ctx.db, u.id)
  const doc: PartyDocument = {
    sheetName: `Kế hoạch ${input.year}`,
    upperOrg: u.parent,
    issuingOrg: u.name,
    place: input.place?.trim() || '……',
    date: input.today,
    title: `Kế hoạch kiểm tra, giám sát năm ${input.year}`,
    subtitles: [
      'Việc thực hiện Chỉ thị 05-CT/TW và Chuyên đề của năm',
      `Tình hình thực hiện tính đến ngày ${displayPartialDate(input.today)}`
    ],
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Nội dung kiểm tra, giám sát', width: 40 },
      { header: 'Hình thức', width: 14 },
      { header: 'Đối tượng', width: 26 },
      { header: 'Thời gian', width: 10, align: 'center' },
      { header: 'Đơn vị chủ trì', width: 20 },
      { header: 'Tình hình thực hiện', width: 16 }
    ],
    rows: items.map((p, i) => [
      i + 1,
      p.content,
      `${INSPECTION_KIND_LABELS[p.kind]} ${INSPECTION_MODE_LABELS[p.mode].toLowerCase()}`,
      p.targetNames.join('; '),
      when(p),
      p.unitName,
      PLAN_STATE_LABELS[p.state]
    ]),
    notes:
      items.length === 0
        ? [`Chưa có mục nào trong kế hoạch kiểm tra, giám sát năm ${input.year}.`]
        : [],
    signers: [unitDocSigner(signer)],
    orientation: 'landscape'
  }
  return written(path, () => writePartyDocument(path, doc))
}

/** The recommendations made in a year to a unit's subtree, with their status on `asOf`. */
export async function exportRecommendations(
  ctx: CoreContext,
  input: InspectionExportInput & { year: number; unitId: number; asOf: string }
): Promise<{ path: string } | null> {
  const u = issuer(ctx.db, input.unitId)
  const recs = listRecommendations(ctx.db, { unitId: input.unitId, asOf: input.asOf }).filter((r) =>
    r.madeOn.startsWith(String(input.year))
  )
  const path = await targetPath(
    ctx,
    'Lưu danh sách kiến nghị',
    `kien-nghi-sau-kiem-tra-giam-sat-${input.year}.xlsx`,
    'xlsx'
  )
  if (!path) return null
  const signer = unitSignerOf(ctx.db, u.id)
  const count = (s: string) => recs.filter((r) => r.status === s).length
  const doc: PartyDocument = {
    sheetName: `Kiến nghị ${input.year}`,
    upperOrg: u.parent,
    issuingOrg: u.name,
    place: input.place?.trim() || '……',
    date: input.asOf,
    title: 'Danh sách kiến nghị sau kiểm tra, giám sát và kết quả thực hiện',
    subtitles: [`Năm ${input.year}, tình trạng tính đến ngày ${displayPartialDate(input.asOf)}`],
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Nội dung kiến nghị', width: 36 },
      { header: 'Đơn vị thực hiện', width: 20 },
      { header: 'Thời hạn', width: 11, align: 'center' },
      { header: 'Tình trạng', width: 13, align: 'center' },
      { header: 'Ngày thực hiện', width: 11, align: 'center' },
      { header: 'Kết quả thực hiện', width: 28 }
    ],
    rows: recs.map((r, i) => [
      i + 1,
      r.text,
      r.unitName,
      displayPartialDate(r.dueOn),
      RECOMMENDATION_STATUS_LABELS[r.status],
      r.status === 'done' ? displayPartialDate(r.doneOn) : '',
      r.status === 'done' ? (r.doneNote ?? '') : ''
    ]),
    totals: [
      null,
      `Tổng cộng: ${recs.length} kiến nghị: ${count('done')} đã thực hiện, ${count('open')} đang thực hiện, ${count('late')} quá hạn`,
      null,
      null,
      null,
      null,
      null
    ],
    labelSpan: [1, 6],
    signers: [{ lines: ['NGƯỜI LẬP BIỂU'] }, unitDocSigner(signer)],
    orientation: 'landscape'
  }
  return written(path, () => writePartyDocument(path, doc))
}

/** Content written mid-sentence: "Việc lãnh đạo …" → "việc lãnh đạo …" (an acronym such as "HĐND" stays). */
const midSentence = (s: string) =>
  /^\p{Lu}\p{Ll}/u.test(s) ? s[0].toLocaleLowerCase('vi') + s.slice(1) : s

const dmy = (s: string | null) => (s ? displayPartialDate(s) : '…/…/……')

function decisionDraft(ctx: CoreContext, i: Inspection, place: string): WordDocument {
  const u = issuer(ctx.db, i.unitId)
  const signer = unitSignerOf(ctx.db, u.id)
  const kind = INSPECTION_KIND_LABELS[i.kind].toLowerCase()
  const content = midSentence(i.content)
  const team = `Đoàn ${kind}`
  const targets = i.targets.map((t) => t.name).join(', ')
  const body: WordBlock[] = [
    { text: '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;', indent: true },
    {
      text: '- Căn cứ Quy định số 296-QĐ/TW ngày 30/5/2025 của Ban Chấp hành Trung ương về công tác kiểm tra, giám sát và kỷ luật của Đảng;',
      indent: true
    },
    {
      text: `- Căn cứ Chương trình kiểm tra, giám sát năm ${(i.decisionDate ?? i.startsOn ?? todayIso()).slice(0, 4)} của ${u.name};`,
      indent: true
    },
    { text: `- Xét đề nghị của cơ quan tham mưu,`, indent: true },
    { heading: `${signer.body} QUYẾT ĐỊNH` },
    {
      text: `Điều 1. Thành lập ${team} của ${u.name} đối với ${targets} về ${content}. ${team} gồm các đồng chí:`
    },
    ...(i.team.length
      ? i.team.map((m, k) => ({
          text: `${k + 1}. Đồng chí ${m.name} – ${TEAM_ROLE_LABELS[m.role]}.`,
          indent: true
        }))
      : [{ text: '1. Đồng chí …………………… – Trưởng đoàn.', indent: true }]),
    {
      text: `Điều 2. ${team} có nhiệm vụ ${kind} ${content} đối với ${targets}; thời kỳ ${kind} từ ngày ${dmy(i.periodFrom)} đến ngày ${dmy(i.periodTo)}; thời gian làm việc từ ngày ${dmy(i.startsOn)} đến ngày ${dmy(i.endsOn)}. Đoàn tự giải thể sau khi hoàn thành nhiệm vụ.`
    },
    {
      text: `Điều 3. Quyết định có hiệu lực từ ngày ký. Các đồng chí có tên tại Điều 1, ${targets} và các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này.`
    }
  ]
  return {
    upperOrg: u.parent,
    issuingOrg: u.name,
    number: i.decisionNumber,
    numberSuffix: 'QĐ/ĐU',
    place,
    date: i.decisionDate,
    title: 'Quyết định',
    subject: `về việc thành lập ${team.toLowerCase()}`,
    body,
    recipients: ['Như Điều 3,', 'Lưu văn phòng.'],
    signer: unitDocSigner(signer)
  }
}

function conclusionDraft(ctx: CoreContext, i: Inspection, place: string): WordDocument {
  const u = issuer(ctx.db, i.unitId)
  const signer = unitSignerOf(ctx.db, u.id)
  const kind = INSPECTION_KIND_LABELS[i.kind].toLowerCase()
  const content = midSentence(i.content)
  const targets = i.targets.map((t) => t.name).join(', ')
  const notice = [...i.documents].reverse().find((d) => d.kind === 'conclusion')
  const strengths = i.findings.filter((f) => f.kind === 'strength')
  const shortcomings = i.findings.filter((f) => f.kind === 'shortcoming')
  const lines = (list: { text: string }[]) =>
    list.length
      ? list.map((f) => ({ text: `- ${f.text}`, indent: true }))
      : [{ text: '- ……………………', indent: true }]
  const body: WordBlock[] = [
    `Thực hiện Quyết định số ${i.decisionNumber ?? '……'} ngày ${dmy(i.decisionDate)} của ${u.name}, từ ngày ${dmy(i.startsOn)} đến ngày ${dmy(i.endsOn)}, Đoàn ${kind} đã tiến hành ${kind} ${content} đối với ${targets} (thời kỳ ${kind} từ ngày ${dmy(i.periodFrom)} đến ngày ${dmy(i.periodTo)}).`,
    `Trên cơ sở báo cáo kết quả ${kind} của Đoàn, ${u.name} kết luận như sau:`,
    { text: '1. Ưu điểm', bold: true },
    ...lines(strengths),
    { text: '2. Hạn chế, khuyết điểm', bold: true },
    ...lines(shortcomings),
    { text: '3. Kiến nghị', bold: true },
    ...(i.recommendations.length
      ? i.recommendations.map((r) => ({
          text: `- ${r.unitName}: ${r.text} (thời hạn ${displayPartialDate(r.dueOn)}).`,
          indent: true
        }))
      : [{ text: '- ……………………', indent: true }]),
    `Yêu cầu các đơn vị có tên trên nghiêm túc thực hiện và báo cáo kết quả về ${u.name} đúng thời hạn.`
  ]
  return {
    upperOrg: u.parent,
    issuingOrg: u.name,
    number: notice?.number ?? null,
    numberSuffix: 'TB/ĐU',
    place,
    date: notice?.datedOn ?? null,
    title: 'Thông báo kết luận',
    subject: `${kind} đối với ${targets}`,
    body,
    recipients: [...i.targets.map((t) => t.name + ','), 'Lưu văn phòng.'],
    signer: unitDocSigner(signer)
  }
}

export async function exportDraft(
  ctx: CoreContext,
  input: InspectionExportInput & { id: number; draft: 'decision' | 'conclusion' }
): Promise<{ path: string } | null> {
  const i = getInspection(ctx.db, input.id, todayIso())
  const place = input.place?.trim() || '……'
  const d =
    input.draft === 'decision' ? decisionDraft(ctx, i, place) : conclusionDraft(ctx, i, place)
  const path = await targetPath(
    ctx,
    input.draft === 'decision'
      ? 'Lưu dự thảo quyết định thành lập đoàn'
      : 'Lưu dự thảo thông báo kết luận',
    `${input.draft === 'decision' ? 'quyet-dinh-thanh-lap-doan' : 'thong-bao-ket-luan'}-${i.id}.docx`,
    'docx'
  )
  if (!path) return null
  return written(path, () => writeWordDocument(path, d))
}
