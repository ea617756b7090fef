import { describe, expect, it } from 'vitest'
import {
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  fixLegacyText,
  fontHint
} from '../../../src/core/excel/legacy-encoding'

const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']
const LOWER = [...BASES.flatMap((b) => TONES.map((t) => (b + t).normalize('NFC'))), 'đ']
const UPPER = LOWER.map((c) => c.toLocaleUpperCase('vi'))

describe('TCVN3 (ABC)', () => {
  it('reads the classic example', () => {
    expect(decodeTcvn3('NguyÔn V¨n')).toBe('Nguyễn Văn')
  })
  it('round-trips every Vietnamese small letter, and capitals through a .VnTimeH font', () => {
    expect(LOWER).toHaveLength(73)
    for (const ch of LOWER) {
      const enc = encodeTcvn3(ch)
      expect(enc, ch).toMatch(/^[\u0000-\u00ff]$/)
      expect(decodeTcvn3(enc), ch).toBe(ch)
      expect(decodeTcvn3(enc, true), ch).toBe(ch.toLocaleUpperCase('vi'))
    }
    for (const ch of ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'])
      expect(decodeTcvn3(encodeTcvn3(ch))).toBe(ch)
    const text = 'Hồ Chí Minh, Đặng Thị Thu Thủy, Nguyễn Văn Dũng, Trương Quốc Việt'
    expect(decodeTcvn3(encodeTcvn3(text))).toBe(text)
  })
})

describe('VNI-Windows', () => {
  it('round-trips every Vietnamese letter, small and capital', () => {
    for (const ch of [...LOWER, ...UPPER]) expect(decodeVni(encodeVni(ch)), ch).toBe(ch)
    expect(encodeVni('Nguyễn Văn Đặng')).toBe('Nguyeãn Vaên Ñaëng')
    const text = 'NGUYỄN THỊ ÁNH Hường, Ấp Phước Lợi, Ỷ Lan'
    expect(decodeVni(encodeVni(text))).toBe(text)
  })
})

describe('detection', () => {
  const names = [
    'Nguyễn Văn Đặng',
    'Trần Thị Thu Thủy',
    'Lê Quốc Việt',
    'Phạm Ngọc Tuổi',
    'Bùi Xuân Hưởng',
    'Quê quán Hòa Thành',
    'Võ Thị Sáu'
  ]
  it('from the characters alone', () => {
    for (const n of names) {
      expect(fixLegacyText(encodeTcvn3(n), null), n).toEqual({ text: n, converted: 'tcvn3' })
      expect(fixLegacyText(encodeVni(n), null), n).toEqual({ text: n, converted: 'vni' })
      expect(fixLegacyText(n, null), n).toEqual({ text: n, converted: null })
    }
    for (const plain of [
      'Lê Thanh Tú',
      'Tây Ninh',
      'Bí thư chi bộ',
      'Hoà Thành',
      'Chính thức',
      'Café 12/3'
    ]) {
      expect(fixLegacyText(plain, null).converted, plain).toBeNull()
    }
  })
  it('from the font', () => {
    expect(fontHint('.VnTime')).toEqual({ encoding: 'tcvn3', upper: false })
    expect(fontHint('.VnTimeH')).toEqual({ encoding: 'tcvn3', upper: true })
    expect(fontHint('.VnArial NarrowH')).toEqual({ encoding: 'tcvn3', upper: true })
    expect(fontHint('VNI-Times')).toEqual({ encoding: 'vni', upper: false })
    expect(fontHint('Times New Roman')).toBeNull()
    // "Êp 3" reads as Unicode without a hint; the .VnTime font says it is TCVN3 "ấp 3".
    expect(fixLegacyText('Êp 3', null).converted).toBeNull()
    expect(fixLegacyText('Êp 3', fontHint('.VnTime'))).toEqual({ text: 'ấp 3', converted: 'tcvn3' })
    expect(fixLegacyText('NGUYÔN V¡N', fontHint('.VnTimeH'))).toEqual({
      text: 'NGUYỄN VĂN',
      converted: 'tcvn3'
    })
    // Text with Unicode-only letters is never "converted", whatever the font says.
    expect(fixLegacyText('Nguyễn Văn', fontHint('.VnTime')).converted).toBeNull()
  })
})
