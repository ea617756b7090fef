// Data rows → drafts of people, with the problems of each cell. Totals, notes and signature
// blocks under the data are recognised and left out; a row naming only a chi bộ starts a section.
import type {
  ImportField,
  ImportProblem,
  ImportProblemOutcome,
  PersonFields,
  PersonKind
} from '../../shared/api'
import {
  comparePartialDates,
  displayPartialDate,
  todayIso,
  type PartialDate
} from '../../shared/partial-date'
import { emptyPersonFields, personFieldWarnings } from '../../shared/person-rules'
import { cleanText } from '../../shared/vn-text'
import { CoreError } from '../db/errors'
import { normalisePerson } from '../people/validate'
import { readDateCell } from '../excel/dates'
import { cellText, columnLetter, type CellValue, type GridRow, type GridSheet } from '../excel/grid'
import { headerKey, unitFromText, type SheetLayout } from './headers'
import { CHUNK_ROWS, runWhole, type Steps } from '../jobs/slices'
import { KeyIndex } from './key-index'
import { clashText, identifierClash } from './same-person'

export interface Draft {
  sheetIndex: number
  sheet: string
  row: number
  /** Normalised fields (unitId still 0), null when the row has errors. */
  fields: PersonFields | null
  fullName: string
  /** The unit the row itself names (a "Chi bộ" column or a section row), if any. */
  unitName: string | null
  problems: ImportProblem[]
  hasError: boolean
  /** The row marks a member exempt ("Miễn sinh hoạt"); null: it says nothing about it. */
  exempt: ExemptMark | null
  /** An earlier row with the same name, birth date and unit that is another person (see same-person.ts). */
  sameNameBirth: Draft | null
}

/** What a "Miễn sinh hoạt" cell says of an exempt member. */
export interface ExemptMark {
  /** When the exemption began, as written (a day, a month or only a year); null: not written. */
  since: PartialDate | null
  /** Text written instead of a mark or a date ("QĐ 12/QĐ-ĐU"), kept in the status history. */
  note: string | null
  /** Column letter of the cell, for the problems about it. */
  column: string
}

const NO_PROBLEMS: ImportProblem[] = []

const FIELD_LABEL: Record<string, string> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  partyJoinDate: 'Ngày vào Đảng',
  partyOfficialDate: 'Ngày chính thức',
  partyCardNumber: 'Số thẻ đảng viên',
  partyProfileNumber: 'Số lý lịch',
  nationalId: 'Số CCCD',
  gender: 'Giới tính',
  phone: 'Số điện thoại'
}

const TEXT_FIELDS = [
  'ethnicity',
  'religion',
  'hometown',
  'residence',
  'position',
  'role',
  'education',
  'politicalTheory',
  'note'
] as const

const FOOTER =
  /^(t m|tm|thay mat|k t|kt)\b|nguoi lap|^bi thu$|^pho bi thu$|^xac nhan|ngay \d* ?thang \d* ?nam|^ghi chu|^luu y|^noi nhan|danh sach nay|^chu thich/
const FOOTER_HINT =
  /lập|t\/m|tm\.?\s|thay mặt|bí thư|xác nhận|ngày|ghi chú|lưu ý|nơi nhận|danh sách|chú thích|k\/t|kt\.?\s/i
const TOTAL = /^(tong cong|tong so|tong|cong|cong chi bo)\b/
const MARK = /^(x|v|✓|✔|1|có|co)$/i

/** cleanText for cell text the reader already put in NFC: only the spacing is tidied. */
function str(v: CellValue | undefined): string {
  if (v === null || v === undefined) return ''
  const t = typeof v === 'string' ? v : cellText(v)
  return /^\s|\s$|\s\s|[\t\n\r\u00a0]/.test(t) ? cleanText(t) : t
}

function plausibleName(t: string): boolean {
  return (
    t.length > 0 && t.length <= 80 && /\p{L}/u.test(t) && !/\d/.test(t) && t.split(' ').length <= 10
  )
}

