// The import channels: open a file into a preview session, preview with the user's choices,
// commit (backup first, then one transaction), history, undo, and the annotated copy of a file
// with problems. Sessions live in memory, a few at a time.
import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type {
  ImportField,
  ImportLegacyNote,
  ImportOpenInput,
  ImportOpenOutput,
  ImportPreview,
  ImportPreviewInput,
  ImportProblem,
  ImportRecord,
  ImportRowPlan,
  ImportSheetInfo,
  ImportSummary,
  ImportUndoResult,
  PersonKind
} from '../../shared/api'
import type { CoreContext } from '../context'
import { inTransaction } from '../db/connection'
import { CoreError } from '../db/errors'
import { createBackup } from '../backup/backups'
import { backupKeep } from '../settings'
import { findUnitByName } from '../units/units'
import { cellText, columnLetter, type CellValue, type Grid } from './grid'
import { detectLayout, headerSignature, type SheetLayout } from './headers'
import { applyPlan, checkUndo, listImports, loadMapping, saveMapping, undoImport } from './history'
import { LEGACY_LABELS, type LegacyEncoding } from './legacy-encoding'
import { buildPlan, type Plan, type PlanOptions } from './plan'
import { readCsv } from './read-csv'
import { readXlsx } from './read-xlsx'
import { parseSheet, type Draft, type SeenKeys } from './rows'
import { sniffFile } from './sniff'

/** What the wizard shows of a sheet, kept when the grid itself is let go. */
interface SheetMeta {
  name: string
  hidden: boolean
  rowCount: number
  /** The first data rows (for the sample values of each column). */
  samples: CellValue[][]
}

interface Session {
  id: string
  path: string
  fileName: string
  /** The file as read; let go once a large file's rows are parsed (re-read if needed again). */
  grid: Grid | null
  /** Size and modification time of the file when read: a re-read must find the same file. */
  stamp: string
  sheets: SheetMeta[]
  layouts: SheetLayout[]
  /** Mapping per sheet after remembered mappings were applied. */
  fields: (ImportField | null)[][]
  remembered: boolean
  lastUsed: number
  drafts?: { key: string; drafts: Draft[] }
  plan?: { key: string; fingerprint: string; plan: Plan }
  last?: ImportPreviewInput
}

const MAX_SESSIONS = 2
/** Above this many rows a session keeps its drafts but not the grid they came from. */
const KEEP_GRID_ROWS = 5_000
const sessions = new Map<string, Session>()

function remember(s: Session): void {
  sessions.set(s.id, s)
  while (sessions.size > MAX_SESSIONS) {
    const oldest = Array.from(sessions.values()).sort((a, b) => a.lastUsed - b.lastUsed)[0]
    sessions.delete(oldest.id)
  }
}

function session(id: string): Session {
  const s = sessions.get(id)
  if (!s) throw new CoreError('NOT_FOUND', 'Phiên nhập đã hết hạn hoặc đã đóng; hãy mở lại tệp.')
  s.lastUsed = Date.now()
  return s
}

export function closeSession(id: string): null {
  sessions.delete(id)
  return null
}

/** Reads a file into a grid (refusing what cannot be read) — shared by open and the tests. */
export async function readGrid(path: string): Promise<Grid> {
  const kind = await sniffFile(path)
  if (kind === 'csv') {
    const { sheet, encoding } = readCsv(path)
    return { format: 'csv', encoding, sheets: [sheet] }
  }
  return { format: 'xlsx', encoding: null, sheets: await readXlsx(path) }
}

function fileStamp(path: string): string {
  try {
    const st = statSync(path)
    return `${st.size}:${st.mtimeMs}`
  } catch {
    return 'missing'
  }
}

/** The session's grid, read again from the file if it was let go (and refused if the file changed). */
async function gridOf(s: Session): Promise<Grid> {
  if (s.grid) return s.grid
  if (fileStamp(s.path) !== s.stamp) {
    throw new CoreError('CONFLICT', `Tệp "${s.fileName}" đã thay đổi (hoặc bị xóa, di chuyển) từ khi mở; hãy mở lại tệp để nhập.`)
  }
  const grid = await readGrid(s.path)
  if (grid.sheets.length !== s.sheets.length || grid.sheets.some((sh, i) => sh.rows.length !== s.sheets[i].rowCount)) {
    throw new CoreError('CONFLICT', `Tệp "${s.fileName}" đã thay đổi từ khi mở; hãy mở lại tệp để nhập.`)
  }
  return grid
}

function sheetMeta(sheet: Grid['sheets'][number], layout: SheetLayout): SheetMeta {
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    rowCount: sheet.rows.length,
    samples: sheet.rows.slice(layout.dataStart, layout.dataStart + 6).map((r) => r.cells)
  }
}

