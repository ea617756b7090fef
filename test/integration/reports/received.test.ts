// The level above totals what it keeps with what it receives: a province office keeps commune A's
// records itself, and communes B and C keep their own data files and send their annex up (C sends
// twice). Each commune's file is a real data file of its own; the province reads the annexes back,
// matches the units, stores them (the re-sent one replacing the first, kept as history), and its
// own annex adds them up. The tracker says who has sent and who is late.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Annex, AnnexTable } from '../../../src/shared/api'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { receivedOn } from '../../helpers/reports'
import { cellText } from '../../helpers/workbook'

const PROVINCE = 'Đảng bộ tỉnh Tây Ninh'
let province: TestCore
let ids: Record<string, number>
const files: Record<string, string> = {}
const dir = tempDir()

/** A data file with a province and one commune under it: `members` members, `studied` of them at a session. */
async function communeOffice(commune: string, members: number, studied: number, file: string) {
  const t = openTestCore()
  try {
    const top = (await t.call('units:create', { parentId: null, name: PROVINCE, level: 'Tỉnh ủy' }))
      .id
    const c = (
      await t.call('units:create', { parentId: top, name: commune, level: 'Đảng ủy cơ sở' })
    ).id
    const cell = (
      await t.call('units:create', { parentId: c, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
    ).id
    const names = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Lan']
    const people: number[] = []
    for (let i = 0; i < members; i++)
      people.push(
        (await t.call('people:create', personInput(cell, { fullName: `Nguyễn Văn ${names[i]}` })))
          .id
      )
    const topic = await t.call('study:saveTopic', {
      year: 2026,
      title: 'Chuyên đề năm 2026',
      planNumber: null,
      planDate: null,
      note: null
    })
    const s = await t.call('study:createSession', {
      topicId: topic.id,
      kind: 'unit_conference',
      heldOn: '2026-04-02',
      hostUnitId: c,
      title: null,
      points: [],
      extraNonMembers: 10,
      note: null
    })
    await t.call('study:setAttendance', {
      sessionId: s.id,
      present: people.slice(0, studied),
      absent: []
    })
    await t.callWithFile('reports:exportAnnex', {
      unitId: c,
      period: { kind: 'year', year: 2026 },
      path: file
    })
  } finally {
    t.dispose()
  }
}

const study = (a: Annex) => a.tables.find((t) => t.code === 'study')!
const row = (t: AnnexTable, name: string) => {
  const r = name === t.total.name ? t.total : t.rows.find((x) => x.name === name)!
  return Object.fromEntries(t.columns.map((c, k) => [c.code, r.values[k]]))
}

beforeAll(async () => {
  files.b = join(dir, 'xa-b.xlsx')
  files.c1 = join(dir, 'xa-c-lan-1.xlsx')
  files.c2 = join(dir, 'xa-c-lan-2.xlsx')
  await communeOffice('Đảng bộ xã Bình Minh', 4, 3, files.b)
  await communeOffice('Đảng bộ xã Cẩm Giang', 5, 2, files.c1)
  await communeOffice('Đảng bộ xã Cẩm Giang', 5, 5, files.c2)

  province = openTestCore()
  const top = (
    await province.call('units:create', { parentId: null, name: PROVINCE, level: 'Tỉnh ủy' })
  ).id
  const unit = async (name: string) =>
    (await province.call('units:create', { parentId: top, name, level: 'Đảng ủy cơ sở' })).id
  ids = {
    top,
    a: await unit('Đảng bộ xã An Hòa'),
    b: await unit('Đảng bộ xã Bình Minh'),
    c: await unit('Đảng bộ xã Cẩm Giang')
  }
  // Commune A's records are kept here: 2 members, 1 studied.
  const cellA = (
    await province.call('units:create', { parentId: ids.a, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
  ).id
  const m1 = (
    await province.call('people:create', personInput(cellA, { fullName: 'Nguyễn Văn Một' }))
  ).id
  await province.call('people:create', personInput(cellA, { fullName: 'Trần Văn Hai' }))
  const topic = await province.call('study:saveTopic', {
    year: 2026,
    title: 'Chuyên đề năm 2026',
    planNumber: null,
    planDate: null,
    note: null
  })
  const s = await province.call('study:createSession', {
    topicId: topic.id,
    kind: 'unit_conference',
    heldOn: '2026-03-01',
    hostUnitId: ids.a,
    title: null,
    points: [],
    extraNonMembers: 0,
    note: null
  })
  await province.call('study:setAttendance', { sessionId: s.id, present: [m1], absent: [] })
})

afterAll(() => province?.dispose())

describe('receiving the annexes of communes that keep their own file', () => {
  it('previews what a file says and matches the commune by its path in the tree', async () => {
    const p = (await province.callWithFile('reports:previewReceived', {
      parentId: ids.top,
      path: files.b
    }))!
    expect(p).toMatchObject({
      fileName: 'xa-b.xlsx',
      source: { name: 'Đảng bộ xã Bình Minh', path: [PROVINCE, 'Đảng bộ xã Bình Minh'] },
      period: { kind: 'year', year: 2026, from: '2026-01-01', to: '2026-11-30', label: 'năm 2026' },
      appVersion: 'test',
      unitId: ids.b,
      matchedBy: 'path',
      replaces: null
    })
    expect(p.summary).toEqual([
      { label: 'Đảng viên phải học', value: 4 },
      { label: 'Đảng viên đã học', value: 3 },
      { label: 'Tỷ lệ đảng viên đã học (%)', value: 75 },
      { label: 'Hoạt động tuyên truyền', value: 0 }
    ])
    const stored = await province.call('reports:receive', { token: p.token, unitId: ids.b })
    expect(stored).toMatchObject({
      unitId: ids.b,
      unitName: 'Đảng bộ xã Bình Minh',
      periodKind: 'year',
      year: 2026,
      replacedAt: null
    })
    // A token is used once.
    expect(
      (await province.refuse('reports:receive', { token: p.token, unitId: ids.b })).message
    ).toBe('Không còn tệp đã xem trước: hãy chọn lại tệp phụ lục.')
  })

  it('says what a re-sent annex replaces, and keeps the first as history', async () => {
    const first = (await province.callWithFile('reports:previewReceived', {
      parentId: ids.top,
      path: files.c1
    }))!
    await province.call('reports:receive', { token: first.token, unitId: first.unitId! })
    const again = (await province.callWithFile('reports:previewReceived', {
      parentId: ids.top,
      path: files.c2
    }))!
    expect(again.unitId).toBe(ids.c)
    expect(again.replaces).toMatchObject({ fileName: 'xa-c-lan-1.xlsx' })
    await province.call('reports:receive', { token: again.token, unitId: ids.c })
    // Both came before the due date (5 December), whatever today's clock says.
    receivedOn(province, ids.b, '2026-11-28')
    receivedOn(province, ids.c, '2026-12-01')

    const tracker = await province.call('reports:tracker', {
      unitId: ids.top,
      period: { kind: 'year', year: 2026 },
      today: '2026-12-10'
    })
    expect(
      tracker.rows.map((r) => [r.name, r.received?.fileName ?? null, r.late, r.ownData])
    ).toEqual([
      // Its records are kept here: it has nothing to send, so it is not late.
      ['Đảng bộ xã An Hòa', null, false, true],
      ['Đảng bộ xã Bình Minh', 'xa-b.xlsx', false, false],
      ['Đảng bộ xã Cẩm Giang', 'xa-c-lan-2.xlsx', false, false]
    ])
    expect(tracker.history.map((h) => [h.unitName, h.fileName])).toEqual([
      ['Đảng bộ xã Cẩm Giang', 'xa-c-lan-1.xlsx']
    ])
    // Before the due date nobody is late.
    const early = await province.call('reports:tracker', {
      unitId: ids.top,
      period: { kind: 'year', year: 2026 },
      today: '2026-12-01'
    })
    expect(early.rows.every((r) => !r.late)).toBe(true)
  })

  it('records each annex received in the audit log, saying when it replaced one', async () => {
    const log = await province.call('audit:list', { action: 'reports.receive' })
    expect(log.rows.map((e) => [e.description, e.detail])).toEqual([
      [
        'Nhận phụ lục số liệu báo cáo năm 2026 của Đảng bộ xã Cẩm Giang từ tệp xa-c-lan-2.xlsx, thay phụ lục nhận trước đó.',
        {
          unit: 'Đảng bộ xã Cẩm Giang',
          period: 'năm 2026',
          file: 'xa-c-lan-2.xlsx',
          replaced: true
        }
      ],
      [
        'Nhận phụ lục số liệu báo cáo năm 2026 của Đảng bộ xã Cẩm Giang từ tệp xa-c-lan-1.xlsx.',
        {
          unit: 'Đảng bộ xã Cẩm Giang',
          period: 'năm 2026',
          file: 'xa-c-lan-1.xlsx',
          replaced: false
        }
      ],
      [
        'Nhận phụ lục số liệu báo cáo năm 2026 của Đảng bộ xã Bình Minh từ tệp xa-b.xlsx.',
        { unit: 'Đảng bộ xã Bình Minh', period: 'năm 2026', file: 'xa-b.xlsx', replaced: false }
      ]
    ])
  })

  it('totals its own records with the received figures, marking which is which', async () => {
    const annex = await province.call('reports:annex', {
      unitId: ids.top,
      period: { kind: 'year', year: 2026 }
    })
    const t = study(annex)
    expect(t.rows.map((r) => [r.name, r.source])).toEqual([
      ['Đảng bộ xã An Hòa', 'own'],
      ['Đảng bộ xã Bình Minh', 'received'],
      ['Đảng bộ xã Cẩm Giang', 'received']
    ])
    expect(row(t, 'Đảng bộ xã An Hòa')).toMatchObject({
      sessions: 1,
      membersRequired: 2,
      membersStudied: 1,
      membersPercent: 50
    })
    expect(row(t, 'Đảng bộ xã Bình Minh')).toMatchObject({
      sessions: 1,
      membersRequired: 4,
      membersStudied: 3,
      membersPercent: 75,
      nonMemberAttendances: 10
    })
    // The re-sent annex counts, not the first.
    expect(row(t, 'Đảng bộ xã Cẩm Giang')).toMatchObject({
      membersRequired: 5,
      membersStudied: 5,
      membersPercent: 100
    })
    // The total: 2 + 4 + 5 required, 1 + 3 + 5 studied; the share from those totals (9/11), not averaged.
    expect(row(t, PROVINCE)).toMatchObject({
      sessions: 3,
      membersRequired: 11,
      membersStudied: 9,
      membersPercent: 81.82,
      nonMemberAttendances: 20
    })
  })

  it('writes the province annex with the received rows marked, ready to go up again', async () => {
    const file = join(dir, 'tinh.xlsx')
    await province.callWithFile('reports:exportAnnex', {
      unitId: ids.top,
      period: { kind: 'year', year: 2026 },
      path: file
    })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const text: string[] = []
    wb.worksheets[0].eachRow((r) =>
      text.push((r.values as ExcelJS.CellValue[]).slice(1).map(cellText).join(' | '))
    )
    expect(text.join('\n')).toContain('Đảng bộ xã Bình Minh (*)')
    expect(text.join('\n')).not.toContain('Đảng bộ xã An Hòa (*)')
    expect(text.join('\n')).toContain('(*) Số liệu lấy theo phụ lục do đơn vị gửi lên.')
  })

  it('uses its own records for a commune that has both, when asked', async () => {
    // The province also enters one member of Bình Minh itself.
    const cell = (
      await province.call('units:create', { parentId: ids.b, name: 'Chi bộ ấp 9', level: 'Chi bộ' })
    ).id
    await province.call('people:create', personInput(cell, { fullName: 'Lê Văn Chín' }))
    const both = await province.call('reports:annex', {
      unitId: ids.top,
      period: { kind: 'year', year: 2026 }
    })
    const b = study(both).rows.find((r) => r.unitId === ids.b)!
    expect([b.source, b.both]).toEqual(['received', true])
    const own = await province.call('reports:annex', {
      unitId: ids.top,
      period: { kind: 'year', year: 2026 },
      useOwn: [ids.b]
    })
    expect(row(study(own), 'Đảng bộ xã Bình Minh')).toMatchObject({
      membersRequired: 1,
      membersStudied: 0
    })
    expect(row(study(own), PROVINCE)).toMatchObject({ membersRequired: 8, membersStudied: 6 })
  })
})

describe('refusals', () => {
  it('refuses a workbook that is not an annex, and one of a custom range', async () => {
    const other = join(dir, 'khac.xlsx')
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Danh sách').addRow(['Họ và tên'])
    await wb.xlsx.writeFile(other)
    expect(
      (await province.refuseWithFile('reports:previewReceived', { parentId: null, path: other }))
        .message
    ).toContain('Tệp này không phải phụ lục số liệu do phần mềm xuất')
    const custom = join(dir, 'tu-chon.xlsx')
    await province.callWithFile('reports:exportAnnex', {
      unitId: ids.a,
      period: { kind: 'custom', from: '2026-01-01', to: '2026-03-31' },
      path: custom
    })
    expect(
      (await province.refuseWithFile('reports:previewReceived', { parentId: null, path: custom }))
        .message
    ).toBe(
      'Phụ lục này tính cho một khoảng thời gian tự chọn: chỉ nhận phụ lục báo cáo 6 tháng hoặc cả năm.'
    )
  })
})