const genderCache = new Map<CellValue, 'male' | 'female' | null | undefined>()
/** The few spellings of a gender column, each read once. */
function readGender(v: CellValue): 'male' | 'female' | null | undefined {
  if (typeof v !== 'string' || v.length > 20) return readGenderOf(v)
  if (genderCache.has(v)) return genderCache.get(v)
  if (genderCache.size > 1000) genderCache.clear()
  const g = readGenderOf(v)
  genderCache.set(v, g)
  return g
}

function readGenderOf(v: CellValue): 'male' | 'female' | null | undefined {
  const k = headerKey(str(v))
  if (!k) return null
  if (k === 'nam' || k === 'm' || k === 'male' || k === 'trai') return 'male'
  if (k === 'nu' || k === 'f' || k === 'female' || k === 'gai') return 'female'
  return undefined
}

interface IdReading {
  value: string | null
  warning?: string
  drop?: boolean
}

function readIdentifier(v: CellValue, length: number, label: string): IdReading {
  if (v === null) return { value: null }
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) return { value: String(v) }
    const s = String(v)
    if (s.length < length && s.length >= length - 2) {
      const padded = s.padStart(length, '0')
      return {
        value: padded,
        warning: `${label} ${s} mất số 0 ở đầu (Excel lưu ở dạng số); đã đọc là ${padded}.`
      }
    }
    return { value: s }
  }
  let t = str(v).replace(/^'/, '')
  if (/^[\d\s.-]+$/.test(t)) t = t.replace(/[\s.-]/g, '')
  return { value: t || null }
}

export interface ParseOptions {
  kind: PersonKind
  today?: string
}

/** Per-file duplicate keys, shared across sheets: per kind of key ("ll", "the", "cccd", "nb"), the value's first row. */
export type SeenKeys = Map<string, KeyIndex<Draft>>

function seenOf(seen: SeenKeys, kind: string): KeyIndex<Draft> {
  let m = seen.get(kind)
  if (!m) seen.set(kind, (m = new KeyIndex()))
  return m
}

interface Columns {
  /** The column of each mapped field (a field named twice: its first column). */
  col: Partial<Record<ImportField, number>>
  /** Every column of the fields whose columns are joined. */
  positionCols: number[]
  noteCols: number[]
  /** Columns that carry a field (not the row number). */
  mapped: number[]
  /**
   * Where a signature or date line gives itself away: the mapped columns but those whose free
   * text may legitimately say "Bí thư" or hold a date line (and the ignored ones, which may too).
   */
  footerCols: number[]
}

// The exemption column may hold a date line or a decision ("QĐ ngày 12 tháng 3 năm 2020").
const FREE_TEXT = new Set<ImportField | null>([
  'position',
  'note',
  'residence',
  'hometown',
  'role',
  'exempt'
])

function columnsOf(fields: (ImportField | null)[]): Columns {
  const col: Partial<Record<ImportField, number>> = {}
  const positionCols: number[] = []
  const noteCols: number[] = []
  fields.forEach((f, c) => {
    if (!f) return
    if (f === 'position') positionCols.push(c)
    else if (f === 'note') noteCols.push(c)
    if (col[f] === undefined) col[f] = c
  })
  const mapped = fields.map((f, c) => (f && f !== 'rowNumber' ? c : -1)).filter((c) => c >= 0)
  const footerCols = mapped.filter((c) => !FREE_TEXT.has(fields[c]))
  return { col, positionCols, noteCols, mapped, footerCols }
}

/** A row under the header that holds a person (or should, and has problems). */
interface ListRow {
  /** Index into sheet.rows. */
  index: number
  name: string
  /** The unit of the section the row is in ("Chi bộ Ấp 3" on a row of its own above it). */
  section: string | null
}

/**
 * The rows of the list: blank, totals and section rows are passed over, and a signature block or
 * the place-and-date line ends the list. One walk, used to parse the rows and to count and sample
 * them for the wizard.
 */
