import { describe, expect, it } from 'vitest'
import { readCellTag, readCellTagSlow, type CellTag } from '../../../src/core/excel/cell-tag'

describe('reading a cell tag', () => {
  it('gives by the fast path exactly what attrs() gives', () => {
    const tags = [
      '<c r="A1" s="1" t="s">',
      '<c r="XFD1048576">',
      '<c r="AB12" s="0">',
      '<c r="B7"/>',
      '<c s="3" t="n">',
      '<c>',
      '<c/>',
      '<c r="" s="" t="">',
      '<c r="$D$3">',
      '<c r="$D3">',
      '<c r="d3">',
      '<c r="3">',
      '<c r="$">',
      '<c r="A">',
      '<c r="A1x">',
      '<c r="A&#49;">',
      '<c r="A1" t="inlineStr">',
      '<c r="A1" t="str" s="12">',
      '<c r="A1" t="s&amp;">',
      '<c r="A1" t="a\rb">',
      '<c r="A1" s="007">',
      '<c r="A1" s="1234567890">',
      '<c r="A1" s=" 4 ">',
      '<c r="A1" s="4.0">',
      '<c r="A1" s="0x1f">',
      '<c r="A1" s="1e2">',
      '<c r="A1" s="abc">',
      "<c r='C2' s='2' t='s'>",
      '<c r = "C2" s= "2">',
      '<c  r="C2"\n\ts="2"\r\n t="b" >',
      '<c r="C2"s="2"t="e">',
      '<c r="A1" r="B1" s="1" s="2">',
      '<c r="A1" x:s="5" t="s" cm="1" vm="2" ph="1">',
      '<c r="A1" s>',
      '<c r="A1" s=2>',
      '<c r="A1 s="2">',
      '<c r="A>1" s="2">',
      '<x:c r="B1" s="1">',
      '<c:c r="B1" s="1">'
    ]
    for (const tag of tags) {
      const end = tag.lastIndexOf('>')
      const fast: CellTag = { col: -9, style: -9, type: '?' }
      const slow: CellTag = { col: -9, style: -9, type: '?' }
      readCellTag(tag, 0, end, fast)
      readCellTagSlow(tag, 0, end, slow)
      expect(fast, tag).toEqual(slow)
      // Inside a longer text too (the scanner hands over positions in its piece).
      const text = `<row>${tag}<v>1</v></c>`
      readCellTag(text, 5, 5 + end, fast)
      expect(fast, tag).toEqual(slow)
    }
  })
})
