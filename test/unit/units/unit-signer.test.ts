import { describe, expect, it } from 'vitest'
import { signingBody, unitSigner } from '../../../src/core/units/signer'

describe('who signs a unit’s documents', () => {
  it('a chi bộ signs for the chi bộ, whatever the label says after it', () => {
    for (const level of ['Chi bộ', 'chi bộ cơ sở', 'Chi bo', 'CHI BỘ TRỰC THUỘC'])
      expect(unitSigner({ level }).lines).toEqual(['T/M CHI BỘ', 'BÍ THƯ'])
  })

  it('a grassroots or partial committee signs for its đảng ủy', () => {
    for (const level of ['Đảng ủy cơ sở', 'Đảng bộ xã', 'Đảng bộ bộ phận', 'Dang uy'])
      expect(signingBody({ level })).toBe('ĐẢNG ỦY')
  })

  it('a district, provincial or city committee signs for its standing committee', () => {
    for (const level of [
      'Huyện ủy',
      'Tỉnh ủy',
      'Thành ủy',
      'Quận ủy',
      'Thị ủy',
      'Đảng bộ huyện',
      'Đảng bộ tỉnh'
    ]) {
      expect(unitSigner({ level }).lines).toEqual(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'])
    }
  })

  it('reads the name when the level label says nothing', () => {
    expect(signingBody({ level: 'Cấp 3', name: 'Chi bộ ấp 1' })).toBe('CHI BỘ')
    expect(signingBody({ level: 'Cấp 1', name: 'Huyện ủy Tân Biên' })).toBe('BAN THƯỜNG VỤ')
    expect(signingBody({ level: '' })).toBe('ĐẢNG ỦY')
  })

  it('what the office set wins, part by part; the rest stays the level default', () => {
    const set = { line: 'T/M CHI ỦY', title: 'PHÓ BÍ THƯ', name: 'Lê Thị Hoa' }
    expect(unitSigner({ level: 'Chi bộ' }, set)).toEqual({
      body: 'CHI ỦY',
      lines: ['T/M CHI ỦY', 'PHÓ BÍ THƯ'],
      name: 'Lê Thị Hoa'
    })
    expect(
      unitSigner({ level: 'Chi bộ' }, { line: null, title: 'PHÓ BÍ THƯ', name: null })
    ).toEqual({ body: 'CHI BỘ', lines: ['T/M CHI BỘ', 'PHÓ BÍ THƯ'] })
  })
})
