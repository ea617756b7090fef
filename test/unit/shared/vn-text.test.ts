import { describe, expect, it } from 'vitest'
import {
  cleanText,
  comparePersonNames,
  foldVietnamese,
  normaliseName,
  personSortKey
} from '../../../src/shared/vn-text'

describe('foldVietnamese', () => {
  it('removes diacritics, đ and case', () => {
    expect(foldVietnamese('Nguyễn Văn Dũng')).toBe('nguyen van dung')
    expect(foldVietnamese('ĐẶNG Thị Hồng')).toBe('dang thi hong')
    expect(foldVietnamese('  Lê   Văn  ')).toBe('le van')
  })
  it('folds both tone placements and decomposed input alike', () => {
    expect(foldVietnamese('hoà')).toBe(foldVietnamese('hòa'))
    expect(foldVietnamese('Nguyễn'.normalize('NFD'))).toBe('nguyen')
  })
})

describe('normaliseName', () => {
  it('puts all-capital names in normal case and collapses spaces', () => {
    expect(normaliseName('  NGUYỄN VĂN   DŨNG ')).toBe('Nguyễn Văn Dũng')
    expect(normaliseName('trần thị bích')).toBe('Trần Thị Bích')
  })
  it('keeps mixed case as typed and produces NFC', () => {
    expect(normaliseName('Nguyễn Thị MaiAnh')).toBe('Nguyễn Thị MaiAnh')
    expect(normaliseName('Nguyễn'.normalize('NFD'))).toBe('Nguyễn'.normalize('NFC'))
    expect(cleanText('a\u00a0 b')).toBe('a b')
  })
})

describe('personSortKey', () => {
  const names = [
    'Nguyễn Văn Út',
    'Trần Thị Ánh',
    'Lê Văn An',
    'Phạm Thị Ân',
    'Đặng Văn Bình',
    'Hoàng Văn Đức',
    'Võ Văn Dũng',
    'Ngô Thị Ơn',
    'Bùi Văn Ông',
    'Lý Thị Oanh',
    'Nguyễn Thị Ư',
    'Trần An',
    'Nguyễn An',
    'Nguyễn Văn Ă',
    'Mai Thị Yến',
    'Đỗ Văn Xuân',
    'Đinh Thị Hà',
    'Đinh Thị Há',
    'Đinh Thị Hạ',
    'Đinh Thị Hả',
    'Đinh Thị Hã',
    'Đinh Thị Hà'
  ]

  it('sorts by the given name first', () => {
    const sorted = [...names].sort(comparePersonNames)
    expect(sorted[0]).toMatch(/ An$/)
    expect(sorted.indexOf('Lê Văn An')).toBeLessThan(sorted.indexOf('Đặng Văn Bình'))
    expect(sorted.indexOf('Nguyễn An')).toBeLessThan(sorted.indexOf('Trần An'))
  })

  it('orders letters and tones as Vietnamese collation does', () => {
    const collator = new Intl.Collator('vi')
    const byKey = [...names].sort(comparePersonNames)
    const byIntl = [...names].sort((a, b) => {
      const [ga, gb] = [a.split(' ').at(-1)!, b.split(' ').at(-1)!]
      return (
        collator.compare(ga, gb) ||
        collator.compare(a.split(' ').slice(0, -1).join(' '), b.split(' ').slice(0, -1).join(' '))
      )
    })
    expect(byKey).toEqual(byIntl)
  })

  it('puts d before đ and a before ă before â', () => {
    expect(personSortKey('X Dũng') < personSortKey('X Đức')).toBe(true)
    expect(personSortKey('X Anh') < personSortKey('X Ăn')).toBe(true)
    expect(personSortKey('X Ăn') < personSortKey('X Ân')).toBe(true)
  })
})