/**
 * The rows of the list as the last walk over this sheet found them, for the same header and
 * columns: the wizard counts the rows when the file opens, and the preview parses the same rows.
 */
const walked = new WeakMap<GridSheet, { key: string; rows: ListRow[] }>()

function* listRows(
  sheet: GridSheet,
  layout: SheetLayout,
  columns: Columns
): Generator<ListRow, void, void> {
  const key = JSON.stringify([
    layout.dataStart,
    sheet.rows.length,
    columns.col,
    columns.mapped,
    columns.footerCols
  ])
  const known = walked.get(sheet)
  if (known && known.key === key) {
    yield* known.rows
    return
  }
  const rows: ListRow[] = []
  for (const r of walkRows(sheet, layout, columns)) {
    rows.push(r)
    yield r
  }
  walked.set(sheet, { key, rows })
}

function* walkRows(
  sheet: GridSheet,
  layout: SheetLayout,
  { col, mapped, footerCols }: Columns
): Generator<ListRow, void, void> {
  let section: string | null = null
  const rows = sheet.rows
  for (let i = layout.dataStart; i < rows.length; i++) {
    const cells = rows[i].cells
    let name = ''
    if (col.fullName !== undefined) name = str(cells[col.fullName])
    else if (col.familyName !== undefined || col.givenName !== undefined) {
      name = cleanText(
        `${col.familyName !== undefined ? str(cells[col.familyName]) : ''} ${col.givenName !== undefined ? str(cells[col.givenName]) : ''}`
      )
    }
    let filled = 0
    for (const c of mapped) if (cells[c] !== null && cells[c] !== undefined) filled++
    const rowNo = col.rowNumber !== undefined ? cells[col.rowNumber] : null
    // Signature blocks and the place-and-date line end the list, even where they sit in the
    // name column ("NGƯỜI LẬP BIỂU") or under a date column ("T/M CHI BỘ").
    let footer = false
    for (let k = 0; k < footerCols.length && !footer; k++) {
      const v = cells[footerCols[k]]
      if (typeof v !== 'string' || !FOOTER_HINT.test(v)) continue
      footer = FOOTER.test(headerKey(v))
    }
    if (footer) return
    const personLike = plausibleName(name) && (filled >= 2 || typeof rowNo === 'number')
    if (!personLike) {
      const texts: string[] = []
      for (const v of cells) if (typeof v === 'string' && v.trim()) texts.push(v)
      if (texts.length === 0 && filled === 0) continue
      const keys = texts.map(headerKey)
      if (keys.some((k) => FOOTER.test(k))) return
      if (keys.length > 0 && TOTAL.test(keys[0])) continue
      const nonEmpty = cells.filter((v) => v !== null && v !== undefined).length
      if (nonEmpty <= 2) {
        const unit = texts.map(unitFromText).find((u) => u)
        if (unit) {
          section = unit
          continue
        }
      }
      const dataCells = filled - (name ? 1 : 0)
      if (name && !plausibleName(name) && dataCells >= 1) {
        // falls through: a person row whose name is wrong
      } else if (!name && dataCells >= 2) {
        // falls through: a person row without a name
      } else continue
    }
    yield { index: i, name, section }
  }
}

/**
 * Parses the rows of the list into drafts, in slices: yields the sheet rows gone through (counted
 * from the first data row) every CHUNK_ROWS rows. `seen` holds the keys of earlier sheets.
 */
