import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'
import { SCHEMA_VERSION } from '../../../src/core/db/migrations'
import { encodeTcvn3 } from '../../../src/core/excel/legacy-encoding'

let t: TestCore
let committee: number
let cellA: number
let cellB: number
let topic2024: number
const people: Record<string, number> = {}

async function addPerson(
  unitId: number,
  fullName: string,
  extra: Parameters<typeof personInput>[1] = {}
) {
  const p = await t.call('people:create', personInput(unitId, { fullName, ...extra }))
  people[fullName] = p.id
  return p.id
}

beforeEach(async () => {
  t = openTestCore()
  committee = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng ủy xã Tân Lập',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  cellA = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
  ).id
  cellB = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 2', level: 'Chi bộ' })
  ).id
  await addPerson(cellA, 'Nguyễn Văn An', { partyCardNumber: '01000001', birthDate: '1970' })
  await addPerson(cellA, 'Trần Thị Bình', { partyCardNumber: '01000002' })
  await addPerson(cellA, 'Lê Văn Cường', { kind: 'non_member', role: 'Công chức' })
  await addPerson(cellA, 'Phạm Văn Miễn', { partyCardNumber: '01000003' })
  await addPerson(cellA, 'Võ Văn Tạm', { partyCardNumber: '01000004' })
  await addPerson(cellB, 'Nguyễn Văn An', { partyCardNumber: '01000005', birthDate: '1985' })
  await addPerson(cellB, 'Đỗ Thị Đình', { partyCardNumber: '01000006' })
  await addPerson(cellB, 'Hồ Văn Đi', { partyCardNumber: '01000007' })
  await t.call('people:setStatus', {
    id: people['Phạm Văn Miễn'],
    status: 'exempt',
    since: '2024-01-02'
  })
  await t.call('people:setStatus', {
    id: people['Võ Văn Tạm'],
    status: 'temporary',
    since: '2024-01-02'
  })
  await t.call('people:setStatus', {
    id: people['Đỗ Thị Đình'],
    status: 'suspended',
    since: '2024-01-02'
  })
  await t.call('people:setStatus', {
    id: people['Hồ Văn Đi'],
    status: 'transferred',
    since: '2024-01-02'
  })
  topic2024 = (await t.call('study:listTopics', null)).find((x) => x.year === 2024)!.id
})
afterEach(() => t.dispose())

const session = (
  hostUnitId: number,
  heldOn: string,
  kind: 'cell_meeting' | 'makeup' | 'provincial_online' = 'cell_meeting'
) =>
  t.call('study:createSession', {
    topicId: topic2024,
    kind,
    heldOn,
    hostUnitId,
    title: null,
    points: [{ name: 'Hội trường xã', unitId: committee, attendees: 45 }],
    extraNonMembers: 12,
    note: null
  })

describe('study: topics and the working year', () => {
  it('seeds the yearly topics of DOMAIN.md, editable, and keeps the working year in settings', async () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3)
    const topics = await t.call('study:listTopics', null)
    expect(topics.map((x) => x.year)).toEqual([2024, 2023, 2022, 2021])
    expect(topics.find((x) => x.year === 2021)!.title).toContain(
      'ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc'
    )
    expect(topics.find((x) => x.year === 2024)!.title).toMatch(
      /^Đẩy mạnh học tập và làm theo .* thực hành tiết kiệm/
    )
    // A new file opened after the last seeded year starts on this year (the study view then asks
    // for this year's topic), not on the last seeded one.
    expect((await t.call('app:getYear', null)).year).toBe(new Date().getFullYear())
    const edited = await t.call('study:saveTopic', {
      year: 2023,
      title: '  Chủ đề   sửa ',
      planNumber: '45-KH/TU',
      planDate: '2023-03-01',
      note: null
    })
    expect(edited).toMatchObject({
      year: 2023,
      title: 'Chủ đề sửa',
      planNumber: '45-KH/TU',
      planDate: '2023-03-01'
    })
    await t.call('study:saveTopic', {
      year: 2025,
      title: 'Chủ đề 2025',
      planNumber: null,
      planDate: null,
      note: null
    })
    expect(await t.call('app:setYear', { year: 2025 })).toEqual({ year: 2025 })
    expect((await t.call('app:getYear', null)).year).toBe(2025)
    expect((await t.refuse('app:setYear', { year: 1999 })).code).toBe('INVALID_INPUT')
    const err = await t.refuse('study:saveTopic', {
      year: 2025,
      title: ' ',
      planNumber: null,
      planDate: null,
      note: null
    })
    expect(err.fields?.title).toBe('Tên chủ đề không được để trống.')
  })
})

