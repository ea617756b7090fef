// Commitments through dispatch on a real SQLite file: templates, bulk creation (skipping the
// exempt and those who left), per-person edits, reviews and the trail, year-end results, status.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'
import { commitmentResults } from '../../../src/core/commitments/results'
import { SCHEMA_VERSION } from '../../../src/core/db/migrations'
import type { CommitmentItem } from '../../../src/shared/api'

let t: TestCore
let committee: number
let cellA: number
let cellB: number
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

const item = (
  heading: CommitmentItem['heading'],
  content: string,
  extra: Partial<CommitmentItem> = {}
): CommitmentItem => ({
  heading,
  content,
  tasks: null,
  measures: null,
  deadline: null,
  expected: null,
  ...extra
})

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
  await addPerson(cellA, 'Nguyễn Văn An', { partyCardNumber: '01000001' })
  await addPerson(cellA, 'Trần Thị Bình', { partyCardNumber: '01000002' })
  await addPerson(cellA, 'Lê Văn Cường', { kind: 'non_member', role: 'Công chức' })
  await addPerson(cellA, 'Phạm Văn Miễn', { partyCardNumber: '01000003' })
  await addPerson(cellA, 'Hồ Văn Đi', { partyCardNumber: '01000004' })
  await addPerson(cellA, 'Đỗ Thị Đình', { partyCardNumber: '01000005' })
  await addPerson(cellB, 'Võ Văn Em', { partyCardNumber: '02000001' })
  await t.call('people:setStatus', {
    id: people['Phạm Văn Miễn'],
    status: 'exempt',
    since: '2024-01-02'
  })
  await t.call('people:setStatus', {
    id: people['Hồ Văn Đi'],
    status: 'transferred',
    since: '2024-01-02'
  })
  await t.call('people:setStatus', {
    id: people['Đỗ Thị Đình'],
    status: 'suspended',
    since: '2024-01-02'
  })
})
afterEach(() => t.dispose())

