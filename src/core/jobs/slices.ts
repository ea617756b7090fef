// Sliced work is written once, as a generator that yields how far it got every CHUNK_ROWS rows:
// `runSliced` drives it with pauses at its job's checkpoints, `runWhole` drives it straight
// through (inside a transaction, where nothing may interleave).

/** Rows between two checkpoints: the clock is read this often, not every row. */
export const CHUNK_ROWS = 1000

/** Sliced work: yields the rows done so far every CHUNK_ROWS rows, returns its result. */
export type Steps<T> = Generator<number, T, void>

/** What driving sliced work needs of a job: to hear how far it got, and a checkpoint between slices. */
export interface SliceReceiver {
  report(done: number, message?: string): void
  checkpoint(): Promise<void>
}

/** Runs sliced work to its end in one go (inside a transaction, or where nothing else runs). */
export function runWhole<T>(steps: Steps<T>): T {
  let r = steps.next()
  while (!r.done) r = steps.next()
  return r.value
}

/** Runs sliced work cooperatively, reporting `offset + done` (and its words) to the job at each checkpoint. */
export async function runSliced<T>(
  steps: Steps<T>,
  job: SliceReceiver | null,
  offset = 0,
  message?: (done: number) => string
): Promise<T> {
  if (!job) return runWhole(steps)
  let r = steps.next()
  while (!r.done) {
    job.report(offset + r.value, message?.(r.value))
    await job.checkpoint()
    r = steps.next()
  }
  return r.value
}
