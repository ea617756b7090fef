// The import channels: open a file into a preview session, preview with the user's choices,
// commit (backup first, then one transaction), history, undo, and the annotated copy of a file
// with problems. Sessions live in memory, a few at a time.
import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type {
  ImportExportProblemsInput,
  ImportField,
  ImportLayoutInput,
  ImportLegacyNote,
  ImportOpenInput,
  ImportOpenOutput,
  ImportPreview,
  ImportPreviewInput,
  ImportProblem,
  ImportProgress,
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
import { displayPartialDate } from '../../shared/partial-date'
import { readDateCell } from './dates'
import { chooseExportPath, writeProblemsFile } from './export-problems'
import { cellText, columnLetter, type CellValue, type Grid, type GridSheet } from './grid'
import { detectLayout, headerSignature, type SheetLayout } from './headers'
import { applyPlan, checkUndo, listImports, loadMapping, saveMapping, undoImport } from './history'
import { ImportJob, runSliced, runWhole, type Steps } from './job'
import { LEGACY_LABELS, type LegacyEncoding } from './legacy-encoding'
import { planSteps, type Plan, type PlanOptions } from './plan'
import { readGrid } from './read-grid'
import { listSummarySteps, parseSheetSteps, type Draft, type SeenKeys } from './rows'

/** A sheet as the file holds it, kept when the grid itself is let go. */
interface SheetMeta {
  name: string
  hidden: boolean
  rowCount: number
}

/** A sheet read with one header row: where the list is, its columns, and a glimpse of it. */
interface SheetView {
  layout: SheetLayout
  /** The detected fields, or those remembered from an earlier import of the same headers. */
  fields: (ImportField | null)[]
  remembered: boolean
  /** Rows of people under the header (no totals, notes or signatures). */
  dataRows: number
  /** The first of those rows, for the sample values of each column. */
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
  /** Per sheet, as detected. */
  views: SheetView[]
  /** Per sheet and header row the user chose instead ("sheet:row"). */
  custom: Map<string, SheetView>
  lastUsed: number
  drafts?: { key: string; drafts: Draft[] }
  plan?: { key: string; fingerprint: string; plan: Plan }
  last?: ImportPreviewInput
  /** The calls of a session run one after another: slices of two must never interleave. */
  tail: Promise<unknown>
  /** Calls running or waiting their turn: a cancel or a close stops them all. */
  jobs: Set<ImportJob>
  /** The latest call to start: what import:progress tells, even after it ended. */
  job: ImportJob | null
}

const MAX_SESSIONS = 2
/** Above this many rows a session keeps its drafts but not the grid they came from. */
const KEEP_GRID_ROWS = 5_000
const sessions = new Map<string, Session>()
/** Opens still reading, by the id their session will have: progress and cancel find them here. */
const opening = new Map<string, ImportJob>()

function remember(s: Session): void {
  sessions.set(s.id, s)
  // The oldest idle session makes room (one with a call running is never dropped under it).
  const idle = Array.from(sessions.values())
    .filter((x) => x.jobs.size === 0 && x !== s)
    .sort((a, b) => a.lastUsed - b.lastUsed)
  while (sessions.size > MAX_SESSIONS && idle.length > 0) sessions.delete(idle.shift()!.id)
}

function session(id: string): Session {
  const s = sessions.get(id)
  if (!s) throw new CoreError('NOT_FOUND', 'Phiên nhập đã hết hạn hoặc đã đóng; hãy mở lại tệp.')
  s.lastUsed = Date.now()
  return s
}

export function closeSession(id: string): null {
  const s = sessions.get(id)
  if (s) for (const job of s.jobs) job.cancel()
  sessions.delete(id)
  return null
}

/** Sessions in memory and opens under way: how tests see that a cancelled open left nothing. */
export function openSessionCount(): { sessions: number; opening: number } {
  return { sessions: sessions.size, opening: opening.size }
}

/** Runs a call of the session after the calls before it, as a job progress and cancel can reach. */
async function exclusive<T>(s: Session, work: (job: ImportJob) => Promise<T>): Promise<T> {
  const job = new ImportJob()
  s.jobs.add(job)
  const run = s.tail.then(async () => {
    s.job = job
    job.throwIfCancelled()
    const out = await work(job)
    job.finish()
    return out
  })
  s.tail = run.catch(() => undefined)
  try {
    return await run
  } finally {
    s.jobs.delete(job)
  }
}

export function importProgress(id: string): ImportProgress {
  const job = opening.get(id) ?? sessions.get(id)?.job
  if (job) return job.progress
  if (sessions.has(id)) return { phase: 'done', done: 0, total: null, message: 'Xong' }
  throw new CoreError('NOT_FOUND', 'Không có việc nhập nào đang chạy với mã này (đã xong, đã hủy hoặc đã đóng).')
}

/** Stops the open, preview, commit or export under way for this id at its next step; a commit only before it writes. */
export function cancelImport(id: string): null {
  opening.get(id)?.cancel()
  const s = sessions.get(id)
  if (s) for (const job of s.jobs) job.cancel()
  return null
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
async function gridOf(s: Session, job: ImportJob | null = null): Promise<Grid> {
  if (s.grid) return s.grid
  if (fileStamp(s.path) !== s.stamp) {
    throw new CoreError('CONFLICT', `Tệp "${s.fileName}" đã thay đổi (hoặc bị xóa, di chuyển) từ khi mở; hãy mở lại tệp để nhập.`)
  }
  const grid = await readGrid(s.path, job)
  if (grid.sheets.length !== s.sheets.length || grid.sheets.some((sh, i) => sh.rows.length !== s.sheets[i].rowCount)) {
    throw new CoreError('CONFLICT', `Tệp "${s.fileName}" đã thay đổi từ khi mở; hãy mở lại tệp để nhập.`)
  }
  return grid
}

/** Reads a sheet with its header found (or starting at `headerStart`), in slices. */
async function makeView(ctx: CoreContext, sheet: GridSheet, headerStart: number | undefined, job: ImportJob | null): Promise<SheetView> {
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
const DATE_FIELDS = new Set<ImportField | null>(['birthDate', 'birthDateMale', 'birthDateFemale', 'partyJoinDate', 'partyOfficialDate', 'exempt'])

/** A sample as the import will read it: a serial number under a date column is shown as its date. */
function sampleText(v: CellValue | undefined, field: ImportField | null): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number' && DATE_FIELDS.has(field)) {
    const r = readDateCell(v, '')
    if (r.value) return displayPartialDate(r.value)
  }
  return cellText(v)
}

function hasNameField(fields: (ImportField | null)[]): boolean {
  return fields.some((f) => f === 'fullName' || f === 'givenName')
}

function skippedReason(sheet: SheetMeta, view: SheetView, fields: (ImportField | null)[]): string | null {
  if (sheet.hidden) return 'Trang tính bị ẩn.'
  if (sheet.rowCount === 0) return 'Trang tính trống.'
  if (view.layout.headerIndex < 0) return 'Không tìm thấy dòng tiêu đề cột (Họ và tên, Ngày sinh …).'
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

export async function openImport(ctx: CoreContext, input: ImportOpenInput): Promise<ImportOpenOutput | null> {
  const id = input.requestId ?? randomUUID()
  if (sessions.has(id) || opening.has(id)) throw new CoreError('CONFLICT', 'Mã yêu cầu này đang được dùng cho một tệp khác; hãy thử lại.')
  const job = new ImportJob()
  opening.set(id, job)
  try {
    let path = input.path ?? null
    if (!path && input.chooseFile) {
      path = await ctx.platform.chooseOpenFile({
        title: 'Chọn danh sách cần nhập',
        filters: [{ name: 'Bảng tính (Excel, CSV)', extensions: ['xlsx', 'csv', 'txt'] }]
      })
    }
    if (!path) return null
    job.throwIfCancelled()
    const stamp = fileStamp(path)
    const grid = await readGrid(path, job)
    job.begin('checking', grid.sheets.reduce((n, sh) => n + sh.rows.length, 0), 'Đang tìm danh sách trong tệp…')
    const views: SheetView[] = []
    for (const sheet of grid.sheets) views.push(await makeView(ctx, sheet, undefined, job))
    const sheets = grid.sheets.map((sh) => ({ name: sh.name, hidden: sh.hidden, rowCount: sh.rows.length }))
    const infos = sheets.map((sh, i) => sheetInfo(sh, i, views[i]))
    if (!infos.some((i) => i.skippedReason === null)) {
      const why = infos.length === 0 ? 'Tệp không có trang tính nào.' : infos.map((i) => `"${i.name}": ${i.skippedReason}`).join(' ')
      throw new CoreError('FILE_NO_DATA', `Không tìm thấy danh sách người trong tệp. ${why} Cần một dòng tiêu đề có cột "Họ và tên" và các dòng dữ liệu bên dưới.`)
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
    remember(s)
    const legacy = new Map<LegacyEncoding, number>()
    for (const sh of grid.sheets) for (const [enc, n] of Object.entries(sh.legacy) as [LegacyEncoding, number][]) legacy.set(enc, (legacy.get(enc) ?? 0) + n)
    const notes: ImportLegacyNote[] = Array.from(legacy, ([enc, cells]) => ({ encoding: LEGACY_LABELS[enc] as ImportLegacyNote['encoding'], cells }))
    const remembered = views.some((v) => v.remembered)
    return { sessionId: s.id, fileName: s.fileName, format: grid.format, encoding: grid.encoding, sheets: infos, legacy: notes, rememberedMapping: remembered }
  } finally {
    opening.delete(id)
  }
}

/** The view of a sheet with its header starting at `headerRow` (read once, then kept). */
async function ensureView(ctx: CoreContext, s: Session, index: number, headerRow: number, job: ImportJob): Promise<SheetView> {
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

/** The view of each sheet for these choices; every header row chosen must have been read (ensureView). */
function viewsFor(s: Session, input: ImportPreviewInput): SheetView[] {
  return s.views.map((detected, i) => {
    const row = input.sheets?.find((c) => c.index === i)?.headerRow
    if (row === undefined || row === detected.layout.headerStart) return detected
    const view = s.custom.get(`${i}:${row}`)
    if (!view) throw new CoreError('INTERNAL', 'Chưa đọc trang tính với dòng tiêu đề đã chọn.')
    return view
  })
}

function effectiveFields(s: Session, input: ImportPreviewInput): { included: number[]; fields: (ImportField | null)[][]; views: SheetView[] } {
  const views = viewsFor(s, input)
  const fields = views.map((v) => [...v.fields])
  const included: number[] = []
  s.sheets.forEach((sheet, i) => {
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
    const include = choice?.include ?? skippedReason(sheet, views[i], fields[i]) === null
    if (include && views[i].layout.headerIndex >= 0 && hasNameField(fields[i])) included.push(i)
  })
  return { included, fields, views }
}

function draftsKey(s: Session, input: ImportPreviewInput): string {
  const { included, fields, views } = effectiveFields(s, input)
  return JSON.stringify({ included, fields, headers: included.map((i) => views[i].layout.headerStart), kind: input.kind ?? 'member' })
}

/**
 * Parses the rows for the user's choices, once per set of choices: a preview and the commit that
 * follows reuse the drafts (and the plan, while the data file is unchanged). A large file's grid
 * is let go once parsed — the drafts hold all the import needs — and read again only if the
 * choices change or the problems are exported.
 */
async function ensureDrafts(ctx: CoreContext, s: Session, input: ImportPreviewInput, job: ImportJob): Promise<void> {
  for (const c of input.sheets ?? []) if (c.headerRow !== undefined) await ensureView(ctx, s, c.index, c.headerRow, job)
  const key = draftsKey(s, input)
  if (s.drafts?.key === key) return
  const grid = await gridOf(s, job)
  const { included, fields, views } = effectiveFields(s, input)
  const below = (i: number) => Math.max(0, grid.sheets[i].rows.length - views[i].layout.dataStart)
  job.begin('checking', included.reduce((n, i) => n + below(i), 0))
  const seen: SeenKeys = new Map()
  const drafts: Draft[] = []
  let offset = 0
  for (const i of included) {
    const steps = parseSheetSteps(grid.sheets[i], i, views[i].layout, fields[i], { kind: input.kind ?? 'member' }, seen)
    for (const d of await runSliced(steps, job, offset)) drafts.push(d)
    offset += below(i)
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

/** Changes when anything is written to the data file, by this connection or another. */
function fingerprint(ctx: CoreContext): string {
  const dv = ctx.db.pragma('data_version', { simple: true })
  const tc = (ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  return `${ctx.dbPath}:${dv}:${tc}`
}

/** The plan's cache key, and the plan to compute when the cached one does not fit. */
function planWork(ctx: CoreContext, s: Session, input: ImportPreviewInput): { key: string; fp: string; cached: Plan | null; steps: () => Steps<Plan> } {
  const drafts = draftsFor(s, input)
  const key = JSON.stringify([s.drafts?.key, planOptions(input)])
  const fp = fingerprint(ctx)
  const cached = s.plan && s.plan.key === key && s.plan.fingerprint === fp ? s.plan.plan : null
  const hints = new Map(viewsFor(s, input).map((v, i) => [i, v.layout.unitHint]))
  return { key, fp, cached, steps: () => planSteps(ctx.db, drafts, planOptions(input), hints) }
}

/** The plan for these choices, worked out in slices (the database is read before the first). */
async function planFor(ctx: CoreContext, s: Session, input: ImportPreviewInput, job: ImportJob): Promise<Plan> {
  const { key, fp, cached, steps } = planWork(ctx, s, input)
  if (cached) return cached
  job.begin('matching', draftsFor(s, input).length)
  const plan = await runSliced(steps(), job)
  s.plan = { key, fingerprint: fp, plan }
  return plan
}

/** The same in one go, for inside the commit's transaction, where nothing may interleave. */
function planNow(ctx: CoreContext, s: Session, input: ImportPreviewInput): Plan {
  const { key, fp, cached, steps } = planWork(ctx, s, input)
  if (cached) return cached
  const plan = runWhole(steps())
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
  const plan = await exclusive(s, async (job) => {
    await ensureDrafts(ctx, s, input, job)
    s.last = input
    return planFor(ctx, s, input, job)
  })
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

/**
 * Commit and cancel. Reading, checking and matching run in slices and can be cancelled; the write
 * itself (backup, then one transaction) runs synchronously, start to end, once all of that is done.
 * Writing in slices would need one transaction held open across pauses of the event loop: every
 * other write of the core (db.transaction) would then fail or have to be refused, reads on the same
 * connection would see the half-written import, and a backup taken meanwhile would hold it. Kept
 * whole, the write cannot be interleaved and cannot be left half-done; the price is that a cancel
 * is honoured only before it starts (the wizard says so), and that the window waits for it (about
 * a second for 50,000 new people; milliseconds for a usual list).
 */
export async function commitImport(ctx: CoreContext, input: ImportPreviewInput): Promise<ImportSummary> {
  const s = session(input.sessionId)
  return exclusive(s, async (job) => {
    await ensureDrafts(ctx, s, input, job)
    const plan = await planFor(ctx, s, input, job)
    if (plan.blockers.length > 0) throw new CoreError('IMPORT_BLOCKED', `Chưa nhập được: ${plan.blockers.join(' ')}`)
    // The last moment a cancel is honoured: from here to the end of the transaction nothing awaits.
    job.throwIfCancelled()
    const writes = plan.counts.create + plan.counts.update + plan.counts.unitsCreated > 0
    job.begin('writing', null, 'Đang sao lưu rồi ghi vào dữ liệu…')
    const backup = writes ? createBackup(ctx.db, ctx.backupDir, 'before-import', backupKeep(ctx.db)).fileName : null
    const applied = inTransaction(ctx.db, () => {
      // The backup does not write; anything else since the plan means it is worked out again.
      const fresh = planNow(ctx, s, input)
      if (fresh.blockers.length > 0) throw new CoreError('IMPORT_BLOCKED', `Chưa nhập được: ${fresh.blockers.join(' ')}`)
      const result = applyPlan(ctx.db, fresh, { name: s.fileName, path: s.path, backup })
      const { included, fields, views } = effectiveFields(s, input)
      for (const i of included) {
        const layout = views[i].layout
        saveMapping(ctx.db, layout.signature || headerSignature(layout.labels), fields[i])
      }
      commitHooks.afterWrites?.()
      return { result, plan: fresh }
    })
    // The wizard is done with this file: free its memory (a 50,000-row grid is large).
    closeSession(s.id)
    return summaryOf(s.fileName, applied.plan, applied.result.importId, backup, applied.result)
  })
}

export function importHistory(ctx: CoreContext): ImportRecord[] {
  return listImports(ctx.db)
}

export function undoImportById(ctx: CoreContext, importId: number): ImportUndoResult {
  checkUndo(ctx.db, importId)
  createBackup(ctx.db, ctx.backupDir, 'before-import', backupKeep(ctx.db))
  return undoImport(ctx.db, importId)
}

/**
 * The copy of the file with its problems marked, as a job of the session (progress and cancel
 * reach it): the problems of the last preview, then where to save (asked once they are known),
 * then the file read again if its grid was let go (not kept after), then the copy in slices.
 */
export async function exportProblems(ctx: CoreContext, input: ImportExportProblemsInput): Promise<{ path: string; rows: number } | null> {
  const s = session(input.sessionId)
  const choices = s.last ?? { sessionId: s.id }
  return exclusive(s, async (job) => {
    await ensureDrafts(ctx, s, choices, job)
    const plan = await planFor(ctx, s, choices, job)
    job.begin('exporting', null, 'Đang chờ chọn nơi lưu tệp…')
    const path = await chooseExportPath(ctx, s.fileName, input.path)
    if (!path) return null
    job.throwIfCancelled()
    const copy = { grid: await gridOf(s, job), layouts: viewsFor(s, choices).map((v) => v.layout), problems: allProblems(plan) }
    return { path, rows: await writeProblemsFile(path, copy, job) }
  })
}

/** Reads one sheet again with its header starting at another row; null: back to the detected one. */
export async function sheetLayout(ctx: CoreContext, input: ImportLayoutInput): Promise<ImportSheetInfo> {
  const s = session(input.sessionId)
  const sheet = s.sheets[input.index]
  if (!sheet) throw new CoreError('NOT_FOUND', 'Không có trang tính này trong tệp.')
  const view = await exclusive(s, (job) => (input.headerRow === null ? Promise.resolve(s.views[input.index]) : ensureView(ctx, s, input.index, input.headerRow, job)))
  return sheetInfo(sheet, input.index, view)
}

/** The cell problems, plus the reason of every row held back for another cause (a conflict, no unit). */
function allProblems(plan: Plan): ImportProblem[] {
  const problems = [...plan.problems]
  for (const r of plan.rows) {
    if (r.action === 'skip' && !r.draft.hasError && r.reason) {
      problems.push({ sheet: r.draft.sheet, row: r.draft.row, column: null, field: null, severity: 'error', message: r.reason, outcome: 'row', value: null })
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
      const plan = await exclusive(s, async (job) => {
        await ensureDrafts(ctx, s, input, job)
        return planFor(ctx, s, input, job)
      })
      const summary = summaryOf(s.fileName, plan, null, null)
      if (plan.blockers.length > 0) throw new CoreError('IMPORT_BLOCKED', `Chưa nhập được: ${plan.blockers.join(' ')}`)
      return summary
    }
    return await commitImport(ctx, input)
  } finally {
    closeSession(opened.sessionId)
  }
}
