// The parts of a report the office writes, with their headings as reports print them (DOMAIN
// part 7), and the periods the page offers.
import type { ReportPeriodKind, ReportSection } from '@shared/api'

export const SECTION_LABELS: Record<ReportSection, string> = {
  leadership: 'Lãnh đạo, chỉ đạo',
  study: 'Học tập chuyên đề',
  following: 'Làm theo, nêu gương',
  propaganda: 'Tuyên truyền',
  inspection: 'Kiểm tra, giám sát',
  recognition: 'Khen thưởng, nhân rộng điển hình',
  shortcomings: 'Hạn chế, nguyên nhân',
  lessons: 'Bài học kinh nghiệm',
  tasks: 'Nhiệm vụ thời gian tới',
  recommendations: 'Kiến nghị, đề xuất'
}

/**
 * The parts with no figures of the app under them: left unwritten, an issued report has nothing
 * to print there and leaves them out (the Word report of word-report.ts), so issuing says so.
 */
export const TEXT_ONLY_SECTIONS: readonly ReportSection[] = [
  'leadership',
  'shortcomings',
  'lessons',
  'tasks',
  'recommendations'
]

/** The report's chapters open before these parts, as the Word report prints them. */
export const CHAPTER_BEFORE: Partial<Record<ReportSection, string>> = {
  leadership: 'I. Kết quả thực hiện',
  tasks: 'II. Phương hướng, nhiệm vụ thời gian tới',
  recommendations: 'III. Đề xuất, kiến nghị'
}

/** The parts of chapter I are numbered 1–8 within it; the other chapters have one part each. */
export const RESULT_PARTS = 8

/** What each part is for, as a hint inside its empty box. */
export const SECTION_HINTS: Record<ReportSection, string> = {
  leadership: 'Việc ban hành kế hoạch, hướng dẫn, chỉ đạo thực hiện chuyên đề…',
  study: 'Nhận xét về việc tổ chức học tập, quán triệt (số liệu do phần mềm ghi từ phụ lục)…',
  following: 'Việc xây dựng kế hoạch làm theo, cam kết, trách nhiệm nêu gương…',
  propaganda: 'Các hình thức tuyên truyền, gắn với ngày kỷ niệm…',
  inspection: 'Kết quả kiểm tra, giám sát việc thực hiện chuyên đề…',
  recognition: 'Biểu dương, khen thưởng, nhân rộng mô hình, điển hình…',
  shortcomings: 'Những hạn chế và nguyên nhân…',
  lessons: 'Những bài học rút ra…',
  tasks: 'Nhiệm vụ, giải pháp thời gian tới…',
  recommendations: 'Kiến nghị, đề xuất với cấp trên…'
}

export const PERIOD_KIND_LABELS: Record<ReportPeriodKind, string> = {
  h1: 'Sơ kết 6 tháng đầu năm',
  year: 'Tổng kết năm'
}

/** "dd/mm" of a setting's month-day "MM-DD". */
export const displayMonthDay = (md: string): string => md.split('-').reverse().join('/')

/** "MM-DD" of a typed "dd/mm" (or "d/m"); null when it is not a day of a year. */
export function readMonthDay(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$/.exec(text)
  if (!m) return null
  const day = Number(m[1])
  const month = Number(m[2])
  // 2024 is a leap year: 29/02 is a day of some year.
  if (month < 1 || month > 12 || day < 1 || day > new Date(2024, month, 0).getDate()) return null
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
