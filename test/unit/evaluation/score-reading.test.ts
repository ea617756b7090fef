import { expect, it } from 'vitest'
import { formatScore, readScore } from '../../../src/shared/numbers'

it('reads a score typed with the Vietnamese decimal comma, or a point', () => {
  expect(readScore('92,5')).toEqual({ value: 92.5 })
  expect(readScore(' 92.5 ')).toEqual({ value: 92.5 })
  expect(readScore('100')).toEqual({ value: 100 })
  expect(readScore('0')).toEqual({ value: 0 })
  expect(readScore('')).toEqual({ value: null })
})

it('refuses what is not a score out of 100 with a sentence, never clamping or rounding', () => {
  expect(readScore('150')).toEqual({ error: 'Điểm 150 vượt quá 100. Ghi số từ 0 đến 100.' })
  expect(readScore('100,5')).toHaveProperty('error')
  expect(readScore('-3')).toHaveProperty('error')
  expect(readScore('9x')).toHaveProperty('error')
  expect(readScore('92,55')).toHaveProperty('error')
  expect(readScore('1.000,5')).toHaveProperty('error')
})

it('shows a score the Vietnamese way', () => {
  expect(formatScore(92.5)).toBe('92,5')
  expect(formatScore(100)).toBe('100')
  expect(formatScore(null)).toBe('')
})