export function* parseSheetSteps(
  sheet: GridSheet,
  sheetIndex: number,
  layout: SheetLayout,
  fields: (ImportField | null)[],
  options: ParseOptions,
  seen: SeenKeys
): Steps<Draft[]> {
  const today = options.today ?? todayIso()
  const drafts: Draft[] = []
  const columns = columnsOf(fields)
  let next = layout.dataStart + CHUNK_ROWS
  for (const r of listRows(sheet, layout, columns)) {
    if (r.index >= next) {
      yield r.index - layout.dataStart
      next = r.index + CHUNK_ROWS
    }
    drafts.push(
      parseRow(
        sheet,
        sheetIndex,
        sheet.rows[r.index],
        columns,
        r.name,
        r.section,
        options.kind,
        today,
        seen
      )
    )
  }
  return drafts
}

export function parseSheet(
  sheet: GridSheet,
  sheetIndex: number,
  layout: SheetLayout,
  fields: (ImportField | null)[],
  options: ParseOptions,
  seen: SeenKeys
): Draft[] {
  return runWhole(parseSheetSteps(sheet, sheetIndex, layout, fields, options, seen))
}

export interface ListSummary {
  /** Rows of people under the header (no totals, notes or signatures). */
  dataRows: number
  /** Cells of the first data rows, for the sample values of each column. */
  samples: CellValue[][]
}

const SAMPLE_ROWS = 20

/** Counts the rows of the list and keeps the first few, in slices (see parseSheetSteps). */
export function* listSummarySteps(
  sheet: GridSheet,
  layout: SheetLayout,
  fields: (ImportField | null)[]
): Steps<ListSummary> {
  const samples: CellValue[][] = []
  let dataRows = 0
  let next = layout.dataStart + CHUNK_ROWS
  for (const r of listRows(sheet, layout, columnsOf(fields))) {
    if (r.index >= next) {
      yield r.index - layout.dataStart
      next = r.index + CHUNK_ROWS
    }
    dataRows++
    if (samples.length < SAMPLE_ROWS) samples.push(sheet.rows[r.index].cells)
  }
  return { dataRows, samples }
}

// parseRow's helpers and tables are top-level, not closures and literals inside it: it runs for
// every row, and each closure or array literal there is a new object per row (a closure also gets
// a naming call when esbuild keeps names, as tsx and the dev build do).

const DATE_FIELDS = ['birthDate', 'partyJoinDate', 'partyOfficialDate'] as const
/** Birth date written under a "Nam" or "Nữ" column: the column gives the gender. */
const GENDER_DATE_FIELDS = [
  ['birthDateMale', 'male'],
  ['birthDateFemale', 'female']
] as const
const ID_COLUMNS = [
  ['partyCardNumber', 8, 'Số thẻ đảng viên'],
  ['partyProfileNumber', 8, 'Số lý lịch'],
  ['nationalId', 12, 'Số CCCD']
] as const
const OLD_ID_CARD = /^\d{9}$/

function addProblem(
  problems: ImportProblem[],
  sheet: GridSheet,
  row: GridRow,
  c: number | undefined,
  field: ImportField | null,
  severity: 'error' | 'warning',
  message: string,
  outcome: ImportProblemOutcome | null
): void {
  const v = c === undefined ? null : row.cells[c]
  const value = v === null || v === undefined ? null : str(v) || null
  problems.push({
    sheet: sheet.name,
    row: row.r,
    column: c === undefined ? null : columnLetter(c),
    field,
    severity,
    message,
    outcome,
    value
  })
}

/** The texts of several columns joined with "; ", or null when all are empty. */
function joinedText(cells: CellValue[], cs: number[]): string | null {
  let out = ''
  for (const c of cs) {
    const t = str(cells[c])
    if (t) out = out ? `${out}; ${t}` : t
  }
  return out || null
}

export interface ExemptReading {
  /** Exempt, with the date and note the cell gives; null: the cell says nothing, or "not exempt". */
  exempt: Omit<ExemptMark, 'column'> | null
  /** Vietnamese note on the reading: a date in the future left out, a two-digit year guessed. */
  warning?: string
}