function sheetInfo(s: Pick<Session, 'sheets' | 'layouts' | 'fields'>, index: number): ImportSheetInfo {
  const sheet = s.sheets[index]
  const layout = s.layouts[index]
  const fields = s.fields[index]
  const columns = layout.labels.map((header, c) => ({
    index: c,
    letter: columnLetter(c),
    header,
    field: fields[c] ?? null,
    samples: sheet.samples.map((cells) => (cells[c] === null || cells[c] === undefined ? '' : cellText(cells[c]))).filter(Boolean).slice(0, 3)
  }))
  let skippedReason: string | null = null
  if (sheet.hidden) skippedReason = 'Trang tính bị ẩn.'
  else if (sheet.rowCount === 0) skippedReason = 'Trang tính trống.'
  else if (layout.headerIndex < 0) skippedReason = 'Không tìm thấy dòng tiêu đề cột (Họ và tên, Ngày sinh …).'
  else if (!fields.some((f) => f === 'fullName' || f === 'givenName')) skippedReason = 'Không có cột Họ và tên.'
  else if (layout.dataStart >= sheet.rowCount) skippedReason = 'Không có dòng dữ liệu dưới tiêu đề.'
  return {
    index,
    name: sheet.name,
    headerRow: layout.headerRow,
    dataRows: Math.max(0, sheet.rowCount - layout.dataStart),
    columns,
    unitHint: layout.unitHint,
    skippedReason
  }
}

export async function openImport(ctx: CoreContext, input: ImportOpenInput): Promise<ImportOpenOutput | null> {
  let path = input.path ?? null
  if (!path && input.chooseFile) {
    path = await ctx.platform.chooseOpenFile({
      title: 'Chọn danh sách cần nhập',
      filters: [{ name: 'Bảng tính (Excel, CSV)', extensions: ['xlsx', 'csv', 'txt'] }]
    })
  }
  if (!path) return null
  const stamp = fileStamp(path)
  const grid = await readGrid(path)
  const layouts = grid.sheets.map(detectLayout)
  let remembered = false
  const fields = layouts.map((l) => {
    if (!l.signature) return l.fields
    const saved = loadMapping(ctx.db, l.signature)
    if (saved && saved.length === l.fields.length) {
      remembered = true
      return saved
    }
    return l.fields
  })
  const sheets = grid.sheets.map((sh, i) => sheetMeta(sh, layouts[i]))
  const s: Session = { id: randomUUID(), path, fileName: basename(path), grid, stamp, sheets, layouts, fields, remembered, lastUsed: Date.now() }
  const infos = grid.sheets.map((_, i) => sheetInfo(s, i))
  if (!infos.some((i) => i.skippedReason === null)) {
    const why = infos.length === 0 ? 'Tệp không có trang tính nào.' : infos.map((i) => `"${i.name}": ${i.skippedReason}`).join(' ')
    throw new CoreError('FILE_NO_DATA', `Không tìm thấy danh sách người trong tệp. ${why} Cần một dòng tiêu đề có cột "Họ và tên" và các dòng dữ liệu bên dưới.`)
  }
  remember(s)
  const legacy = new Map<LegacyEncoding, number>()
  for (const sh of grid.sheets) for (const [enc, n] of Object.entries(sh.legacy) as [LegacyEncoding, number][]) legacy.set(enc, (legacy.get(enc) ?? 0) + n)
  const notes: ImportLegacyNote[] = Array.from(legacy, ([enc, cells]) => ({ encoding: LEGACY_LABELS[enc] as ImportLegacyNote['encoding'], cells }))
  return { sessionId: s.id, fileName: s.fileName, format: grid.format, encoding: grid.encoding, sheets: infos, legacy: notes, rememberedMapping: remembered }
}

function effectiveFields(s: Session, input: ImportPreviewInput): { included: number[]; fields: (ImportField | null)[][] } {
  const fields = s.fields.map((f) => [...f])
  const included: number[] = []
  s.sheets.forEach((_, i) => {
    const choice = input.sheets?.find((c) => c.index === i)
    if (choice?.mapping) {
      for (const [k, v] of Object.entries(choice.mapping)) {
        const c = Number(k)
        if (Number.isInteger(c) && c >= 0 && c < 1000) {
          while (fields[i].length <= c) fields[i].push(null)
          fields[i][c] = v
        }
      }
    }
    const info = sheetInfo({ ...s, fields }, i)
    const include = choice?.include ?? info.skippedReason === null
    if (include && s.layouts[i].headerIndex >= 0 && fields[i].some((f) => f === 'fullName' || f === 'givenName')) included.push(i)
  })
  return { included, fields }
}

