// The periods reports are made for: the whole working year, each half of it, or any range.
export type PeriodKind = 'year' | 'h1' | 'h2' | 'custom'

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  year: 'Cả năm',
  h1: '6 tháng đầu năm',
  h2: '6 tháng cuối năm',
  custom: 'Khoảng ngày khác'
}

/** The first and last day (ISO) of a period of `year`; a custom one is given by the user. */
export function periodRange(kind: Exclude<PeriodKind, 'custom'>, year: number): [string, string] {
  if (kind === 'h1') return [`${year}-01-01`, `${year}-06-30`]
  if (kind === 'h2') return [`${year}-07-01`, `${year}-12-31`]
  return [`${year}-01-01`, `${year}-12-31`]
}
