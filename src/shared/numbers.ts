// Numbers as users read them: shares in percent, and the Vietnamese way of writing numbers
// ("1.234", "72,7%"). One place, so the core's printed sheets, the CLI and the screens agree.

/**
 * `part` of `whole` in percent, rounded to `digits` decimals (one by default: 40140 of 50175 →
 * 80; reports write two, "99,16%"); null when `whole`
 * is 0, since a share of nothing is not 0%. Always computed from counts: a share of a subtree
 * comes from the subtree's totals, never from averaging the shares of its units.
 */
export function percent(part: number, whole: number, digits = 1): number | null {
  const scale = 10 ** digits
  return whole === 0 ? null : Math.round((part / whole) * 100 * scale) / scale
}

const viNumber = new Intl.NumberFormat('vi-VN')
const viOneDecimal = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1
})

const fixed = new Map<number, Intl.NumberFormat>()
function fixedDecimals(digits: number): Intl.NumberFormat {
  let f = fixed.get(digits)
  if (!f)
    fixed.set(
      digits,
      (f = new Intl.NumberFormat('vi-VN', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits
      }))
    )
  return f
}

/** A number as Vietnamese write it: "1.234", "12,5". */
export function formatNumber(n: number): string {
  return viNumber.format(n)
}

export interface PercentFormat {
  /** What stands for "nothing to count" (a null share); a dash unless said otherwise. */
  none?: string
  /** Always one decimal ("50,0%"), so the shares of a column line up. */
  oneDecimal?: boolean
  /**
   * A share that is not whole written with exactly this many decimals, a whole one bare: with 2,
   * as reports write them, "99,16%", "99,10%", "100%".
   */
  decimals?: number
}

/** A share as "72,7%"; `none` (a dash) when there is nothing to count. */
export function formatPercent(p: number | null | undefined, options: PercentFormat = {}): string {
  if (p == null) return options.none ?? '—'
  if (options.decimals !== undefined && !Number.isInteger(p))
    return `${fixedDecimals(options.decimals).format(p)}%`
  return `${(options.oneDecimal ? viOneDecimal : viNumber).format(p)}%`
}

/** What a typed score reads as: the number (null for an empty cell), or why it cannot be one. */
export type ScoreReading = { value: number | null } | { error: string }

/**
 * A score out of 100 as typed: "92,5" (the Vietnamese decimal comma) and "92.5" both read as
 * 92.5; an empty cell clears the score. A value outside 0–100 or with more than one decimal is
 * refused with a sentence, never clamped or rounded, so what the user typed is what is kept.
 */
export function readScore(typed: string): ScoreReading {
  const t = typed.trim()
  if (t === '') return { value: null }
  if (!/^\d{1,3}([.,]\d+)?$/.test(t))
    return {
      error: `"${t}" không phải là điểm. Ghi số từ 0 đến 100, phần lẻ sau dấu phẩy (ví dụ 92,5).`
    }
  const value = Number(t.replace(',', '.'))
  if (value > 100)
    return { error: `Điểm ${formatNumber(value)} vượt quá 100. Ghi số từ 0 đến 100.` }
  if (Math.round(value * 10) !== value * 10)
    return { error: `Điểm chỉ lấy một chữ số lẻ (ví dụ 92,5), không phải ${t}.` }
  return { value }
}

/** A score as Vietnamese write it: "92,5", "100", "88". */
export function formatScore(score: number | null | undefined): string {
  return score == null ? '' : formatNumber(score)
}
