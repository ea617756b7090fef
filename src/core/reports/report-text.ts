// The annex's figures written in words, the way offices write them in a report's body: "378 lớp
// (buổi) học tập …, 35.599/35.900 đảng viên đã học tập (99,16%), 5.806 lượt quần chúng dự
// học", with Vietnamese thousands dots and decimal commas (shared/numbers.ts), shares with two
// decimals as the annex has them (a whole share bare: "100%"). One sentence per part of the body
// that has figures, from the annex's total row; a count of nothing reads as a sentence ("chưa tổ
// chức buổi học tập nào"), never as "0 buổi" or a missing value.
import type {
  Annex,
  AnnexTable,
  AnnexTableCode,
  ReportPeriod,
  ReportSection
} from '../../shared/api'
import { AWARD_FORMS, RATING_LEVELS } from '../../shared/api'
import { AWARD_FORM_LABELS } from '../../shared/exemplar-labels'
import { RATING_LEVEL_LABELS } from '../../shared/labels'
import { formatNumber, formatPercent } from '../../shared/numbers'

/** A table's total row by column code (a share of nothing is null). */
type Totals = Record<string, number | null>

function totalsOf(annex: Annex, code: AnnexTableCode): Totals | null {
  const t: AnnexTable | undefined = annex.tables.find((x) => x.code === code)
  if (!t) return null
  return Object.fromEntries(t.columns.map((c, k) => [c.code, t.total.values[k]]))
}

const n = (v: number | null | undefined) => formatNumber(v ?? 0)
const count = (t: Totals, code: string) => t[code] ?? 0
/** "35.599/35.900 đảng viên đã học tập (99,16%)": part of whole, what they are, the share. */
const share = (part: number, whole: number, words: string, p: number | null | undefined = null) =>
  `${n(part)}/${n(whole)} ${words}`.concat(
    p == null ? '' : ` (${formatPercent(p, { decimals: 2 })})`
  )

/** "Trong năm 2026", "Trong 6 tháng đầu năm 2026", "Từ ngày 01/03/2026 đến ngày 31/08/2026". */
export function periodPhrase(p: ReportPeriod): string {
  if (p.kind !== 'custom') return `Trong ${p.label}`
  const day = (iso: string) => iso.split('-').reverse().join('/')
  return `Từ ngày ${day(p.from)} đến ngày ${day(p.to)}`
}

/** Clauses joined into one sentence: "A; b; c." (the first begins with a capital). */
function sentence(clauses: string[]): string {
  const s = clauses.filter(Boolean).join('; ')
  return s ? `${s[0].toLocaleUpperCase('vi')}${s.slice(1)}.` : ''
}

/** Items with a count, "2 tin, 1 bài"; those of nothing left out. */
function listed(items: [number, string][]): string {
  return items
    .filter(([v]) => v > 0)
    .map(([v, what]) => `${n(v)} ${what}`)
    .join(', ')
}

/** Study: sessions with their connection points and attendees, members and others who studied, commitments. */
export function studySentence(annex: Annex): string {
  const t = totalsOf(annex, 'study')
  if (!t) return ''
  const sessions = count(t, 'sessions')
  const points = count(t, 'points')
  const attendees = count(t, 'attendees')
  const held =
    sessions > 0
      ? `${periodPhrase(annex.period)}, đã tổ chức ${n(sessions)} lớp (buổi) học tập, quán triệt chuyên đề` +
        (points > 0 || attendees > 0
          ? ` (${listed([
              [points, 'điểm cầu'],
              [attendees, 'người dự']
            ])})`
          : '')
      : `${periodPhrase(annex.period)}, chưa tổ chức buổi học tập, quán triệt chuyên đề nào`
  const clauses = [held]
  const required = count(t, 'membersRequired')
  const studied = count(t, 'membersStudied')
  if (required > 0)
    clauses.push(
      studied > 0
        ? share(studied, required, 'đảng viên đã học tập', t.membersPercent)
        : `chưa có đảng viên nào học tập (${n(required)} đảng viên phải học)`
    )
  const others = count(t, 'nonMembersStudied')
  const attendances = count(t, 'nonMemberAttendances')
  if (others > 0 && attendances > 0)
    clauses.push(`${n(others)} quần chúng đã học tập, ${n(attendances)} lượt quần chúng dự học`)
  else if (others > 0) clauses.push(`${n(others)} quần chúng đã học tập`)
  else if (attendances > 0) clauses.push(`${n(attendances)} lượt quần chúng dự học`)
  const toMake = count(t, 'commitmentsRequired')
  const made = count(t, 'commitmentsMade')
  if (toMake > 0)
    clauses.push(
      made > 0
        ? share(
            made,
            toMake,
            'bản cam kết tu dưỡng, rèn luyện đã được xây dựng',
            t.commitmentsPercent
          )
        : `chưa có bản cam kết tu dưỡng, rèn luyện nào được xây dựng (${n(toMake)} bản phải lập)`
    )
  return sentence(clauses)
}

