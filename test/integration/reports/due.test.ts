// The next report due, for Tổng quan: a province keeps commune An Hòa's records (a study session
// in the half-year), Bình Minh keeps its own file and has sent nothing, Cẩm Giang has sent its
// annex. The card's facts move with the day: days left, overdue while not issued, the next one
// once issued; what is missing is what the annex would show empty.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'

let t: TestCore
let ids: Record<'top' | 'a' | 'b' | 'c', number>
const dir = tempDir()

beforeAll(async () => {
  t = openTestCore({ dir })
  expect(await t.call('reports:due', {})).toBeNull()
  const top = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng bộ tỉnh Tây Ninh',
      level: 'Tỉnh ủy'
    })
  ).id
  const commune = async (name: string) =>
    (await t.call('units:create', { parentId: top, name, level: 'Đảng ủy cơ sở' })).id
  ids = {
    top,
    a: await commune('Đảng bộ xã An Hòa'),
    b: await commune('Đảng bộ xã Bình Minh'),
    c: await commune('Đảng bộ xã Cẩm Giang')
  }
  const member = await t.call('people:create', personInput(ids.a, { fullName: 'Nguyễn Văn An' }))
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
    heldOn: '2026-03-02',
    hostUnitId: ids.a,
    title: null,
    points: [],
    extraNonMembers: 0,
    note: null
  })
  await t.call('study:setAttendance', { sessionId: s.id, present: [member.id], absent: [] })
  // Cẩm Giang's half-year annex, as it would send it (one propaganda activity in it).
  await t.call('propaganda:createActivity', {
    kind: 'conference',
    startsOn: '2026-04-20',
    endsOn: null,
    unitId: ids.c,
    title: null,
    onTopic: true,
    anniversaryId: null,
    points: 0,
    members: 0,
    nonMembers: 0,
    attendances: 0,
    news: 0,
    articles: 0,
    reports: 0,
    panels: 0,
    note: null
  })
  const file = join(dir, 'cam-giang.xlsx')
  await t.callWithFile('reports:exportAnnex', {
    unitId: ids.c,
    period: { kind: 'h1', year: 2026 },
    path: file
  })
  const p = (await t.callWithFile('reports:previewReceived', { parentId: top, path: file }))!
  await t.call('reports:receive', { token: p.token, unitId: ids.c })
})
afterAll(() => t?.dispose())

describe('the next report due', () => {
  it('is the half-year report in April: days left, who has not sent, what has no records', async () => {
    const due = (await t.call('reports:due', { today: '2026-04-10' }))!
    expect(due.unit).toEqual({ id: ids.top, name: 'Đảng bộ tỉnh Tây Ninh' })
    expect(due.period).toMatchObject({
      kind: 'h1',
      year: 2026,
      due: '2026-06-05',
      label: '6 tháng đầu năm 2026'
    })
    expect(due.daysLeft).toBe(56)
    // An Hòa's records are kept here; Cẩm Giang has sent: only Bình Minh is missing.
    expect(due.notSent).toEqual([{ unitId: ids.b, name: 'Đảng bộ xã Bình Minh' }])
    // Study has a session, propaganda comes from Cẩm Giang's annex; no commitments table in June.
    expect(due.gaps.map((g) => [g.table, g.missing])).toEqual([
      ['exemplars', 'Chưa ghi mô hình, điển hình hay khen thưởng nào trong năm.'],
      ['inspections', 'Chưa có cuộc kiểm tra, giám sát nào được kết luận trong kỳ.']
    ])
    expect(due.issued).toBeNull()
  })

  it('stays on the half-year report, overdue, until it is issued; then the year report', async () => {
    const late = (await t.call('reports:due', { today: '2026-06-10' }))!
    expect([late.period.kind, late.period.year, late.daysLeft]).toEqual(['h1', 2026, -5])
    const issued = await t.call('reports:issue', {
      unitId: ids.top,
      period: { kind: 'h1', year: 2026 },
      number: '12-BC/TU',
      issuedOn: '2026-06-10',
      narrative: {}
    })
    const next = (await t.call('reports:due', { today: '2026-06-10' }))!
    expect(next.period).toMatchObject({ kind: 'year', year: 2026, due: '2026-12-05' })
    expect(next.daysLeft).toBe(178)
    expect(next.issued).toBeNull()
    // The year's report also lacks commitments and ratings; nobody has sent its year annex.
    expect(next.gaps.map((g) => g.table)).toEqual(['commitments', 'exemplars', 'inspections'])
    expect(next.notSent.map((u) => u.name)).toEqual([
      'Đảng bộ xã Bình Minh',
      'Đảng bộ xã Cẩm Giang'
    ])
    // On its due day the half-year report shows as issued.
    const onDue = (await t.call('reports:due', { today: '2026-06-05' }))!
    expect(onDue.daysLeft).toBe(0)
    expect(onDue.issued).toMatchObject({ id: issued.id, number: '12-BC/TU', version: 1 })
  })

  it('shows a report overdue for a month at most, and reports on a unit when named', async () => {
    // Last year's report was never issued: overdue at New Year, then the next one takes its place.
    const newYear = (await t.call('reports:due', { today: '2027-01-02' }))!
    expect([newYear.period.kind, newYear.period.year, newYear.daysLeft]).toEqual([
      'year',
      2026,
      -28
    ])
    const later = (await t.call('reports:due', { today: '2027-01-10' }))!
    expect([later.period.kind, later.period.year, later.daysLeft]).toEqual(['h1', 2027, 146])
    const commune = (await t.call('reports:due', { unitId: ids.a, today: '2026-04-10' }))!
    expect(commune.unit.name).toBe('Đảng bộ xã An Hòa')
    expect(commune.notSent).toEqual([])
    expect(commune.gaps.map((g) => g.table)).toEqual(['exemplars', 'propaganda', 'inspections'])
    expect((await t.refuse('reports:due', { unitId: 9999 })).message).toContain('đơn vị')
  })

  it('names, within a working year, the report the Báo cáo page opens on', async () => {
    const within = async (year: number, today: string, unitId = ids.top) => {
      const d = await t.call('reports:duePeriod', { unitId, year, today })
      return [d.kind, d.year]
    }
    // The same report as Tổng quan when that one is of the working year.
    expect(await within(2026, '2026-04-10')).toEqual(['h1', 2026])
    // The province issued its half-year report; An Hòa did not, so its report is still that one.
    expect(await within(2026, '2026-06-10')).toEqual(['year', 2026])
    expect(await within(2026, '2026-06-10', ids.a)).toEqual(['h1', 2026])
    // Tổng quan names last year's overdue report; a page on the new year opens on its first.
    expect((await t.call('reports:due', { today: '2026-12-20' }))!.period.year).toBe(2026)
    expect(await within(2027, '2026-12-20')).toEqual(['h1', 2027])
    // A past working year: its year report, whatever is due now.
    expect(await within(2026, '2027-03-01')).toEqual(['year', 2026])
    expect(await within(2024, '2026-04-10')).toEqual(['year', 2024])
    expect((await t.refuse('reports:duePeriod', { unitId: 9999, year: 2026 })).message).toContain(
      'đơn vị'
    )
  })
})
