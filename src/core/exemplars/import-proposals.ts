// "Danh sách đề nghị khen thưởng" coming back up the tree: the chi bộ got the list (proposals.ts),
// filled in names, achievements and the form it asks for, and sends it back. Each row becomes a
// proposal (a new exemplar of the year) or updates one already registered. Rows are matched as
// the other sheets coming back are (evaluation/import-sheet.ts): by the hidden "Mã" column (the
// exemplar's id, checked against the name), else by name among the people, then the units, of
// the chi bộ's subtree; "Mô hình" or "Tập thể" in the note makes a model or an outside collective.
//
// The file goes through the importer's guards (sniffFile, readXlsx). The preview writes nothing;
// applying re-reads the file, refuses it if it changed since, backs up the data file and writes
// everything in one transaction.
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type {
  AwardForm,
  Exemplar,
  ExemplarFields,
  ProposalImportInput,
  ProposalImportPreview,
  ProposalImportResult,
  ProposalImportRow
} from '../../shared/api'
import { LEFT_STATUSES } from '../../shared/api'
import { AWARD_FORM_LABELS, parseAwardForm } from '../../shared/exemplar-labels'
import { cleanText, foldVietnamese } from '../../shared/vn-text'
import { createBackup } from '../backup/backups'
import type { CoreContext } from '../context'
import { inTransaction, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { cellText, columnLetter, type CellValue, type GridRow, type GridSheet } from '../excel/grid'
import { chosenFile, rememberChosen } from '../excel/chosen-files'
import { readXlsx } from '../excel/read-xlsx'
import { sniffFile } from '../excel/sniff'
import { backupKeep } from '../settings'
import { scopeRange } from '../units/subtree'
import { createExemplar, getExemplar, listExemplars, updateExemplar } from './register'

type Column = 'stt' | 'name' | 'place' | 'achievement' | 'form' | 'note' | 'id'

const fold = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** Header texts (folded) each column is known by, ours first. */
const HEADER_ALIASES: Record<Column, string[]> = {
  stt: ['stt', 'so tt', 'tt'],
  name: ['ho va ten ten tap the', 'ho va ten', 'ho ten', 'ten tap the', 'ho ten ten tap the'],
  place: ['chuc vu don vi', 'chuc vu', 'don vi', 'chuc vu noi cong tac'],
  achievement: ['tom tat thanh tich', 'thanh tich', 'thanh tich dat duoc'],
  form: ['hinh thuc de nghi', 'hinh thuc khen thuong', 'hinh thuc de nghi khen thuong'],
  note: ['ghi chu'],
  id: ['ma', 'ma so']
}

const LABELS: Record<Column, string> = {
  stt: 'STT',
  name: 'Họ và tên / tên tập thể',
  place: 'Chức vụ, đơn vị',
  achievement: 'Tóm tắt thành tích',
  form: 'Hình thức đề nghị',
  note: 'Ghi chú',
  id: 'Mã'
}

function headerKey(text: string): Column | null {
  const f = fold(text)
  if (!f) return null
  for (const [key, aliases] of Object.entries(HEADER_ALIASES) as [Column, string[]][])
    if (aliases.includes(f)) return key
  return null
}

interface Layout {
  sheet: GridSheet
  headerRow: number
  columns: Map<Column, number>
  fileYear: number | null
}

function findLayout(sheets: GridSheet[]): Layout | null {
  for (const sheet of [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)]) {
    for (const row of sheet.rows.filter((r) => r.r <= 60)) {
      const columns = new Map<Column, number>()
      row.cells.forEach((c, col) => {
        const key = headerKey(cellText(c))
        if (key && !columns.has(key)) columns.set(key, col)
      })
      if (!columns.has('name') || !columns.has('achievement')) continue
      // The subtitle names the year ("… cách làm hay năm 2025"); the date line above it ("ngày …
      // tháng … năm 2026") is the day the list was made, not its year.
      let fileYear: number | null = null
      for (const r of sheet.rows) {
        if (r.r >= row.r) break
        for (const c of r.cells) {
          const m = /(dien hinh|khen thuong|mo hinh).*\bnam (\d{4})\b/.exec(fold(cellText(c)))
          if (m) fileYear = Number(m[2])
        }
      }
      return { sheet, headerRow: row.r, columns, fileYear }
    }
  }
  return null
}

interface PersonRecord {
  id: number
  full_name: string
  unit_id: number
  unit_name: string
  position: string | null
}

interface Write {
  exemplarId: number | null
  fields: ExemplarFields
}

interface Plan {
  preview: ProposalImportPreview
  writes: Write[]
}

function fingerprintOf(path: string): string {
  const st = statSync(path)
  return `${st.size}:${Math.round(st.mtimeMs)}`
}

const blankFields = (unitId: number, year: number): ExemplarFields => ({
  kind: 'person',
  personId: null,
  unitId: null,
  name: null,
  field: null,
  sinceYear: null,
  achievement: null,
  proposedForm: null,
  proposingUnitId: unitId,
  year,
  toYear: null,
  movementId: null,
  evidence: null,
  press: []
})

