// A filled evaluation sheet coming back up the tree: the chi bộ rated its members in the sheet
// it was sent (export.ts) and returns it. Only the ratings, the reason of a "không xếp loại",
// the score and the note are imported; every other edit in the file (names, positions, added
// columns, unreadable values) is left alone and reported. Rows are matched by the hidden "Mã"
// column (the person id, checked against the name), else by name and birth date.
//
// The file is read with the importer's own guards (sniffFile: zip bombs, encrypted and
// mislabelled files; readXlsx: bounded rows, cells and time). Nothing is written by the
// preview; applying re-reads the file, refuses it if it changed since, backs up the data file
// and writes everything in one transaction.
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type {
  EvaluationEntry,
  EvaluationField,
  EvaluationImportChange,
  EvaluationImportInput,
  EvaluationImportPreview,
  EvaluationImportResult,
  NotRatedReason,
  Rating
} from '../../shared/api'
import { LEFT_STATUSES, NOT_RATED_REASONS } from '../../shared/api'
import {
  NOT_RATED_REASON_LABELS,
  RATING_SHORT_LABELS,
  RATING_STAGE_LABELS
} from '../../shared/labels'
import { formatNumber } from '../../shared/numbers'
import { displayPartialDate, readUserDate, type PartialDate } from '../../shared/partial-date'
import { cleanText, foldVietnamese } from '../../shared/vn-text'
import { audit } from '../audit/audit'
import { createBackup } from '../backup/backups'
import type { CoreContext } from '../context'
import { inTransaction, type Database } from '../db/connection'
import { CoreError } from '../db/errors'
import {
  cellText,
  columnLetter,
  DateCell,
  type CellValue,
  type GridRow,
  type GridSheet
} from '../excel/grid'
import { chosenFile, rememberChosen } from '../excel/chosen-files'
import { readXlsx } from '../excel/read-xlsx'
import { sniffFile } from '../excel/sniff'
import { backupKeep } from '../settings'
import { commitmentsOf } from './commitment'
import { SHEET_HEADERS, type SheetColumn } from './export'
import { merged, readRatings, sameRating, writeRatings, type StoredRating } from './ratings'

const fold = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** Header texts (folded) each column is known by, ours first. */
const HEADER_ALIASES: Record<SheetColumn, string[]> = {
  stt: ['stt', 'so tt', 'tt'],
  name: ['ho va ten', 'ho ten', 'ho va ten dang vien'],
  birth: ['ngay sinh', 'nam sinh', 'ngay thang nam sinh'],
  position: ['chuc vu', 'chuc vu dang', 'chuc vu chinh quyen'],
  score: ['diem thang 100', 'diem', 'tong diem', 'so diem'],
  self: ['tu xep loai', 'ca nhan tu xep loai', 'tu danh gia xep loai', 'dang vien tu xep loai'],
  proposed: ['chi bo de xuat', 'chi bo de nghi', 'chi bo xep loai', 'chi bo danh gia xep loai'],
  decided: [
    'cap uy quyet dinh',
    'cap uy xep loai',
    'dang uy quyet dinh',
    'cap tren quyet dinh',
    'cap uy co tham quyen quyet dinh'
  ],
  commitment: ['ket qua thuc hien cam ket', 'thuc hien cam ket', 'ket qua cam ket'],
  note: ['ghi chu'],
  id: ['ma', 'ma so', 'ma dang vien', 'ma nguoi']
}
const GROUP_HEADERS = ['xep loai chat luong', 'xep loai chat luong dang vien', 'muc xep loai']

function headerKey(text: string): SheetColumn | null {
  const f = fold(text)
  if (!f) return null
  for (const [key, aliases] of Object.entries(HEADER_ALIASES) as [SheetColumn, string[]][])
    if (aliases.includes(f)) return key
  return null
}

