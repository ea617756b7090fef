// Shares and numbers as users read them (shared/numbers.ts), the same in the core's sheets, the
// CLI and the screens.
import { expect, it } from 'vitest'
import { formatNumber, formatPercent, percent } from '../../../src/shared/numbers'

it('gives a share in percent to one decimal, and no share of nothing', () => {
  expect(percent(40140, 50175)).toBe(80)
  expect(percent(119, 120)).toBe(99.2)
  expect(percent(2, 3)).toBe(66.7)
  expect(percent(0, 5)).toBe(0)
  expect(percent(0, 0)).toBeNull()
})

it('writes numbers and shares the Vietnamese way', () => {
  expect(formatNumber(50175)).toBe('50.175')
  expect(formatNumber(12.5)).toBe('12,5')
  expect(formatPercent(99.16)).toBe('99,16%')
  expect(formatPercent(72.7)).toBe('72,7%')
  expect(formatPercent(100)).toBe('100%')
  expect(formatPercent(50, { oneDecimal: true })).toBe('50,0%')
  // Reports: two decimals for a share that is not whole, a whole one bare.
  expect(formatPercent(99.1, { decimals: 2 })).toBe('99,10%')
  expect(formatPercent(83.33, { decimals: 2 })).toBe('83,33%')
  expect(formatPercent(100, { decimals: 2 })).toBe('100%')
  expect(formatPercent(0, { decimals: 2 })).toBe('0%')
  expect(formatPercent(null)).toBe('—')
  expect(formatPercent(undefined)).toBe('—')
  expect(formatPercent(null, { none: '' })).toBe('')
})