describe('study: sessions and attendance', () => {
  it('records a session with connection points and lists it for the units it concerns', async () => {
    const s = await session(committee, '2024-05-10', 'provincial_online')
    expect(s).toMatchObject({
      year: 2024,
      hostUnitName: 'Đảng ủy xã Tân Lập',
      extraNonMembers: 12,
      attendedMembers: 0
    })
    expect(s.points).toEqual([{ name: 'Hội trường xã', unitId: committee, attendees: 45 }])
    // Hosted above a chi bộ: the chi bộ sees it; a year without it: nothing.
    expect(
      (await t.call('study:listSessions', { year: 2024, unitId: cellA })).map((x) => x.id)
    ).toEqual([s.id])
    expect(await t.call('study:listSessions', { year: 2023, unitId: null })).toEqual([])
    const cellSession = await session(cellB, '2024-06-01')
    expect(
      (await t.call('study:listSessions', { year: 2024, unitId: cellA })).map((x) => x.id)
    ).toEqual([s.id])
    expect(
      (await t.call('study:listSessions', { year: 2024, unitId: committee })).map((x) => x.id)
    ).toEqual([cellSession.id, s.id])
    // The session's own fields (a strict schema refuses what a saved session adds: id, counts).
    const bad = await t.refuse('study:createSession', {
      topicId: s.topicId,
      kind: s.kind,
      hostUnitId: s.hostUnitId,
      title: s.title,
      extraNonMembers: s.extraNonMembers,
      note: s.note,
      heldOn: '2024-02-30',
      points: [{ name: ' ', unitId: null, attendees: 1 }]
    })
    expect(bad.fields).toMatchObject({
      heldOn: expect.any(String),
      'points.0.name': 'Tên điểm cầu không được để trống.'
    })
  })

  it('gives a unit checklist and marks attendance in one transaction', async () => {
    const s = await session(cellA, '2024-05-20')
    const list = await t.call('study:checklist', { sessionId: s.id, unitId: cellA })
    expect(list.rows.map((r) => r.fullName)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Phạm Văn Miễn',
      'Võ Văn Tạm',
      'Lê Văn Cường'
    ])
    expect(list.rows.find((r) => r.fullName === 'Phạm Văn Miễn')!.required).toBe(false)
    expect(list.rows.find((r) => r.fullName === 'Võ Văn Tạm')!.required).toBe(true)
    const r = await t.call('study:setAttendance', {
      sessionId: s.id,
      present: list.rows.map((x) => x.personId),
      absent: []
    })
    expect(r).toMatchObject({ added: 5, attendedMembers: 4, attendedNonMembers: 1 })
    const again = await t.call('study:setAttendance', {
      sessionId: s.id,
      present: [list.rows[0].personId],
      absent: [people['Trần Thị Bình']]
    })
    expect(again).toMatchObject({ added: 0, removed: 1, attendedMembers: 3 })
    // Someone who left the rolls: refused, and nothing of the call is written.
    const err = await t.refuse('study:setAttendance', {
      sessionId: s.id,
      present: [people['Trần Thị Bình'], people['Hồ Văn Đi']],
      absent: []
    })
    expect(err.message).toContain('Hồ Văn Đi')
    expect((await t.call('study:getSession', { id: s.id })).attendedMembers).toBe(3)
    const other = await session(cellA, '2024-06-20', 'makeup')
    const l2 = await t.call('study:checklist', { sessionId: other.id, unitId: cellA })
    expect(l2.rows.find((x) => x.fullName === 'Nguyễn Văn An')).toMatchObject({
      attended: false,
      studiedElsewhere: true
    })
  })
})

