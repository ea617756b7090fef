// Long work (reading a file, checking its rows, matching them, writing a copy or a report) runs
// in slices: the core lives in Electron's main process, where one long synchronous loop would
// freeze the window and queue every other call. A job is what such work reports to: its phase and
// how far it got (for a progress bar), and whether the user cancelled. Each slice ends at a
// checkpoint that refuses to go on once the user cancelled and every ~50 ms lets the event loop
// answer others. What each phase is called, and what a cancel in it tells the user, is the
// caller's (see core/import/import-job.ts).
import { CoreError } from '../db/errors'

/** Where a job is: its phase, done out of total (null: unknown), and its words for the user. */
export interface JobProgress<P extends string> {
  phase: P | 'done'
  done: number
  total: number | null
  message: string
}

/** A kind of job: its phases' words (Vietnamese), and the phases a cancel no longer stops. */
export interface JobKind<P extends string> {
  first: P
  /** What the user reads while a phase runs ("Đang đọc tệp"), and when it is done. */
  phases: Record<P | 'done', string>
  /** What a cancel during each phase tells the user (what was and was not written). */
  cancelled: Record<P | 'done', string>
  /** Phases past the point of no return (the write has begun): a cancel is not honoured in them. */
  uncancellable: readonly P[]
}

/**
 * Longest stretch of work before the event loop gets a turn (ms). A test seam as well: a test
 * that must see the work between two slices sets it to 0 (a pause at every checkpoint), since on
 * a fast machine a short phase can run start to end inside one slice.
 */
export const slicing = { ms: 50 }

const countFormat = new Intl.NumberFormat('vi-VN')
/** "12.000 dòng": made at every slice, with one formatter rather than one per call. */
export const rowsText = (n: number) => `${countFormat.format(n)} dòng`

/** What a piece of long work needs of its job, naming only its own phases (a file read knows only 'reading'). */
export interface PhasedJob<P extends string> {
  begin(phase: P, total: number | null, message?: string): void
  report(done: number, message?: string): void
  checkpoint(): Promise<void>
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

export class Job<P extends string> {
  private state: JobProgress<P>
  private cancelRequested = false
  private sliceStart = performance.now()

  constructor(private readonly kind: JobKind<P>) {
    this.state = { phase: kind.first, done: 0, total: null, message: `${kind.phases[kind.first]}…` }
  }

  get progress(): JobProgress<P> {
    return { ...this.state }
  }

  get cancelled(): boolean {
    return this.cancelRequested
  }

  /** Asks the work to stop at its next checkpoint; no effect once an uncancellable phase has begun. */
  cancel(): void {
    const phase = this.state.phase
    if (phase !== 'done' && !this.kind.uncancellable.includes(phase)) this.cancelRequested = true
  }

  /** Starts a phase; `message` (Vietnamese) replaces the phase's own words. */
  begin(phase: P, total: number | null, message?: string): void {
    this.state = { phase, done: 0, total, message: message ?? `${this.kind.phases[phase]}…` }
  }

  report(done: number, message?: string): void {
    this.state.done = this.state.total === null ? done : Math.min(done, this.state.total)
    if (message) this.state.message = message
  }

  finish(): void {
    this.state = {
      phase: 'done',
      done: this.state.total ?? this.state.done,
      total: this.state.total,
      message: this.kind.phases.done
    }
  }

  /** Throws CANCELLED when the user cancelled (the caller's finally blocks free what it held). */
  throwIfCancelled(): void {
    if (this.cancelRequested)
      throw new CoreError('CANCELLED', this.kind.cancelled[this.state.phase])
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
