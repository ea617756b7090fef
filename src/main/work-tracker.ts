// Counts the IPC calls still running so quitting can wait for them before the database closes
// (a write in flight must land or roll back whole, never be cut by close()).

export class WorkTracker {
  private readonly inFlight = new Set<Promise<unknown>>()
  private waiters: Array<() => void> = []
  private stopped = false

  /** False once shutdown() began: new calls are refused instead of racing the close. */
  get accepting(): boolean {
    return !this.stopped
  }

  get size(): number {
    return this.inFlight.size
  }

  /** Registers work; returns the same promise. Its rejection is left to the caller. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work)
    const done = (): void => {
      this.inFlight.delete(work)
      if (this.inFlight.size === 0) this.wake()
    }
    work.then(done, done)
    return work
  }

  /** Resolves when nothing is in flight (work started meanwhile is waited for too). */
  drain(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  /** Stops accepting new work, then drains. */
  shutdown(): Promise<void> {
    this.stopped = true
    return this.drain()
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }
}