describe('study: coverage', () => {
  it('counts who must study, who has and who has not, per unit and rolled up, members and non-members apart', async () => {
    const empty = await t.call('study:coverage', { year: 2024, unitId: null })
    // Required: cell A: An, Bình, Tạm (temporary) + Cường (non-member); Miễn exempt. Cell B: An; Đình suspended, Đi left.
    expect(empty.total).toMatchObject({ required: 5, studied: 0, missing: 5, percent: 0 })
    expect(empty.total!.members).toMatchObject({ required: 4 })
    expect(empty.total!.nonMembers).toMatchObject({ required: 1 })

    const s1 = await session(committee, '2024-05-10', 'provincial_online')
    const s2 = await session(cellA, '2024-07-03', 'makeup')
    await t.call('study:setAttendance', {
      sessionId: s1.id,
      present: [people['Trần Thị Bình'], people['Phạm Văn Miễn']],
      absent: []
    })
    await t.call('study:setAttendance', {
      sessionId: s2.id,
      present: [people['Trần Thị Bình'], people['Lê Văn Cường'], people['Võ Văn Tạm']],
      absent: []
    })
    const cov = await t.call('study:coverage', { year: 2024, unitId: null })
    const byName = Object.fromEntries(cov.rows.map((r) => [r.name, r]))
    expect(byName['Chi bộ ấp 1']).toMatchObject({
      required: 4,
      studied: 3,
      missing: 1,
      percent: 75,
      depth: 1
    })
    expect(byName['Chi bộ ấp 1'].members).toEqual({
      required: 3,
      studied: 2,
      missing: 1,
      percent: 66.7
    })
    expect(byName['Chi bộ ấp 1'].nonMembers).toEqual({
      required: 1,
      studied: 1,
      missing: 0,
      percent: 100
    })
    expect(byName['Chi bộ ấp 2']).toMatchObject({ required: 1, studied: 0, percent: 0 })
    expect(byName['Đảng ủy xã Tân Lập']).toMatchObject({
      required: 5,
      studied: 3,
      missing: 2,
      percent: 60,
      depth: 0
    })
    expect(cov.total).toBe(cov.rows[0])
    // A unit's own scope.
    const cell = await t.call('study:coverage', { year: 2024, unitId: cellA })
    expect(cell.rows).toHaveLength(1)
    expect(cell.rows[0]).toMatchObject({ depth: 0, studied: 3 })
    // Another year's topic does not count.
    expect((await t.call('study:coverage', { year: 2023, unitId: null })).total!.studied).toBe(0)

    const missing = await t.call('study:listMissing', { year: 2024, unitId: null })
    expect(missing.rows.map((p) => `${p.fullName} (${p.unitName})`)).toEqual([
      'Nguyễn Văn An (Chi bộ ấp 1)',
      'Nguyễn Văn An (Chi bộ ấp 2)'
    ])

    const prog = await t.call('study:progress', { year: 2024, unitId: null })
    expect(prog.required).toBe(5)
    const m = Object.fromEntries(prog.months.map((x) => [x.month, x]))
    expect(m['2024-04'].studied).toBe(0)
    expect(m['2024-05']).toMatchObject({ studied: 1, studiedMembers: 1 })
    expect(m['2024-07']).toMatchObject({ studied: 3, studiedMembers: 2, studiedNonMembers: 1 })
    expect(prog.months[prog.months.length - 1].month).toBe('2024-12')

    await t.call('study:deleteSession', { id: s2.id })
    expect((await t.call('study:coverage', { year: 2024, unitId: null })).total!.studied).toBe(1)
  })
})

