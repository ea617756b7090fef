import { describe, expect, it } from 'vitest'
import {
  ageAt,
  comparePartialDates,
  displayPartialDate,
  isPartialDate,
  latestDay,
  readUserDate,
  todayIso
} from '../../../src/shared/partial-date'

describe('partial dates', () => {
  it('reads what users type, keeping precision', () => {
    expect(readUserDate('12/03/1980')).toBe('1980-03-12')
    expect(readUserDate('1-2-85', '2026-01-01')).toBe('1985-02-01')
    expect(readUserDate('1-2-05', '2026-01-01')).toBe('2005-02-01')
    expect(readUserDate('03/1980')).toBe('1980-03')
    expect(readUserDate('1980')).toBe('1980')
    expect(readUserDate('1980-03-12')).toBe('1980-03-12')
  })
  it('refuses impossible dates', () => {
    expect(readUserDate('31/02/1980')).toBeNull()
    expect(readUserDate('13/1980')).toBeNull()
    expect(readUserDate('abc')).toBeNull()
    expect(isPartialDate('2023-02-29')).toBe(false)
    expect(isPartialDate('2024-02-29')).toBe(true)
  })
  it('shows dd/mm/yyyy, mm/yyyy or yyyy', () => {
    expect(displayPartialDate('1980-03-12')).toBe('12/03/1980')
    expect(displayPartialDate('1980-03')).toBe('03/1980')
    expect(displayPartialDate('1980')).toBe('1980')
    expect(displayPartialDate(null)).toBe('')
  })
  it('compares and ages with partial precision', () => {
    expect(comparePartialDates('1990', '1990-05-01')).toBeLessThan(0)
    expect(latestDay('2024-02')).toBe('2024-02-29')
    expect(ageAt('2000-06-15', '2018-06-14')).toBe(17)
    expect(ageAt('2000-06-15', '2018-06-15')).toBe(18)
  })
  it("gives today's date in Vietnam whatever the computer's zone", () => {
    expect(todayIso(new Date('2026-11-27T18:30:00Z'))).toBe('2026-11-28')
    expect(todayIso(new Date('2026-11-27T16:59:00Z'))).toBe('2026-11-27')
  })
})
