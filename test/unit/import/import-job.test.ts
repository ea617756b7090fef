import { describe, expect, it } from 'vitest'
import { ImportJob } from '../../../src/core/import/import-job'
import { CHUNK_ROWS, runSliced, runWhole, type Steps } from '../../../src/core/jobs/slices'

/** Counts to n, yielding every CHUNK_ROWS like the importer's loops. */
function* count(n: number): Steps<number> {
  let sum = 0
  for (let i = 1; i <= n; i++) {
    sum += i
    if (i % CHUNK_ROWS === 0) yield i
  }
  return sum
}

describe('import jobs', () => {
  it('runs sliced work whole or in slices to the same result, reporting progress', async () => {
    expect(runWhole(count(5000))).toBe(12_502_500)
    const job = new ImportJob()
    job.begin('checking', 5000)
    const seen: number[] = []
    const orig = job.report.bind(job)
    job.report = (done, message) => {
      seen.push(done)
      orig(done, message)
    }
    expect(await runSliced(count(5000), job, 100)).toBe(12_502_500)
    expect(seen).toEqual([1100, 2100, 3100, 4100, 5100])
    // Never more than the total.
    expect(job.progress).toMatchObject({
      phase: 'checking',
      done: 5000,
      total: 5000,
      message: 'Đang kiểm tra từng dòng…'
    })
    job.finish()
    expect(job.progress).toMatchObject({ phase: 'done', done: 5000, total: 5000 })
  })

  it('stops at the next checkpoint once cancelled, with a Vietnamese CANCELLED', async () => {
    const job = new ImportJob()
    job.begin('matching', 5000)
    let slices = 0
    function* work(): Steps<void> {
      for (;;) {
        slices++
        if (slices === 2) job.cancel()
        yield slices
      }
    }
    await expect(runSliced(work(), job)).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'Đã hủy việc kiểm tra danh sách; chưa có gì được ghi vào dữ liệu.'
    })
    expect(slices).toBe(2)
  })

  it('ignores a cancel once writing has begun', () => {
    const job = new ImportJob()
    job.begin('writing', null)
    job.cancel()
    expect(job.cancelled).toBe(false)
    expect(() => job.throwIfCancelled()).not.toThrow()
  })

  it('lets the event loop run between slices of long work', async () => {
    const job = new ImportJob()
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    function* busy(): Steps<void> {
      const end = performance.now() + 300
      while (performance.now() < end) {
        const slice = performance.now() + 5
        while (performance.now() < slice) {
          // work
        }
        yield 0
      }
    }
    await runSliced(busy(), job)
    clearInterval(timer)
    // About one turn every 50 ms: several timer callbacks ran during 300 ms of work.
    expect(ticks).toBeGreaterThanOrEqual(3)
  })
})
