// A small streaming tokenizer for the XML parts of a workbook (worksheets, shared strings). The
// parts are machine-written and regular: open and close tags, attributes, text with the five
// named entities and character references, the odd comment, processing instruction or CDATA
// section. About five times faster than a general SAX parser, and it allocates no event objects:
// the handler reads the tag name and, when it wants them, the attributes straight from the text.

export interface XmlHandler {
  /** An element opens (selfClosing: `<x/>`, no close call follows). `tag` holds the whole tag
   *  text from `start` (at "<") to `end` (at ">"), for attr(). `name` is without its prefix. */
  open(name: string, tag: string, start: number, end: number, selfClosing: boolean): void
  close(name: string): void
  /** Raw text between tags (entities still encoded); `cdata` when it came from a CDATA section. */
  text(raw: string, cdata: boolean): void
}

const LT = 60 // <
const GT = 62 // >
const SLASH = 47
const BANG = 33
const QMARK = 63
const DQ = 34
const SQ = 39
const COLON = 58

function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === SLASH || ch === GT
}

/** Local name (no "x:" prefix) of the tag starting at `i` (after "<" or "</"). */
function tagName(s: string, i: number, end: number): string {
  let j = i
  let colon = -1
  while (j < end) {
    const ch = s.charCodeAt(j)
    if (isNameEnd(ch)) break
    if (ch === COLON) colon = j
    j++
  }
  return s.slice(colon >= 0 ? colon + 1 : i, j)
}

/** Index of the ">" that ends the tag opened at `i`, skipping quoted attribute values; -1 if not in `s`. */
function tagEnd(s: string, i: number): number {
  // One walk over the tag (tags are short): quotes open and close, a ">" outside them ends it.
  let quote = 0
  for (let j = i, n = s.length; j < n; j++) {
    const ch = s.charCodeAt(j)
    if (quote) {
      if (ch === quote) quote = 0
    } else if (ch === GT) return j
    else if (ch === DQ || ch === SQ) quote = ch
  }
  return -1
}

/**
 * The values of the attributes named in `names` (exactly, prefix included), decoded, into `out`
 * (undefined where absent): one pass over the tag whatever the number of names.
 */
export function attrs(
  tag: string,
  start: number,
  end: number,
  names: readonly string[],
  out: (string | undefined)[]
): void {
  for (let k = 0; k < names.length; k++) out[k] = undefined
  let i = start + 1
  // Skip the tag name.
  while (i < end && !isNameEnd(tag.charCodeAt(i))) i++
  while (i < end) {
    let ch = tag.charCodeAt(i)
    while (i < end && (ch === 32 || ch === 9 || ch === 10 || ch === 13)) ch = tag.charCodeAt(++i)
    if (i >= end || ch === SLASH) return
    const nameStart = i
    while (i < end) {
      ch = tag.charCodeAt(i)
      if (ch === 61 /* = */ || ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === SLASH)
        break
      i++
    }
    const nameLength = i - nameStart
    while (i < end && tag.charCodeAt(i) !== 61) i++
    i++
    while (
      i < end &&
      (tag.charCodeAt(i) === 32 ||
        tag.charCodeAt(i) === 9 ||
        tag.charCodeAt(i) === 10 ||
        tag.charCodeAt(i) === 13)
    )
      i++
    const q = tag.charCodeAt(i)
    if (q !== DQ && q !== SQ) return
    const close = tag.indexOf(q === DQ ? '"' : "'", i + 1)
    if (close < 0 || close > end) return
    for (let k = 0; k < names.length; k++) {
      const name = names[k]
      if (nameLength === name.length && tag.startsWith(name, nameStart)) {
        const raw = tag.slice(i + 1, close)
        out[k] = raw.indexOf('&') >= 0 || raw.indexOf('\r') >= 0 ? decodeXml(raw) : raw
        break
      }
    }
    i = close + 1
  }
}

