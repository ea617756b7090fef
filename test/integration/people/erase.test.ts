// Erasing a person: refused with what points at them, counted per kind; with their records, they
// are gone from every table, from import history and the audit log, and from the bytes of the data
// file and its -wal (VACUUM and a checkpoint); a backup precedes it; the log keeps the fact.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  SAMPLE,
  startCoreWithParent,
  utc,
  writeMemberList,
  type Member,
  type TestCore
} from '../../helpers/import-fixtures'
import { cli } from '../../helpers/cli'

const NAME = 'Lương Thị Thu Xoan'
const FOLDED = 'luong thi thu xoan'
const CCCD = '079199887766'
const XOAN: Member = {
  name: NAME,
  birth: utc(1988, 7, 14),
  male: false,
  join: utc(2012, 3, 3),
  official: utc(2013, 3, 3),
  card: '09988776',
  profile: '00998877',
  cccd: CCCD,
  hometown: 'Bến Tre',
  position: 'Đảng viên'
}

let t: TestCore
let parentId: number

beforeEach(async () => {
  ;({ t, parentId } = await startCoreWithParent())
})
afterEach(() => t.close())

const dbPath = () => join(t.dir, 'chuyen-de.sqlite')

/** The data file and its -wal, as bytes, as anyone copying them would read them. */
function rawBytes(): Buffer {
  const wal = `${dbPath()}-wal`
  return Buffer.concat([
    readFileSync(dbPath()),
    existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)
  ])
}

const holds = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'utf8'))

async function importList(file: string, members: Member[]) {
  await writeMemberList(file, members)
  const opened = await t.call('import:open', { path: file })
  return t.call('import:commit', { sessionId: opened.sessionId, parentUnitId: parentId })
}

async function personNamed(name: string) {
  const page = await t.call('people:list', { unitId: null, includeSubunits: true, q: name })
  return page.rows.find((p: { fullName: string }) => p.fullName === name)
}

/** Xoan imported, then updated by a second import (undo snapshots of her), studied, committed,
 *  rated, her commitment exported (an audit entry about her). */
async function xoanWithRecords(): Promise<{ id: number; unitId: number; year: number }> {
  const file = join(t.dir, 'ds.xlsx')
  await importList(file, [XOAN, SAMPLE[1]])
  await importList(file, [{ ...XOAN, position: 'Phó Bí thư' }, SAMPLE[1]])
  const xoan = await personNamed(NAME)
  const topic = (await t.call('study:listTopics', null))[0]
  const session = await t.call('study:createSession', {
    topicId: topic.id,
    kind: 'cell_meeting',
    heldOn: `${topic.year}-05-20`,
    hostUnitId: xoan.unitId,
    title: null,
    points: [],
    extraNonMembers: 0,
    note: null
  })
  await t.call('study:setAttendance', { sessionId: session.id, present: [xoan.id], absent: [] })
  await t.call('commitments:save', {
    personId: xoan.id,
    year: 2024,
    madeOn: '2024-02-20',
    items: [
      {
        heading: 'topic',
        content: 'Vận động 10 hộ dân tiết kiệm điện',
        tasks: null,
        measures: null,
        deadline: null,
        expected: null
      }
    ]
  })
  await t.call('evaluation:save', {
    year: 2024,
    unitId: xoan.unitId,
    entries: [{ personId: xoan.id, self: 'HTXSNV' }]
  })
  await t.call('commitments:export', {
    personId: xoan.id,
    year: 2024,
    path: join(t.dir, 'cam-ket.xlsx')
  })
  return { id: xoan.id, unitId: xoan.unitId, year: topic.year }
}

