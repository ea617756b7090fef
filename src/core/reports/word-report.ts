// The report itself as a Word document (HD 36 layout, through word/party-word.ts): the header band
// (the unit's parent over the unit, "Số …-BC/ĐU"), the place-and-date line, "BÁO CÁO" with its
// subject naming the period, Directive 05 and the year's topic, then the body in the usual parts —
// I. results (leadership, study, following, propaganda, inspection, recognition; shortcomings and
// causes; lessons), II. tasks ahead, III. recommendations — each part the office's own text
// followed by the figures the app writes from the annex (report-text.ts), then "Nơi nhận" and the
// unit's signer.
//
// Two ways out: the report being written (the period's saved text and today's figures, no number
// nor date: the office fills them when it signs), and an issued report exactly as issued (its
// number, its day, its frozen annex and text). In the first, a part with nothing yet keeps its
// heading over a dotted line to write on; in an issued one it is left out and the parts renumbered.
import { basename } from 'node:path'
import type { Annex, ReportNarrative, ReportPeriodInput, ReportSection } from '../../shared/api'
import { foldVietnamese } from '../../shared/vn-text'
import type { CoreContext } from '../context'
import type { Database } from '../db/connection'
import { CoreError } from '../db/errors'
import { topicByYear } from '../study/topics'
import { unitDocSigner, unitSignerOf } from '../units/signer'
import { writeWordDocument, type WordBlock, type WordDocument } from '../word/party-word'
import { computeAnnex } from './annex'
import { getDraft } from './drafts'
import { getIssued, issuedPlace } from './issue'
import { figureSentences } from './report-text'

export interface WordReportInput {
  unitId: number
  period: ReportPeriodInput
  useOwn?: number[]
  /** Place of the "<Place>, ngày …" line. */
  place?: string
}

/** The parts of "I. Kết quả" in their order, with their headings. */
const RESULT_PARTS: [ReportSection, string][] = [
  ['leadership', 'Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện'],
  ['study', 'Việc học tập, quán triệt chuyên đề'],
  ['following', 'Việc làm theo, nêu gương; xây dựng mô hình, điển hình'],
  ['propaganda', 'Công tác tuyên truyền'],
  ['inspection', 'Công tác kiểm tra, giám sát'],
  ['recognition', 'Sơ kết, biểu dương, khen thưởng'],
  ['shortcomings', 'Hạn chế, khuyết điểm và nguyên nhân'],
  ['lessons', 'Bài học kinh nghiệm']
]
const CHAPTERS: { title: string; parts: [ReportSection, string][] | ReportSection }[] = [
  { title: 'KẾT QUẢ THỰC HIỆN', parts: RESULT_PARTS },
  { title: 'PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI', parts: 'tasks' },
  { title: 'ĐỀ XUẤT, KIẾN NGHỊ', parts: 'recommendations' }
]
const ROMAN = ['I', 'II', 'III', 'IV']
/** Where a draft's part has no text yet: a line to write on in Word. */
const TO_WRITE = '………………………………………………………………………………'

/** The office's passage as paragraphs, one per line it typed. */
const paragraphs = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)

/** "BC/ĐU", "BC/CB", "BC/TU", "BC/HU": the report's number suffix for the issuing body (HD 36). */
function numberSuffix(annex: Annex): string {
  const of = (s: string) => foldVietnamese(s)
  const about = `${of(annex.unit.level)} | ${of(annex.unit.name)}`
  if (/^chi bo\b|\| chi bo\b/.test(about)) return 'BC/CB'
  if (/\b(tinh|thanh) uy\b|\bdang bo (tinh|thanh pho)\b/.test(about)) return 'BC/TU'
  if (/\b(huyen|quan|thi) uy\b|\bdang bo (huyen|quan|thi xa)\b/.test(about)) return 'BC/HU'
  return 'BC/ĐU'
}

function subject(annex: Annex): string {
  const topic = annex.topic?.trim()
  return (
    `Kết quả ${annex.period.label} thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị` +
    (topic ? ` và chuyên đề năm ${annex.period.year} “${topic}”` : '')
  )
}

