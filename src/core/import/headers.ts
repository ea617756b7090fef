// Finding the header row below organisation bands and titles, joining headers of two or three rows,
// skipping the row of column numbers, and matching each column to a field by its Vietnamese name,
// whatever the case, diacritics or spacing.
import { createHash } from 'node:crypto'
import type { ImportField } from '../../shared/api'
import { cleanText, foldVietnamese, normaliseUnitName } from '../../shared/vn-text'
import { cellText, type CellValue, type GridRow, type GridSheet } from '../excel/grid'

/** Folded header key: no diacritics, lower case, words of letters and digits only. */
export function headerKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const ALIASES: Record<ImportField, string[]> = {
  rowNumber: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu'],
  fullName: [
    'ho va ten',
    'ho ten',
    'ho va ten dang vien',
    'ho ten dang vien',
    'ho va ten khai sinh',
    'ho ten khai sinh',
    'ten dang vien',
    'ho va ten thuong dung'
  ],
  familyName: [
    'ho va ten dem',
    'ho dem',
    'ho va dem',
    'ho',
    'ho va chu lot',
    'ho lot',
    'ho chu lot'
  ],
  givenName: ['ten'],
  gender: ['gioi tinh', 'nam nu', 'nam hoac nu', 'gioi', 'phai', 'gt'],
  birthDate: [
    'ngay sinh',
    'ngay thang nam sinh',
    'ngay thang sinh',
    'nam sinh',
    'sinh ngay',
    'sinh nam',
    'ns'
  ],
  birthDateMale: ['ngay sinh nam', 'nam sinh nam', 'ngay thang nam sinh nam', 'nam'],
  birthDateFemale: ['ngay sinh nu', 'nam sinh nu', 'ngay thang nam sinh nu', 'nu'],
  ethnicity: ['dan toc'],
  religion: ['ton giao'],
  hometown: ['que quan', 'nguyen quan', 'que'],
  residence: [
    'noi thuong tru',
    'noi o hien nay',
    'noi o',
    'dia chi',
    'cho o hien nay',
    'cho o',
    'noi cu tru',
    'thuong tru',
    'tru quan',
    'dia chi thuong tru',
    'noi o hien tai'
  ],
  partyJoinDate: [
    'ngay vao dang',
    'ngay ket nap',
    'ngay ket nap dang',
    'ngay vao dang du bi',
    'vao dang',
    'du bi',
    'ngay du bi',
    'ngay thang nam vao dang',
    'ket nap',
    'ngay vao dang dv du bi'
  ],
  partyOfficialDate: [
    'ngay chinh thuc',
    'ngay vao dang chinh thuc',
    'chinh thuc',
    'ngay cong nhan chinh thuc',
    'ngay thang nam chinh thuc',
    'ngay chuyen chinh thuc',
    'ngay cong nhan dang vien chinh thuc',
    'ngay vao dang dv chinh thuc'
  ],
  partyCardNumber: [
    'so the dv',
    'so the dang vien',
    'the dang vien',
    'so the',
    'so the dang',
    'the dv',
    'so the dang vien so'
  ],
  partyProfileNumber: [
    'so ly lich',
    'so ll',
    'so ly lich dang vien',
    'so ll dv',
    'so lldv',
    'ly lich',
    'so ly lich dv'
  ],
  nationalId: [
    'cccd',
    'so cccd',
    'can cuoc',
    'can cuoc cong dan',
    'so can cuoc',
    'so can cuoc cong dan',
    'so dinh danh',
    'so dinh danh ca nhan',
    'cmnd',
    'so cmnd',
    'cmnd cccd',
    'so cmnd cccd',
    'cccd cmnd',
    'so cccd cmnd'
  ],
  position: [
    'chuc vu',
    'chuc vu dang',
    'chuc vu chinh quyen',
    'chuc vu chinh quyen doan the',
    'chuc danh',
    'chuc vu hien nay',
    'chuc vu cong tac',
    'chuc vu doan the',
    'chuc vu dang chinh quyen'
  ],
  role: ['doi tuong', 'thanh phan'],
  education: [
    'trinh do hoc van',
    'hoc van',
    'van hoa',
    'trinh do van hoa',
    'gdpt',
    'giao duc pho thong',
    'trinh do giao duc pho thong'
  ],
  politicalTheory: [
    'ly luan chinh tri',
    'llct',
    'trinh do ly luan',
    'trinh do ly luan chinh tri',
    'ly luan'
  ],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'dt', 'so dt', 'dien thoai lien he'],
  note: ['ghi chu'],
  exempt: [
    'mien sinh hoat',
    'mien sinh hoat dang',
    'mien cong tac va sinh hoat',
    'mien cong tac va sinh hoat dang',
    'mien cong tac sinh hoat',
    'mien cong tac sinh hoat dang',
    'mien sh',
    'mien sh dang',
    'mien ct sh',
    'mien ct va sh',
    'mien ct sh dang',
    'dang vien mien sinh hoat',
    'dang vien mien sh',
    'dv mien sinh hoat',
    'dv mien sh',
    'duoc mien sinh hoat',
    'ngay mien sinh hoat'
  ],
  unitName: [
    'chi bo',
    'don vi',
    'thuoc chi bo',
    'sinh hoat tai chi bo',
    'chi bo sinh hoat',
    'to chuc dang',
    'ten chi bo',
    'noi sinh hoat',
    'chi bo dang bo'
  ]
}

