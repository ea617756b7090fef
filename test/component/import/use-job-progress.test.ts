import { describe, expect, it } from 'vitest'
import { useJobProgress } from '@renderer/composables/use-job-progress'
import { sleep } from '../helpers'

interface Step {
  done: number
}

describe('useJobProgress', () => {
  it('asks how far the job has got while it runs, one question at a time, and forgets the answer when it ends', async () => {
    const asked: string[] = []
    let answer: (p: Step) => void = () => undefined
    const job = useJobProgress<Step>({
      progress: (id) => {
        asked.push(id)
        return new Promise<Step>((r) => (answer = r))
      },
      cancel: async () => null,
      intervalMs: 10
    })
    let finish!: (v: string) => void
    const run = job.run('job-1', () => new Promise<string>((r) => (finish = r)))

    await sleep(60)
    expect(asked).toEqual(['job-1']) // the first question is still unanswered: no second one
    answer({ done: 3 })
    await sleep(30)
    expect(job.progress.value).toEqual({ done: 3 })
    expect(asked.length).toBeGreaterThan(1)

    const late = answer
    finish('read')
    expect(await run).toBe('read')
    expect(job.progress.value).toBeNull()
    late({ done: 9 }) // an answer that arrives after the end is not shown
    await sleep(30)
    expect(job.progress.value).toBeNull()
    const count = asked.length
    await sleep(40)
    expect(asked).toHaveLength(count)
  })

  it('asks the core to stop the job being watched, and says when there is none', async () => {
    const cancelled: string[] = []
    const job = useJobProgress<Step>({
      progress: async () => ({ done: 0 }),
      cancel: async (id) => cancelled.push(id),
      intervalMs: 10
    })
    expect(job.cancel()).toBe(false)

    let fail!: (e: Error) => void
    const run = job.run('job-2', () => new Promise<never>((_, reject) => (fail = reject)))
    expect(job.cancel()).toBe(true)
    expect(cancelled).toEqual(['job-2'])
    fail(new Error('CANCELLED'))
    await expect(run).rejects.toThrow('CANCELLED')
    expect(job.cancel()).toBe(false)
  })
})
