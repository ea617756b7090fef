import { describe, expect, it } from 'vitest'
import { XmlScanner, attrs } from '../../../src/core/excel/xml-scan'

/** The events a document gives, fed in the pieces given; an error ends the list. */
function events(pieces: string[]): string[] {
  const out: string[] = []
  // Texts may come in several calls: join neighbours so only what they hold is compared.
  const push = (e: string) => {
    const last = out.length - 1
    if (e.startsWith('text:') && last >= 0 && out[last].startsWith('text:')) out[last] += e.slice(5)
    else out.push(e)
  }
  const scanner = new XmlScanner({
    open(name, tag, start, end, selfClosing) {
      push(`open:${name}:${tag.slice(start, end + 1)}:${selfClosing}`)
    },
    close(name) {
      push(`close:${name}`)
    },
    text(raw, cdata) {
      push(cdata ? `cdata:${raw}` : `text:${raw}`)
    }
  })
  try {
    for (const p of pieces) scanner.write(p)
    scanner.end()
  } catch (e) {
    out.push(`error:${(e as Error).message}`)
  }
  return out
}

const long = 'x'.repeat(5000)
const doc =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" s="1" t="s"><v>12</v></c><c r="B1" t="inlineStr"><is><t>Họ &amp; tên</t></is></c></row>' +
  `<!-- ${long} -->` +
  `<row r="2"><c r="A2" t="str"><v>${long}</v></c><c r="B2" t="str"><v><![CDATA[a<b ${long}]]></v></c><c r='C2' x="a>b"/></row>` +
  '<x:row r="3"><x:c r="$D$3"><x:v>1.5</x:v></x:c></x:row>' +
  '</sheetData></worksheet>\n'

describe('the XML scanner', () => {
  it('gives the same events whatever the pieces the text comes in', () => {
    const whole = events([doc])
    expect(whole[0]).toBe(
      'open:worksheet:<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">:false'
    )
    expect(whole).toContain('text:Họ &amp; tên')
    expect(whole).toContain(`cdata:a<b ${long}`)
    expect(whole.some((e) => e.startsWith('error'))).toBe(false)
    // Every cut into two pieces near the constructs, and pieces of many sizes (some longer than
    // the scanner's joining window, some shorter).
    for (let cut = 1; cut < doc.length; cut += cut < 400 ? 1 : 97)
      expect(events([doc.slice(0, cut), doc.slice(cut)])).toEqual(whole)
    for (const size of [1, 2, 3, 7, 50, 1000, 4095, 4096, 4097, 6000]) {
      const pieces: string[] = []
      for (let i = 0; i < doc.length; i += size) pieces.push(doc.slice(i, i + size))
      expect(events(pieces)).toEqual(whole)
    }
  })

  it('refuses what is not well formed, in one piece or many', () => {
    for (const bad of ['<a><b></a>', '<a></a><b></b>', '<a>', 'x<a></a>', '<a><b']) {
      const one = events([bad])
      expect(one[one.length - 1]).toMatch(/^error:/)
      expect(events(bad.split(''))).toEqual(one)
    }
  })

  it('reads attribute values, decoded', () => {
    const tag = `<c r="A1" s='2' t="s&amp;x" z = "1"/>`
    const out: (string | undefined)[] = []
    attrs(tag, 0, tag.length - 1, ['r', 's', 't', 'z', 'q'], out)
    expect(out).toEqual(['A1', '2', 's&x', '1', undefined])
  })
})
