// Long work in the core (reading a file, an import, an export) says how far it has got on a
// progress channel and stops when asked on a cancel channel, both keyed by the job's id. This
// watches one job at a time: while the work runs it asks every `intervalMs`, never with two
// questions in flight, and forgets the answer once the work ends.

import { shallowRef, type ShallowRef } from 'vue'

export interface JobChannels<P> {
  /** How far the job has got; refused before it starts and after it ends (then asked again). */
  progress: (id: string) => Promise<P>
  /** Asks the job to stop; the work's own answer tells whether it did. */
  cancel: (id: string) => Promise<unknown>
  intervalMs: number
}

export interface JobProgress<P> {
  /** The latest answer for the job being watched; null when none is (or none answered yet). */
  progress: ShallowRef<P | null>
  /** Runs the work, watching job `id` until it ends; the work's answer or refusal passes through. */
  run: <T>(id: string, work: () => Promise<T>) => Promise<T>
  /** Stops watching (the work itself goes on). */
  stop: () => void
  /** Asks the core to stop the job being watched; false when no job is. */
  cancel: () => boolean
}

export function useJobProgress<P>(channels: JobChannels<P>): JobProgress<P> {
  const progress = shallowRef<P | null>(null)
  let jobId: string | null = null
  let poll: ReturnType<typeof setInterval> | null = null

  function stop(): void {
    if (poll !== null) clearInterval(poll)
    poll = null
    jobId = null
    progress.value = null
  }

  async function run<T>(id: string, work: () => Promise<T>): Promise<T> {
    stop()
    jobId = id
    let asking = false
    const timer = setInterval(() => {
      if (asking || poll !== timer) return
      asking = true
      channels
        .progress(id)
        .then((p) => {
          // An answer that comes back after the work ended (or another began) is not shown.
          if (poll === timer) progress.value = p
        })
        .catch(() => undefined) // not started yet, or just finished: the next answer tells
        .finally(() => (asking = false))
    }, channels.intervalMs)
    poll = timer
    try {
      return await work()
    } finally {
      if (poll === timer) stop()
    }
  }

  function cancel(): boolean {
    const id = jobId
    if (!id) return false
    channels.cancel(id).catch(() => undefined)
    return true
  }

  return { progress, run, stop, cancel }
}
