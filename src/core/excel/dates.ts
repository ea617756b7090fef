// Dates as lists hold them: real dates, serial numbers, text in many shapes, or only a year.
// Every reading keeps its precision (a year stays a year) and uses calendar parts only, so the
// computer's time zone can never move a date by a day.
import {
  formatPartialDate,
  isPartialDate,
  readUserDate,
  todayIso,
  type PartialDate
} from '../../shared/partial-date'
import { DateCell, serialToDate, type CellValue } from './grid'

export interface DateReading {
  value: PartialDate | null
  /** Vietnamese message when the value cannot be read (an error for the cell). */
  error?: string
  /** Vietnamese note when the reading involved a guess (a warning for the cell). */
  warning?: string
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** A real calendar day in years 1000–9999 (what isPartialDate accepts of a full date), by table. */
function realDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= DAYS[month - 1] + (leap ? 1 : 0)
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

function dateCellIso(d: DateCell): PartialDate | null {
  // The common case, worked out without building and re-parsing the text.
  if (realDay(d.year, d.month, d.day)) return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`
  const iso = formatPartialDate({ year: d.year, month: d.month, day: d.day })
  return isPartialDate(iso) ? iso : null
}

/** "dd/mm/yyyy" exactly, the way most lists write dates. */
const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/

const UNREADABLE = 'không đọc được (hãy ghi dd/mm/yyyy, mm/yyyy hoặc yyyy)'

/** Reads one cell as a (partial) date. `label` names the field in messages. */
export function readDateCell(v: CellValue, label: string, today: string = todayIso()): DateReading {
  if (v === null || v === '') return { value: null }
  if (v instanceof DateCell) {
    const iso = dateCellIso(v)
    return iso
      ? { value: iso }
      : { value: null, error: `${label} "${v.toString()}" không phải ngày có thật.` }
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1000 && v <= 2200) return { value: String(v) }
    if (v > 2200 && v < 2958466) {
      const d = serialToDate(v, false)
      const iso = d ? dateCellIso(d) : null
      if (iso) return { value: iso }
    }
    return { value: null, error: `${label} "${v}" ${UNREADABLE}.` }
  }
  if (typeof v === 'boolean') return { value: null, error: `${label} ${UNREADABLE}.` }
  // Fast path for a plain, real dd/mm/yyyy (anything else takes the full reading below).
  const dmy = DMY.exec(v)
  if (dmy) {
    const day = Number(dmy[1])
    const month = Number(dmy[2])
    const year = Number(dmy[3])
    if (realDay(year, month, day)) return { value: `${dmy[3]}-${dmy[2]}-${dmy[1]}` }
  }
  let t = v.normalize('NFC').trim()
  // "12/03/1990 00:00:00", "1990-03-12T00:00:00": the time is not part of it.
  t = t.replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(AM|PM|SA|CH)?Z?$/i, '').trim()
  // "ngày 12 tháng 3 năm 1990", "tháng 3/1990", "năm 1990".
  const words = /^(?:ngày\s*(\d{1,2})\s*)?(?:tháng\s*(\d{1,2})\s*)?(?:năm\s*)?(\d{4})$/i.exec(
    t.replace(/[,/.-]\s*/g, ' ').replace(/\s+/g, ' ')
  )
  if (words && /ngày|tháng|năm/i.test(t)) {
    const iso = formatPartialDate({
      year: Number(words[3]),
      month: words[2] ? Number(words[2]) : null,
      day: words[1] && words[2] ? Number(words[1]) : null
    })
    if (isPartialDate(iso)) return { value: iso }
  }
  const direct = readUserDate(t, today)
  if (direct) {
    if (/^\d{1,2}[/.\-\s]+\d{1,2}[/.\-\s]+\d{2}$/.test(t))
      return {
        value: direct,
        warning: `${label} "${t}" chỉ ghi 2 số của năm; đã hiểu là năm ${direct.slice(0, 4)}.`
      }
    return { value: direct }
  }
  // Month and day swapped, as an English-language Excel writes them: 3/25/1990.
  const p = t.split(/[/.\-]+/)
  if (
    p.length === 3 &&
    p.every((x) => /^\d+$/.test(x)) &&
    Number(p[1]) > 12 &&
    Number(p[0]) <= 12
  ) {
    const swapped = readUserDate(`${p[1]}/${p[0]}/${p[2]}`, today)
    if (swapped)
      return {
        value: swapped,
        warning: `${label} "${t}" ghi theo kiểu tháng/ngày/năm; đã hiểu là ${p[1]}/${p[0]}/${p[2]}.`
      }
  }
  if (/^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$/.test(t) || /^\d{1,2}[/.\-]\d{4}$/.test(t))
    return { value: null, error: `${label} "${t}" không phải ngày có thật.` }
  return { value: null, error: `${label} "${t}" ${UNREADABLE}.` }
}
