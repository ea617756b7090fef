// The audit log records each listed action through the same channels the app uses, in the
// action's own transaction (a refused action leaves no entry); it is filtered by action and
// period, paged, and exported as a party-format .xlsx read back here.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditAction, AuditEntry } from '../../../src/shared/api'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'
import { SAMPLE, writeMemberList } from '../../helpers/import-fixtures'

let t: TestCore
let committee: number
let cell: number
let cell2: number

beforeEach(async () => {
  t = openTestCore()
  committee = (
    await t.call('units:create', { parentId: null, name: 'Đảng bộ xã Tân Hòa', level: 'Đảng ủy' })
  ).id
  cell = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
  ).id
  cell2 = (
    await t.call('units:create', {
      parentId: committee,
      name: 'Chi bộ ấp 1 (trùng)',
      level: 'Chi bộ'
    })
  ).id
})
afterEach(() => t.dispose())

async function entries(action?: AuditAction): Promise<AuditEntry[]> {
  return (await t.call('audit:list', { action: action ?? null, limit: 500 })).rows
}

async function last(action: AuditAction): Promise<AuditEntry> {
  const rows = await entries(action)
  expect(rows.length).toBeGreaterThan(0)
  return rows[0]
}

async function twoMembers(unitId = cell): Promise<number[]> {
  const a = await t.call('people:create', personInput(unitId, { fullName: 'Nguyễn Văn An' }))
  const b = await t.call('people:create', personInput(unitId, { fullName: 'Trần Thị Bình' }))
  return [a.id, b.id]
}

describe('each action writes one entry', () => {
  it('imports and their undo', async () => {
    const file = join(t.dir, 'ds.xlsx')
    await writeMemberList(file, SAMPLE)
    const opened = (await t.callWithFile('import:open', { path: file }))!
    // A dry run writes nothing, so it is not recorded.
    await t.call('import:commit', {
      sessionId: opened.sessionId,
      parentUnitId: committee,
      dryRun: true
    })
    expect(await entries('import.commit')).toHaveLength(0)
    const done = await t.call('import:commit', {
      sessionId: opened.sessionId,
      parentUnitId: committee
    })
    const imported = await last('import.commit')
    expect(imported.detail).toMatchObject({ importId: done.importId, file: 'ds.xlsx', created: 4 })
    expect(imported.description).toBe(
      'Nhập danh sách từ tệp ds.xlsx: thêm 4, cập nhật 0 người, tạo 1 đơn vị.'
    )
    await t.call('import:undo', { importId: done.importId! })
    expect((await last('import.undo')).detail).toMatchObject({
      importId: done.importId,
      file: 'ds.xlsx',
      removedPeople: 4
    })
  })

  it('every export, with the file it went to', async () => {
    const [an] = await twoMembers()
    const year = 2024
    await t.call('commitments:save', {
      personId: an,
      year,
      madeOn: '2024-02-20',
      items: [
        {
          heading: 'topic',
          content: 'Tiết kiệm điện',
          tasks: null,
          measures: null,
          deadline: null,
          expected: null
        }
      ]
    })
    const out = (name: string) => join(t.dir, name)
    await t.callWithFile('study:exportMissing', {
      year,
      unitId: committee,
      path: out('chua-hoc.xlsx')
    })
    await t.callWithFile('commitments:export', { personId: an, year, path: out('cam-ket.xlsx') })
    await t.callWithFile('commitments:exportUnit', {
      year,
      unitId: cell,
      path: out('cam-ket-don-vi.xlsx')
    })
    await t.callWithFile('evaluation:export', { year, unitId: cell, path: out('xep-loai.xlsx') })
    await t.callWithFile('exemplars:exportProposals', {
      unitId: committee,
      year,
      path: out('de-nghi.xlsx')
    })
    const file = join(t.dir, 'ds.xlsx')
    await writeMemberList(file, SAMPLE)
    const opened = (await t.callWithFile('import:open', { path: file }))!
    await t.call('import:preview', { sessionId: opened.sessionId, parentUnitId: committee })
    await t.callWithFile('import:exportProblems', {
      sessionId: opened.sessionId,
      path: out('loi.xlsx')
    })
    await t.callWithFile('audit:export', { path: out('nhat-ky.xlsx') })

    const exports = (await entries('export')).reverse()
    expect(exports.map((e) => [e.detail.what, e.detail.path])).toEqual([
      ['study-missing', out('chua-hoc.xlsx')],
      ['commitment', out('cam-ket.xlsx')],
      ['unit-commitments', out('cam-ket-don-vi.xlsx')],
      ['evaluation', out('xep-loai.xlsx')],
      ['exemplar-proposals', out('de-nghi.xlsx')],
      ['import-problems', out('loi.xlsx')],
      ['audit', out('nhat-ky.xlsx')]
    ])
    expect(exports[1].description).toBe('Xuất Bản cam kết ra tệp cam-ket.xlsx.')
    // A cancelled dialog (no path from the CLI's port) writes no file and no entry.
    expect(await t.callWithFile('audit:export', {})).toBeNull()
    expect(await entries('export')).toHaveLength(7)
  })

  it('backups, the number kept, and a restore (recorded in the data that came back)', async () => {
    const made = await t.call('backup:create', { reason: 'manual' })
    expect((await last('backup.create')).detail).toEqual({ file: made.fileName })
    await t.call('backup:setKeep', { keep: 5 })
    expect((await last('backup.keep')).detail).toEqual({ from: 20, to: 5, deleted: 0 })
    // Saving the same number again changes nothing and is not recorded.
    await t.call('backup:setKeep', { keep: 5 })
    expect(await entries('backup.keep')).toHaveLength(1)

    const restored = await t.call('backup:restore', { fileName: made.fileName })
    const entry = await last('backup.restore')
    expect(entry.detail).toEqual({
      from: join(t.dir, 'backups', made.fileName),
      safetyBackup: restored!.safetyBackup.fileName
    })
    // The data came back as it was when copied, before its own entry and the keep change; the
    // log goes on from there.
    expect((await entries()).map((e) => e.action)).toEqual(['backup.restore'])
  })

  it('deletions, and none for a deletion refused', async () => {
    const [an] = await twoMembers()
    await t.call('commitments:save', {
      personId: an,
      year: 2024,
      madeOn: null,
      items: [
        {
          heading: 'topic',
          content: 'Tiết kiệm điện',
          tasks: null,
          measures: null,
          deadline: null,
          expected: null
        }
      ]
    })
    await t.call('commitments:delete', { personId: an, year: 2024 })
    const deleted = await last('record.delete')
    expect(deleted.description).toBe('Xóa bản cam kết năm 2024 của Nguyễn Văn An.')
    const topic = (await t.call('study:listTopics', null))[0]
    const session = await t.call('study:createSession', {
      topicId: topic.id,
      kind: 'cell_meeting',
      heldOn: `${topic.year}-05-20`,
      hostUnitId: cell,
      title: null,
      points: [],
      extraNonMembers: 0,
      note: null
    })
    await t.call('study:deleteSession', { id: session.id })
    expect((await last('record.delete')).detail).toEqual({
      what: 'study-session',
      id: session.id,
      year: null,
      person: null
    })
    // Refused (nothing to delete): the transaction rolls back with its entry.
    await t.refuse('commitments:delete', { personId: an, year: 2024 })
    await t.refuse('study:deleteSession', { id: session.id })
    expect(await entries('record.delete')).toHaveLength(2)
  })

  it('unit merges, bulk ratings and bulk commitments', async () => {
    const [an, binh] = await twoMembers(cell2)
    await t.call('units:merge', { id: cell2, intoId: cell })
    expect((await last('units.merge')).detail).toMatchObject({
      from: 'Chi bộ ấp 1 (trùng)',
      into: 'Chi bộ ấp 1',
      people: 2
    })

    // One rating typed in a cell is an edit, not a bulk change.
    await t.call('evaluation:save', {
      year: 2024,
      unitId: cell,
      entries: [{ personId: an, self: 'HTTNV' }]
    })
    expect(await entries('ratings.bulk')).toHaveLength(0)
    await t.call('evaluation:save', {
      year: 2024,
      unitId: cell,
      entries: [
        { personId: an, self: 'HTXSNV' },
        { personId: binh, self: 'HTXSNV' }
      ]
    })
    expect((await last('ratings.bulk')).description).toBe(
      'Xếp loại năm 2024 của Chi bộ ấp 1 (ghi cùng lúc): 2 người.'
    )
    await t.call('evaluation:fill', {
      year: 2024,
      unitId: cell,
      fill: 'selfToProposed',
      overwrite: false
    })
    expect((await last('ratings.bulk')).detail).toMatchObject({ how: 'fill', people: 2 })

    await t.call('commitments:bulk', { unitId: cell, year: 2024 })
    expect((await last('commitments.bulk')).detail).toEqual({
      unit: 'Chi bộ ấp 1',
      year: 2024,
      created: 2
    })
  })
})

