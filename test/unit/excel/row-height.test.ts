import { describe, expect, it } from 'vitest'
import {
  heightFor,
  lineCount,
  rowHeight,
  textWidth,
  usableWidth
} from '../../../src/core/excel/row-height'

const body = { size: 12 }
const bold = { size: 12, bold: true }

describe('text width in Times New Roman', () => {
  it('measures ASCII from the font metrics, bold wider, capitals wider than small letters', () => {
    expect(textWidth('0123456789', body)).toBeCloseTo(60)
    expect(textWidth('m', body)).toBeCloseTo(9.336)
    expect(textWidth('NGUYEN', body)).toBeGreaterThan(textWidth('Nguyen', body))
    expect(textWidth('Nguyen Van An', bold)).toBeGreaterThan(textWidth('Nguyen Van An', body))
  })

  it('gives Vietnamese marks no width, the horn of ơ and ư a little, đ the width of d', () => {
    expect(textWidth('Nguyễn Văn Dũng', body)).toBeCloseTo(textWidth('Nguyen Van Dung', body))
    expect(textWidth('ĐẢNG ỦY', body)).toBeCloseTo(textWidth('DANG UY', body))
    expect(textWidth('đ', body)).toBe(textWidth('d', body))
    expect(textWidth('Trương', body)).toBeGreaterThan(textWidth('Truong', body))
    // Decomposed text (some programs write it) measures as the composed text.
    expect(textWidth('Nguyễn'.normalize('NFD'), body)).toBeCloseTo(textWidth('Nguyễn', body))
  })

  it('counts a character it does not know as wide', () => {
    expect(textWidth('中', body)).toBe(12)
  })
})

describe('wrapped lines', () => {
  it('keeps short text on one line and wraps long text at spaces', () => {
    expect(lineCount('Nguyễn Văn An', 24, body)).toBe(1)
    expect(lineCount('', 10, body)).toBe(1)
    // 24 characters of column give about 120 points; the name below is about 250 points.
    const long = 'Tôn Nữ Thị Hoàng Phương Thảo Nguyên Khánh Linh Chi'
    const lines = lineCount(long, 24, body)
    expect(lines).toBeGreaterThanOrEqual(2)
    // At least the lines the text would take if it could break anywhere.
    expect(lines).toBeGreaterThanOrEqual(Math.ceil(textWidth(long, body) / usableWidth(24)))
    expect(lineCount(long, 48, body)).toBeLessThan(lines)
    expect(lineCount(long, 200, body)).toBe(1)
  })

  it('never lets a line overflow: each wrapped line fits the usable width', () => {
    const text =
      'Thường xuyên tự học tập, nghiên cứu các tác phẩm, bài viết của Chủ tịch Hồ Chí Minh; vận dụng vào công tác chuyên môn, giữ gìn phẩm chất đạo đức'
    for (const width of [12, 18, 24, 30, 45]) {
      // Greedy wrapping by hand, with the same slack: the count must match or exceed it.
      const room = usableWidth(width)
      let lines = 1
      let used = 0
      for (const word of text.split(' ')) {
        const w = textWidth(word, body) * 1.06
        const next = used === 0 ? w : used + textWidth(' ', body) + w
        if (next > room && used > 0) {
          lines++
          used = w
        } else used = next
      }
      expect(lineCount(text, width, body)).toBeGreaterThanOrEqual(lines)
    }
  })

  it('counts the lines of "\\n" and breaks a word longer than the cell', () => {
    expect(lineCount('HTXSNV: 1\nHTTNV: 2\nHTNV: 1', 16, body)).toBe(3)
    expect(lineCount('a\n\nb', 13, body)).toBe(3)
    const word = 'x'.repeat(60) // 300 points in a cell of about 57
    expect(lineCount(word, 12, body)).toBeGreaterThanOrEqual(Math.ceil(300 / usableWidth(12)))
  })
})

describe('row height', () => {
  it('is the tallest cell, at least the minimum, with a line height a little over the font size', () => {
    expect(heightFor(1, body)).toBeGreaterThanOrEqual(15)
    expect(heightFor(3, body)).toBeGreaterThanOrEqual(3 * 14)
    const h = rowHeight(
      [
        { text: '1', width: 5, font: body },
        { text: 'Tôn Nữ Thị Hoàng Phương Thảo Nguyên Khánh', width: 14, font: body },
        { text: 'HTTNV', width: 13, font: bold }
      ],
      0
    )
    expect(h).toBe(
      heightFor(lineCount('Tôn Nữ Thị Hoàng Phương Thảo Nguyên Khánh', 14, body), body)
    )
    expect(rowHeight([], 20)).toBe(20)
    // A merged cell counts its merged width: wider, fewer lines.
    const text =
      'Danh sách cán bộ, đảng viên Chi bộ ấp Tân Lập Thượng chưa học tập Chuyên đề năm 2024'
    expect(rowHeight([{ text, width: 60, font: body }])).toBeLessThan(
      rowHeight([{ text, width: 20, font: body }])
    )
  })
})
