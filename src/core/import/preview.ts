// import:preview and import:exportProblems: the user's choices (sheets, header rows, columns,
// units) turned into drafts and a plan, once per set of choices and kept in the session, so the
// commit that follows reuses them; and the copy of the file with the plan's problems marked.
import type {
  ImportExportProblemsInput,
  ImportField,
  ImportPreview,
  ImportPreviewInput,
  ImportProblem,
  ImportRowPlan
} from '../../shared/api'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import { runSliced, runWhole, type Steps } from '../jobs/slices'
import { chooseExportPath, writeProblemsFile } from './export-problems'
import type { ImportJob } from './import-job'
import { ensureView, hasNameField, skippedReason } from './open'
import { planSteps, type Plan, type PlanOptions } from './plan'
import { parseSheetSteps, type Draft, type SeenKeys } from './rows'
import { exclusive, gridOf, type Session, type SheetView } from './sessions'

/** Above this many rows a session keeps its drafts but not the grid they came from. */
const KEEP_GRID_ROWS = 5_000

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

export function effectiveFields(
  s: Session,
  input: ImportPreviewInput
): { included: number[]; fields: (ImportField | null)[][]; views: SheetView[] } {
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
  return JSON.stringify({
    included,
    fields,
    headers: included.map((i) => views[i].layout.headerStart),
    kind: input.kind ?? 'member'
  })
}

/**
 * Parses the rows for the user's choices, once per set of choices: a preview and the commit that
 * follows reuse the drafts (and the plan, while the data file is unchanged). A large file's grid
 * is let go once parsed — the drafts hold all the import needs — and read again only if the
 * choices change or the problems are exported.
 */
export async function ensureDrafts(
  ctx: CoreContext,
  s: Session,
  input: ImportPreviewInput,
  job: ImportJob
): Promise<void> {
  for (const c of input.sheets ?? [])
    if (c.headerRow !== undefined) await ensureView(ctx, s, c.index, c.headerRow, job)
  const key = draftsKey(s, input)
  if (s.drafts?.key === key) return
  const grid = await gridOf(s, job)
  const { included, fields, views } = effectiveFields(s, input)
  const below = (i: number) => Math.max(0, grid.sheets[i].rows.length - views[i].layout.dataStart)
  job.begin(
    'checking',
    included.reduce((n, i) => n + below(i), 0)
  )
  const seen: SeenKeys = new Map()
  const drafts: Draft[] = []
  let offset = 0
  for (const i of included) {
    const steps = parseSheetSteps(
      grid.sheets[i],
      i,
      views[i].layout,
      fields[i],
      { kind: input.kind ?? 'member' },
      seen
    )
    for (const d of await runSliced(steps, job, offset)) drafts.push(d)
    offset += below(i)
  }
  s.drafts = { key, drafts }
  s.plan = undefined
  const rows = s.sheets.reduce((n, sh) => n + sh.rowCount, 0)
  s.grid = rows > KEEP_GRID_ROWS ? null : grid
}

function draftsFor(s: Session, input: ImportPreviewInput): Draft[] {
  if (!s.drafts || s.drafts.key !== draftsKey(s, input))
    throw new CoreError('INTERNAL', 'Chưa đọc các dòng của tệp cho lựa chọn này.')
  return s.drafts.drafts
}

function planOptions(input: ImportPreviewInput): PlanOptions {
  return {
    unitId: input.unitId ?? null,
    parentUnitId: input.parentUnitId ?? null,
    unitChoices: input.unitChoices ?? []
  }
}

/** Changes when anything is written to the data file, by this connection or another. */
function fingerprint(ctx: CoreContext): string {
  const dv = ctx.db.pragma('data_version', { simple: true }) as number
  const tc = (ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  return `${ctx.dbPath}:${dv}:${tc}`
}

/** The plan's cache key, and the plan to compute when the cached one does not fit. */
function planWork(
  ctx: CoreContext,
  s: Session,
  input: ImportPreviewInput
): { key: string; fp: string; cached: Plan | null; steps: () => Steps<Plan> } {
  const drafts = draftsFor(s, input)
  const key = JSON.stringify([s.drafts?.key, planOptions(input)])
  const fp = fingerprint(ctx)
  const cached = s.plan && s.plan.key === key && s.plan.fingerprint === fp ? s.plan.plan : null
  const hints = new Map(viewsFor(s, input).map((v, i) => [i, v.layout.unitHint]))
  return { key, fp, cached, steps: () => planSteps(ctx.db, drafts, planOptions(input), hints) }
}

/** The plan for these choices, worked out in slices (the database is read before the first). */ export async function planFor(
  ctx: CoreContext,
  s: Session,
  input: ImportPreviewInput,
  job: ImportJob
): Promise<Plan> {
  const { key, fp, cached, steps } = planWork(ctx, s, input)
  if (cached) return cached
  job.begin('matching', draftsFor(s, input).length)
  const plan = await runSliced(steps(), job)
  s.plan = { key, fingerprint: fp, plan }
  return plan
}

/** The same in one go, for inside the commit's transaction, where nothing may interleave. */
export function planNow(ctx: CoreContext, s: Session, input: ImportPreviewInput): Plan {
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

export async function previewImport(
  ctx: CoreContext,
  input: ImportPreviewInput
): Promise<ImportPreview> {
  const s = ctx.imports.get(input.sessionId)
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
/**
 * The copy of the file with its problems marked, as a job of the session (progress and cancel
 * reach it): the problems of the last preview, then where to save (asked once they are known),
 * then the file read again if its grid was let go (not kept after), then the copy in slices.
 */
export async function exportProblems(
  ctx: CoreContext,
  input: ImportExportProblemsInput
): Promise<{ path: string; rows: number } | null> {
  const s = ctx.imports.get(input.sessionId)
  const choices = s.last ?? { sessionId: s.id }
  return exclusive(s, async (job) => {
    await ensureDrafts(ctx, s, choices, job)
    const plan = await planFor(ctx, s, choices, job)
    job.begin('exporting', null, 'Đang chờ chọn nơi lưu tệp…')
    const path = await chooseExportPath(ctx, s.fileName)
    if (!path) return null
    job.throwIfCancelled()
    const copy = {
      grid: await gridOf(s, job),
      layouts: viewsFor(s, choices).map((v) => v.layout),
      problems: allProblems(plan)
    }
    return { path, rows: await writeProblemsFile(path, copy, job) }
  })
}

/** The cell problems, plus the reason of every row held back for another cause (a conflict, no unit). */
export function allProblems(plan: Plan): ImportProblem[] {
  const problems = [...plan.problems]
  for (const r of plan.rows) {
    if (r.action === 'skip' && !r.draft.hasError && r.reason) {
      problems.push({
        sheet: r.draft.sheet,
        row: r.draft.row,
        column: null,
        field: null,
        severity: 'error',
        message: r.reason,
        outcome: 'row',
        value: null
      })
    }
  }
  return problems
}
