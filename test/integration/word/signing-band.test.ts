// The signing band of a Word document never splits across pages: with a body of every length
// from short to over a page, the signer's title and name print on the same page, and no page
// holds nothing but its page number (a split band left the blank signature lines, alone, on a
// second page). Printed through LibreOffice, read back with pdftotext.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeWordDocument, type WordDocument } from '../../../src/core/word/party-word'
import { tempDir } from '../../helpers/core'
import { pagesOf, printTools, toPdf } from '../../helpers/pdf'

const LENGTHS = Array.from({ length: 15 }, (_, k) => 14 + 2 * k)

function document(lines: number): WordDocument {
  return {
    upperOrg: 'ĐẢNG BỘ TỈNH TÂY NINH',
    issuingOrg: 'ĐẢNG ỦY XÃ TÂN LẬP',
    number: '05-BC/ĐU',
    numberSuffix: 'BC/ĐU',
    place: 'Tân Lập',
    date: '2026-12-05',
    title: 'Báo cáo',
    subject: 'Kết quả năm 2026',
    body: Array.from({ length: lines }, (_, k) => `Đoạn ${k + 1} của phần nội dung.`),
    recipients: ['Tỉnh ủy Tây Ninh (báo cáo),', 'Lưu VP.'],
    signer: { lines: ['T/M Đảng ủy', 'Bí thư'], name: 'Nguyễn Văn Thắng' }
  }
}

describe('the signing band of a Word document', () => {
  it.runIf(printTools)(
    'keeps the signer whole on one page, whatever the length of the body',
    async () => {
      const dir = tempDir('cd05-word-band-')
      const files = LENGTHS.map((n) => join(dir, `than-${n}.docx`))
      for (const [k, n] of LENGTHS.entries()) await writeWordDocument(files[k], document(n))
      toPdf(files, dir)
      const pageCounts = new Set<number>()
      for (const n of LENGTHS) {
        const pages = pagesOf(join(dir, `than-${n}.pdf`))
        pageCounts.add(pages.length)
        for (const p of pages) expect(p.words.some((w) => !/^\d+$/.test(w.text))).toBe(true)
        const pageOf = (word: string) =>
          pages.findIndex((p) => p.words.some((w) => w.text === word))
        expect(pageOf('THƯ')).toBeGreaterThanOrEqual(0)
        expect(pageOf('Thắng')).toBe(pageOf('THƯ'))
      }
      // The lengths do cross the page's end.
      expect(pageCounts).toEqual(new Set([1, 2]))
    },
    300_000
  )
})