describe('commitments: templates and bulk creation', () => {
  it('offers the built-in template with the year topic, then the unit’s own, inherited below it', async () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4)
    const d = await t.call('commitments:template', { unitId: cellA, year: 2024 })
    expect(d.source).toBe('default')
    expect(d.items.map((i) => i.heading)).toEqual([
      'politics',
      'ethics',
      'duty',
      'discipline',
      'topic'
    ])
    expect(d.items.find((i) => i.heading === 'topic')!.content).toContain('thực hành tiết kiệm')

    // The committee sets one for all its chi bộ; a chi bộ may then keep its own.
    const own = await t.call('commitments:saveTemplate', {
      unitId: committee,
      year: 2024,
      items: [
        item('topic', '  Làm theo   Bác về tiết kiệm ', {
          tasks: 'Tiết kiệm điện, nước\nở cơ quan',
          deadline: 'Cả năm'
        }),
        item('politics', 'Kiên định lập trường'),
        item('duty', '', { tasks: null }) // a blank row: dropped
      ]
    })
    expect(own.source).toBe('own')
    // Kept in printed order, text cleaned, line breaks kept.
    expect(own.items.map((i) => i.heading)).toEqual(['politics', 'topic'])
    expect(own.items[1]).toMatchObject({
      content: 'Làm theo Bác về tiết kiệm',
      tasks: 'Tiết kiệm điện, nước\nở cơ quan'
    })
    const inherited = await t.call('commitments:template', { unitId: cellA, year: 2024 })
    expect(inherited).toMatchObject({
      source: 'inherited',
      fromUnitId: committee,
      fromUnitName: 'Đảng ủy xã Tân Lập'
    })
    expect((await t.call('commitments:template', { unitId: cellA, year: 2023 })).source).toBe(
      'default'
    )

    const bad = await t.refuse('commitments:saveTemplate', {
      unitId: cellA,
      year: 2024,
      items: [item('ethics', '', { tasks: 'Chỉ có nhiệm vụ' })]
    })
    expect(bad.code).toBe('VALIDATION')
    expect(bad.message).toContain('chưa ghi nội dung cam kết')
  })

  it('makes commitments for a chi bộ from its template, skipping the exempt and those who left, never overwriting', async () => {
    await t.call('commitments:saveTemplate', {
      unitId: cellA,
      year: 2024,
      items: [
        item('politics', 'Kiên định lập trường'),
        item('topic', 'Làm theo Bác về tiết kiệm', { deadline: 'Cả năm' })
      ]
    })
    const before = await t.call('commitments:roster', { year: 2024, unitId: cellA })
    expect(before.rows.map((r) => r.fullName)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Đỗ Thị Đình',
      'Phạm Văn Miễn',
      'Lê Văn Cường'
    ])
    expect(before.counts).toMatchObject({
      required: 4,
      made: 0,
      missing: 4,
      notAsked: 1,
      percent: 0
    })
    expect(before.rows.find((r) => r.fullName === 'Phạm Văn Miễn')!.state).toBe('not_asked')

    const r = await t.call('commitments:bulk', { unitId: cellA, year: 2024, madeOn: '2024-02-15' })
    // An, Bình, Đình (suspended members still commit) and Cường (non-member); not Miễn, not Đi.
    expect(r).toEqual({ created: 4, skippedExisting: 0, skippedNotAsked: 1, templateSource: 'own' })
    const after = await t.call('commitments:roster', { year: 2024, unitId: cellA })
    expect(after.counts).toMatchObject({ required: 4, made: 4, missing: 0, percent: 100 })
    expect(after.rows.find((r) => r.fullName === 'Nguyễn Văn An')).toMatchObject({
      state: 'made',
      itemCount: 2,
      madeOn: '2024-02-15'
    })
    const an = await t.call('commitments:person', { personId: people['Nguyễn Văn An'], year: 2024 })
    expect(an.commitment).toMatchObject({ source: 'template', unitName: 'Chi bộ ấp 1' })
    expect(
      (await t.call('commitments:person', { personId: people['Hồ Văn Đi'], year: 2024 })).commitment
    ).toBeNull()

    // Edit one, then bulk again: the edit stays.
    await t.call('commitments:save', {
      personId: people['Trần Thị Bình'],
      year: 2024,
      madeOn: '2024-02-20',
      items: [
        item('topic', 'Vận động 10 hộ dân tiết kiệm điện'),
        item('breakthrough', 'Số hóa hồ sơ đảng viên của chi bộ', {
          deadline: '30/6/2024',
          expected: '100% hồ sơ'
        })
      ]
    })
    const again = await t.call('commitments:bulk', { unitId: cellA, year: 2024 })
    expect(again).toMatchObject({ created: 0, skippedExisting: 4, skippedNotAsked: 1 })
    const binh = await t.call('commitments:person', {
      personId: people['Trần Thị Bình'],
      year: 2024
    })
    expect(binh.commitment!.source).toBe('manual')
    expect(binh.commitment!.items.map((i) => i.content)).toEqual([
      'Vận động 10 hộ dân tiết kiệm điện',
      'Số hóa hồ sơ đảng viên của chi bộ'
    ])
    expect(
      (await t.call('commitments:roster', { year: 2024, unitId: cellA })).rows.find(
        (r) => r.fullName === 'Trần Thị Bình'
      )!.hasBreakthrough
    ).toBe(true)

    // Someone who left the rolls cannot be given a new one; an empty commitment is refused.
    expect(
      (
        await t.refuse('commitments:save', {
          personId: people['Hồ Văn Đi'],
          year: 2024,
          madeOn: null,
          items: [item('duty', 'X')]
        })
      ).message
    ).toContain('không còn trong danh sách')
    expect(
      (
        await t.refuse('commitments:save', {
          personId: people['Nguyễn Văn An'],
          year: 2024,
          madeOn: null,
          items: []
        })
      ).code
    ).toBe('VALIDATION')
    expect(
      (
        await t.refuse('commitments:save', {
          personId: people['Nguyễn Văn An'],
          year: 2024,
          madeOn: '2024-02-30',
          items: [item('duty', 'X')]
        })
      ).fields?.madeOn
    ).toBeTruthy()
  })

  it('counts per unit, rolled up the tree, members and non-members apart', async () => {
    await t.call('commitments:bulk', {
      unitId: cellA,
      year: 2024,
      personIds: [people['Nguyễn Văn An'], people['Lê Văn Cường'], people['Phạm Văn Miễn']]
    })
    const s = await t.call('commitments:status', { year: 2024, unitId: null })
    const row = (name: string) => s.rows.find((r) => r.name === name)!
    expect(row('Chi bộ ấp 1')).toMatchObject({
      required: 4,
      made: 2,
      missing: 2,
      notAsked: 1,
      percent: 50
    })
    expect(row('Chi bộ ấp 1').members).toMatchObject({ required: 3, made: 1 })
    expect(row('Chi bộ ấp 1').nonMembers).toMatchObject({ required: 1, made: 1 })
    expect(row('Chi bộ ấp 2')).toMatchObject({ required: 1, made: 0, depth: 1 })
    expect(s.total).toMatchObject({ name: 'Đảng ủy xã Tân Lập', required: 5, made: 2, missing: 3 })
    const only = await t.call('commitments:status', { year: 2024, unitId: cellB })
    expect(only.rows.map((r) => r.name)).toEqual(['Chi bộ ấp 2'])
    const stranger = await t.refuse('commitments:bulk', {
      unitId: cellB,
      year: 2024,
      personIds: [people['Nguyễn Văn An']]
    })
    expect(stranger.message).toContain('không thuộc danh sách')
  })
})

