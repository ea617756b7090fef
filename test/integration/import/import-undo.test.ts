// Undo of an import whose people other data now points at (attendance at a study session):
// refused up front with CONFLICT, naming them, and nothing is changed.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  SAMPLE,
  startCoreWithParent,
  writeMemberList,
  type TestCore
} from '../../helpers/import-fixtures'

let t: TestCore
let parentId: number

beforeEach(async () => {
  ;({ t, parentId } = await startCoreWithParent())
})
afterEach(() => t.close())

async function everyone() {
  const list = await t.call('people:list', { unitId: null, includeSubunits: true, limit: 1000 })
  return Promise.all(list.rows.map((r: { id: number }) => t.call('people:get', { id: r.id })))
}

it('refuses to undo an import when an imported person has since got attendance records, leaving everything intact', async () => {
  const file = join(t.dir, 'ds.xlsx')
  await writeMemberList(file, SAMPLE)
  const opened = await t.call('import:open', { path: file })
  const summary = await t.call('import:commit', {
    sessionId: opened.sessionId,
    parentUnitId: parentId
  })
  expect(summary.created).toBe(SAMPLE.length)

  const people = await everyone()
  const an = people.find((p) => p.fullName === 'Nguyễn Văn An')
  const binh = people.find((p) => p.fullName === 'Trần Thị Bình')
  const topic = (await t.call('study:listTopics', null))[0]
  const session = await t.call('study:createSession', {
    topicId: topic.id,
    kind: 'cell_meeting',
    heldOn: `${topic.year}-05-20`,
    hostUnitId: an.unitId,
    title: null,
    points: [],
    extraNonMembers: 0,
    note: null
  })
  await t.call('study:setAttendance', {
    sessionId: session.id,
    present: [an.id, binh.id],
    absent: []
  })
  const units = await t.call('units:list', { includeRetired: true })
  const history = await t.call('import:history')
  const backups = readdirSync(join(t.dir, 'backups')).length

  const err = await t.fail('import:undo', { importId: summary.importId })
  expect(err.code).toBe('CONFLICT')
  expect(err.message).toMatch(/Không thể hoàn tác/)
  expect(err.message).toMatch(/điểm danh học tập/)
  expect(err.message).toMatch(/Nguyễn Văn An/)
  expect(err.message).toMatch(/Trần Thị Bình/)
  expect(err.message).toMatch(/^Không thể hoàn tác lần nhập tệp "ds\.xlsx": 2 người/)

  // Nothing changed: people, units, attendance, the history (still undoable later), no backup taken.
  expect(await everyone()).toEqual(people)
  expect(await t.call('units:list', { includeRetired: true })).toEqual(units)
  expect(await t.call('import:history')).toEqual(history)
  expect(history[0]).toMatchObject({ undoneAt: null, canUndo: true })
  const checklist = await t.call('study:checklist', { sessionId: session.id, unitId: an.unitId })
  expect(
    checklist.rows
      .filter((r: { attended: boolean }) => r.attended)
      .map((r: { personId: number }) => r.personId)
      .sort()
  ).toEqual([an.id, binh.id].sort())
  expect(readdirSync(join(t.dir, 'backups')).length).toBe(backups)

  // Once the attendance is removed, the same undo goes through.
  await t.call('study:setAttendance', {
    sessionId: session.id,
    present: [],
    absent: [an.id, binh.id]
  })
  const undone = await t.call('import:undo', { importId: summary.importId })
  expect(undone).toMatchObject({ removedPeople: SAMPLE.length })
  expect(await everyone()).toHaveLength(0)
})

it('undoes a later import, then the earlier one that added the person the later one updated', async () => {
  const file = join(t.dir, 'ds.xlsx')
  await writeMemberList(file, SAMPLE.slice(0, 2))
  const s1 = await t.call('import:commit', {
    sessionId: (await t.call('import:open', { path: file })).sessionId,
    parentUnitId: parentId
  })
  await writeMemberList(file, [{ ...SAMPLE[0], position: 'Phó Bí thư' }, SAMPLE[1]])
  const s2 = await t.call('import:commit', {
    sessionId: (await t.call('import:open', { path: file })).sessionId,
    parentUnitId: parentId
  })
  expect(s2).toMatchObject({ created: 0, updated: 1 })

  // Undoing the update puts the person back exactly as the first import left them, so the first
  // import is still undoable as a whole.
  expect(await t.call('import:undo', { importId: s2.importId })).toMatchObject({
    restoredPeople: 1,
    removedPeople: 0
  })
  expect(await t.call('import:undo', { importId: s1.importId })).toMatchObject({ removedPeople: 2 })
  expect(await everyone()).toHaveLength(0)
})

it('refuses the undo while an added person is edited, and allows it once the edit is taken back', async () => {
  const file = join(t.dir, 'ds.xlsx')
  await writeMemberList(file, SAMPLE.slice(0, 2))
  const s1 = await t.call('import:commit', {
    sessionId: (await t.call('import:open', { path: file })).sessionId,
    parentUnitId: parentId
  })
  const an = (await everyone()).find((p) => p.fullName === 'Nguyễn Văn An')
  const { id, status: _s, statusSince: _ss, unitName: _u, ...fields } = an

  await t.call('people:update', { id, fields: { ...fields, phone: '0912345678' } })
  expect((await t.fail('import:undo', { importId: s1.importId })).message).toMatch(
    /1 người đã được sửa sau lần nhập này \(Nguyễn Văn An\)/
  )
  await t.call('people:update', { id, fields })
  expect(await t.call('import:undo', { importId: s1.importId })).toMatchObject({ removedPeople: 2 })
})