/** Following: models and exemplars; in the year's report the commitments' results and the ratings. */
export function followingSentences(annex: Annex): string[] {
  const out: string[] = []
  const e = totalsOf(annex, 'exemplars')
  if (e) {
    const models = count(e, 'models')
    const spread = count(e, 'modelsSpread')
    const exemplars = listed([
      [count(e, 'persons'), 'điển hình cá nhân'],
      [count(e, 'collectives'), 'điển hình tập thể']
    ])
    out.push(
      sentence([
        models > 0
          ? `đã đăng ký ${n(models)} mô hình học tập và làm theo` +
            (spread > 0 ? `, trong đó ${n(spread)} mô hình được nhân rộng` : '')
          : 'chưa có mô hình học tập và làm theo được đăng ký',
        exemplars ? `ghi nhận ${exemplars}` : 'chưa ghi nhận điển hình nào'
      ])
    )
  }
  const c = totalsOf(annex, 'commitments')
  if (c) {
    const results = listed([
      [count(c, 'completedWell'), 'bản hoàn thành tốt'],
      [count(c, 'completed'), 'bản hoàn thành'],
      [count(c, 'notCompleted'), 'bản không hoàn thành'],
      [count(c, 'notJudged'), 'bản chưa đánh giá']
    ])
    if (results) out.push(sentence([`kết quả thực hiện bản cam kết: ${results}`]))
    const members = count(c, 'members')
    const rated = count(c, 'rated')
    if (members > 0) {
      const notRated = count(c, 'notRated')
      out.push(
        sentence([
          rated > 0
            ? `kết quả xếp loại: ${share(rated, members, 'đảng viên được xếp loại')}, trong đó ` +
              RATING_LEVELS.map((l) => {
                const p = c[`percent_${l}`]
                const pct = p == null ? '' : ` (${formatPercent(p, { decimals: 2 })})`
                return `${RATING_LEVEL_LABELS[l].toLocaleLowerCase('vi')} ${n(count(c, `rated_${l}`))}${pct}`
              }).join(', ')
            : `chưa có đảng viên nào được xếp loại (${n(members)} đảng viên)`,
          rated > 0 && notRated > 0 ? `${n(notRated)} đảng viên không, chưa xếp loại` : ''
        ])
      )
    }
  }
  return out.filter(Boolean)
}

/** Propaganda: activities with their connection points and attendees, items produced, press works. */
export function propagandaSentence(annex: Annex): string {
  const t = totalsOf(annex, 'propaganda')
  if (!t) return ''
  const activities = count(t, 'activities')
  const who = listed([
    [count(t, 'points'), 'điểm cầu'],
    [count(t, 'members'), 'đảng viên'],
    [count(t, 'nonMembers'), 'quần chúng'],
    [count(t, 'attendances'), 'lượt người dự']
  ])
  const items = listed([
    [count(t, 'news'), 'tin'],
    [count(t, 'articles'), 'bài'],
    [count(t, 'reports'), 'phóng sự'],
    [count(t, 'panels'), 'pano, áp phích']
  ])
  const works = count(t, 'works')
  const awarded = count(t, 'awarded')
  return sentence([
    activities > 0
      ? `đã tổ chức ${n(activities)} hoạt động tuyên truyền${who ? ` (${who})` : ''}`
      : 'chưa tổ chức hoạt động tuyên truyền nào',
    items ? `thực hiện ${items}` : '',
    works > 0
      ? `${n(works)} tác phẩm báo chí dự giải` +
        (awarded > 0 ? `, ${n(awarded)} tác phẩm đạt giải` : '')
      : ''
  ])
}

/** Inspection: inspections and supervisions, whom they covered, recommendations and their state. */
export function inspectionSentence(annex: Annex): string {
  const t = totalsOf(annex, 'inspections')
  if (!t) return ''
  const done = listed([
    [count(t, 'inspections'), 'cuộc kiểm tra'],
    [count(t, 'supervisions'), 'cuộc giám sát']
  ])
  const covered = listed([
    [count(t, 'organisations'), 'tổ chức đảng'],
    [count(t, 'members'), 'đảng viên']
  ])
  const made = count(t, 'recommendations')
  const late = count(t, 'late')
  return sentence([
    done
      ? `đã tiến hành ${done} việc thực hiện chuyên đề${covered ? ` đối với ${covered}` : ''}`
      : 'chưa tiến hành cuộc kiểm tra, giám sát nào về việc thực hiện chuyên đề',
    made > 0
      ? `qua kiểm tra, giám sát đã kiến nghị ${n(made)} nội dung, ${count(t, 'done') > 0 ? `đã thực hiện ${n(count(t, 'done'))}` : 'chưa thực hiện nội dung nào'}` +
        (late > 0 ? `, ${n(late)} kiến nghị quá hạn chưa thực hiện` : '')
      : ''
  ])
}

/** Recognition: commendations and rewards, by form. */
export function recognitionSentence(annex: Annex): string {
  const t = totalsOf(annex, 'exemplars')
  if (!t) return ''
  const byForm = AWARD_FORMS.map((f): [number, string] => [
    count(t, `awards_${f}`),
    AWARD_FORM_LABELS[f].toLocaleLowerCase('vi')
  ]).filter(([v]) => v > 0)
  const total = byForm.reduce((s, [v]) => s + v, 0)
  return sentence([
    total > 0
      ? `đã biểu dương, khen thưởng ${n(total)} lượt tập thể, cá nhân (${byForm.map(([v, form]) => `${form}: ${n(v)}`).join(', ')})`
      : 'chưa có tập thể, cá nhân nào được biểu dương, khen thưởng'
  ])
}

/** The figures of each part of the body that has them, as sentences. */
export function figureSentences(annex: Annex): Partial<Record<ReportSection, string[]>> {
  const one = (s: string) => (s ? [s] : [])
  return {
    study: one(studySentence(annex)),
    following: followingSentences(annex),
    propaganda: one(propagandaSentence(annex)),
    inspection: one(inspectionSentence(annex)),
    recognition: one(recognitionSentence(annex))
  }
}
