// Long imports run in slices: they report progress, can be cancelled (leaving nothing written and
// nothing held in memory), and other calls are answered while they run.
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  onTestFinished
} from 'vitest'
import type { ImportProgress } from '../../../src/shared/api'
import { slicing } from '../../../src/core/jobs/job'
import {
  startCoreWithParent,
  tempDir,
  writeLargeList,
  type TestCore
} from '../../helpers/import-fixtures'

const ROWS = 20_000
let fileDir: string
let file: string
let t: TestCore
let parentId: number

beforeAll(async () => {
  fileDir = tempDir('import-progress-')
  file = join(fileDir, 'danh-sach-20000.xlsx')
  await writeLargeList(file, ROWS)
}, 60_000)
afterAll(() => rmSync(fileDir, { recursive: true, force: true }))

beforeEach(async () => {
  ;({ t, parentId } = await startCoreWithParent())
})
afterEach(() => t.close())

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls import:progress until `until` holds (or fails the test after a while). */
async function waitForProgress(
  id: string,
  until: (p: ImportProgress) => boolean
): Promise<ImportProgress> {
  for (let i = 0; i < 2000; i++) {
    const r = await t.core.dispatch('import:progress', { sessionId: id })
    if (r.ok && until(r.value as ImportProgress)) return r.value as ImportProgress
    await sleep(2)
  }
  throw new Error('progress never got there')
}

/** Tracks whether a dispatch has settled, without awaiting it. */
function track<T>(p: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false
  const promise = p.finally(() => (done = true))
  return { promise, settled: () => done }
}

function beforeImportBackups(): string[] {
  try {
    return readdirSync(join(t.dir, 'backups')).filter((f) => f.includes('_truoc-nhap'))
  } catch {
    return []
  }
}

async function peopleCount(): Promise<number> {
  return (await t.call('people:list', { unitId: null, includeSubunits: true, limit: 1 })).total
}

describe('a long import in slices', () => {
  it('reports reading progress and can be cancelled mid-read: CANCELLED, nothing written, the session freed', async () => {
    const id = 'open-cancel-0001'
    const open = track(t.core.dispatchTrusted('import:open', { path: file, requestId: id }))
    const reading = await waitForProgress(id, (p) => p.phase === 'reading' && p.done > 0)
    expect(reading.total).toBeGreaterThan(reading.done)
    expect(reading.message).toMatch(/^Đang đọc tệp… [\d.]+ dòng$/)
    expect(open.settled()).toBe(false)

    expect(await t.call('import:cancel', { sessionId: id })).toBeNull()
    const r = await open.promise
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('CANCELLED')
    expect(r.error.message).toBe('Đã hủy đọc tệp; chưa có gì được ghi vào dữ liệu.')

    // Nothing kept: no session, no open under way, no progress to ask for; nothing written.
    expect(t.core.ctx.imports.count()).toEqual({ sessions: 0, opening: 0 })
    expect((await t.fail('import:progress', { sessionId: id })).code).toBe('NOT_FOUND')
    expect(await t.call('import:history')).toEqual([])
    expect(await peopleCount()).toBe(0)
    expect(beforeImportBackups()).toEqual([])

    // The id is free again, and the same file opens to the end.
    const opened = await t.call('import:open', { path: file, requestId: id })
    expect(opened.sessionId).toBe(id)
    expect(opened.sheets[0].dataRows).toBe(ROWS)
    expect(await t.call('import:progress', { sessionId: id })).toMatchObject({ phase: 'done' })
    await t.call('import:close', { sessionId: id })
  }, 60_000)

  it('answers other calls while a file is read and while its rows are checked', async () => {
    const open = track(
      t.core.dispatchTrusted('import:open', { path: file, requestId: 'open-busy-0001' })
    )
    // A timer fires only when the event loop gets a turn; then another channel must be answered.
    await sleep(1)
    const units = await t.call('units:list', { includeRetired: false })
    expect(units.map((u: { name: string }) => u.name)).toEqual(['Đảng bộ xã Tân Hòa'])
    expect(open.settled()).toBe(false)
    const opened = await open.promise
    expect(opened.ok).toBe(true)

    // Checking 20,000 rows against the data is pure computation: it must pause for others too.
    const preview = track(
      t.core.dispatch('import:preview', {
        sessionId: 'open-busy-0001',
        parentUnitId: parentId,
        limit: 10
      })
    )
    await sleep(1)
    const info = await t.call('app:info')
    expect(info.schemaVersion).toBeGreaterThan(0)
    expect(preview.settled()).toBe(false)
    const midway = await waitForProgress(
      'open-busy-0001',
      (p) => (p.phase === 'checking' || p.phase === 'matching') && p.done > 0
    )
    expect(midway.total).toBeGreaterThanOrEqual(midway.done)
    const done = await preview.promise
    expect(done.ok).toBe(true)
    if (!done.ok) return
    expect((done.value as { counts: { create: number } }).counts.create).toBe(ROWS)
    await t.call('import:close', { sessionId: 'open-busy-0001' })
  }, 60_000)

  it('cancels a commit before it writes: nothing written, no backup, and the session still usable', async () => {
    const opened = await t.call('import:open', { path: file })
    // A pause at every checkpoint: checking 20,000 rows may otherwise fit in one slice.
    const sliceMs = slicing.ms
    slicing.ms = 0
    onTestFinished(() => {
      slicing.ms = sliceMs
    })
    // No preview first: the commit itself checks and matches the 20,000 rows, in slices.
    const commit = track(
      t.core.dispatch('import:commit', { sessionId: opened.sessionId, parentUnitId: parentId })
    )
    await waitForProgress(
      opened.sessionId,
      (p) => (p.phase === 'checking' || p.phase === 'matching') && p.done > 0
    )
    await t.call('import:cancel', { sessionId: opened.sessionId })
    const r = await commit.promise
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('CANCELLED')
    expect(r.error.message).toMatch(/chưa có gì được ghi vào dữ liệu/)
    expect(await peopleCount()).toBe(0)
    expect(await t.call('import:history')).toEqual([])
    expect(await t.call('units:list', { includeRetired: false })).toHaveLength(1)
    expect(beforeImportBackups()).toEqual([])

    const preview = await t.call('import:preview', {
      sessionId: opened.sessionId,
      parentUnitId: parentId,
      limit: 1
    })
    expect(preview.counts).toMatchObject({ create: ROWS, unitsCreated: 5 })
    const summary = await t.call('import:commit', {
      sessionId: opened.sessionId,
      parentUnitId: parentId
    })
    expect(summary).toMatchObject({ created: ROWS, unitsCreated: 5 })
    expect(await peopleCount()).toBe(ROWS)
  }, 120_000)

  it('refuses an open whose request id is in use, and forgets unknown ids quietly on cancel', async () => {
    const first = track(
      t.core.dispatchTrusted('import:open', { path: file, requestId: 'open-twice-0001' })
    )
    const second = await t.fail('import:open', { path: file, requestId: 'open-twice-0001' })
    expect(second.code).toBe('CONFLICT')
    expect((await first.promise).ok).toBe(true)
    expect(await t.call('import:cancel', { sessionId: 'no-such-session' })).toBeNull()
    expect((await t.fail('import:open', { path: file, requestId: 'bad id!' })).code).toBe(
      'INVALID_INPUT'
    )
    await t.call('import:close', { sessionId: 'open-twice-0001' })
  }, 60_000)
})