it('refuses to erase a person records point at, counting them per kind, and changes nothing', async () => {
  const { id } = await xoanWithRecords()
  expect(await t.call('people:listRecords', { id })).toEqual(
    expect.arrayContaining([
      { kind: 'study_attendance', label: 'điểm danh học tập', count: 1 },
      { kind: 'commitments', label: 'cam kết', count: 1 },
      { kind: 'evaluation_ratings', label: 'xếp loại đảng viên', count: 1 }
    ])
  )
  const backups = readdirSync(join(t.dir, 'backups')).length
  const err = await t.fail('people:erase', { id })
  expect(err.code).toBe('CONFLICT')
  expect(err.message).toMatch(/^Không thể xóa vĩnh viễn "Lương Thị Thu Xoan": còn dữ liệu/)
  expect(err.message).toMatch(/1 điểm danh học tập/)
  expect(err.message).toMatch(/1 cam kết/)
  expect(err.message).toMatch(/1 xếp loại đảng viên/)
  // Nothing changed, no copy taken.
  expect((await personNamed(NAME)).id).toBe(id)
  expect(readdirSync(join(t.dir, 'backups')).length).toBe(backups)
  const log = await t.call('audit:list', { action: 'person.erase' })
  expect(log.total).toBe(0)
})

it('erases a person with their records: gone from every table and from the bytes of the file and its -wal', async () => {
  const { id } = await xoanWithRecords()
  const before = rawBytes()
  expect(holds(before, NAME)).toBe(true)
  expect(holds(before, CCCD)).toBe(true)

  const result = await t.call('people:erase', { id, withRecords: true })
  expect(result).toMatchObject({ erasedRecords: 3, walEmptied: true })
  expect(result.backupFile).toMatch(/_truoc-xoa\.sqlite$/)
  // The copy taken first still holds them: the way back, until it ages out.
  expect(holds(readFileSync(join(t.dir, 'backups', result.backupFile)), CCCD)).toBe(true)

  const after = rawBytes()
  expect(holds(after, NAME)).toBe(false)
  expect(holds(after, CCCD)).toBe(false)
  expect(holds(after, FOLDED)).toBe(false)
  expect(holds(after, '09988776')).toBe(false)
  // The other person of the same imports is still there, and the file is whole.
  expect(holds(after, 'Trần Thị Bình')).toBe(true)
  expect(await t.call('db:check', null)).toMatchObject({ ok: true, foreignKeyProblems: 0 })
  await expect(t.fail('people:get', { id })).resolves.toMatchObject({ code: 'NOT_FOUND' })

  // The log keeps that an erasure happened, with a count; the export of her commitment keeps
  // its action and time, not its file name (which held her name).
  const log = await t.call('audit:list', {})
  const erased = log.rows.find((e: { action: string }) => e.action === 'person.erase')
  expect(erased.detail).toEqual({ records: 3, backup: result.backupFile })
  expect(erased.description).toMatch(/^Xóa vĩnh viễn một người cùng 3 bản ghi/)
  const exported = log.rows.find(
    (e: { action: string; detail: { what?: string } }) => e.action === 'export'
  )
  expect(exported.detail).toEqual({ erased: true })
  expect(JSON.stringify(log)).not.toMatch(/xoan|Xoan/)

  // The later import (which updated her) can still be undone for the others.
  const history = await t.call('import:history')
  expect(history[0].canUndo).toBe(true)
  await t.call('import:undo', { importId: history[0].id })

  // Closed and read again: still not there.
  t.core.close()
  const closed = readFileSync(dbPath())
  expect(holds(closed, NAME)).toBe(false)
  expect(holds(closed, CCCD)).toBe(false)
})

it('erases from the command line: refused with reasons without --with-records, done with it', async () => {
  const { id } = await xoanWithRecords()
  t.core.close()
  const refused = await cli('people', 'erase', CCCD, '--yes', '--db', dbPath())
  expect(refused.code).toBe(2)
  expect(refused.stderr).toMatch(/Không thể xóa vĩnh viễn "Lương Thị Thu Xoan"/)
  const unconfirmed = await cli('people', 'erase', String(id), '--with-records', '--db', dbPath())
  expect(unconfirmed.code).toBe(2)
  expect(unconfirmed.stderr).toMatch(/--yes/)
  const done = await cli(
    'people',
    'erase',
    '09988776',
    '--with-records',
    '--yes',
    '--json',
    '--db',
    dbPath()
  )
  expect(done.code).toBe(0)
  expect(JSON.parse(done.stdout)).toMatchObject({ id, erasedRecords: 3, walEmptied: true })
  expect(holds(readFileSync(dbPath()), CCCD)).toBe(false)
})
