// Numbers as users read them: shares in percent, and the Vietnamese way of writing numbers
// ("1.234", "72,7%"). One place, so the core's printed sheets, the CLI and the screens agree.

/**
 * `part` of `whole` in percent, rounded to one decimal (40140 of 50175 → 80); null when `whole`
 * is 0, since a share of nothing is not 0%. Always computed from counts: a share of a subtree
 * comes from the subtree's totals, never from averaging the shares of its units.
 */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10
}

const viNumber = new Intl.NumberFormat('vi-VN')
const viOneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

/** A number as Vietnamese write it: "1.234", "12,5". */
export function formatNumber(n: number): string {
  return viNumber.format(n)
}

export interface PercentFormat {
  /** What stands for "nothing to count" (a null share); a dash unless said otherwise. */
  none?: string
  /** Always one decimal ("50,0%"), so the shares of a column line up. */
  oneDecimal?: boolean
}

/** A share as "72,7%"; `none` (a dash) when there is nothing to count. */
export function formatPercent(p: number | null | undefined, options: PercentFormat = {}): string {
  if (p == null) return options.none ?? '—'
  return `${(options.oneDecimal ? viOneDecimal : viNumber).format(p)}%`
}
