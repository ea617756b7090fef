// Vietnamese names of the exemplars section's codes, shared by the core (documents, messages,
// the CLI's parsing of "giấy khen" in any case or diacritics) and the page.
import type { AwardForm, AwardKind, ExemplarKind, ExemplarStatus } from './api/exemplars'
import { AWARD_FORMS } from './api/exemplars'
import { foldVietnamese } from './vn-text'

export const AWARD_FORM_LABELS: Record<AwardForm, string> = {
  praise: 'Biểu dương',
  certificate: 'Giấy khen',
  merit: 'Bằng khen',
  emblem: 'Giấy chứng nhận và biểu trưng',
  flag: 'Cờ'
}

export const AWARD_KIND_LABELS: Record<AwardKind, string> = {
  annual: 'Hằng năm',
  five_year: '5 năm',
  ad_hoc: 'Đột xuất',
  thematic: 'Chuyên đề'
}

export const EXEMPLAR_KIND_LABELS: Record<ExemplarKind, string> = {
  person: 'Cá nhân',
  unit: 'Tập thể',
  outside: 'Tập thể ngoài hệ thống',
  model: 'Mô hình'
}

export const EXEMPLAR_STATUS_LABELS: Record<ExemplarStatus, string> = {
  proposed: 'Đề xuất',
  recognised: 'Được công nhận',
  rewarded: 'Được biểu dương, khen thưởng',
  spread: 'Nhân rộng'
}

/** A form from its Vietnamese name in any case, with or without diacritics ("bang khen"); null if none. */
export function parseAwardForm(value: string): AwardForm | null {
  const key = foldVietnamese(value).replace(/\s+/g, ' ').trim()
  if (!key) return null
  for (const f of AWARD_FORMS) if (foldVietnamese(AWARD_FORM_LABELS[f]) === key) return f
  if (key === 'giay chung nhan' || key === 'chung nhan va bieu trung' || key === 'bieu trung')
    return 'emblem'
  return null
}