function body(annex: Annex, narrative: ReportNarrative, blanks: boolean): WordBlock[] {
  const figures = figureSentences(annex)
  const out: WordBlock[] = [
    `Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh${annex.topic ? ` và chuyên đề năm ${annex.period.year}` : ''}, ${annex.unit.name} báo cáo kết quả thực hiện ${annex.period.label} như sau:`
  ]
  /** The part's text then its figures; a dotted line in a draft with neither; nothing else. */
  const content = (section: ReportSection): WordBlock[] => {
    const text: WordBlock[] = [...paragraphs(narrative[section]), ...(figures[section] ?? [])]
    return text.length > 0 ? text : blanks ? [TO_WRITE] : []
  }
  let chapter = 0
  for (const c of CHAPTERS) {
    if (typeof c.parts === 'string') {
      const text = content(c.parts)
      if (text.length === 0) continue
      out.push({ subheading: `${ROMAN[chapter++]}. ${c.title}` }, ...text)
      continue
    }
    const parts = c.parts
      .map(([section, title]) => ({ title, text: content(section) }))
      .filter((p) => p.text.length > 0)
    if (parts.length === 0) continue
    out.push({ subheading: `${ROMAN[chapter++]}. ${c.title}` })
    parts.forEach((p, k) => out.push({ subheading: `${k + 1}. ${p.title}` }, ...p.text))
  }
  return out
}

/** The report as a Word document: `number` and `date` null for one still being written. */
function reportDocument(
  db: Database,
  annex: Annex,
  narrative: ReportNarrative,
  o: { number: string | null; date: string | null; place?: string }
): WordDocument {
  const { unit } = annex
  return {
    upperOrg: unit.parentName,
    issuingOrg: unit.name,
    number: o.number,
    numberSuffix: numberSuffix(annex),
    place: o.place?.trim() || '……',
    date: o.date,
    title: 'Báo cáo',
    subject: subject(annex),
    body: body(annex, narrative, o.number === null),
    recipients: [...(unit.parentName ? [`${unit.parentName} (báo cáo),`] : []), 'Lưu VP.'],
    signer: annex.signer ?? unitDocSigner(unitSignerOf(db, unit.id))
  }
}

/** The report being written: the period's saved text (not an earlier period's offered as a start) and today's figures. */
function draftDocument(db: Database, i: WordReportInput): { annex: Annex; doc: WordDocument } {
  const annex = computeAnnex(db, i)
  const draft = getDraft(db, { unitId: i.unitId, period: i.period })
  const narrative = draft.startedFrom === null ? draft.narrative : {}
  return {
    annex,
    doc: reportDocument(db, annex, narrative, { number: null, date: null, place: i.place })
  }
}

async function written(path: string, d: WordDocument): Promise<{ path: string }> {
  try {
    await writeWordDocument(path, d)
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${(e as Error).message}`)
  }
  return { path }
}

/**
 * Writes the report being written for a unit and period to `path`, with no dialog: what the
 * channel does after the user chose the file, and what the benchmark times.
 */
export function writeReportWord(
  db: Database,
  i: WordReportInput,
  path: string
): Promise<{ path: string }> {
  return written(path, draftDocument(db, i).doc)
}

/** A file name without diacritics: "bao-cao-nam-2026-dang-bo-xa-tan-lap.docx". */
const slug = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

async function chooseDocx(ctx: CoreContext, defaultName: string): Promise<string | null> {
  const path = await ctx.platform.chooseSaveFile({
    title: 'Lưu báo cáo (Word)',
    defaultName,
    filters: [{ name: 'Văn bản Word', extensions: ['docx'] }]
  })
  if (path && !/\.docx$/i.test(basename(path)))
    throw new CoreError('VALIDATION', 'Tên tệp phải có đuôi .docx.')
  return path
}

export async function exportReportWord(
  ctx: CoreContext,
  i: WordReportInput
): Promise<{ path: string } | null> {
  // Built before the dialog: a refusal (no such unit, a wrong period) comes before asking where.
  const { annex, doc } = draftDocument(ctx.db, i)
  const path = await chooseDocx(
    ctx,
    `bao-cao-${slug(annex.period.label)}-${slug(annex.unit.name)}.docx`
  )
  return path ? written(path, doc) : null
}

export async function exportIssuedWord(
  ctx: CoreContext,
  i: { id: number; place?: string }
): Promise<{ path: string } | null> {
  const r = getIssued(ctx.db, i.id)
  // Reports issued before the annex kept its topic take the year's topic as it is now.
  const annex =
    r.annex.topic === undefined
      ? { ...r.annex, topic: topicByYear(ctx.db, r.annex.period.year)?.title ?? null }
      : r.annex
  const d = reportDocument(ctx.db, annex, r.narrative, {
    number: r.number,
    date: r.issuedOn,
    place: issuedPlace(r.annex, i.place)
  })
  const path = await chooseDocx(
    ctx,
    `bao-cao-${slug(r.periodLabel)}-so-${slug(r.number)}-${slug(r.unitName)}.docx`
  )
  return path ? written(path, d) : null
}
