// import:open and import:layout: a file read into a session, each sheet's list found (header
// rows, columns, a glimpse of the data), and a sheet read again from another header row.
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type {
  ImportField,
  ImportLayoutInput,
  ImportLegacyNote,
  ImportOpenInput,
  ImportOpenOutput,
  ImportSheetInfo
} from '../../shared/api'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import { displayPartialDate } from '../../shared/partial-date'
import { readDateCell } from '../excel/dates'
import { cellText, columnLetter, type CellValue, type GridSheet } from '../excel/grid'
import { LEGACY_LABELS, type LegacyEncoding } from '../excel/legacy-encoding'
import { readGrid } from '../excel/read-grid'
import { runSliced } from '../jobs/slices'
import { detectLayout } from './headers'
import { loadMapping } from './history'
import type { ImportJob } from './import-job'
import { listSummarySteps } from './rows'
import {
  exclusive,
  fileStamp,
  gridOf,
  type Session,
  type SheetMeta,
  type SheetView
} from './sessions'

/** Reads a sheet with its header found (or starting at `headerStart`), in slices. */
async function makeView(
  ctx: CoreContext,
  sheet: GridSheet,
  headerStart: number | undefined,
  job: ImportJob | null
): Promise<SheetView> {
  const layout = detectLayout(sheet, headerStart)
  let fields = layout.fields
  let remembered = false
  if (layout.signature) {
    const saved = loadMapping(ctx.db, layout.signature)
    if (saved && saved.length === layout.fields.length) {
      fields = saved
      remembered = true
    }
  }
  if (layout.headerIndex < 0) return { layout, fields, remembered, dataRows: 0, samples: [] }
  const { dataRows, samples } = await runSliced(listSummarySteps(sheet, layout, fields), job)
  return { layout, fields, remembered, dataRows, samples }
}

/** Columns whose numbers may be dates (the exemption column may give the day it began). */
const DATE_FIELDS = new Set<ImportField | null>([
  'birthDate',
  'birthDateMale',
  'birthDateFemale',
  'partyJoinDate',
  'partyOfficialDate',
  'exempt'
])

/** A sample as the import will read it: a serial number under a date column is shown as its date. */
function sampleText(v: CellValue | undefined, field: ImportField | null): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number' && DATE_FIELDS.has(field)) {
    const r = readDateCell(v, '')
    if (r.value) return displayPartialDate(r.value)
  }
  return cellText(v)
}

export function hasNameField(fields: (ImportField | null)[]): boolean {
  return fields.some((f) => f === 'fullName' || f === 'givenName')
}

export function skippedReason(
  sheet: SheetMeta,
  view: SheetView,
  fields: (ImportField | null)[]
): string | null {
  if (sheet.hidden) return 'Trang tính bị ẩn.'
  if (sheet.rowCount === 0) return 'Trang tính trống.'
  if (view.layout.headerIndex < 0)
    return 'Không tìm thấy dòng tiêu đề cột (Họ và tên, Ngày sinh …).'
  if (!hasNameField(fields)) return 'Không có cột Họ và tên.'
  if (view.dataRows === 0) return 'Không có dòng dữ liệu dưới tiêu đề.'
  return null
}

