// Long import work (reading a file, checking its rows, matching them to people, writing a copy of
// the file with its problems marked) runs in slices: the core lives in Electron's main process,
// where one long synchronous loop would freeze the window and queue every other call. Each slice
// ends at a checkpoint that records progress, refuses to go on once the user cancelled, and every
// ~50 ms lets the event loop answer others.
//
// The work itself is written once, as a generator that yields how far it got every CHUNK_ROWS
// rows: `runSliced` drives it with pauses, `runWhole` drives it straight through (inside a
// transaction, where nothing may interleave).
import type { ImportPhase, ImportProgress } from '../../shared/api'
import { CoreError } from '../db/errors'

/** Rows between two checkpoints: the clock is read this often, not every row. */
export const CHUNK_ROWS = 1000
/**
 * Longest stretch of work before the event loop gets a turn (ms). A test seam as well: a test
 * that must see the work between two slices sets it to 0 (a pause at every checkpoint), since on
 * a fast machine a short phase can run start to end inside one slice.
 */
export const slicing = { ms: 50 }

const PHASE_TEXT: Record<ImportPhase, string> = {
  reading: 'Đang đọc tệp',
  checking: 'Đang kiểm tra từng dòng',
  matching: 'Đang đối chiếu với dữ liệu hiện có',
  writing: 'Đang ghi vào dữ liệu',
  exporting: 'Đang ghi tệp kèm lỗi',
  done: 'Xong'
}

const CANCELLED: Record<ImportPhase, string> = {
  reading: 'Đã hủy đọc tệp; chưa có gì được ghi vào dữ liệu.',
  checking: 'Đã hủy việc kiểm tra danh sách; chưa có gì được ghi vào dữ liệu.',
  matching: 'Đã hủy việc kiểm tra danh sách; chưa có gì được ghi vào dữ liệu.',
  writing: 'Đã hủy; chưa có gì được ghi vào dữ liệu.',
  exporting: 'Đã hủy việc lưu tệp kèm lỗi; không có tệp nào được ghi.',
  done: 'Đã hủy; chưa có gì được ghi vào dữ liệu.'
}

const countFormat = new Intl.NumberFormat('vi-VN')
/** "12.000 dòng": made at every slice, with one formatter rather than one per call. */
export const rowsText = (n: number) => `${countFormat.format(n)} dòng`

const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

export class ImportJob {
  private state: ImportProgress = { phase: 'reading', done: 0, total: null, message: `${PHASE_TEXT.reading}…` }
  private cancelRequested = false
  private sliceStart = performance.now()

  get progress(): ImportProgress {
    return { ...this.state }
  }

  get cancelled(): boolean {
    return this.cancelRequested
  }

  /** Asks the work to stop at its next checkpoint; no effect once writing has begun. */
  cancel(): void {
    if (this.state.phase !== 'writing' && this.state.phase !== 'done') this.cancelRequested = true
  }

  /** Starts a phase; `message` (Vietnamese) replaces the phase's own words. */
  begin(phase: ImportPhase, total: number | null, message?: string): void {
    this.state = { phase, done: 0, total, message: message ?? `${PHASE_TEXT[phase]}…` }
  }

  report(done: number, message?: string): void {
    this.state.done = this.state.total === null ? done : Math.min(done, this.state.total)
    if (message) this.state.message = message
  }

  finish(): void {
    this.state = { phase: 'done', done: this.state.total ?? this.state.done, total: this.state.total, message: PHASE_TEXT.done }
  }

  /** Throws CANCELLED when the user cancelled (the caller's finally blocks free what it held). */
  throwIfCancelled(): void {
    if (this.cancelRequested) throw new CoreError('CANCELLED', CANCELLED[this.state.phase])
  }

  /** Between two chunks: stop if cancelled; after ~50 ms of work, let the event loop run once. */
  async checkpoint(): Promise<void> {
    this.throwIfCancelled()
    if (performance.now() - this.sliceStart < slicing.ms) return
    await pause()
    this.sliceStart = performance.now()
    this.throwIfCancelled()
  }
}

/** Sliced work: yields the rows done so far every CHUNK_ROWS rows, returns its result. */
export type Steps<T> = Generator<number, T, void>

/** Runs sliced work to its end in one go (inside a transaction, or where nothing else runs). */
export function runWhole<T>(steps: Steps<T>): T {
  let r = steps.next()
  while (!r.done) r = steps.next()
  return r.value
}

/** Runs sliced work cooperatively, reporting `offset + done` (and its words) to the job at each checkpoint. */
export async function runSliced<T>(steps: Steps<T>, job: ImportJob | null, offset = 0, message?: (done: number) => string): Promise<T> {
  if (!job) return runWhole(steps)
  let r = steps.next()
  while (!r.done) {
    job.report(offset + r.value, message?.(r.value))
    await job.checkpoint()
    r = steps.next()
  }
  return r.value
}
