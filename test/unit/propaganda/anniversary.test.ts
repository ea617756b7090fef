import { describe, expect, it } from 'vitest'
import {
  anniversaryIn,
  occurrenceSortKey,
  roundness,
  stillToCome
} from '../../../src/shared/anniversary'
import data from '../../../resources/anniversaries.json'

describe('anniversary ordinal and round years', () => {
  it('counts the years and writes both dates as party texts do', () => {
    const a = anniversaryIn('Ngày sinh Chủ tịch Hồ Chí Minh', '1890-05-19', 2026)!
    expect(a.years).toBe(136)
    expect(a.on).toBe('2026-05-19')
    expect(a.label).toBe('Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026)')
    expect(a.round).toBeNull()
  })

  it('gives the 2022 figures the plan cites', () => {
    const years = (date: string) => anniversaryIn('x', date, 2022)!.years
    expect(years('1890-05-19')).toBe(132)
    expect(years('1927')).toBe(95)
    expect(years('1942')).toBe(80)
    expect(years('1947-10')).toBe(75)
  })

  it('marks every 10 and every 5 years, nothing else', () => {
    expect(roundness(100)).toBe('ten')
    expect(roundness(95)).toBe('five')
    expect(roundness(96)).toBeNull()
    expect(roundness(0)).toBeNull()
    expect(anniversaryIn('x', '1930-02-03', 2030)!.round).toBe('ten')
    expect(anniversaryIn('x', '1911-06-05', 2026)!.round).toBe('five')
  })

  it('keeps an event known only by its year or month as the source gave it', () => {
    const year = anniversaryIn('Ngày ra đời tác phẩm “Đường Kách mệnh”', '1927', 2027)!
    expect(year.on).toBe('2027')
    expect(year.label).toBe('Kỷ niệm 100 năm Ngày ra đời tác phẩm “Đường Kách mệnh” (1927 – 2027)')
    expect(year.round).toBe('ten')
    const month = anniversaryIn('Sửa đổi lối làm việc', '1947-10', 2026)!
    expect(month.on).toBe('2026-10')
    expect(month.label).toBe('Kỷ niệm 79 năm Sửa đổi lối làm việc (10/1947 – 10/2026)')
  })

  it('puts 29 February on the 28th in a year without it, and on the 29th in a leap year', () => {
    expect(anniversaryIn('x', '1960-02-29', 2026)!.on).toBe('2026-02-28')
    expect(anniversaryIn('x', '1960-02-29', 2026)!.label).toBe(
      'Kỷ niệm 66 năm x (29/2/1960 – 28/2/2026)'
    )
    expect(anniversaryIn('x', '1960-02-29', 2028)!.on).toBe('2028-02-29')
  })

  it('has no anniversary in the event year, before it, or for a date that does not exist', () => {
    expect(anniversaryIn('x', '2026-01-01', 2026)).toBeNull()
    expect(anniversaryIn('x', '2030', 2026)).toBeNull()
    expect(anniversaryIn('x', '1959-02-29', 2026)).toBeNull()
  })

  it('knows what is still to come and orders a year', () => {
    expect(stillToCome('2026-05-19', '2026-05-19')).toBe(true)
    expect(stillToCome('2026-05-19', '2026-05-20')).toBe(false)
    expect(stillToCome('2026-10', '2026-10-31')).toBe(true)
    expect(stillToCome('2026-10', '2026-11-01')).toBe(false)
    expect(stillToCome('2026', '2026-12-31')).toBe(true)
    const order = ['2026', '2026-10', '2026-02-03', '2026-10-05'].sort((a, b) =>
      occurrenceSortKey(a).localeCompare(occurrenceSortKey(b))
    )
    expect(order).toEqual(['2026-02-03', '2026-10', '2026-10-05', '2026'])
  })

  it('seeds every event of DOMAIN part 5 with a valid date', () => {
    expect(data.events).toHaveLength(11)
    for (const e of data.events)
      expect(anniversaryIn(e.title, e.date, 2026), e.title).not.toBeNull()
  })
})