/** "không", "0" or a dash: not exempt. */
const NOT_EXEMPT = /^(không|khong|ko|0|[-–—]+)$/i
/** "miễn" written as the mark, besides the usual marks ("x", "✓", "có", "1": MARK). */
const EXEMPT_WORD = /^(miễn|mien)$/i
const NOT_SAID: ExemptReading = { exempt: null }
const MARKED: ExemptReading = { exempt: { since: null, note: null } }

/**
 * Reads a "Miễn sinh hoạt" cell: empty or a "no" says nothing (nothing to do); a mark means exempt;
 * a date or a year, exempt since then; any other text, exempt with that text as the note.
 */
export function readExemptCell(v: CellValue, today: string): ExemptReading {
  if (v === null || typeof v === 'boolean') return v ? MARKED : NOT_SAID
  const t = typeof v === 'string' ? str(v) : typeof v === 'number' ? String(v) : null
  if (t !== null) {
    if (t === '' || NOT_EXEMPT.test(t)) return NOT_SAID
    if (MARK.test(t) || EXEMPT_WORD.test(t)) return MARKED
  }
  const date = readDateCell(v, 'Ngày miễn sinh hoạt', today)
  if (!date.value) return { exempt: { since: null, note: t ?? cellText(v) } }
  if (comparePartialDates(date.value, today) > 0) {
    return {
      exempt: { since: null, note: null },
      warning: `Ngày miễn sinh hoạt ${displayPartialDate(date.value)} ở tương lai; đã ghi miễn từ ngày nhập.`
    }
  }
  return { exempt: { since: date.value, note: null }, warning: date.warning }
}

export const EXEMPT_MEMBERS_ONLY = 'Miễn sinh hoạt chỉ áp dụng cho đảng viên; đã bỏ qua.'

/** The exemption a row's cell marks (with its problems), for members only. */
function exemptMark(
  sheet: GridSheet,
  row: GridRow,
  c: number,
  kind: PersonKind,
  today: string,
  problems: ImportProblem[]
): ExemptMark | null {
  const r = readExemptCell(row.cells[c] ?? null, today)
  if (!r.exempt) return null
  if (kind !== 'member') {
    addProblem(problems, sheet, row, c, 'exempt', 'warning', EXEMPT_MEMBERS_ONLY, 'dropped')
    return null
  }
  if (r.warning) addProblem(problems, sheet, row, c, 'exempt', 'warning', r.warning, 'kept')
  return { ...r.exempt, column: columnLetter(c) }
}

/** The duplicate keys of a row, in the order they are checked. */
const KEY_KINDS = ['ll', 'the', 'cccd', 'nb'] as const

function duplicateReason(kind: (typeof KEY_KINDS)[number], value: string): string {
  return kind === 'll'
    ? `cùng số lý lịch ${value}`
    : kind === 'the'
      ? `cùng số thẻ ${value}`
      : kind === 'cccd'
        ? `cùng số CCCD ${value}`
        : 'cùng họ tên và ngày sinh'
}

