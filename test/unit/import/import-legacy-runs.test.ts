import { describe, expect, it } from 'vitest'
import {
  encodeTcvn3,
  encodeVni,
  fixLegacyRuns,
  fixLegacyText,
  fontHint,
  nfc,
  runsNameFonts
} from '../../../src/core/excel/legacy-encoding'

const VNTIME = fontHint('.VnTime')
const VNTIMEH = fontHint('.VnTimeH')
const VNI = fontHint('VNI-Times')
const UNICODE = fontHint('Times New Roman')

describe('rich text read run by run', () => {
  it('converts every run drawn in a legacy font by that font', () => {
    // "Vâ Tó Lý" is well-formed Unicode too: only the font tells it is TCVN3.
    expect(fixLegacyText(encodeTcvn3('Võ Tú Lý'), null).converted).toBeNull()
    expect(
      fixLegacyRuns(
        [
          { text: encodeTcvn3('Võ Tú '), hint: VNTIME },
          { text: encodeTcvn3('Lý'), hint: VNTIME }
        ],
        null
      )
    ).toEqual({ text: 'Võ Tú Lý', converted: 'tcvn3' })
    expect(
      fixLegacyRuns(
        [
          { text: 'NGUYÔN ', hint: VNTIMEH },
          { text: 'V¡N', hint: VNTIMEH }
        ],
        null
      )
    ).toEqual({ text: 'NGUYỄN VĂN', converted: 'tcvn3' })
    // VNI "Bí thö" reads better as TCVN3 by its characters; the VNI font settles it.
    expect(fixLegacyText(encodeVni('Bí thư'), null)).toEqual({ text: 'Bớ thử', converted: 'tcvn3' })
    expect(fixLegacyRuns([{ text: encodeVni('Bí thư'), hint: VNI }], null)).toEqual({
      text: 'Bí thư',
      converted: 'vni'
    })
  })

  it('leaves runs in a Unicode font as they are beside legacy runs', () => {
    const name = [
      { text: encodeTcvn3('Nguyễn Văn '), hint: VNTIME },
      { text: 'Đức', hint: UNICODE }
    ]
    // Joined, the Unicode "Đ" keeps the whole text from being read as TCVN3.
    expect(fixLegacyText(name.map((r) => r.text).join(''), VNTIME).converted).toBeNull()
    expect(fixLegacyRuns(name, null)).toEqual({ text: 'Nguyễn Văn Đức', converted: 'tcvn3' })
    // Joined, "Tây" would be read as TCVN3 with the rest ("Tõy").
    const place = [
      { text: encodeTcvn3('Xã Tân Hòa, '), hint: VNTIME },
      { text: 'Tây Ninh', hint: UNICODE }
    ]
    expect(fixLegacyText(place.map((r) => r.text).join(''), null).text).toBe('Xã Tân Hòa, Tõy Ninh')
    expect(fixLegacyRuns(place, null)).toEqual({ text: 'Xã Tân Hòa, Tây Ninh', converted: 'tcvn3' })
    expect(
      fixLegacyRuns(
        [
          { text: encodeVni('Trần Thị '), hint: VNI },
          { text: 'Đào', hint: UNICODE }
        ],
        null
      )
    ).toEqual({ text: 'Trần Thị Đào', converted: 'vni' })
  })

  it("draws a run that names no font in the cell's font", () => {
    expect(fixLegacyRuns([{ text: 'Êp' }, { text: ' 3' }], VNTIME)).toEqual({
      text: 'ấp 3',
      converted: 'tcvn3'
    })
    expect(fixLegacyRuns([{ text: 'Êp' }, { text: ' 3' }], null)).toEqual({
      text: 'Êp 3',
      converted: null
    })
    expect(
      fixLegacyRuns([{ text: encodeTcvn3('Nguyễn Văn ') }, { text: 'Đức', hint: UNICODE }], VNTIME)
    ).toEqual({ text: 'Nguyễn Văn Đức', converted: 'tcvn3' })
  })

  it('reads the whole text by its characters when no run is in a legacy font', () => {
    // Runs in a Unicode font override a .VnTime cell: their Unicode text is not "converted".
    expect(fixLegacyText('Hòa Thành', VNTIME).converted).toBe('tcvn3')
    expect(
      fixLegacyRuns(
        [
          { text: 'Hòa ', hint: UNICODE },
          { text: 'Thành', hint: UNICODE }
        ],
        VNTIME
      )
    ).toEqual({ text: 'Hòa Thành', converted: null })
    // A TCVN3 word split over two runs is still found from its characters.
    expect(
      fixLegacyRuns(
        [
          { text: 'Ngu', hint: UNICODE },
          { text: 'yÔn V¨n', hint: UNICODE }
        ],
        null
      )
    ).toEqual({ text: 'Nguyễn Văn', converted: 'tcvn3' })
  })

  it('composes decomposed marks, and leaves a legacy run that already holds Unicode letters', () => {
    expect(
      fixLegacyRuns(
        [
          { text: 'Nguye\u0302\u0303n ', hint: VNTIME },
          { text: 'Văn', hint: UNICODE }
        ],
        null
      )
    ).toEqual({ text: 'Nguyễn Văn', converted: null })
    // A mark that opens the next run joins the letter before it.
    expect(
      fixLegacyRuns(
        [
          { text: 'Hoa', hint: UNICODE },
          { text: '\u0300 ', hint: UNICODE },
          { text: 'B×nh', hint: VNTIME }
        ],
        null
      )
    ).toEqual({ text: 'Hoà Bình', converted: 'tcvn3' })
  })

  it('counts a cell mixing TCVN3 and VNI runs under the first converted', () => {
    expect(
      fixLegacyRuns(
        [
          { text: 'Vaên ', hint: VNI },
          { text: 'V¨n', hint: VNTIME }
        ],
        null
      )
    ).toEqual({ text: 'Văn Văn', converted: 'vni' })
  })

  it('tells whether any run names a font', () => {
    expect(runsNameFonts([{ text: 'a' }, { text: 'b' }])).toBe(false)
    expect(runsNameFonts([{ text: 'a' }, { text: 'b', hint: null }])).toBe(true)
    expect(runsNameFonts([{ text: 'a', hint: VNTIME }])).toBe(true)
    expect(nfc('Nguye\u0302\u0303n')).toBe('Nguyễn')
  })
})