describe('study: attendee sheets', () => {
  async function sheet(rows: (string | number | null)[][]): Promise<string> {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Danh sách')
    ws.addRow(['ĐẢNG ỦY XÃ TÂN LẬP'])
    ws.addRow(['DANH SÁCH ĐẢNG VIÊN DỰ HỌC TẬP CHUYÊN ĐỀ'])
    ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên'])
    ws.addRow([1, 2, 3, 4])
    for (const r of rows) ws.addRow(r)
    ws.addRow([null, 'Tổng cộng: 6', null, null])
    const path = join(t.dir, 'nguoi-du.xlsx')
    await wb.xlsx.writeFile(path)
    return path
  }

  it('matches by card then by name within the host subtree, and lists the rest for a decision', async () => {
    const s = await session(committee, '2024-05-10')
    await t.call('study:setAttendance', {
      sessionId: s.id,
      present: [people['Trần Thị Bình']],
      absent: []
    })
    const path = await sheet([
      [1, 'TRẦN THỊ BÌNH', null, '01000002'],
      [2, 'Nguyen Van An', null, null],
      [3, 'Nguyễn Văn An', 1985, null],
      [4, 'Lê Văn Cường', null, null],
      [5, 'Người Lạ', null, null],
      [6, 'Võ Văn Tạm', null, 1000001],
      [7, null, null, '01999999'],
      [8, 'Lê Văn Cường', null, null]
    ])
    const p = (await t.callWithFile('study:previewSheet', { sessionId: s.id, path }))!
    expect(p.sheetName).toBe('Danh sách')
    expect(p.matched.map((m) => [m.row, m.person.fullName, m.by, m.alreadyPresent])).toEqual([
      [5, 'Trần Thị Bình', 'card', true],
      [7, 'Nguyễn Văn An', 'name', false],
      [8, 'Lê Văn Cường', 'name', false]
    ])
    expect(p.matched[1].person.unitName).toBe('Chi bộ ấp 2')
    expect(p.ambiguous.map((a) => [a.row, a.candidates.length])).toEqual([
      [6, 2],
      [10, 1]
    ])
    expect(p.ambiguous[1].reason).toContain('Nguyễn Văn An')
    expect(p.unmatched.map((u) => u.row)).toEqual([9, 11, 12])
    expect(p.unmatched[2].reason).toContain('Trùng với dòng 8')
    // Nothing was written by the preview.
    expect((await t.call('study:getSession', { id: s.id })).attendedMembers).toBe(1)

    // Outside the host's subtree a name does not match.
    const cellSession = await session(cellB, '2024-05-11')
    const q = (await t.callWithFile('study:previewSheet', { sessionId: cellSession.id, path }))!
    expect(q.matched.find((m) => m.name === 'Lê Văn Cường')).toBeUndefined()
  })

  it('tells apart two people of the same name by the sheet\'s "Chi bộ" column', async () => {
    const s = await session(committee, '2024-05-12')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Danh sách')
    ws.addRow(['STT', 'Họ và tên', 'Chi bộ'])
    ws.addRow([1, 'Nguyễn Văn An', 'Chi bộ Ấp 2'])
    ws.addRow([2, 'NGUYỄN VĂN AN', 'Ấp 1'])
    ws.addRow([3, 'Nguyễn Văn An', 'Ấp 9'])
    const path = join(t.dir, 'chi-bo.xlsx')
    await wb.xlsx.writeFile(path)
    const p = (await t.callWithFile('study:previewSheet', { sessionId: s.id, path }))!
    expect(p.matched.map((m) => [m.row, m.person.unitName])).toEqual([
      [2, 'Chi bộ ấp 2'],
      [3, 'Chi bộ ấp 1']
    ])
    // A chi bộ that neither of them is in decides nothing: both are asked about.
    expect(p.ambiguous.map((a) => [a.row, a.candidates.length])).toEqual([[4, 2]])
  })

  it('reads attendee sheets as member lists are read: CSV, TCVN3 text, and refuses a disguised file with its reason', async () => {
    const s = await session(committee, '2024-05-10')
    // A CSV saved by Excel as UTF-8 (with its byte-order mark).
    const csv = join(t.dir, 'nguoi-du.csv')
    writeFileSync(
      csv,
      '\uFEFFSTT,Họ và tên,Số thẻ đảng viên\r\n1,Trần Thị Bình,01000002\r\n2,Lê Văn Cường,\r\n'
    )
    const fromCsv = (await t.callWithFile('study:previewSheet', { sessionId: s.id, path: csv }))!
    expect(fromCsv.matched.map((m) => [m.row, m.person.fullName, m.by])).toEqual([
      [2, 'Trần Thị Bình', 'card'],
      [3, 'Lê Văn Cường', 'name']
    ])

    // A name typed long ago in TCVN3, in a .VnTime cell.
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Danh sách')
    ws.addRow(['STT', 'Họ và tên'])
    ws.addRow([1, encodeTcvn3('Lê Văn Cường')]).getCell(2).font = { name: '.VnTime' }
    const legacy = join(t.dir, 'nguoi-du-vntime.xlsx')
    await wb.xlsx.writeFile(legacy)
    const fromLegacy = (await t.callWithFile('study:previewSheet', {
      sessionId: s.id,
      path: legacy
    }))!
    expect(fromLegacy.matched.map((m) => [m.name, m.person.fullName])).toEqual([
      ['Lê Văn Cường', 'Lê Văn Cường']
    ])

    // A web page saved with a spreadsheet's name (as some programs export): refused, saying what it
    // is and what to do, as the member-list import does.
    const html = join(t.dir, 'nguoi-du.xls')
    writeFileSync(
      html,
      '<html><body><table><tr><td>Họ và tên</td></tr><tr><td>Lê Văn Cường</td></tr></table></body></html>'
    )
    const refused = await t.refuseWithFile('study:previewSheet', { sessionId: s.id, path: html })
    expect(refused.message).toMatch(/trang web \(HTML\).*Lưu thành \.xlsx/)
  })

  it('refuses a sheet without a name or card column, and a cancelled choice returns null', async () => {
    const s = await session(committee, '2024-05-10')
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('x').addRow(['a', 'b'])
    const path = join(t.dir, 'x.xlsx')
    await wb.xlsx.writeFile(path)
    expect((await t.refuseWithFile('study:previewSheet', { sessionId: s.id, path })).code).toBe(
      'NO_HEADER'
    )
    expect(await t.call('study:previewSheet', { sessionId: s.id })).toBeNull()
  })
})