const EXACT = new Map<string, ImportField>()
const CONTAINED: { tokens: string[]; field: ImportField }[] = []
/** Names of the LEADING_ONLY fields, matched only at the start of a header. */
const LEADING: { tokens: string[]; field: ImportField }[] = []
/** Short tokens that name a field even inside a longer header ("Số CCCD (12 số)"). */
const STRONG_TOKENS = new Set(['cccd', 'cmnd', 'sdt', 'llct', 'stt'])
/**
 * Fields a header names only by beginning with one of their names. "Miễn sinh hoạt" is often
 * mentioned in other columns' headers ("Ghi chú (miễn sinh hoạt ghi x)", "Chức vụ, miễn SH"),
 * which must keep their own field; a header that begins with it is the exemption column, whatever
 * it adds after ("Miễn SH (ghi chú năm miễn)").
 */
const LEADING_ONLY = new Set<ImportField>(['exempt'])
for (const [field, aliases] of Object.entries(ALIASES) as [ImportField, string[]][]) {
  for (const a of aliases) {
    EXACT.set(a, field)
    const tokens = a.split(' ')
    if (LEADING_ONLY.has(field)) LEADING.push({ tokens, field })
    else if (tokens.length >= 2 || STRONG_TOKENS.has(a)) CONTAINED.push({ tokens, field })
  }
}
CONTAINED.sort((a, b) => b.tokens.length - a.tokens.length)
LEADING.sort((a, b) => b.tokens.length - a.tokens.length)

