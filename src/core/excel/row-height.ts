// How tall a printed row must be for its wrapped text. Excel and LibreOffice never grow a row
// for wrapped text written by a program (the row keeps the height in the file), so a row left at
// the default height prints its second and later lines over the rows below. This module measures
// text in Times New Roman without a browser or a font file: the advance widths below are those
// of the Adobe core fonts Times-Roman and Times-Bold (AFM, 1/1000 em), with which Times New
// Roman and LibreOffice's Liberation Serif are metric-compatible for these characters.
//
// Everything errs toward taller rows: a few widths are rounded up, unknown characters count as
// wide, words break only at spaces, and the usable width of a cell leaves room for its margins.
// Vietnamese tone and vowel marks sit above or below the letter and add no width; the horn of
// ơ and ư does, a little.

export interface TextFont {
  /** Points. */
  size: number
  bold?: boolean
  italic?: boolean
}

// Printable ASCII from ' ' (32) to '~' (126).
// prettier-ignore
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278,
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541
]
// prettier-ignore
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278,
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
  930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
  333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
  556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520
]

/** Punctuation outside ASCII that party documents use. */
const EXTRA: Record<string, number> = {
  '\u2026': 1000, // …
  '\u2013': 500, // –
  '\u2014': 1000, // —
  '\u2018': 333,
  '\u2019': 333,
  '\u201C': 500,
  '\u201D': 500,
  '\u00B7': 250,
  '\u00A0': 250,
  '\u2116': 1000 // №
}
/** A character this module does not know (another script, a symbol): as wide as an "M". */
const UNKNOWN = 1000
const HORN = 60

/** Widths found so far, by UTF-16 code unit (-1: not yet), regular and bold. */
const cache = [new Int16Array(0x10000).fill(-1), new Int16Array(0x10000).fill(-1)]

/** Advance width of one character in 1/1000 em. */
function charWidth(ch: string, bold: boolean): number {
  const code = ch.charCodeAt(0)
  const table = bold ? BOLD : REGULAR
  if (code >= 32 && code <= 126) return table[code - 32]
  const known = cache[bold ? 1 : 0]
  if (known[code] >= 0) return known[code]
  const w = measure(ch, code, table)
  known[code] = w
  return w
}

function measure(ch: string, code: number, table: readonly number[]): number {
  // Marks of decomposed text (some programs write "e" + "̂" + "̃"): on their letter.
  if (code >= 0x300 && code <= 0x36f) return code === 0x31b ? HORN : 0
  let w = EXTRA[ch]
  if (w === undefined) {
    // "Ộ" is "O" with marks; "đ" and "Đ" are as wide as "d" and "D".
    const base = ch.normalize('NFD')
    const letter = base[0] === 'đ' ? 'd' : base[0] === 'Đ' ? 'D' : base[0]
    const c = letter.charCodeAt(0)
    if (c >= 32 && c <= 126) w = table[c - 32] + (base.includes('\u031B') ? HORN : 0)
    else w = UNKNOWN
  }
  return w
}

/** Width of `text` in points, in the font, italic as upright (it is no wider). */
export function textWidth(text: string, font: TextFont): number {
  let sum = 0
  const bold = font.bold === true
  for (let i = 0; i < text.length; i++) sum += charWidth(text[i], bold)
  return (sum * font.size) / 1000
}

/**
 * Points a column of `width` characters gives its text: a width unit is the width of a digit of
 * the workbook's default font (Calibri 11, 7 pixels, 5.25 points), less the cell's margins and
 * its border.
 */
export function usableWidth(width: number): number {
  return Math.max(4, width * 5.25 - 6)
}

/** Safety on every measured width: a word that just fits in theory may not in the office suite. */
const SLACK = 1.06

/**
 * Lines the text takes in a wrapping cell of `width` characters: its own lines ("\n"), each
 * wrapped at spaces, a word wider than the cell broken where it reaches the edge.
 */
export function lineCount(text: string, width: number, font: TextFont): number {
  // In 1/1000 em from here on, measured with the slack.
  const room = (usableWidth(width) * 1000) / font.size / SLACK
  // Most cells (numbers, dates, short names) fit even if every character were an "M".
  if (text.length * 1000 <= room && !text.includes('\n')) return 1
  const bold = font.bold === true
  const table = bold ? BOLD : REGULAR
  const space = table[0]
  const known = cache[bold ? 1 : 0]
  // One pass over the characters (a 50,000-row sheet has half a million cells): a word is placed
  // when a space or the end of a line ends it.
  let lines = 1
  let used = 0
  let gap = 0
  let word = 0
  let inWord = false
  const place = () => {
    if (!inWord) return
    const needed = used === 0 && gap === 0 ? word : used + gap + word
    if (needed <= room) used = needed
    else {
      if (used > 0 || gap > 0) lines++
      // A word longer than a line runs on over the next ones.
      let w = word
      while (w > room) {
        lines++
        w -= room
      }
      used = w
    }
    gap = 0
    word = 0
    inWord = false
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10) {
      place()
      lines++
      used = 0
      gap = 0
    } else if (code === 32) {
      place()
      gap += space
    } else {
      word +=
        code > 32 && code <= 126
          ? table[code - 32]
          : known[code] >= 0
            ? known[code]
            : charWidth(text[i], bold)
      inWord = true
    }
  }
  place()
  return lines
}

/**
 * Height of one line of the font, with a little leading: Times New Roman sets its lines 1.15 em
 * apart (ascent, descent and line gap); 1.2 em leaves room for the stacked marks of Vietnamese
 * capitals ("Ấ", "Ễ"). Times New Roman 12: 14.4 points.
 */
function lineHeight(font: TextFont): number {
  return font.size * 1.2
}

/** Points a row needs for `lines` lines of the font: the lines, and the cell's top and bottom margins. */
export function heightFor(lines: number, font: TextFont): number {
  return Math.ceil((lines * lineHeight(font) + 4) * 4) / 4
}

export interface MeasuredCell {
  text: string
  /** Characters: the column's width, or the sum of the merged columns'. */
  width: number
  font: TextFont
}

/** Points the row needs so that none of its cells' text runs over the next row; at least `min`. */
export function rowHeight(cells: readonly MeasuredCell[], min = 0): number {
  let h = min
  for (const c of cells) {
    if (c.text === '') continue
    h = Math.max(h, heightFor(lineCount(c.text, c.width, c.font), c.font))
  }
  return h
}
