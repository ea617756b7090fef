// Tuyên truyền in a real core over a real SQLite file: the seeded calendar for a year, the
// office's own events, activities with their filters, press works with the window warning, and
// the counts rolled up the tree with people and attendances kept apart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PressWorkFields, PropagandaActivityFields } from '../../../src/shared/api'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'

let t: TestCore
let province: number
let commune: number
let cellA: number
let cellB: number
let other: number

const activity = (
  unitId: number,
  fields: Partial<PropagandaActivityFields> = {}
): PropagandaActivityFields => ({
  kind: 'conference',
  startsOn: '2026-05-15',
  endsOn: null,
  unitId,
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
  note: null,
  ...fields
})

const work = (unitId: number, fields: Partial<PressWorkFields> = {}): PressWorkFields => ({
  awardYear: 2026,
  title: 'Chi bộ ấp 1 làm theo Bác',
  authors: [{ personId: null, name: 'Nguyễn Thị Hoa' }],
  outlet: 'Báo Long An',
  publishedOn: '2026-03-10',
  category: 'print',
  link: null,
  unitId,
  stage: 'submitted',
  result: null,
  note: null,
  ...fields
})

beforeEach(async () => {
  t = openTestCore()
  province = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng bộ tỉnh Long An',
      level: 'Đảng bộ tỉnh'
    })
  ).id
  commune = (
    await t.call('units:create', {
      parentId: province,
      name: 'Đảng ủy xã Tân Lập',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  cellA = (
    await t.call('units:create', { parentId: commune, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
  ).id
  cellB = (
    await t.call('units:create', { parentId: commune, name: 'Chi bộ ấp 2', level: 'Chi bộ' })
  ).id
  other = (
    await t.call('units:create', {
      parentId: province,
      name: 'Đảng ủy phường 1',
      level: 'Đảng ủy cơ sở'
    })
  ).id
})
afterEach(() => t.dispose())

const birthday = async () =>
  (await t.call('propaganda:listEvents', null)).find((e) => e.date === '1890-05-19')!.id

describe('anniversary calendar', () => {
  it("lists 2026's anniversaries in the order they fall, with ordinals and round years", async () => {
    const list = await t.call('propaganda:listAnniversaries', { year: 2026 })
    expect(list).toHaveLength(11)
    const hcm = list.find((a) => a.date === '1890-05-19')!
    expect(hcm.label).toBe('Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026)')
    expect(hcm.round).toBeNull()
    expect(list.find((a) => a.date === '1911-06-05')!).toMatchObject({ years: 115, round: 'five' })
    expect(list.find((a) => a.date === '1947-10')!).toMatchObject({ on: '2026-10', years: 79 })
    expect(list[0].date).toBe('1930-02-03')
    // Events known only by their year come after the dated ones.
    expect(list.slice(-3).map((a) => a.on)).toEqual(['2026', '2026', '2026'])
  })

  it("adds, edits and deletes the office's own events; one named by an activity stays", async () => {
    const own = await t.call('propaganda:createAnniversary', {
      title: '  Ngày thành lập   tỉnh ',
      date: '1960-02-29',
      source: null,
      note: null
    })
    expect(own).toMatchObject({ title: 'Ngày thành lập tỉnh', seeded: false })
    const y2026 = (await t.call('propaganda:listAnniversaries', { year: 2026 })).find(
      (a) => a.id === own.id
    )!
    expect(y2026.on).toBe('2026-02-28')
    expect(
      (
        await t.refuse('propaganda:createAnniversary', {
          title: 'x',
          date: '2026-02-30',
          source: null,
          note: null
        })
      ).fields
    ).toHaveProperty('date')
    await t.call('propaganda:updateAnniversary', {
      id: own.id,
      fields: { title: 'Ngày tái lập tỉnh', date: '1989', source: 'Nghị quyết', note: null }
    })
    await t.call('propaganda:createActivity', activity(cellA, { anniversaryId: own.id }))
    const refused = await t.refuse('propaganda:deleteAnniversary', { id: own.id })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toContain('1 hoạt động')
    const seeded = await birthday()
    await t.call('propaganda:deleteAnniversary', { id: seeded })
    expect((await t.call('propaganda:listEvents', null)).map((e) => e.id)).not.toContain(seeded)
  })

  it('shows what is still to come from a day on', async () => {
    const next = await t.call('propaganda:upcoming', { today: '2026-05-20', limit: 3 })
    expect(next.map((a) => a.date)).toEqual(['1911-06-05', '1948-06-11', '1945-09-02'])
    expect(next[0].label).toContain('115 năm')
  })
})

describe('activities', () => {
  it('records, edits and filters by unit subtree, period, kind and anniversary', async () => {
    const hcm = await birthday()
    const a = await t.call(
      'propaganda:createActivity',
      activity(cellA, {
        anniversaryId: hcm,
        points: 2,
        members: 30,
        nonMembers: 12,
        title: ' Hội nghị  kỷ niệm '
      })
    )
    expect(a).toMatchObject({
      unitName: 'Chi bộ ấp 1',
      anniversaryTitle: 'Ngày sinh Chủ tịch Hồ Chí Minh',
      title: 'Hội nghị kỷ niệm',
      onTopic: true
    })
    await t.call(
      'propaganda:createActivity',
      activity(cellB, { kind: 'banners', startsOn: '2026-08-20', endsOn: '2026-09-05', panels: 6 })
    )
    await t.call(
      'propaganda:createActivity',
      activity(other, { kind: 'portal', startsOn: '2025-12-01', news: 3 })
    )

    const year = { from: '2026-01-01', to: '2026-12-31' }
    expect(await t.call('propaganda:listActivities', { unitId: commune, ...year })).toHaveLength(2)
    expect(
      (await t.call('propaganda:listActivities', { unitId: province, ...year })).map(
        (x) => x.unitId
      )
    ).toEqual([cellB, cellA])
    expect(
      await t.call('propaganda:listActivities', {
        unitId: null,
        from: '2025-01-01',
        to: '2026-12-31'
      })
    ).toHaveLength(3)
    expect(
      await t.call('propaganda:listActivities', { unitId: null, ...year, kind: 'banners' })
    ).toHaveLength(1)
    expect(
      (
        await t.call('propaganda:listActivities', { unitId: null, ...year, anniversaryId: hcm })
      ).map((x) => x.id)
    ).toEqual([a.id])
    expect(
      (await t.call('propaganda:listAnniversaries', { year: 2026 })).find((x) => x.id === hcm)!
        .activities
    ).toBe(1)

    const edited = await t.call('propaganda:updateActivity', {
      id: a.id,
      fields: activity(cellA, { endsOn: '2026-05-15', attendances: 200 })
    })
    expect(edited).toMatchObject({ endsOn: null, attendances: 200, anniversaryId: null })
    await t.call('propaganda:deleteActivity', { id: a.id })
    expect((await t.refuse('propaganda:getActivity', { id: a.id })).code).toBe('NOT_FOUND')
  })

  it('refuses a range that ends before it starts, a missing unit and a negative count, in Vietnamese', async () => {
    const e = await t.refuse(
      'propaganda:createActivity',
      activity(cellA, { startsOn: '2026-05-15', endsOn: '2026-05-01' })
    )
    expect(e.fields?.endsOn).toBe('Ngày kết thúc không được trước ngày bắt đầu.')
    expect((await t.refuse('propaganda:createActivity', activity(9999))).fields?.unitId).toBe(
      'Đơn vị tổ chức không tồn tại.'
    )
    expect(
      (await t.refuse('propaganda:createActivity', activity(cellA, { members: -1 }))).code
    ).toBe('INVALID_INPUT')
    expect(
      (await t.refuse('propaganda:createActivity', activity(cellA, { startsOn: '2026-02-30' })))
        .fields?.startsOn
    ).toContain('không hợp lệ')
    expect(
      await t.call('propaganda:listActivities', {
        unitId: null,
        from: '2000-01-01',
        to: '2100-12-31'
      })
    ).toHaveLength(0)
  })
})

describe('press works', () => {
  it('keeps authors on file and outside, and warns about a work outside the award window', async () => {
    const author = await t.call(
      'people:create',
      personInput(cellA, { fullName: 'Trần Văn Bút', partyCardNumber: '01000009' })
    )
    const inside = await t.call(
      'propaganda:createPressWork',
      work(cellA, {
        authors: [
          { personId: author.id, name: '' },
          { personId: null, name: ' Lê  Hồng ' }
        ],
        publishedOn: '2025-11-01'
      })
    )
    expect(inside.authors).toEqual([
      { personId: author.id, name: 'Trần Văn Bút' },
      { personId: null, name: 'Lê Hồng' }
    ])
    expect(inside.warning).toBeNull()
    const outside = await t.call(
      'propaganda:createPressWork',
      work(cellB, { publishedOn: '2026-11-02', category: 'television' })
    )
    expect(outside.warning).toBe(
      'Tác phẩm đăng ngày 2/11/2026, ngoài thời gian xét giải năm 2026 (1/11/2025 – 31/10/2026).'
    )
    const moved = await t.call('propaganda:updatePressWork', {
      id: outside.id,
      fields: work(cellB, {
        awardYear: 2027,
        publishedOn: '2026-11-02',
        stage: 'final',
        result: 'b'
      })
    })
    expect(moved.warning).toBeNull()
    expect(
      (await t.call('propaganda:listPressWorks', { unitId: commune, awardYear: 2026 })).map(
        (w) => w.id
      )
    ).toEqual([inside.id])
    expect(
      await t.call('propaganda:listPressWorks', { unitId: other, awardYear: null })
    ).toHaveLength(0)
    expect(
      (await t.refuse('propaganda:createPressWork', work(cellA, { authors: [] }))).fields?.authors
    ).toBe('Cần ít nhất một tác giả.')
    expect(
      (await t.refuse('propaganda:createPressWork', work(cellA, { title: '  ' }))).fields?.title
    ).toBe('Tên tác phẩm không được để trống.')
    await t.call('propaganda:deletePressWork', { id: inside.id })
    expect(
      await t.call('propaganda:listPressWorks', { unitId: null, awardYear: null })
    ).toHaveLength(1)
  })
})

describe('counts rolled up the tree', () => {
  it('adds each unit into its ancestors, keeps people and attendances apart and counts kinds apart', async () => {
    await t.call(
      'propaganda:createActivity',
      activity(cellA, { points: 2, members: 30, nonMembers: 12, news: 1 })
    )
    await t.call(
      'propaganda:createActivity',
      activity(cellA, { kind: 'mobile', startsOn: '2026-08-01', attendances: 500 })
    )
    await t.call(
      'propaganda:createActivity',
      activity(cellB, { kind: 'banners', startsOn: '2026-09-01', panels: 4 })
    )
    await t.call(
      'propaganda:createActivity',
      activity(other, { startsOn: '2026-03-03', members: 50, articles: 2 })
    )
    await t.call(
      'propaganda:createActivity',
      activity(cellB, { startsOn: '2025-12-31', members: 99 })
    )
    await t.call('propaganda:createPressWork', work(cellA, { result: 'a', stage: 'final' }))
    await t.call('propaganda:createPressWork', work(cellB))

    const year = await t.call('propaganda:counts', {
      unitId: null,
      from: '2026-01-01',
      to: '2026-12-31'
    })
    expect(year.total!.name).toBe('Đảng bộ tỉnh Long An')
    expect(year.total!.counts).toEqual({
      activities: 4,
      points: 2,
      members: 80,
      nonMembers: 12,
      attendances: 500,
      news: 1,
      articles: 2,
      reports: 0,
      panels: 4,
      works: 2,
      awarded: 1
    })
    expect(year.total!.byKind.conference.activities).toBe(2)
    expect(year.total!.byKind.mobile).toMatchObject({ activities: 1, attendances: 500 })
    const communeRow = year.rows.find((r) => r.unitId === commune)!
    expect(communeRow).toMatchObject({
      depth: 1,
      counts: { activities: 3, members: 30, works: 2, awarded: 1 }
    })
    expect(year.rows.map((r) => r.name)).toEqual([
      'Đảng bộ tỉnh Long An',
      'Đảng ủy phường 1',
      'Đảng ủy xã Tân Lập',
      'Chi bộ ấp 1',
      'Chi bộ ấp 2'
    ])

    const half = await t.call('propaganda:counts', {
      unitId: commune,
      from: '2026-01-01',
      to: '2026-06-30'
    })
    expect(half.total).toMatchObject({
      unitId: commune,
      depth: 0,
      counts: { activities: 1, members: 30, works: 2 }
    })
    expect(half.rows).toHaveLength(3)

    expect(
      (await t.refuse('propaganda:counts', { unitId: null, from: '2026-12-31', to: '2026-01-01' }))
        .code
    ).toBe('VALIDATION')
  })
})