function draftsKey(s: Session, input: ImportPreviewInput): string {
  const { included, fields } = effectiveFields(s, input)
  return JSON.stringify({ included, fields, kind: input.kind ?? 'member' })
}

/**
 * Parses the rows for the user's choices, once per set of choices: a preview and the commit that
 * follows reuse the drafts (and the plan, while the data file is unchanged). A large file's grid
 * is let go once parsed — the drafts hold all the import needs — and read again only if the
 * choices change or the problems are exported.
 */
async function ensureDrafts(s: Session, input: ImportPreviewInput): Promise<void> {
  const key = draftsKey(s, input)
  if (s.drafts?.key === key) return
  const grid = await gridOf(s)
  const { included, fields } = effectiveFields(s, input)
  const seen: SeenKeys = new Map()
  const drafts: Draft[] = []
  for (const i of included) {
    for (const d of parseSheet(grid.sheets[i], i, s.layouts[i], fields[i], { kind: input.kind ?? 'member' }, seen)) drafts.push(d)
  }
  s.drafts = { key, drafts }
  s.plan = undefined
  const rows = s.sheets.reduce((n, sh) => n + sh.rowCount, 0)
  s.grid = rows > KEEP_GRID_ROWS ? null : grid
}

function draftsFor(s: Session, input: ImportPreviewInput): Draft[] {
  if (!s.drafts || s.drafts.key !== draftsKey(s, input)) throw new CoreError('INTERNAL', 'Chưa đọc các dòng của tệp cho lựa chọn này.')
  return s.drafts.drafts
}

function planOptions(input: ImportPreviewInput): PlanOptions {
  return { unitId: input.unitId ?? null, parentUnitId: input.parentUnitId ?? null, unitChoices: input.unitChoices ?? [] }
}

function sheetHints(s: Session): Map<number, string | null> {
  return new Map(s.layouts.map((l, i) => [i, l.unitHint]))
}

