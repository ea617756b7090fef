// The import's sessions: a file opened in the wizard, kept in memory (a few at a time) between
// its preview, commit and problem copy, with the jobs that progress and cancel reach. The core
// holds one ImportSessions (CoreContext.imports), so two cores never share a session.
import { statSync } from 'node:fs'
import type { ImportField, ImportPreviewInput, ImportProgress } from '../../shared/api'
import { CoreError } from '../db/errors'
import type { CellValue, Grid } from '../excel/grid'
import { readGrid } from '../excel/read-grid'
import type { SheetLayout } from './headers'
import { ImportJob } from './import-job'
import type { Plan } from './plan'
import type { Draft } from './rows'

/** A sheet as the file holds it, kept when the grid itself is let go. */
export interface SheetMeta {
  name: string
  hidden: boolean
  rowCount: number
}

/** A sheet read with one header row: where the list is, its columns, and a glimpse of it. */
export interface SheetView {
  layout: SheetLayout
  /** The detected fields, or those remembered from an earlier import of the same headers. */
  fields: (ImportField | null)[]
  remembered: boolean
  /** Rows of people under the header (no totals, notes or signatures). */
  dataRows: number
  /** The first of those rows, for the sample values of each column. */
  samples: CellValue[][]
}

export interface Session {
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

export class ImportSessions {
  private readonly sessions = new Map<string, Session>()
  /** Opens still reading, by the id their session will have: progress and cancel find them here. */
  private readonly opening = new Map<string, ImportJob>()

  /** Keeps a session just opened; the oldest idle one makes room (one with a call running is never dropped under it). */
  remember(s: Session): void {
    const sessions = this.sessions
    sessions.set(s.id, s)
    const idle = Array.from(sessions.values())
      .filter((x) => x.jobs.size === 0 && x !== s)
      .sort((a, b) => a.lastUsed - b.lastUsed)
    while (sessions.size > MAX_SESSIONS && idle.length > 0) sessions.delete(idle.shift()!.id)
  }

  get(id: string): Session {
    const s = this.sessions.get(id)
    if (!s) throw new CoreError('NOT_FOUND', 'Phiên nhập đã hết hạn hoặc đã đóng; hãy mở lại tệp.')
    s.lastUsed = Date.now()
    return s
  }

  close(id: string): null {
    const s = this.sessions.get(id)
    if (s) for (const job of s.jobs) job.cancel()
    this.sessions.delete(id)
    return null
  }

  /** An open under way with this id (its session's to be): refused if the id is in use. */
  startOpening(id: string): ImportJob {
    if (this.sessions.has(id) || this.opening.has(id))
      throw new CoreError(
        'CONFLICT',
        'Mã yêu cầu này đang được dùng cho một tệp khác; hãy thử lại.'
      )
    const job = new ImportJob()
    this.opening.set(id, job)
    return job
  }

  endOpening(id: string): void {
    this.opening.delete(id)
  }

  /** Sessions in memory and opens under way: how tests see that a cancelled open left nothing. */
  count(): { sessions: number; opening: number } {
    return { sessions: this.sessions.size, opening: this.opening.size }
  }

  progress(id: string): ImportProgress {
    const job = this.opening.get(id) ?? this.sessions.get(id)?.job
    if (job) return job.progress
    if (this.sessions.has(id)) return { phase: 'done', done: 0, total: null, message: 'Xong' }
    throw new CoreError(
      'NOT_FOUND',
      'Không có việc nhập nào đang chạy với mã này (đã xong, đã hủy hoặc đã đóng).'
    )
  }

  /** Stops the open, preview, commit or export under way for this id at its next step; a commit only before it writes. */
  cancel(id: string): null {
    this.opening.get(id)?.cancel()
    const s = this.sessions.get(id)
    if (s) for (const job of s.jobs) job.cancel()
    return null
  }
}

/** Runs a call of the session after the calls before it, as a job progress and cancel can reach. */
export async function exclusive<T>(s: Session, work: (job: ImportJob) => Promise<T>): Promise<T> {
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

export function fileStamp(path: string): string {
  try {
    const st = statSync(path)
    return `${st.size}:${st.mtimeMs}`
  } catch {
    return 'missing'
  }
}

/** The session's grid, read again from the file if it was let go (and refused if the file changed). */
export async function gridOf(s: Session, job: ImportJob | null = null): Promise<Grid> {
  if (s.grid) return s.grid
  if (fileStamp(s.path) !== s.stamp) {
    throw new CoreError(
      'CONFLICT',
      `Tệp "${s.fileName}" đã thay đổi (hoặc bị xóa, di chuyển) từ khi mở; hãy mở lại tệp để nhập.`
    )
  }
  const grid = await readGrid(s.path, job)
  if (
    grid.sheets.length !== s.sheets.length ||
    grid.sheets.some((sh, i) => sh.rows.length !== s.sheets[i].rowCount)
  ) {
    throw new CoreError(
      'CONFLICT',
      `Tệp "${s.fileName}" đã thay đổi từ khi mở; hãy mở lại tệp để nhập.`
    )
  }
  return grid
}
