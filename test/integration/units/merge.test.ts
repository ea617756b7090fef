// Merging a duplicate chi bộ into the right one: people and records move, the duplicate is retired
// with a note, a backup is taken first, and impossible merges are refused with a reason.
import { readdirSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'

let t: TestCore
let committee: number
let cell: number
let typo: number

beforeEach(async () => {
  t = openTestCore()
  committee = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng ủy xã Tân Lập',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  cell = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
  ).id
  // The duplicate a mistyped name creates.
  typo = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp1', level: 'Chi bộ' })
  ).id
})
afterEach(() => t.dispose())

const backups = () =>
  readdirSync(t.core.ctx.backupDir).filter((f) => f.endsWith('_truoc-gop-don-vi.sqlite'))

describe('units:merge', () => {
  it('moves the people and their records, retires the duplicate with a note, after a backup', async () => {
    await t.call(
      'people:create',
      personInput(cell, { fullName: 'Nguyễn Văn An', partyCardNumber: '01000001' })
    )
    const b = await t.call(
      'people:create',
      personInput(typo, { fullName: 'Trần Thị Bình', partyCardNumber: '01000002' })
    )
    const c = await t.call(
      'people:create',
      personInput(typo, { fullName: 'Lê Văn Cường', partyCardNumber: '01000003' })
    )
    await t.call('people:setStatus', { id: c.id, status: 'exempt', since: '2024-02-01' })
    const topic = (await t.call('study:listTopics', null)).find((x) => x.year === 2024)!
    const s = await t.call('study:createSession', {
      topicId: topic.id,
      kind: 'cell_meeting',
      heldOn: '2024-05-10',
      hostUnitId: typo,
      title: null,
      points: [{ name: 'Nhà văn hóa ấp', unitId: typo, attendees: 20 }],
      extraNonMembers: 0,
      note: null
    })
    await t.call('study:setAttendance', { sessionId: s.id, present: [b.id], absent: [] })
    await t.call('commitments:saveTemplate', {
      unitId: typo,
      year: 2024,
      items: [
        {
          heading: 'duty',
          content: 'Gương mẫu',
          tasks: null,
          measures: null,
          deadline: null,
          expected: null
        }
      ]
    })
    await t.call('commitments:bulk', {
      unitId: typo,
      year: 2024,
      madeOn: '2024-02-15',
      personIds: [b.id]
    })

    const r = await t.call('units:merge', { id: typo, intoId: cell, on: '2024-06-01' })
    expect(r.moved).toMatchObject({
      people: 2,
      sessions: 1,
      points: 1,
      commitments: 1,
      templates: 1
    })
    expect(r.templatesKept).toBe(0)
    expect(r.unit.retiredOn).toBe('2024-06-01')
    expect(r.into.peopleCount).toBe(3) // An, and Bình and Cường (exempt is still on the rolls)
    expect(backups()).toEqual([r.backupFile])

    const people = await t.call('people:list', {
      unitId: cell,
      includeSubunits: false,
      statuses: ['active', 'exempt']
    })
    expect(people.rows.map((p) => p.fullName).sort()).toEqual([
      'Lê Văn Cường',
      'Nguyễn Văn An',
      'Trần Thị Bình'
    ])
    // The person's status history moves with the person.
    expect((await t.call('people:statusHistory', { id: c.id })).map((h) => h.status)).toContain(
      'exempt'
    )
    const status = await t.call('commitments:status', { year: 2024, unitId: cell })
    expect(JSON.stringify(status)).toContain('Chi bộ ấp 1')
    expect((await t.call('units:history', { id: typo })).at(-1)!.text).toBe(
      'Sáp nhập vào "Chi bộ ấp 1" ngày 01/06/2024: người và hồ sơ chuyển sang đơn vị đó'
    )
    expect((await t.call('units:history', { id: cell })).at(-1)!.text).toBe(
      'Nhận người và hồ sơ của "Chi bộ ấp1" (sáp nhập ngày 01/06/2024)'
    )
    expect(
      (await t.call('units:list', { includeRetired: false })).map((u) => u.name)
    ).not.toContain('Chi bộ ấp1')
  })

  it('refuses what cannot be done, with a reason, and takes no backup', async () => {
    const sub = (
      await t.call('units:create', { parentId: cell, name: 'Tổ đảng 1', level: 'Tổ đảng' })
    ).id
    expect((await t.refuse('units:merge', { id: cell, intoId: cell })).message).toBe(
      'Không thể sáp nhập một đơn vị vào chính nó.'
    )
    expect((await t.refuse('units:merge', { id: cell, intoId: sub })).message).toBe(
      'Không thể sáp nhập "Chi bộ ấp 1" vào "Tổ đảng 1": "Tổ đảng 1" là đơn vị trực thuộc của nó.'
    )
    expect((await t.refuse('units:merge', { id: committee, intoId: typo })).message).toContain(
      'là đơn vị trực thuộc của nó'
    )
    expect((await t.refuse('units:merge', { id: cell, intoId: typo })).message).toBe(
      '"Chi bộ ấp 1" còn 1 đơn vị trực thuộc đang hoạt động; hãy chuyển chúng sang đơn vị khác trước khi sáp nhập.'
    )
    await t.call('units:retire', { id: sub })
    await t.call('units:merge', { id: typo, intoId: cell })
    expect((await t.refuse('units:merge', { id: typo, intoId: cell })).message).toBe(
      '"Chi bộ ấp1" đã giải thể; không còn gì để sáp nhập.'
    )
    expect((await t.refuse('units:merge', { id: cell, intoId: typo })).message).toContain(
      'đã giải thể; hãy chọn một đơn vị đang hoạt động'
    )
    expect(backups()).toHaveLength(1)
  })
})