/** Changes when anything is written to the data file, by this connection or another. */
function fingerprint(ctx: CoreContext): string {
  const dv = ctx.db.pragma('data_version', { simple: true })
  const tc = (ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  return `${ctx.dbPath}:${dv}:${tc}`
}

function planFor(ctx: CoreContext, s: Session, input: ImportPreviewInput): Plan {
  const drafts = draftsFor(s, input)
  const key = JSON.stringify([s.drafts?.key, planOptions(input)])
  const fp = fingerprint(ctx)
  if (s.plan && s.plan.key === key && s.plan.fingerprint === fp) return s.plan.plan
  const plan = buildPlan(ctx.db, drafts, planOptions(input), sheetHints(s))
  s.plan = { key, fingerprint: fp, plan }
  return plan
}

function rowPlan(r: Plan['rows'][number], plan: Plan): ImportRowPlan {
  const unit = plan.units.find((u) => u.key === r.unitKey)
  return {
    sheet: r.draft.sheet,
    row: r.draft.row,
    action: r.action,
    fullName: r.draft.fullName,
    unitName: unit?.name ?? null,
    personId: r.personId,
    changes: r.changes,
    reason: r.reason
  }
}

export async function previewImport(ctx: CoreContext, input: ImportPreviewInput): Promise<ImportPreview> {
  const s = session(input.sessionId)
  await ensureDrafts(s, input)
  s.last = input
  const plan = planFor(ctx, s, input)
  const offset = input.offset ?? 0
  const limit = Math.min(input.limit ?? 200, 2000)
  let rows = plan.rows
  if (input.filter === 'problems') rows = rows.filter((r) => r.draft.problems.length > 0)
  else if (input.filter) rows = rows.filter((r) => r.action === input.filter)
  return {
    sessionId: s.id,
    counts: plan.counts,
    units: plan.units.map(({ key: _key, ...u }) => u),
    rows: rows.slice(offset, offset + limit).map((r) => rowPlan(r, plan)),
    rowsTotal: rows.length,
    problems: plan.problems.slice(offset, offset + limit),
    problemsTotal: plan.problems.length,
    blockers: plan.blockers
  }
}

function summaryOf(fileName: string, plan: Plan, importId: number | null, backup: string | null, applied?: { created: number; updated: number; unchanged: number; skipped: number; unitsCreated: number }): ImportSummary {
  const c = plan.counts
  return {
    importId,
    fileName,
    created: applied?.created ?? c.create,
    updated: applied?.updated ?? c.update,
    unchanged: applied?.unchanged ?? c.unchanged,
    skipped: applied?.skipped ?? c.skip,
    unitsCreated: applied?.unitsCreated ?? c.unitsCreated,
    errors: allProblems(plan).filter((p) => p.severity === 'error'),
    warnings: plan.problems.filter((p) => p.severity === 'warning'),
    backup
  }
}

/** Test seam: runs inside the commit's transaction after the writes, before it ends. */
export const commitHooks: { afterWrites: null | (() => void) } = { afterWrites: null }

export async function commitImport(ctx: CoreContext, input: ImportPreviewInput): Promise<ImportSummary> {
  const s = session(input.sessionId)
  await ensureDrafts(s, input)
  const plan = planFor(ctx, s, input)
  if (plan.blockers.length > 0) throw new CoreError('IMPORT_BLOCKED', `Chưa nhập được: ${plan.blockers.join(' ')}`)
  const writes = plan.counts.create + plan.counts.update + plan.counts.unitsCreated > 0
  const backup = writes ? createBackup(ctx.db, ctx.backupDir, 'before-import', backupKeep(ctx.db)).fileName : null
  const applied = inTransaction(ctx.db, () => {
    // The backup does not write; anything else since the preview means the plan is recomputed.
    const fresh = planFor(ctx, s, input)
    if (fresh.blockers.length > 0) throw new CoreError('IMPORT_BLOCKED', `Chưa nhập được: ${fresh.blockers.join(' ')}`)
    const result = applyPlan(ctx.db, fresh, { name: s.fileName, path: s.path, backup })
    const { included, fields } = effectiveFields(s, input)
    for (const i of included) {
      const sig = s.layouts[i].signature || headerSignature(s.layouts[i].labels)
      saveMapping(ctx.db, sig, fields[i])
    }
    commitHooks.afterWrites?.()
    return { result, plan: fresh }
  })
  // The wizard is done with this file: free its memory (a 50,000-row grid is large).
  closeSession(s.id)
  return summaryOf(s.fileName, applied.plan, applied.result.importId, backup, applied.result)
}

export function importHistory(ctx: CoreContext): ImportRecord[] {
  return listImports(ctx.db)
}

export function undoImportById(ctx: CoreContext, importId: number): ImportUndoResult {
  checkUndo(ctx.db, importId)
  createBackup(ctx.db, ctx.backupDir, 'before-import', backupKeep(ctx.db))
  return undoImport(ctx.db, importId)
}

export { exportProblems } from './export-problems'

/** Problems of the session's last preview, keyed by sheet and row. */
export async function sessionProblems(ctx: CoreContext, sessionId: string): Promise<{ s: Session; grid: Grid; problems: ImportProblem[] }> {
  const s = session(sessionId)
  const input = s.last ?? { sessionId }
  await ensureDrafts(s, input)
  const plan = planFor(ctx, s, input)
  // The annotated copy needs every cell: read the file again if its grid was let go (not kept after).
  return { s, grid: await gridOf(s), problems: allProblems(plan) }
}

/** The cell problems, plus the reason of every row held back for another cause (a conflict, no unit). */
function allProblems(plan: Plan): ImportProblem[] {
  const problems = [...plan.problems]
  for (const r of plan.rows) {
    if (r.action === 'skip' && !r.draft.hasError && r.reason) {
      problems.push({ sheet: r.draft.sheet, row: r.draft.row, column: null, field: null, severity: 'error', message: r.reason })
    }
  }
  return problems
}

export interface ImportMembersOptions {
  /** Target unit by name (the CLI's --unit): rows whose unit the file does not name go there,
   *  and chi bộ named in the file that do not exist yet are created under it. */
  unitName?: string | null
  unitId?: number | null
  dryRun?: boolean
  kind?: PersonKind
}

/**
 * The whole import in one call, for the CLI (`import members FILE [--unit NAME] [--dry-run]`):
 * open, plan, and (unless dry-run) commit. A dry run returns the same summary with importId null.
 */
export async function importMembers(ctx: CoreContext, path: string, options: ImportMembersOptions = {}): Promise<ImportSummary> {
  let unitId = options.unitId ?? null
  if (options.unitName) {
    const u = findUnitByName(ctx.db, options.unitName)
    if (!u) throw new CoreError('NOT_FOUND', `Không tìm thấy đơn vị "${options.unitName}".`)
    unitId = u.id
  }
  const opened = await openImport(ctx, { path })
  if (!opened) throw new CoreError('NOT_FOUND', 'Chưa chọn tệp.')
  try {
    const input: ImportPreviewInput = { sessionId: opened.sessionId, unitId, parentUnitId: unitId, kind: options.kind }
    if (options.dryRun) {
      const s = session(opened.sessionId)
      await ensureDrafts(s, input)
      const plan = planFor(ctx, s, input)
      const summary = summaryOf(s.fileName, plan, null, null)
      if (plan.blockers.length > 0) throw new CoreError('IMPORT_BLOCKED', `Chưa nhập được: ${plan.blockers.join(' ')}`)
      return summary
    }
    return await commitImport(ctx, input)
  } finally {
    closeSession(opened.sessionId)
  }
}