/** A rating as a chi bộ may type it; undefined when the text is not a rating. */
export function parseRating(
  text: string
): { rating: Rating | null; reason: NotRatedReason | null } | undefined {
  const f = fold(text)
  if (!f) return { rating: null, reason: null }
  const compact = f.replace(/ /g, '')
  const LEVELS: Record<string, Rating> = {
    htxsnv: 'HTXSNV',
    htxs: 'HTXSNV',
    hoanthanhxuatsacnhiemvu: 'HTXSNV',
    xuatsac: 'HTXSNV',
    httnv: 'HTTNV',
    htt: 'HTTNV',
    hoanthanhtotnhiemvu: 'HTTNV',
    tot: 'HTTNV',
    htnv: 'HTNV',
    ht: 'HTNV',
    hoanthanhnhiemvu: 'HTNV',
    khtnv: 'KHTNV',
    kht: 'KHTNV',
    khonghoanthanhnhiemvu: 'KHTNV'
  }
  if (LEVELS[compact]) return { rating: LEVELS[compact], reason: null }
  const m = /^(khong xep loai|khong xl|kxl)\b(.*)$/.exec(f)
  if (m) return { rating: 'not_rated', reason: reasonOf(m[2])?.reason ?? null }
  return undefined
}

const REASON_KEYS: [NotRatedReason, string[]][] = NOT_RATED_REASONS.map((r) => {
  const label = fold(NOT_RATED_REASON_LABELS[r])
  const extra: Record<NotRatedReason, string[]> = {
    exempt: [
      'mien sinh hoat',
      'mien cong tac va sinh hoat',
      'mien cong tac va sinh hoat dang',
      'mien sinh hoat dang'
    ],
    suspended: ['dinh chi sinh hoat', 'dinh chi'],
    new_member: ['moi ket nap', 'ket nap chua du 6 thang', 'dang vien moi ket nap'],
    temporary: ['sinh hoat tam thoi'],
    transferred: ['chuyen sinh hoat', 'chuyen di', 'da chuyen sinh hoat'],
    illness: ['om dau', 'om dau dai ngay', 'benh nang'],
    other: ['ly do khac']
  }
  return [r, [label, ...extra[r]].sort((a, b) => b.length - a.length)]
})

/** A reason at the start of a note cell ("Miễn công tác và sinh hoạt đảng. Đã báo cáo"), and the rest. */
export function reasonOf(text: string): { reason: NotRatedReason; rest: string } | null {
  const raw = cleanText(text).replace(/^[\s(–—:;.,-]+/, '')
  const f = fold(raw)
  for (const [reason, keys] of REASON_KEYS) {
    for (const k of keys) {
      if (f === k || f.startsWith(`${k} `)) {
        // Cut the same number of words from the original text.
        const words = k.split(' ').length
        const rest = raw
          .split(/\s+/)
          .slice(words)
          .join(' ')
          .replace(/^[\s)–—:;.,-]+/, '')
          .trim()
        return { reason, rest }
      }
    }
  }
  return null
}