describe('commitments: reviews, the trail and the year-end result', () => {
  it('records chi bộ reviews with praise and reminders, shows each person’s trail, and gives results to the ratings part', async () => {
    await t.call('commitments:bulk', { unitId: cellA, year: 2024 })
    const an = people['Nguyễn Văn An']
    const binh = people['Trần Thị Bình']
    const cuong = people['Lê Văn Cường']
    const r1 = await t.call('commitments:createReview', {
      unitId: cellA,
      year: 2024,
      heldOn: '2024-04-05',
      kind: 'quarterly',
      reviewer: 'party_cell',
      note: 'Sinh hoạt chi bộ quý I',
      entries: [
        { personId: an, outcome: 'praise', progress: '  Đã vận động 12 hộ   tiết kiệm điện ' },
        { personId: binh, outcome: 'reminder', progress: 'Chậm số hóa hồ sơ' },
        { personId: cuong, outcome: 'none', progress: null }
      ]
    })
    expect(r1).toMatchObject({
      period: 'Quý II/2024',
      praises: 1,
      reminders: 1,
      reviewed: 3,
      unitName: 'Chi bộ ấp 1'
    })
    expect(r1.entries.find((e) => e.personId === an)!.progress).toBe(
      'Đã vận động 12 hộ tiết kiệm điện'
    )
    await t.call('commitments:createReview', {
      unitId: cellA,
      year: 2024,
      heldOn: '2024-05-10',
      kind: 'monthly',
      reviewer: 'unit_leaders',
      note: null,
      entries: [{ personId: cuong, outcome: 'praise', progress: 'Lãnh đạo đơn vị ghi nhận' }]
    })
    const r3 = await t.call('commitments:createReview', {
      unitId: cellA,
      year: 2024,
      heldOn: '2024-06-07',
      kind: 'monthly',
      reviewer: 'party_cell',
      note: null,
      entries: [{ personId: binh, outcome: 'praise', progress: 'Đã số hóa xong' }]
    })
    expect(r3.period).toBe('Tháng 06/2024')

    const trail = (await t.call('commitments:person', { personId: binh, year: 2024 })).trail
    expect(trail.map((e) => [e.period, e.outcome, e.progress])).toEqual([
      ['Quý II/2024', 'reminder', 'Chậm số hóa hồ sơ'],
      ['Tháng 06/2024', 'praise', 'Đã số hóa xong']
    ])
    const cuongTrail = (await t.call('commitments:person', { personId: cuong, year: 2024 })).trail
    expect(cuongTrail.map((e) => e.reviewer)).toEqual(['party_cell', 'unit_leaders'])
    const roster = await t.call('commitments:roster', { year: 2024, unitId: cellA })
    expect(roster.rows.find((r) => r.personId === binh)).toMatchObject({
      praises: 1,
      reminders: 1,
      lastOutcome: 'praise'
    })
    expect(
      (await t.call('commitments:listReviews', { year: 2024, unitId: cellA })).map((r) => r.heldOn)
    ).toEqual(['2024-06-07', '2024-05-10', '2024-04-05'])

    // Editing a review replaces its lines; deleting removes them from the trail.
    await t.call('commitments:updateReview', {
      id: r3.id,
      fields: {
        unitId: r3.unitId,
        year: r3.year,
        heldOn: r3.heldOn,
        kind: r3.kind,
        reviewer: r3.reviewer,
        note: r3.note,
        entries: [{ personId: binh, outcome: 'none', progress: null }]
      }
    })
    expect((await t.call('commitments:getReview', { id: r3.id })).entries).toEqual([
      { personId: binh, outcome: 'none', progress: null, fullName: 'Trần Thị Bình' }
    ])
    await t.call('commitments:deleteReview', { id: r3.id })
    expect((await t.call('commitments:person', { personId: binh, year: 2024 })).trail).toHaveLength(
      1
    )

    // Only people with a commitment are reviewed; dates belong to the year.
    const miễn = people['Phạm Văn Miễn']
    const refused = await t.refuse('commitments:createReview', {
      unitId: cellA,
      year: 2024,
      heldOn: '2024-07-01',
      kind: 'monthly',
      reviewer: 'party_cell',
      note: null,
      entries: [{ personId: miễn, outcome: 'none', progress: null }]
    })
    expect(refused.message).toContain('chưa lập cam kết năm 2024')
    const early = await t.refuse('commitments:createReview', {
      unitId: cellA,
      year: 2024,
      heldOn: '2023-12-01',
      kind: 'monthly',
      reviewer: 'party_cell',
      note: null,
      entries: [{ personId: an, outcome: 'none', progress: null }]
    })
    expect(early.fields?.heldOn).toContain('năm 2024')

    // Year-end result, with the chi bộ's comment.
    const res = await t.call('commitments:setResult', {
      personId: an,
      year: 2024,
      result: 'completed_well',
      note: 'Gương mẫu, vượt chỉ tiêu'
    })
    expect(res).toMatchObject({ result: 'completed_well', resultNote: 'Gương mẫu, vượt chỉ tiêu' })
    await t.call('commitments:setResult', {
      personId: binh,
      year: 2024,
      result: 'completed',
      note: null
    })
    await t.call('commitments:setResult', {
      personId: cuong,
      year: 2024,
      result: 'not_completed',
      note: 'Lãnh đạo đơn vị nhận xét: chưa đạt'
    })
    expect(
      (
        await t.refuse('commitments:setResult', {
          personId: people['Võ Văn Em'],
          year: 2024,
          result: 'completed',
          note: null
        })
      ).code
    ).toBe('NO_COMMITMENT')

    // What the ratings part reads.
    const map = commitmentResults(t.core.ctx.db, 2024, [
      an,
      binh,
      cuong,
      people['Đỗ Thị Đình'],
      miễn,
      people['Võ Văn Em'],
      people['Hồ Văn Đi']
    ])
    expect([...map.values()]).toEqual([
      { result: 'completed_well', label: 'Hoàn thành tốt' },
      { result: 'completed', label: 'Hoàn thành' },
      { result: 'not_completed', label: 'Không hoàn thành' },
      { result: null, label: 'Chưa đánh giá' },
      { result: null, label: 'Không thuộc diện lập cam kết' },
      { result: null, label: 'Chưa lập cam kết' },
      { result: null, label: 'Không có trong danh sách' }
    ])
    expect([...commitmentResults(t.core.ctx.db, 2024).keys()].sort()).toEqual(
      [an, binh, cuong, people['Đỗ Thị Đình']].sort()
    )
    expect(await t.call('commitments:listResults', { year: 2024, personIds: [an] })).toEqual([
      { personId: an, result: 'completed_well', label: 'Hoàn thành tốt' }
    ])
    expect(commitmentResults(t.core.ctx.db, 2023, [an]).get(an)).toEqual({
      result: null,
      label: 'Chưa lập cam kết'
    })

    // A commitment deleted by mistake: gone from the roster, the review lines stay.
    await t.call('commitments:delete', { personId: cuong, year: 2024 })
    expect((await t.call('commitments:person', { personId: cuong, year: 2024 })).state).toBe(
      'missing'
    )
    expect((await t.call('commitments:getReview', { id: r1.id })).reviewed).toBe(3)
  })
})
