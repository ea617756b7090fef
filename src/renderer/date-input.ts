// Dates are typed as text (users type faster than they click calendars, and often know only a
// month or a year). These read what was typed and say in Vietnamese what is wrong.

import {
  comparePartialDates,
  displayPartialDate,
  readUserDate,
  todayIso,
  type PartialDate
} from '@shared/partial-date'

export const DATE_PLACEHOLDER = 'dd/mm/yyyy'

export type DateCheck = { ok: true; value: PartialDate | null } | { ok: false; error: string }

export function checkDateText(
  text: string,
  /** `future`: a day still to come is fine (a deadline, a planned working day). */
  options: { fullDay?: boolean; required?: boolean; future?: boolean } = {}
): DateCheck {
  if (!text.trim()) {
    return options.required ? { ok: false, error: 'Chưa nhập ngày.' } : { ok: true, value: null }
  }
  const value = readUserDate(text)
  if (!value) {
    return {
      ok: false,
      error: options.fullDay
        ? 'Ngày không hợp lệ. Nhập theo dạng dd/mm/yyyy.'
        : 'Ngày không hợp lệ. Nhập theo dạng dd/mm/yyyy, mm/yyyy hoặc yyyy.'
    }
  }
  if (options.fullDay && value.length !== 10)
    return { ok: false, error: 'Nhập đủ ngày, tháng, năm (dd/mm/yyyy).' }
  if (!options.future && comparePartialDates(value, todayIso()) > 0)
    return { ok: false, error: 'Ngày không được sau hôm nay.' }
  return { ok: true, value }
}

/** Today as the user would type it, to prefill "since" and "on" fields. */
export const todayText = (): string => displayPartialDate(todayIso())