const one: (string | undefined)[] = [undefined]
/** The value of attribute `name` in a tag, decoded; undefined when absent. */
export function attr(tag: string, start: number, end: number, name: string): string | undefined {
  attrs(tag, start, end, [name], one)
  return one[0]
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g

function entity(whole: string, body: string): string {
  if (body.charCodeAt(0) === 35) {
    const code =
      body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : whole
  }
  return NAMED[body] ?? whole
}

/** Text with its entities and line ends as XML reads them. */
export function decodeXml(raw: string): string {
  let s = raw
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n')
  return s.indexOf('&') >= 0 ? s.replace(ENTITY, entity) : s
}

/** Characters of a new piece joined to the unfinished end of the last one (see write()). */
const HEAD = 4096

/**
 * Feeds text in pieces; each call handles every complete construct and keeps the rest for the
 * next. `end()` checks nothing is left over but whitespace.
 */
export class XmlScanner {
  private rest = ''
  /** Open elements, innermost last: a close tag must match, and all must be closed at the end. */
  private readonly stack: string[] = []
  private roots = 0

  constructor(private readonly h: XmlHandler) {}

  write(chunk: string): void {
    if (this.rest.length === 0) {
      this.keep(chunk, this.scan(chunk, 0))
      return
    }
    // What the last piece left unfinished is finished on a short string (it and the start of this
    // piece), then the piece is scanned as it came: "rest + chunk" would be one more copy of every
    // piece (V8 flattens the joined string on first access).
    const headLength = Math.min(chunk.length, HEAD)
    const head = this.rest + chunk.slice(0, headLength)
    const stop = this.scan(head, 0)
    if (headLength === chunk.length) this.keep(head, stop)
    else if (stop >= this.rest.length) this.keep(chunk, this.scan(chunk, stop - this.rest.length))
    else {
      // Nothing was finished (a long text or comment runs on): join them after all.
      const s = this.rest + chunk
      this.keep(s, this.scan(s, 0))
    }
  }

  /** Keeps what the scan of `s` left from `pos` for the next piece. */
  private keep(s: string, pos: number): void {
    this.rest = pos < s.length ? s.slice(pos) : ''
    // Text with no tag after it is handed over only once its end is known (next piece or end()).
  }

  /** Handles every complete construct of `s` from `pos` on; returns where the unfinished rest starts. */
  private scan(s: string, pos: number): number {
    const h = this.h
    const n = s.length
    while (pos < n) {
      // In worksheet XML a tag follows the last one directly or after a short value ("12" in
      // "<v>12</v>"): walk a few characters before calling for a search.
      let lt = pos
      const near = Math.min(n, pos + 16)
      while (lt < near && s.charCodeAt(lt) !== LT) lt++
      if (lt === near) lt = s.indexOf('<', lt)
      if (lt < 0) {
        // Text up to the end: keep it, its end may be in the next piece.
        break
      }
      if (lt > pos) this.text(s.slice(pos, lt))
      pos = lt
      if (lt + 1 >= n) break
      const next = s.charCodeAt(lt + 1)
      if (next === SLASH) {
        // Close tags are short ("</c>"): a plain walk beats a search call.
        let gt = lt + 2
        while (gt < n && s.charCodeAt(gt) !== GT) gt++
        if (gt >= n) break
        const name = tagName(s, lt + 2, gt)
        if (this.stack.pop() !== name) throw new Error(`XML close tag </${name}> does not match`)
        h.close(name)
        pos = gt + 1
      } else if (next === QMARK) {
        const e = s.indexOf('?>', lt + 2)
        if (e < 0) break
        pos = e + 2
      } else if (next === BANG) {
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4)
          if (e < 0) break
          pos = e + 3
        } else if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9)
          if (e < 0) break
          if (this.stack.length === 0) throw new Error('XML text outside the root element')
          h.text(s.slice(lt + 9, e), true)
          pos = e + 3
        } else if (lt + 9 > n) {
          break // too short to tell yet
        } else {
          // <!DOCTYPE …> and the like: not in workbook parts; skip to its end.
          const e = tagEnd(s, lt + 2)
          if (e < 0) break
          pos = e + 1
        }
      } else {
        const gt = tagEnd(s, lt + 1)
        if (gt < 0) break
        const selfClosing = s.charCodeAt(gt - 1) === SLASH
        const name = tagName(s, lt + 1, gt)
        if (this.stack.length === 0 && ++this.roots > 1)
          throw new Error('XML with more than one root element')
        if (!selfClosing) this.stack.push(name)
        h.open(name, s, lt, gt, selfClosing)
        pos = gt + 1
      }
    }
    return pos
  }

  private text(raw: string): void {
    if (this.stack.length === 0) {
      if (raw.trim() !== '') throw new Error('XML text outside the root element')
      return
    }
    this.h.text(raw, false)
  }

  end(): void {
    if (this.rest.length > 0) {
      if (this.rest.indexOf('<') >= 0) throw new Error('XML ends inside a tag')
      this.text(this.rest)
      this.rest = ''
    }
    if (this.stack.length > 0 || this.roots !== 1)
      throw new Error('XML ends with elements left open')
  }
}