function birthOf(v: CellValue): PartialDate | null {
  if (v === null) return null
  if (v instanceof DateCell)
    return `${v.year}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100) return String(v)
  return readUserDate(cellText(v))
}

/** Same day, or the same year when either side knows only the year. */
function sameBirth(a: string | null, b: string | null): boolean {
  if (!a || !b) return true
  if (a.length === 4 || b.length === 4) return a.slice(0, 4) === b.slice(0, 4)
  return a === b
}

interface Layout {
  sheet: GridSheet
  headerRow: number
  columns: Map<SheetColumn, number>
  /** Columns not ours: index → header text. */
  others: Map<number, string>
  fileYear: number | null
}

function findLayout(sheets: GridSheet[]): Layout | null {
  for (const sheet of [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)]) {
    const rows = sheet.rows.filter((r) => r.r <= 60)
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i].cells
      if (!cells.some((c) => headerKey(cellText(c)) === 'name')) continue
      // A two-row header: the group over the ratings above their own names; take both rows.
      const band = rows.filter((x) => x.r >= rows[i].r - 1 && x.r <= rows[i].r + 1)
      const columns = new Map<SheetColumn, number>()
      const others = new Map<number, string>()
      let last = rows[i].r
      for (const row of band) {
        row.cells.forEach((c, col) => {
          const text = cellText(c).trim()
          const key = headerKey(text)
          if (key && !columns.has(key) && ![...columns.values()].includes(col)) {
            columns.set(key, col)
            last = Math.max(last, row.r)
          } else if (
            !key &&
            text &&
            !GROUP_HEADERS.includes(fold(text)) &&
            row.r >= rows[i].r &&
            !/^\d+$/.test(text)
          ) {
            if (!others.has(col)) others.set(col, text)
          }
        })
      }
      if (!columns.has('self') && !columns.has('proposed') && !columns.has('decided')) continue
      for (const col of columns.values()) others.delete(col)
      let fileYear: number | null = null
      for (const row of sheet.rows) {
        if (row.r >= rows[i].r) break
        for (const c of row.cells) {
          const m = /xep loai.*\bnam (\d{4})\b/.exec(fold(cellText(c)))
          if (m) fileYear = Number(m[1])
        }
      }
      return { sheet, headerRow: last, columns, others, fileYear }
    }
  }
  return null
}

interface PersonRecord {
  id: number
  full_name: string
  name_key: string
  birth_date: string | null
  position: string | null
  kind: string
  status: string
  unit_name: string
}

const STAGES = ['self', 'proposed', 'decided'] as const

const FIELD_LABELS: Record<EvaluationField, string> = {
  ...RATING_STAGE_LABELS,
  reason: 'Lý do không xếp loại',
  score: 'Điểm',
  note: 'Ghi chú'
}

function show(field: EvaluationField, v: StoredRating[keyof StoredRating]): string | null {
  if (v === null) return null
  if (field === 'reason') return NOT_RATED_REASON_LABELS[v as NotRatedReason]
  if (field === 'score') return formatNumber(v as number)
  if (field === 'note') return String(v)
  return RATING_SHORT_LABELS[v as Rating]
}

interface Plan {
  preview: EvaluationImportPreview
  writes: Map<number, StoredRating>
}

function fingerprintOf(path: string): string {
  const st = statSync(path)
  return `${st.size}:${Math.round(st.mtimeMs)}`
}

async function plan(db: Database, year: number, path: string, token: string): Promise<Plan> {
  const kind = await sniffFile(path)
  if (kind !== 'xlsx')
    throw new CoreError(
      'FILE_NOT_XLSX',
      'Bảng xếp loại phải là tệp Excel .xlsx (tệp được gửi xuống từ phần mềm, đã điền).'
    )
  const fingerprint = fingerprintOf(path)
  const layout = findLayout(await readXlsx(path))
  if (!layout) {
    throw new CoreError(
      'NO_HEADER',
      'Không tìm thấy bảng xếp loại trong tệp: cần dòng tiêu đề có cột "Họ và tên" và ít nhất một cột "Tự xếp loại", "Chi bộ đề xuất" hoặc "Cấp ủy quyết định".'
    )
  }
  if (layout.fileYear !== null && layout.fileYear !== year) {
    throw new CoreError(
      'YEAR_MISMATCH',
      `Tệp là bảng xếp loại năm ${layout.fileYear}, không phải năm ${year}. Hãy chọn năm ${layout.fileYear} rồi nhập lại.`
    )
  }
  const preview: EvaluationImportPreview = {
    token,
    fileName: basename(path),
    fingerprint,
    sheetName: layout.sheet.name,
    fileYear: layout.fileYear,
    changes: [],
    unchanged: 0,
    notMatched: [],
    ignored: []
  }
  const col = (k: SheetColumn) => layout.columns.get(k)
  const letter = (k: SheetColumn) => columnLetter(col(k)!)
  const get = (row: GridRow, k: SheetColumn): CellValue =>
    col(k) === undefined ? null : (row.cells[col(k)!] ?? null)
  const text = (row: GridRow, k: SheetColumn) => cleanText(cellText(get(row, k)))

  const SELECT = `SELECT p.id, p.full_name, p.name_key, p.birth_date, p.position, p.kind, p.status, u.name AS unit_name
    FROM people p JOIN units u ON u.id = p.unit_id`
  const byId = db.prepare(`${SELECT} WHERE p.id = ?`)
  const byName = db.prepare(`${SELECT} WHERE p.name_key = ? AND p.kind = 'member' ORDER BY p.id`)

  interface Matched {
    row: GridRow
    person: PersonRecord
    by: 'id' | 'name'
  }
  const matched: Matched[] = []
  const seen = new Map<number, number>()
  const ignoredColumns = new Map<number, number>()
  for (const row of layout.sheet.rows) {
    if (row.r <= layout.headerRow) continue
    const name = text(row, 'name')
    const idText = text(row, 'id')
    const stt = text(row, 'stt')
    if (!name && !idText) continue
    // The row of column numbers, sub-headings, totals, notes and signers: no STT and no Mã.
    if (/^\d+$/.test(name)) continue
    if (!/^\d+$/.test(idText) && !/^\d+\.?$/.test(stt)) continue
    for (const c of layout.others.keys())
      if (cellText(row.cells[c] ?? null).trim())
        ignoredColumns.set(c, (ignoredColumns.get(c) ?? 0) + 1)

    let person: PersonRecord | undefined
    let by: 'id' | 'name' = 'id'
    let reason = ''
    if (/^\d+$/.test(idText)) {
      const p = byId.get(Number(idText)) as PersonRecord | undefined
      if (p && p.kind === 'member' && (!name || fold(name) === fold(p.full_name))) person = p
      else if (p) reason = `Mã ${idText} là của "${p.full_name}", khác tên trong tệp.`
      else reason = `Không có ai mang mã ${idText}.`
    }
    if (!person && name) {
      const birth = birthOf(get(row, 'birth'))
      const candidates = (byName.all(foldVietnamese(name)) as PersonRecord[]).filter(
        (p) =>
          sameBirth(p.birth_date, birth) &&
          (!(LEFT_STATUSES as readonly string[]).includes(p.status) ||
            !!readRatings(db, year, [p.id]).size)
      )
      if (candidates.length === 1) {
        person = candidates[0]
        by = 'name'
      } else if (candidates.length > 1)
        reason = `${candidates.length} đảng viên trùng họ tên và ngày sinh; hãy giữ cột Mã của bảng gửi xuống.`
      else reason ||= 'Không có đảng viên nào trùng họ tên và ngày sinh.'
    }
    if (!person) {
      preview.notMatched.push({ row: row.r, name: name || `(mã ${idText})`, reason })
      continue
    }
    const earlier = seen.get(person.id)
    if (earlier !== undefined) {
      preview.notMatched.push({ row: row.r, name, reason: `Cùng một người với dòng ${earlier}.` })
      continue
    }
    seen.set(person.id, row.r)
    matched.push({ row, person, by })
  }
  for (const [c, n] of ignoredColumns) {
    preview.ignored.push({
      row: null,
      column: columnLetter(c),
      message: `Cột ${columnLetter(c)} "${layout.others.get(c)}" (${n} ô có dữ liệu): không thuộc bảng xếp loại, không nhập.`
    })
  }

  const stored = readRatings(
    db,
    year,
    matched.map((m) => m.person.id)
  )
  const commitments =
    col('commitment') === undefined
      ? new Map()
      : commitmentsOf(
          db,
          year,
          matched.map((m) => m.person.id)
        )
  const writes = new Map<number, StoredRating>()
  for (const { row, person, by } of matched) {
    const ignore = (k: SheetColumn, message: string) =>
      preview.ignored.push({ row: row.r, column: letter(k), message })
    const entry: Omit<EvaluationEntry, 'personId'> = {}
    let reasonFromRating: NotRatedReason | null = null
    for (const s of STAGES) {
      if (col(s) === undefined) continue
      const raw = text(row, s)
      const parsed = parseRating(raw)
      if (parsed === undefined) {
        ignore(
          s,
          `"${raw}" không phải mức xếp loại (HTXSNV, HTTNV, HTNV, KHTNV hoặc Không xếp loại): giữ nguyên.`
        )
        continue
      }
      entry[s] = parsed.rating
      reasonFromRating ||= parsed.reason
    }
    if (col('note') !== undefined) {
      const raw = text(row, 'note')
      const r = reasonOf(raw)
      entry.note = r ? r.rest || null : raw || null
      if (r) entry.reason = r.reason
    }
    if (reasonFromRating) entry.reason = reasonFromRating
    if (col('score') !== undefined) {
      const v = get(row, 'score')
      const n = typeof v === 'number' ? v : Number(cellText(v).replace(',', '.').trim() || 'NaN')
      if (v === null || cellText(v).trim() === '') entry.score = null
      else if (Number.isFinite(n) && n >= 0 && n <= 100) entry.score = n
      else ignore('score', `Điểm "${cellText(v)}" không hợp lệ (0–100): giữ nguyên.`)
    }
    // What the sheet shows but does not import: tell when it differs from the data.
    const differs = (k: SheetColumn, fileText: string, dataText: string) => {
      if (col(k) !== undefined && fold(fileText) !== fold(dataText)) {
        ignore(
          k,
          `${SHEET_HEADERS[k]} "${fileText}" khác dữ liệu ("${dataText}"): không nhập (bảng chỉ nhập xếp loại và ghi chú).`
        )
      }
    }
    if (by === 'id') differs('name', text(row, 'name'), person.full_name)
    const birth = birthOf(get(row, 'birth'))
    if (
      col('birth') !== undefined &&
      (birth ?? '') !== (person.birth_date ?? '') &&
      text(row, 'birth') !== displayPartialDate(person.birth_date)
    ) {
      ignore(
        'birth',
        `Ngày sinh "${text(row, 'birth')}" khác dữ liệu ("${displayPartialDate(person.birth_date)}"): không nhập.`
      )
    }
    differs('position', text(row, 'position'), person.position ?? '')
    differs('commitment', text(row, 'commitment'), commitments.get(person.id)?.label ?? '')

    const before = stored.get(person.id)
    const after = merged(before, entry)
    const was = before ?? merged(undefined, {})
    if (sameRating(was, after)) {
      preview.unchanged++
      continue
    }
    const fields: EvaluationImportChange['fields'] = []
    for (const f of ['self', 'proposed', 'decided', 'reason', 'score', 'note'] as const) {
      if (was[f] !== after[f])
        fields.push({
          field: f,
          label: FIELD_LABELS[f],
          from: show(f, was[f]),
          to: show(f, after[f])
        })
    }
    preview.changes.push({
      row: row.r,
      personId: person.id,
      fullName: person.full_name,
      unitName: person.unit_name,
      matchedBy: by,
      fields
    })
    writes.set(person.id, after)
  }
  return { preview, writes }
}

export async function previewEvaluationImport(
  ctx: CoreContext,
  input: EvaluationImportInput
): Promise<EvaluationImportPreview | null> {
  const path = await ctx.platform.chooseOpenFile({
    title: 'Chọn bảng xếp loại đã điền',
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (!path) return null
  return (await plan(ctx.db, input.year, path, rememberChosen(path))).preview
}

export async function applyEvaluationImport(
  ctx: CoreContext,
  input: { year: number; token: string; fingerprint: string }
): Promise<EvaluationImportResult> {
  const path = chosenFile(input.token)
  if (!path)
    throw new CoreError(
      'NOT_FOUND',
      'Không còn tệp đã xem trước; hãy chọn và xem trước lại rồi mới nhập.'
    )
  let now: string
  try {
    now = fingerprintOf(path)
  } catch {
    throw new CoreError('NOT_FOUND', `Không tìm thấy tệp ${basename(path)}.`)
  }
  if (now !== input.fingerprint) {
    throw new CoreError(
      'CONFLICT',
      `Tệp "${basename(path)}" đã thay đổi từ lúc xem trước; hãy xem trước lại rồi mới nhập.`
    )
  }
  const { preview, writes } = await plan(ctx.db, input.year, path, input.token)
  if (writes.size === 0) return { ...preview, backup: null }
  const backup = createBackup(ctx.db, ctx.backupDir, 'before-import', backupKeep(ctx.db))
  inTransaction(ctx.db, () => {
    writeRatings(ctx.db, input.year, writes)
    audit(ctx.db, {
      action: 'ratings.bulk',
      detail: {
        how: 'import',
        unit: null,
        year: input.year,
        people: writes.size,
        file: basename(path)
      }
    })
  })
  return { ...preview, backup: backup.fileName }
}
