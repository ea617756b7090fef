// The `<c …>` tag of a worksheet cell: its column, style and type. There is one per cell, so the
// fast reader reads it without making a string per attribute, and falls back to attrs() for
// anything but the plain form every writer emits.
import { decodeRef } from './grid'
import { attrs } from './xml-scan'

/** Column (0-based) of a cell reference such as "AB12"; -1 when unreadable. */
export function colOfRef(ref: string): number {
  let col = 0
  let i = 0
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i)
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64)
    else if (ch === 36 && i === 0)
      continue // "$"
    else break
  }
  return col > 0 && i > 0 ? col - 1 : (decodeRef(ref)?.col ?? -1)
}

const CELL_ATTRS = ['r', 's', 't'] as const

export interface CellTag {
  /** Column from the "r" attribute (0-based); -1 when absent or unreadable. */
  col: number
  style: number
  type: string
}

const cellAttrs: (string | undefined)[] = [undefined, undefined, undefined]

/** The column, style and type of a `<c …>` tag, by attrs() (the reference the fast path keeps to). */
export function readCellTagSlow(tag: string, start: number, end: number, out: CellTag): void {
  attrs(tag, start, end, CELL_ATTRS, cellAttrs)
  const r = cellAttrs[0]
  out.col = r ? colOfRef(r) : -1
  out.style = cellAttrs[1] ? Number(cellAttrs[1]) || 0 : 0
  out.type = cellAttrs[2] ?? ''
}

/** The column, style and type of a `<c …>` tag: the fast path below when it applies, else attrs(). */
export function readCellTag(tag: string, start: number, end: number, out: CellTag): void {
  if (!plainCellTag(tag, start, end, out)) readCellTagSlow(tag, start, end, out)
}

/**
 * Reads the `<c …>` tag of a worksheet cell (from "<" at `start` to ">" at `end`) into `out`
 * without making a string per attribute: there is one such tag per cell, and slicing "r", "s"
 * and "t" out of each was a good part of the read. Handles only the plain form every writer
 * emits (`name="value"` pairs, values without entities); returns false on anything else, and
 * the caller reads the tag with attrs() as before, so the results are the same either way.
 */
function plainCellTag(tag: string, start: number, end: number, out: CellTag): boolean {
  let col = -1
  let style = 0
  let type = ''
  let i = start + 2 // after "<c"
  // A prefixed name ("x:c") goes the long way.
  if (tag.charCodeAt(start + 1) !== 99 /* c */) return false
  const after = tag.charCodeAt(i)
  if (i < end && after !== 32 && after !== 9 && after !== 10 && after !== 13 && after !== 47)
    return false
  for (;;) {
    let ch = tag.charCodeAt(i)
    while (i < end && (ch === 32 || ch === 9 || ch === 10 || ch === 13)) ch = tag.charCodeAt(++i)
    if (i >= end || ch === 47 /* / */) break
    const nameStart = i
    while (i < end) {
      ch = tag.charCodeAt(i)
      if (ch === 61 /* = */) break
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) return false
      i++
    }
    if (i >= end) return false
    const q = tag.charCodeAt(i + 1)
    if (q !== 34 && q !== 39) return false
    const valueStart = i + 2
    const close = tag.indexOf(q === 34 ? '"' : "'", valueStart)
    if (close < 0 || close > end) return false
    const one = i - nameStart === 1 ? tag.charCodeAt(nameStart) : 0
    if (one === 114 /* r */) {
      // The column letters of "AB12" ("$" allowed in front), as colOfRef reads them.
      let c = 0
      let j = valueStart
      if (tag.charCodeAt(j) === 36) j++
      for (; j < close; j++) {
        const ch = tag.charCodeAt(j)
        if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64)
        else break
      }
      // Then the row digits: anything else (an entity, "$", lower case) and colOfRef decides.
      for (; j < close; j++) {
        const ch = tag.charCodeAt(j)
        if (ch < 48 || ch > 57) return false
      }
      if (c > 0) col = c - 1
      else if (close === valueStart) col = -1
      else return false
    } else if (one === 115 /* s */) {
      // A style index: plain digits are read here, anything else by Number() as before.
      let n = 0
      let j = valueStart
      for (; j < close && j - valueStart < 9; j++) {
        const ch = tag.charCodeAt(j)
        if (ch < 48 || ch > 57) break
        n = n * 10 + (ch - 48)
      }
      if (j !== close) return false
      style = n
    } else if (one === 116 /* t */) {
      if (close - valueStart === 1 && tag.charCodeAt(valueStart) === 115) type = 's'
      else {
        type = tag.slice(valueStart, close)
        // An entity or line end: attrs() decodes it.
        if (type.indexOf('&') >= 0 || type.indexOf('\r') >= 0) return false
      }
    }
    i = close + 1
  }
  out.col = col
  out.style = style
  out.type = type
  return true
}