/** Whether the needle's words appear together in the hay, anywhere or only at its start. */
function containsTokens(hay: string[], needle: string[], atStartOnly = false): boolean {
  const lastStart = hay.length - needle.length
  outer: for (let i = 0; i <= (atStartOnly ? Math.min(0, lastStart) : lastStart); i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/** The field a header names, or null. Exact names win; then a leading-only name it begins with; then the longest known name inside it. */
export function matchHeader(text: string): ImportField | null {
  const key = headerKey(text)
  if (!key) return null
  const exact = EXACT.get(key)
  if (exact) return exact
  const tokens = key.split(' ')
  if (tokens.length > 12) return null
  for (const c of LEADING) if (containsTokens(tokens, c.tokens, true)) return c.field
  for (const c of CONTAINED) if (containsTokens(tokens, c.tokens)) return c.field
  return null
}

// ---------------------------------------------------------------- layout of a sheet

export interface SheetLayout {
  /** Index into sheet.rows of the first header row; -1 when none. */
  headerIndex: number
  /** 1-based sheet row of the (last) header row. */
  headerRow: number | null
  /** 1-based sheet row where the header begins (one or two rows above headerRow when it spans several). */
  headerStart: number | null
  /** Index into sheet.rows of the first row below the header (after the column numbers). */
  dataStart: number
  labels: string[]
  fields: (ImportField | null)[]
  unitHint: string | null
  parentHint: string | null
  signature: string
}

function textAt(row: GridRow | undefined, c: number): string {
  if (!row) return ''
  const v = row.cells[c]
  return v === null || v === undefined ? '' : cleanText(cellText(v))
}

function isTextCell(v: CellValue | undefined): boolean {
  return typeof v === 'string' && v.trim() !== '' && !/^\(?\d+\)?$/.test(v.trim())
}

function rowScore(row: GridRow): { score: number; hasName: boolean } {
  const seen = new Set<ImportField>()
  for (const v of row.cells) {
    if (!isTextCell(v)) continue
    const f = matchHeader(v as string)
    if (f) seen.add(f)
  }
  const hasName = seen.has('fullName') || seen.has('givenName') || seen.has('familyName')
  return { score: seen.size, hasName }
}

/** A row of column numbers under the header: 1, 2, 3 … or (1), (2) … */
export function isColumnNumberRow(row: GridRow | undefined): boolean {
  if (!row) return false
  const nums: number[] = []
  for (const v of row.cells) {
    if (v === null || v === undefined) continue
    if (typeof v === 'number' && Number.isInteger(v)) nums.push(v)
    else if (typeof v === 'string' && /^\(?\d{1,3}\)?$/.test(v.trim()))
      nums.push(Number(v.replace(/[()]/g, '')))
    else if (typeof v === 'string' && /^\(?\d{1,3}\)?\s*[=+x*-]/.test(v.trim()))
      nums.push(NaN) // "(7)=(5)+(6)"
    else return false
  }
  if (nums.length < 3) return false
  const real = nums.filter((n) => !Number.isNaN(n))
  return real.length >= 3 && real.every((n, i) => i === 0 || n > real[i - 1]) && real[0] <= 2
}

function mergeAt(sheet: GridSheet, r: number, c: number) {
  return sheet.merges.find((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right)
}

/** Text of a header cell, taking a merged cell's value from its top-left cell. */
function headerCell(
  sheet: GridSheet,
  rowsByNumber: Map<number, GridRow>,
  r: number,
  c: number
): string {
  const own = textAt(rowsByNumber.get(r), c)
  if (own) return own
  const m = mergeAt(sheet, r, c)
  if (m) return textAt(rowsByNumber.get(m.top), m.left)
  return ''
}

// ---------------------------------------------------------------- header rows (one to three)

/** Non-empty cells, all short text: no numbers, dates or sentences, as header cells are. */
function isShortTextRow(row: GridRow): boolean {
  let any = false
  for (const v of row.cells) {
    if (v === null || v === undefined) continue
    if (!isTextCell(v) || (v as string).length > 60) return false
    any = true
  }
  return any
}

/** The first column whose header in this row names the full name, or -1. */
function nameColumn(row: GridRow): number {
  return row.cells.findIndex((v) => isTextCell(v) && matchHeader(v as string) === 'fullName')
}

const SUB_LABEL = /^(nam|nữ|nu|dự bị|chính thức)$/i

/**
 * A row that may hold sub-labels of the header rows above: text only, right below them, and
 * nothing under a name column (a data row always has a name there).
 */
function isSubLabelRow(upper: GridRow[], next: GridRow): boolean {
  if (next.r !== upper[upper.length - 1].r + 1 || isColumnNumberRow(next) || !isShortTextRow(next))
    return false
  return upper.every((row) => {
    const nameCol = nameColumn(row)
    return nameCol < 0 || !textAt(next, nameCol)
  })
}

/** Signs that a sub-label row belongs to the header above it: merged cells, labels under blanks, or "Nam", "Dự bị" … */
function isSecondHeaderRow(sheet: GridSheet, top: GridRow, next: GridRow): boolean {
  const mergedDown = sheet.merges.some((m) => m.top === top.r && m.bottom >= next.r)
  const mergedAcross = sheet.merges.some(
    (m) => m.top === top.r && m.bottom === top.r && m.right > m.left
  )
  const gaps = next.cells.some((v, c) => isTextCell(v) && !textAt(top, c))
  return (
    mergedDown ||
    mergedAcross ||
    gaps ||
    next.cells.some((v) => typeof v === 'string' && SUB_LABEL.test(v.trim()))
  )
}

/**
 * A third header row needs more than a second: a section row ("I. CHI BỘ ẤP 1") or a row of text
 * data right under a two-row header is short text too. So its labels must come in groups of two
 * or more under a heading that begins in the row above, as "Nam | Nữ" sit under "Ngày sinh".
 */
function isThirdHeaderRow(sheet: GridSheet, upper: GridRow[], next: GridRow): boolean {
  if (!isSubLabelRow(upper, next)) return false
  const band = [...upper, next]
  const underHeading = new Map<number, number>()
  for (let c = 0; c < next.cells.length; c++) {
    if (!textAt(next, c)) continue
    const k = headingStart(sheet, band, upper.length - 1, c)
    if (k < 0) return false
    underHeading.set(k, (underHeading.get(k) ?? 0) + 1)
  }
  return underHeading.size > 0 && [...underHeading.values()].every((n) => n >= 2)
}

/**
 * The column where the heading over column c in band row `level` begins, or -1: the cell's own
 * text, a merged cell that begins in this row (not one merged down from higher), or the heading
 * on its left.
 */
function headingStart(sheet: GridSheet, band: GridRow[], level: number, c: number): number {
  const row = band[level]
  const m = mergeAt(sheet, row.r, c)
  if (m) return m.top === row.r ? m.left : -1
  return textAt(row, c) ? c : headingOnLeft(band, level, c)
}

/**
 * Without merge information, a blank header cell belongs to the heading on its left (the column
 * returned, or -1) when that heading has sub-labels under it ("Ngày sinh" over "Nam", a blank over
 * "Nữ"). A column whose own header begins in a higher row ("Số thẻ ĐV" at the top, blanks under
 * it) belongs to no heading of this row, and ends the heading for the columns right of it.
 */
function headingOnLeft(band: GridRow[], level: number, c: number): number {
  const higher = (k: number) => band.slice(0, level).some((row) => textAt(row, k) !== '')
  const lower = (k: number) => band.slice(level + 1).some((row) => textAt(row, k) !== '')
  if (higher(c)) return -1
  for (let k = c - 1; k >= 0; k--) {
    if (textAt(band[level], k)) return lower(k) ? k : -1
    if (higher(k)) return -1
  }
  return -1
}

/** The header rows from sheet.rows[top] down: up to two rows of sub-labels under the first. */
function headerBandFrom(sheet: GridSheet, top: number): GridRow[] {
  const [first, second, third] = sheet.rows.slice(top, top + 3)
  if (!second || !isSubLabelRow([first], second)) return [first]
  // Headings right under captions ("Chức vụ" under "Thông tin đảng viên", no merges) show no
  // sign of their own; the sub-labels under them are the sign.
  if (third && isThirdHeaderRow(sheet, [first, second], third)) return [first, second, third]
  return isSecondHeaderRow(sheet, first, second) ? [first, second] : [first]
}

/**
 * A row above the header that is itself a heading row: it names the full name or several fields
 * (a title names one at most: "… CHI BỘ ẤP 3"), or a merged cell runs from it into the next row.
 */
function isHeadingAbove(sheet: GridSheet, row: GridRow, below: GridRow): boolean {
  const { score, hasName } = rowScore(row)
  return hasName || score >= 2 || sheet.merges.some((m) => m.top <= row.r && m.bottom >= below.r)
}

/**
 * The header around the best-scoring row. In a three-row header the best row may be the second
 * or third (more fields named under the groups than at the top), so the header may begin up to
 * two rows higher when those rows are headings that reach down to it; a title row above is none.
 */
function findHeaderBand(sheet: GridSheet, best: number): { top: number; band: GridRow[] } {
  for (let top = Math.max(0, best - 2); top < best; top++) {
    if (!isHeadingAbove(sheet, sheet.rows[top], sheet.rows[top + 1])) continue
    const band = headerBandFrom(sheet, top)
    if (top + band.length > best) return { top, band }
  }
  return { top: best, band: headerBandFrom(sheet, best) }
}

/**
 * A column's header texts, top to bottom, each said once ("Họ và tên" merged down three rows is
 * one part). A heading row gives its merged or blank-but-grouped cells the heading's text; the last
 * row of a header of several rows gives only the column's own sub-label.
 */
function columnParts(
  sheet: GridSheet,
  band: GridRow[],
  rowsByNumber: Map<number, GridRow>,
  c: number
): string[] {
  const parts: string[] = []
  band.forEach((row, level) => {
    let t: string
    if (band.length === 1 || level < band.length - 1) {
      t = headerCell(sheet, rowsByNumber, row.r, c)
      if (!t && !mergeAt(sheet, row.r, c)) {
        const k = headingOnLeft(band, level, c)
        if (k >= 0) t = textAt(row, k)
      }
    } else {
      const m = mergeAt(sheet, row.r, c)
      t = m && m.top < row.r ? '' : textAt(row, c)
    }
    if (t && t !== parts[parts.length - 1]) parts.push(t)
  })
  return parts
}

const UNIT_IN_TITLE = /(chi bộ|đảng bộ bộ phận|đảng bộ|tổ đảng)\s+(.+)$/i

// The whole name is kept: " - " joins parts of real names ("Cơ quan Đảng - Đoàn thể xã"); only a
// date or term after it, or a bracket, comma or colon, ends the name.
function properUnitName(kind: string, rest: string): string {
  const r = cleanText(rest)
    .replace(/\s*[(,:].*$/, '')
    .replace(/\s*[-–]\s*(năm|nhiệm kỳ|tính đến|đến ngày|quý|tháng|\d).*$/i, '')
    .replace(/\s+(năm|nhiệm kỳ|tính đến|đến ngày|quý|tháng)\b.*$/i, '')
    .replace(/\s*[-–]$/, '')
    .trim()
  return r ? normaliseUnitName(`${kind} ${r}`) : ''
}

/** "DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3 NĂM 2024" → "Chi bộ ấp 3". */
export function unitFromText(text: string): string | null {
  const t = cleanText(text)
  if (/đảng cộng sản việt nam/i.test(t)) return null
  const m = UNIT_IN_TITLE.exec(t)
  if (!m) return null
  const name = properUnitName(m[1], m[2])
  return name || null
}

/** A sheet named "CB Ấp 1" or "Chi bo Ap 1" names its unit; "Sheet1" does not. */
export function unitFromSheetName(name: string): string | null {
  const t = cleanText(name)
  const k = headerKey(t)
  if (k.startsWith('chi bo '))
    return properUnitName('Chi bộ', t.slice(t.toLocaleLowerCase('vi').indexOf(' ', 4) + 1))
  if (/^cb\s+/i.test(t)) return properUnitName('Chi bộ', t.replace(/^cb\s+/i, ''))
  return null
}

export function headerSignature(labels: string[]): string {
  return createHash('sha1').update(labels.map(headerKey).join('|')).digest('hex')
}

/**
 * Finds the header (one to three rows), the column-number row, the unit named above, and the
 * fields. With `headerStart` (a 1-based sheet row, the user's correction) the header begins there
 * instead; rows of sub-labels right under it are still joined. An empty or missing row finds no
 * header.
 */
export function detectLayout(sheet: GridSheet, headerStart?: number): SheetLayout {
  const rows = sheet.rows
  const empty: SheetLayout = {
    headerIndex: -1,
    headerRow: null,
    headerStart: null,
    dataStart: rows.length,
    labels: [],
    fields: [],
    unitHint: null,
    parentHint: null,
    signature: ''
  }
  let best = -1
  if (headerStart !== undefined) best = rows.findIndex((r) => r.r === headerStart)
  else {
    let bestScore = 0
    const scan = Math.min(rows.length, 40)
    for (let i = 0; i < scan; i++) {
      const { score, hasName } = rowScore(rows[i])
      const s = score + (hasName ? 2 : 0)
      if (score >= 2 && s > bestScore) {
        best = i
        bestScore = s
      }
    }
  }
  if (best < 0) return empty
  const { top, band } =
    headerStart !== undefined
      ? { top: best, band: headerBandFrom(sheet, best) }
      : findHeaderBand(sheet, best)
  const rowsByNumber = new Map<number, GridRow>()
  for (let i = Math.max(0, top - 2); i < Math.min(rows.length, top + 5); i++)
    rowsByNumber.set(rows[i].r, rows[i])
  const first = rows[top]
  let width = 0
  for (let i = top; i < Math.min(rows.length, top + 3); i++)
    width = Math.max(width, rows[i].cells.length)
  for (const m of sheet.merges)
    if (m.top <= first.r && first.r <= m.bottom) width = Math.max(width, m.right + 1)

  const parts: string[][] = []
  for (let c = 0; c < width; c++) parts.push(columnParts(sheet, band, rowsByNumber, c))
  const labels = parts.map((p) => p.join(' / '))
  const fields = mapColumns(parts)

  let dataStart = top + band.length
  if (isColumnNumberRow(rows[dataStart])) dataStart++

  let unitHint: string | null = null
  let parentHint: string | null = null
  for (let i = 0; i < top; i++) {
    for (const v of rows[i].cells) {
      if (typeof v !== 'string') continue
      const u = unitFromText(v)
      if (!u) continue
      if (/^chi bộ|^tổ đảng|^đảng bộ bộ phận/i.test(u)) unitHint ??= u
      else parentHint ??= u
    }
  }
  unitHint ??= unitFromSheetName(sheet.name)
  return {
    headerIndex: top,
    headerRow: band[band.length - 1].r,
    headerStart: first.r,
    dataStart,
    labels,
    fields,
    unitHint,
    parentHint,
    signature: headerSignature(labels)
  }
}

/**
 * The field a column's header parts (top to bottom) name. The whole label decides ("Ngày sinh /
 * Nam"). When it names nothing, a caption over many columns that names no field itself ("Thông tin
 * đảng viên", long as it may be) is passed over, unless only one bare word would be left: "Năm"
 * under "Khen thưởng" is the year of an award, not the birth date of a man.
 */
export function matchColumn(parts: string[]): ImportField | null {
  const whole = matchHeader(parts.join(' / '))
  if (whole && parts.length >= 2) {
    // The sub-label says which of the group's fields: "Ngày, tháng, năm vào Đảng / Chính thức" is
    // the official date, though the longer name inside it is the joining date's. A sub-label that
    // begins with a leading-only name is that field whatever the group: "Ghi chú / Miễn SH".
    const last = matchHeader(parts[parts.length - 1])
    if (
      last &&
      last !== whole &&
      (LEADING_ONLY.has(last) || SIBLINGS.some((g) => g.includes(whole) && g.includes(last)))
    )
      return last
  }
  if (whole || parts.length < 2 || matchHeader(parts[0])) return whole
  const rest = parts.slice(1)
  if (rest.length === 1 && !headerKey(rest[0]).includes(' ')) return null
  return matchColumn(rest)
}

/** Fields a group header splits into by its sub-labels. */
const SIBLINGS: ImportField[][] = [
  ['partyJoinDate', 'partyOfficialDate'],
  ['birthDate', 'birthDateMale', 'birthDateFemale']
]

/** Fields for the columns' header parts; a field named twice keeps its first column (position and note join). */
function mapColumns(columns: string[][]): (ImportField | null)[] {
  const fields = columns.map((parts) => (parts.length ? matchColumn(parts) : null))
  const used = new Set<ImportField>()
  const hasFamily = fields.includes('familyName')
  for (let c = 0; c < fields.length; c++) {
    let f = fields[c]
    if (f === 'givenName' && !hasFamily) f = 'fullName'
    if (f === 'familyName' && !fields.includes('givenName')) f = 'fullName'
    // "Nam" / "Nữ" alone (not under a birth-date group) are gender marks, handled by the same fields.
    if (f && used.has(f) && f !== 'position' && f !== 'note') f = null
    if (f) used.add(f)
    fields[c] = f
  }
  return fields
}