function parseRow(
  sheet: GridSheet,
  sheetIndex: number,
  row: GridRow,
  { col, positionCols, noteCols }: Columns,
  name: string,
  section: string | null,
  kind: PersonKind,
  today: string,
  seen: SeenKeys
): Draft {
  const cells = row.cells
  const problems: ImportProblem[] = []
  const columns: Partial<Record<keyof PersonFields, number>> = {}

  const p = emptyPersonFields(0, kind)
  p.fullName = name
  columns.fullName = col.fullName ?? col.givenName ?? col.familyName

  for (const key of TEXT_FIELDS) {
    if (key === 'position' || key === 'note') continue
    const c = col[key]
    if (c === undefined) continue
    const t = str(cells[c])
    if (t) {
      p[key] = t
      columns[key] = c
    }
  }
  if (positionCols.length) {
    p.position = joinedText(cells, positionCols)
    columns.position = positionCols[0]
  }
  if (noteCols.length) {
    p.note = joinedText(cells, noteCols)
    columns.note = noteCols[0]
  }

  for (const key of DATE_FIELDS) {
    const c = col[key]
    if (c === undefined || cells[c] === null || cells[c] === undefined) continue
    columns[key] = c
    const r = readDateCell(cells[c], FIELD_LABEL[key], today)
    if (r.error) addProblem(problems, sheet, row, c, key, 'error', r.error, 'dropped')
    else p[key] = r.value
    if (r.warning) addProblem(problems, sheet, row, c, key, 'warning', r.warning, 'kept')
  }

  // Birth date written under a "Nam" or "Nữ" column: the column gives the gender.
  for (const [key, gender] of GENDER_DATE_FIELDS) {
    const c = col[key]
    if (c === undefined) continue
    const v = cells[c]
    if (v === null || v === undefined) continue
    if (p.gender && p.gender !== gender) {
      addProblem(
        problems,
        sheet,
        row,
        c,
        key,
        'warning',
        'Cả cột Nam và cột Nữ đều có giá trị; không xác định được giới tính.',
        'dropped'
      )
      p.gender = null
      continue
    }
    p.gender = gender
    columns.gender = c
    if (typeof v === 'string' && MARK.test(v.trim())) continue
    columns.birthDate = c
    const r = readDateCell(v, 'Ngày sinh', today)
    if (r.error) addProblem(problems, sheet, row, c, key, 'error', r.error, 'dropped')
    else if (!p.birthDate) p.birthDate = r.value
    if (r.warning) addProblem(problems, sheet, row, c, key, 'warning', r.warning, 'kept')
  }

  if (col.gender !== undefined && cells[col.gender] !== null && cells[col.gender] !== undefined) {
    const g = readGender(cells[col.gender])
    columns.gender = col.gender
    if (g === undefined)
      addProblem(
        problems,
        sheet,
        row,
        col.gender,
        'gender',
        'warning',
        `Giới tính "${str(cells[col.gender])}" không rõ (ghi Nam hoặc Nữ); đã bỏ trống.`,
        'dropped'
      )
    else if (g) p.gender = g
  }

  for (const [key, length, label] of ID_COLUMNS) {
    const c = col[key]
    if (c === undefined || cells[c] === null || cells[c] === undefined) continue
    columns[key] = c
    const r = readIdentifier(cells[c], length, label)
    if (key === 'nationalId' && r.value && OLD_ID_CARD.test(r.value)) {
      addProblem(
        problems,
        sheet,
        row,
        c,
        key,
        'warning',
        `Số ${r.value} là CMND cũ (9 số), không phải CCCD; chưa nhập số này.`,
        'dropped'
      )
      continue
    }
    p[key] = r.value
    if (r.warning) addProblem(problems, sheet, row, c, key, 'warning', r.warning, 'kept')
  }

  if (col.phone !== undefined && cells[col.phone] !== null && cells[col.phone] !== undefined) {
    const v = cells[col.phone]
    columns.phone = col.phone
    let t = typeof v === 'number' ? String(v) : str(v)
    if (typeof v === 'number' && t.length === 9) t = `0${t}`
    p.phone = t || null
  }

  const exempt =
    col.exempt !== undefined ? exemptMark(sheet, row, col.exempt, kind, today, problems) : null

  const unitCol = col.unitName
  const unitName = unitCol !== undefined && str(cells[unitCol]) ? str(cells[unitCol]) : section

  // A value that cannot be right costs its cell, not the person: the field is left empty (an error
  // on the cell) and the rules are checked again. Only a row without a usable name is held back.
  let fields: PersonFields | null = null
  for (;;) {
    try {
      fields = normalisePerson(p, today)
      break
    } catch (e) {
      if (!(e instanceof CoreError) || !e.fields) throw e
      const errs = e.fields as Partial<Record<keyof PersonFields, string>>
      if (errs.fullName) {
        addProblem(
          problems,
          sheet,
          row,
          columns.fullName,
          'fullName',
          'error',
          errs.fullName,
          'row'
        )
        break
      }
      for (const k of Object.keys(errs) as (keyof PersonFields)[]) {
        // The phone is a note for contact, not who the person is: a warning.
        const severity = k === 'phone' ? 'warning' : 'error'
        addProblem(
          problems,
          sheet,
          row,
          columns[k],
          (k in FIELD_LABEL ? k : null) as ImportField | null,
          severity,
          errs[k]!,
          'dropped'
        )
        ;(p as unknown as Record<string, unknown>)[k] = null
      }
    }
  }
  if (fields) {
    // Unusual but possible values come in as written, with a warning on their cell.
    const warnings = personFieldWarnings(fields)
    for (const k in warnings) {
      const field = k as keyof PersonFields
      addProblem(
        problems,
        sheet,
        row,
        columns[field],
        (field in FIELD_LABEL ? field : null) as ImportField | null,
        'warning',
        warnings[field]!,
        'kept'
      )
    }
  }

  // The same person twice in the file: the later row is held back. The same identifier is the same
  // person; the same name and birth date (in the same unit) too, unless an identifier differs
  // (same-person.ts: the rule matching against the data file follows as well).
  let ll: string | null = null
  let the: string | null = null
  let cccd: string | null = null
  let nb: string | null = null
  let alike: Draft | null = null
  if (fields) {
    ll = fields.partyProfileNumber || null
    the = fields.partyCardNumber || null
    cccd = fields.nationalId || null
    if (fields.birthDate)
      nb = `${fields.fullName.toLowerCase()}|${fields.birthDate}|${unitName ? unitName.toLowerCase() : ''}`
    for (let k = 0; k < KEY_KINDS.length; k++) {
      const value = k === 0 ? ll : k === 1 ? the : k === 2 ? cccd : nb
      if (value === null) continue
      const kind = KEY_KINDS[k]
      let first = seenOf(seen, kind).get(value)
      if (first && kind === 'nb') {
        // Every earlier row alike, latest first: the first that nothing tells apart is this person.
        alike = first
        while (first && identifierClash(fields, first.fields!))
          first = first.sameNameBirth ?? undefined
      }
      if (first) {
        const where =
          first.sheet === sheet.name
            ? `dòng ${first.row}`
            : `dòng ${first.row} trang "${first.sheet}"`
        problems.push({
          sheet: sheet.name,
          row: row.r,
          column: null,
          field: null,
          severity: 'error',
          message: `Người này đã có ở ${where} (${duplicateReason(kind, value)}).`,
          outcome: 'row',
          value: null
        })
        fields = null
        alike = null
        break
      }
    }
    if (fields && alike) {
      const other = alike.fields!
      const k = identifierClash(fields, other)!
      const where =
        alike.sheet === sheet.name
          ? `dòng ${alike.row}`
          : `dòng ${alike.row} trang "${alike.sheet}"`
      problems.push({
        sheet: sheet.name,
        row: row.r,
        column: null,
        field: null,
        severity: 'warning',
        message: `Cùng họ tên và ngày sinh với ${where} nhưng khác ${clashText(k, other, fields)}: nhập thành hai người; hãy kiểm tra lại.`,
        outcome: 'kept',
        value: null
      })
    }
  }
  const draft: Draft = {
    sheetIndex,
    sheet: sheet.name,
    row: row.r,
    fields,
    fullName: fields?.fullName ?? name,
    unitName,
    problems: problems.length ? problems : NO_PROBLEMS,
    hasError: fields === null,
    exempt,
    sameNameBirth: alike
  }
  // The draft itself says where the key was first seen: no extra object per key and row.
  if (fields) {
    if (ll !== null) seenOf(seen, 'll').set(ll, draft)
    if (the !== null) seenOf(seen, 'the').set(the, draft)
    if (cccd !== null) seenOf(seen, 'cccd').set(cccd, draft)
    if (nb !== null) seenOf(seen, 'nb').set(nb, draft)
  }
  return draft
}