it('lists newest first, a page at a time, filtered by action and by period', async () => {
  for (let i = 0; i < 3; i++) await t.call('backup:create', { reason: 'manual' })
  await t.call('backup:setKeep', { keep: 7 })
  const all = await t.call('audit:list', { offset: 0, limit: 2 })
  expect(all.total).toBe(4)
  expect(all.rows.map((e) => e.action)).toEqual(['backup.keep', 'backup.create'])
  const page2 = await t.call('audit:list', { offset: 2, limit: 2 })
  expect(page2.rows.map((e) => e.action)).toEqual(['backup.create', 'backup.create'])
  expect((await t.call('audit:list', { action: 'backup.create' })).total).toBe(3)
  const today = new Date()
  const day = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  expect((await t.call('audit:list', { from: day(today), to: day(today) })).total).toBe(4)
  const yesterday = new Date(today.getTime() - 86_400_000)
  expect((await t.call('audit:list', { to: day(yesterday) })).total).toBe(0)
  expect((await t.refuse('audit:list', { action: 'people.delete' })).code).toBe('INVALID_INPUT')
})

it('exports the log as a party-format sheet, oldest first, with the filter in its title lines', async () => {
  await t.call('backup:create', { reason: 'manual' })
  await t.call('backup:setKeep', { keep: 3 })
  const path = join(t.dir, 'nhat-ky.xlsx')
  expect(await t.callWithFile('audit:export', { action: 'backup.create', path })).toEqual({
    path,
    count: 1
  })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const ws = wb.worksheets[0]
  const text: string[] = []
  ws.eachRow((row) => text.push(row.values ? (row.values as unknown[]).join('|') : ''))
  const all = text.join('\n')
  expect(all).toMatch(/NHẬT KÝ THAO TÁC TRÊN DỮ LIỆU/i)
  expect(all).toMatch(/Thao tác: Sao lưu/)
  expect(all).toMatch(/\|1\|\d\d\/\d\d\/\d{4} \d\d:\d\d\|Sao lưu\|Sao lưu thủ công: sao-luu_/)
  expect(all).not.toMatch(/Đổi số bản sao lưu/)
})