const fieldsOf = (e: Exemplar): ExemplarFields => ({
  kind: e.kind,
  personId: e.personId,
  unitId: e.unitId,
  name: e.name,
  field: e.field,
  sinceYear: e.sinceYear,
  achievement: e.achievement,
  proposedForm: e.proposedForm,
  proposingUnitId: e.proposingUnitId,
  year: e.year,
  toYear: e.toYear,
  movementId: e.movementId,
  evidence: e.evidence,
  press: e.press
})

async function plan(
  db: Database,
  unitId: number,
  year: number,
  path: string,
  token: string
): Promise<Plan> {
  const unit = db.prepare('SELECT name FROM units WHERE id = ?').get(unitId) as
    { name: string } | undefined
  if (!unit) throw notFound('đơn vị')
  if ((await sniffFile(path)) !== 'xlsx')
    throw new CoreError(
      'FILE_NOT_XLSX',
      'Danh sách đề nghị phải là tệp Excel .xlsx (tệp được gửi xuống từ phần mềm, đã điền).'
    )
  const fingerprint = fingerprintOf(path)
  const layout = findLayout(await readXlsx(path))
  if (!layout)
    throw new CoreError(
      'NO_HEADER',
      'Không tìm thấy danh sách đề nghị trong tệp: cần dòng tiêu đề có cột "Họ và tên / tên tập thể" và "Tóm tắt thành tích".'
    )
  if (layout.fileYear !== null && layout.fileYear !== year)
    throw new CoreError(
      'YEAR_MISMATCH',
      `Tệp là danh sách đề nghị năm ${layout.fileYear}, không phải năm ${year}. Hãy chọn năm ${layout.fileYear} rồi nhập lại.`
    )
  const preview: ProposalImportPreview = {
    token,
    fileName: basename(path),
    fingerprint,
    sheetName: layout.sheet.name,
    unitName: unit.name,
    fileYear: layout.fileYear,
    rows: [],
    unchanged: 0,
    notMatched: [],
    ignored: []
  }
  const col = (k: Column) => layout.columns.get(k)
  const get = (row: GridRow, k: Column): CellValue =>
    col(k) === undefined ? null : (row.cells[col(k)!] ?? null)
  const text = (row: GridRow, k: Column) => cleanText(cellText(get(row, k)))

  const [lo, hi] = scopeRange(db, unitId)
  const peopleByName = db.prepare(
    `SELECT p.id, p.full_name, p.unit_id, u.name AS unit_name, p.position FROM people p JOIN units u ON u.id = p.unit_id
     WHERE p.name_key = ? AND u.path >= ? AND u.path < ? AND p.status NOT IN (SELECT value FROM json_each(?)) ORDER BY p.id`
  )
  const unitsByName = db.prepare(
    'SELECT id, name FROM units WHERE name_key = ? AND path >= ? AND path < ? AND retired_on IS NULL'
  )
  // What the chi bộ already proposed this year, to update rather than add twice.
  const registered = listExemplars(db, { unitId, year, limit: Number.MAX_SAFE_INTEGER }).rows
  const inScope = new Set(registered.map((e) => e.id))
  const existing = (f: ExemplarFields) =>
    registered.find(
      (e) =>
        e.kind === f.kind &&
        (f.kind === 'person'
          ? e.personId === f.personId
          : f.kind === 'unit'
            ? e.unitId === f.unitId
            : fold(e.name ?? '') === fold(f.name ?? ''))
    )

  const writes: Write[] = []
  const seen = new Map<string, number>()
  for (const row of layout.sheet.rows) {
    if (row.r <= layout.headerRow) continue
    const name = text(row, 'name')
    const idText = text(row, 'id')
    const stt = text(row, 'stt')
    if (!name && !idText) continue
    // The row of column numbers, totals, notes and signers: no STT and no Mã.
    if (/^\d+$/.test(name)) continue
    if (!/^\d+$/.test(idText) && !/^\d+\.?$/.test(stt)) continue
    const notMatched = (reason: string) =>
      preview.notMatched.push({ row: row.r, name: name || `(mã ${idText})`, reason })

    const formText = text(row, 'form')
    let proposedForm: AwardForm | null = null
    if (formText) {
      proposedForm = parseAwardForm(formText)
      if (!proposedForm)
        preview.ignored.push({
          row: row.r,
          column: columnLetter(col('form')!),
          message: `"${formText}" không phải hình thức khen thưởng (${Object.values(AWARD_FORM_LABELS).join(', ')}): để trống.`
        })
    }
    const achievement = col('achievement') === undefined ? null : text(row, 'achievement') || null
    const note = fold(text(row, 'note'))

    let target: ExemplarFields | null = null
    let current: Exemplar | undefined
    let by: ProposalImportRow['matchedBy'] = 'name'
    let placeText = text(row, 'place')
    if (/^\d+$/.test(idText)) {
      const e = inScope.has(Number(idText)) ? getExemplar(db, Number(idText)) : undefined
      if (!e) {
        notMatched(`Mã ${idText} không phải điển hình năm ${year} của ${unit.name}.`)
        continue
      }
      if (name && fold(name) !== fold(e.displayName)) {
        notMatched(`Mã ${idText} là của "${e.displayName}", khác tên trong tệp.`)
        continue
      }
      current = e
      target = fieldsOf(e)
      by = 'id'
      placeText = e.placeText
    } else if (/\bmo hinh\b/.test(note)) {
      target = { ...blankFields(unitId, year), kind: 'model', name, unitId }
      by = 'new'
    } else {
      const people = peopleByName.all(
        foldVietnamese(name),
        lo,
        hi,
        JSON.stringify(LEFT_STATUSES)
      ) as PersonRecord[]
      // Namesakes in one chi bộ: the "Chức vụ, đơn vị" cell may tell them apart.
      const place = fold(text(row, 'place'))
      const narrowed =
        people.length > 1 && place
          ? people.filter(
              (p) =>
                place.includes(fold(p.unit_name)) ||
                (!!p.position && place.includes(fold(p.position)))
            )
          : people
      const units = unitsByName.all(foldVietnamese(name), lo, hi) as { id: number; name: string }[]
      if (narrowed.length === 1) {
        const p = narrowed[0]
        target = { ...blankFields(unitId, year), kind: 'person', personId: p.id }
        placeText = [p.position, p.unit_name].filter(Boolean).join(', ')
      } else if (narrowed.length > 1) {
        notMatched(
          `${narrowed.length} người trong ${unit.name} trùng họ tên; hãy ghi rõ chức vụ, đơn vị hoặc giữ cột Mã của danh sách gửi xuống.`
        )
        continue
      } else if (units.length === 1) {
        target = { ...blankFields(unitId, year), kind: 'unit', unitId: units[0].id }
      } else if (/\btap the\b/.test(note)) {
        target = { ...blankFields(unitId, year), kind: 'outside', name }
        by = 'new'
      } else {
        notMatched(
          `Không có ai, hay tập thể nào, trong ${unit.name} trùng tên. Nếu là mô hình hoặc tập thể ngoài hệ thống, ghi "Mô hình" hoặc "Tập thể" ở cột Ghi chú.`
        )
        continue
      }
    }
    if (!current) {
      current = existing(target)
      if (current) target = fieldsOf(current)
    }
    const key = `${target.kind}:${target.personId ?? target.unitId ?? ''}:${fold(target.name ?? '')}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      notMatched(`Cùng một đề nghị với dòng ${earlier}.`)
      continue
    }
    seen.set(key, row.r)

    // The sheet says what was achieved and what form is asked for; an empty cell keeps what
    // is on file (a chi bộ leaving a cell blank has not asked to erase it).
    const next: ExemplarFields = {
      ...target,
      achievement: achievement ?? target.achievement,
      proposedForm: proposedForm ?? target.proposedForm
    }
    const changes: string[] = []
    if (current) {
      if ((next.achievement ?? '') !== (current.achievement ?? '')) changes.push(LABELS.achievement)
      if (next.proposedForm !== current.proposedForm) changes.push(LABELS.form)
      if (changes.length === 0) {
        preview.unchanged++
        continue
      }
    }
    preview.rows.push({
      row: row.r,
      action: current ? 'update' : 'add',
      exemplarId: current?.id ?? null,
      kind: next.kind,
      name: current?.displayName ?? name,
      placeText: current?.placeText ?? placeText,
      matchedBy: by,
      achievement: next.achievement,
      proposedForm: next.proposedForm,
      changes
    })
    writes.push({ exemplarId: current?.id ?? null, fields: next })
  }
  return { preview, writes }
}

export async function previewProposalImport(
  ctx: CoreContext,
  input: ProposalImportInput
): Promise<ProposalImportPreview | null> {
  const path = await ctx.platform.chooseOpenFile({
    title: 'Chọn danh sách đề nghị khen thưởng đã điền',
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (!path) return null
  return (await plan(ctx.db, input.unitId, input.year, path, rememberChosen(path))).preview
}

export async function applyProposalImport(
  ctx: CoreContext,
  input: { unitId: number; year: number; token: string; fingerprint: string }
): Promise<ProposalImportResult> {
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
  if (now !== input.fingerprint)
    throw new CoreError(
      'CONFLICT',
      `Tệp "${basename(path)}" đã thay đổi từ lúc xem trước; hãy xem trước lại rồi mới nhập.`
    )
  const { preview, writes } = await plan(ctx.db, input.unitId, input.year, path, input.token)
  const added = writes.filter((w) => w.exemplarId === null).length
  const result = { ...preview, added, updated: writes.length - added, backup: null }
  if (writes.length === 0) return result
  const backup = createBackup(ctx.db, ctx.backupDir, 'before-import', backupKeep(ctx.db))
  inTransaction(ctx.db, () => {
    for (const w of writes)
      if (w.exemplarId === null) createExemplar(ctx.db, w.fields)
      else updateExemplar(ctx.db, w.exemplarId, w.fields)
  })
  return { ...result, backup: backup.fileName }
}