function sheetInfo(sheet: SheetMeta, index: number, view: SheetView): ImportSheetInfo {
  const { layout, fields } = view
  const columns = layout.labels.map((header, c) => {
    const field = fields[c] ?? null
    const samples: string[] = []
    for (const cells of view.samples) {
      const t = sampleText(cells[c], field)
      if (t && samples.push(t) >= 3) break
    }
    return { index: c, letter: columnLetter(c), header, field, samples }
  })
  return {
    index,
    name: sheet.name,
    headerRow: layout.headerRow,
    headerStart: layout.headerStart,
    dataRows: view.dataRows,
    columns,
    unitHint: layout.unitHint,
    skippedReason: skippedReason(sheet, view, fields)
  }
}
export async function openImport(
  ctx: CoreContext,
  input: ImportOpenInput
): Promise<ImportOpenOutput | null> {
  const id = input.requestId ?? randomUUID()
  const job = ctx.imports.startOpening(id)
  try {
    const path = await ctx.platform.chooseOpenFile({
      title: 'Chọn danh sách cần nhập',
      filters: [{ name: 'Bảng tính (Excel, CSV)', extensions: ['xlsx', 'csv', 'txt'] }]
    })
    if (!path) return null
    job.throwIfCancelled()
    const stamp = fileStamp(path)
    const grid = await readGrid(path, job)
    job.begin(
      'checking',
      grid.sheets.reduce((n, sh) => n + sh.rows.length, 0),
      'Đang tìm danh sách trong tệp…'
    )
    const views: SheetView[] = []
    for (const sheet of grid.sheets) views.push(await makeView(ctx, sheet, undefined, job))
    const sheets = grid.sheets.map((sh) => ({
      name: sh.name,
      hidden: sh.hidden,
      rowCount: sh.rows.length
    }))
    const infos = sheets.map((sh, i) => sheetInfo(sh, i, views[i]))
    if (!infos.some((i) => i.skippedReason === null)) {
      const why =
        infos.length === 0
          ? 'Tệp không có trang tính nào.'
          : infos.map((i) => `"${i.name}": ${i.skippedReason}`).join(' ')
      throw new CoreError(
        'FILE_NO_DATA',
        `Không tìm thấy danh sách người trong tệp. ${why} Cần một dòng tiêu đề có cột "Họ và tên" và các dòng dữ liệu bên dưới.`
      )
    }
    job.throwIfCancelled()
    job.finish()
    const s: Session = {
      id,
      path,
      fileName: basename(path),
      grid,
      stamp,
      sheets,
      views,
      custom: new Map(),
      lastUsed: Date.now(),
      tail: Promise.resolve(),
      jobs: new Set(),
      job
    }
    ctx.imports.remember(s)
    const legacy = new Map<LegacyEncoding, number>()
    for (const sh of grid.sheets)
      for (const [enc, n] of Object.entries(sh.legacy) as [LegacyEncoding, number][])
        legacy.set(enc, (legacy.get(enc) ?? 0) + n)
    const notes: ImportLegacyNote[] = Array.from(legacy, ([enc, cells]) => ({
      encoding: LEGACY_LABELS[enc] as ImportLegacyNote['encoding'],
      cells
    }))
    const remembered = views.some((v) => v.remembered)
    return {
      sessionId: s.id,
      fileName: s.fileName,
      format: grid.format,
      encoding: grid.encoding,
      sheets: infos,
      legacy: notes,
      rememberedMapping: remembered
    }
  } finally {
    ctx.imports.endOpening(id)
  }
}

/** The view of a sheet with its header starting at `headerRow` (read once, then kept). */
export async function ensureView(
  ctx: CoreContext,
  s: Session,
  index: number,
  headerRow: number,
  job: ImportJob
): Promise<SheetView> {
  const detected = s.views[index]
  if (!detected) throw new CoreError('NOT_FOUND', 'Không có trang tính này trong tệp.')
  if (headerRow === detected.layout.headerStart) return detected
  const key = `${index}:${headerRow}`
  const known = s.custom.get(key)
  if (known) return known
  const sheet = (await gridOf(s, job)).sheets[index]
  if (!sheet.rows.some((r) => r.r === headerRow)) {
    throw new CoreError(
      'VALIDATION',
      `Dòng ${headerRow} của trang "${sheet.name}" trống hoặc nằm ngoài bảng; hãy chọn dòng có tên các cột (Họ và tên, Ngày sinh …).`,
      { headerRow: 'Dòng này trống.' }
    )
  }
  job.begin('checking', sheet.rows.length, 'Đang đọc lại trang tính với dòng tiêu đề mới…')
  const view = await makeView(ctx, sheet, headerRow, job)
  s.custom.set(key, view)
  return view
}

/** Reads one sheet again with its header starting at another row; null: back to the detected one. */
export async function sheetLayout(
  ctx: CoreContext,
  input: ImportLayoutInput
): Promise<ImportSheetInfo> {
  const s = ctx.imports.get(input.sessionId)
  const sheet = s.sheets[input.index]
  if (!sheet) throw new CoreError('NOT_FOUND', 'Không có trang tính này trong tệp.')
  const view = await exclusive(s, (job) =>
    input.headerRow === null
      ? Promise.resolve(s.views[input.index])
      : ensureView(ctx, s, input.index, input.headerRow, job)
  )
  return sheetInfo(sheet, input.index, view)
}
