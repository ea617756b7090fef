// Kiểm tra, giám sát in a real core over a real SQLite file: the plan and where its items stand,
// the status flow (a step out of order refused with a message), documents whose files are kept
// beside the data and travel with backups, recommendations late by date, and counts rolled up.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InspectionFields } from '../../../src/shared/api'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'

let t: TestCore
let province: number
let commune: number
let cellA: number
let cellB: number
let other: number

const inspection = (fields: Partial<InspectionFields> = {}): InspectionFields => ({
  kind: 'inspection',
  mode: 'thematic',
  planItemId: null,
  unitId: commune,
  content: 'Việc thực hiện Chỉ thị 05 và Chuyên đề năm 2026',
  decisionNumber: null,
  decisionDate: null,
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
  startsOn: null,
  endsOn: null,
  team: [{ role: 'head', personId: null, name: 'Trần Văn Bình' }],
  targets: [{ unitId: cellA, members: 25 }],
  note: null,
  ...fields
})

beforeEach(async () => {
  t = openTestCore()
  const unit = async (parentId: number | null, name: string, level: string) =>
    (await t.call('units:create', { parentId, name, level })).id
  province = await unit(null, 'Đảng bộ tỉnh Long An', 'Đảng bộ tỉnh')
  commune = await unit(province, 'Đảng bộ xã Tân Lập', 'Đảng ủy cơ sở')
  cellA = await unit(commune, 'Chi bộ ấp 1', 'Chi bộ')
  cellB = await unit(commune, 'Chi bộ ấp 2', 'Chi bộ')
  other = await unit(province, 'Đảng bộ xã Mỹ Yên', 'Đảng ủy cơ sở')
})
afterEach(() => t.dispose())

/** Takes an inspection from where it is through the steps up to (and including) `last`. */
async function carry(id: number, last: string): Promise<void> {
  const at = (await t.call('inspections:get', { id, today: '2026-07-01' })).status
  const steps = [
    'notified',
    'self_review',
    'at_work',
    'results_adopted',
    'concluded',
    'closed'
  ] as const
  for (const status of steps.slice(steps.indexOf(at as never) + 1)) {
    if (status === 'concluded')
      await t.call('inspections:addDocument', {
        inspectionId: id,
        kind: 'conclusion',
        number: '12-TB/ĐU',
        datedOn: '2026-06-20',
        title: null,
        note: null
      })
    await t.call('inspections:setStatus', { id, status })
    if (status === last) return
  }
}

describe('inspections: the plan', () => {
  it('keeps items by quarter or month and says what is done, running, late or not started', async () => {
    const add = (fields: Partial<Parameters<typeof t.call<'inspections:createPlanItem'>>[1]>) =>
      t.call('inspections:createPlanItem', {
        year: 2026,
        kind: 'inspection',
        mode: 'thematic',
        unitId: commune,
        targetUnitIds: [cellA],
        content: 'Kiểm tra việc xây dựng chuyên đề',
        quarter: 2,
        month: null,
        note: null,
        ...fields
      })
    const q1 = await add({ quarter: 1 })
    const q2 = await add({ quarter: 2, targetUnitIds: [cellB, cellA, cellA] })
    const may = await add({ quarter: null, month: 5, kind: 'supervision', mode: 'ongoing' })
    const q4 = await add({ quarter: 4 })
    expect(q2.targetNames).toEqual(['Chi bộ ấp 1', 'Chi bộ ấp 2'])
    expect(
      (
        await t.refuse('inspections:createPlanItem', {
          year: 2026,
          kind: 'inspection',
          mode: 'thematic',
          unitId: commune,
          targetUnitIds: [cellA],
          content: q1.content,
          quarter: 1,
          month: 3,
          note: null
        })
      ).message
    ).toContain('một quý hoặc một tháng')

    const i2 = await t.call('inspections:create', inspection({ planItemId: q2.id }))
    const i3 = await t.call(
      'inspections:create',
      inspection({ planItemId: may.id, kind: 'supervision' })
    )
    await t.call('inspections:update', {
      id: i2.id,
      fields: inspection({
        planItemId: q2.id,
        decisionNumber: '05-QĐ/ĐU',
        decisionDate: '2026-04-02'
      })
    })
    await t.call('inspections:setStatus', { id: i2.id, status: 'notified' })
    await t.call('inspections:update', {
      id: i3.id,
      fields: inspection({
        planItemId: may.id,
        kind: 'supervision',
        decisionNumber: '06-QĐ/ĐU',
        decisionDate: '2026-05-02',
        startsOn: '2026-05-10'
      })
    })
    await carry(i3.id, 'closed')
    const again = await t.refuse('inspections:create', inspection({ planItemId: q2.id }))
    expect(again.message).toContain(`mã ${i2.id}`)

    const plan = await t.call('inspections:listPlanItems', { year: 2026, today: '2026-07-15' })
    expect(plan.map((p) => [p.id, p.state])).toEqual([
      [q1.id, 'late'],
      [may.id, 'done'],
      [q2.id, 'running'],
      [q4.id, 'not_started']
    ])
    expect((await t.refuse('inspections:deletePlanItem', { id: q2.id })).code).toBe('CONFLICT')
    await t.call('inspections:deletePlanItem', { id: q1.id })
  })
})

describe('inspections: the status flow', () => {
  it('takes one step at a time and refuses a step out of order with what comes next', async () => {
    const i = await t.call('inspections:create', inspection())
    expect(i.status).toBe('planned')
    const skip = await t.refuse('inspections:setStatus', { id: i.id, status: 'at_work' })
    expect(skip.code).toBe('OUT_OF_ORDER')
    expect(skip.message).toBe(
      'Cuộc kiểm tra, giám sát đang ở bước “Đã lên kế hoạch”; không thể chuyển sang “Đoàn đang làm việc”. Bước tiếp theo là “Đã thông báo”.'
    )
    // Notifying needs the decision forming the team.
    expect(
      (await t.refuse('inspections:setStatus', { id: i.id, status: 'notified' })).message
    ).toContain('số và ngày quyết định')
    await t.call('inspections:update', {
      id: i.id,
      fields: inspection({
        decisionNumber: '05-QĐ/ĐU',
        decisionDate: '2026-04-02',
        startsOn: '2026-05-04'
      })
    })
    await t.call('inspections:setStatus', { id: i.id, status: 'notified' })
    await t.call('inspections:setStatus', { id: i.id, status: 'self_review' })
    const back = await t.refuse('inspections:setStatus', { id: i.id, status: 'notified' })
    expect(back.message).toContain('Bước tiếp theo là “Đoàn đang làm việc”')
    await t.call('inspections:setStatus', { id: i.id, status: 'at_work' })
    await t.call('inspections:setStatus', { id: i.id, status: 'results_adopted' })
    // The conclusion step needs the notice, with its number.
    expect(
      (await t.refuse('inspections:setStatus', { id: i.id, status: 'concluded' })).message
    ).toContain('Thông báo kết luận')
    await carry(i.id, 'closed')
    const done = await t.call('inspections:get', { id: i.id, today: '2026-07-01' })
    expect(done.status).toBe('closed')
    expect(done.team).toEqual([{ role: 'head', personId: null, name: 'Trần Văn Bình' }])
    expect(
      (await t.refuse('inspections:setStatus', { id: i.id, status: 'closed' })).message
    ).toContain('đã kết thúc')
  })

  it('keeps the team with people on file and outside names, and refuses bad fields in Vietnamese', async () => {
    const person = await t.call('people:create', personInput(cellA, { fullName: 'Lê Thị Hoa' }))
    const i = await t.call(
      'inspections:create',
      inspection({
        team: [
          { role: 'head', personId: person.id, name: '' },
          { role: 'secretary', personId: null, name: '  Phạm   Văn Tú ' }
        ],
        targets: [
          { unitId: cellA, members: 20 },
          { unitId: cellB, members: 12 }
        ]
      })
    )
    expect(i.team.map((m) => [m.role, m.name])).toEqual([
      ['head', 'Lê Thị Hoa'],
      ['secretary', 'Phạm Văn Tú']
    ])
    expect(i.targets.map((x) => [x.name, x.members])).toEqual([
      ['Chi bộ ấp 1', 20],
      ['Chi bộ ấp 2', 12]
    ])
    const bad = await t.refuse(
      'inspections:create',
      inspection({ content: '  ', targets: [], startsOn: '2026-05-10', endsOn: '2026-05-01' })
    )
    expect(bad.fields).toMatchObject({
      content: 'Hãy ghi nội dung kiểm tra, giám sát.',
      targets: 'Hãy chọn ít nhất một đơn vị được kiểm tra, giám sát.',
      endsOn: 'Ngày kết thúc làm việc không được trước ngày bắt đầu.'
    })
  })
})

describe('inspections: documents and their files', () => {
  it('copies the file beside the data, carries it in a backup and brings it back on restore', async () => {
    const i = await t.call('inspections:create', inspection())
    const picked = join(t.dir, 'bao-cao-tu-kiem-tra.pdf')
    writeFileSync(picked, '%PDF-1.4 báo cáo tự kiểm tra của Chi bộ ấp 1')
    const doc = await t.callWithFile('inspections:addDocument', {
      inspectionId: i.id,
      kind: 'self_review',
      number: '03-BC/CB',
      datedOn: '2026-05-02',
      title: 'Báo cáo tự kiểm tra',
      note: null,
      attach: true,
      path: picked
    })
    expect(doc).toMatchObject({ fileName: 'bao-cao-tu-kiem-tra.pdf', kind: 'self_review' })
    // A copy, never a link to where the user picked it: the original may go.
    rmSync(picked)
    const out = join(t.dir, 'ban-sao.pdf')
    await t.callWithFile('inspections:saveDocumentFile', { id: doc!.id, path: out })
    expect(readFileSync(out, 'utf8')).toBe('%PDF-1.4 báo cáo tự kiểm tra của Chi bộ ấp 1')

    const backup = await t.call('backup:create', null)
    const folder = backup.path.replace(/\.sqlite$/, '.tep-dinh-kem')
    expect(readdirSync(folder)).toHaveLength(1)

    // The kept copy is lost (deleted by hand); the backup brings it back.
    const kept = join(t.dir, 'chuyen-de.tep-dinh-kem')
    expect(readdirSync(kept)).toHaveLength(1)
    rmSync(kept, { recursive: true })
    const missing = await t.refuseWithFile('inspections:saveDocumentFile', {
      id: doc!.id,
      path: out
    })
    expect(missing.message).toContain('khôi phục một bản sao lưu')
    await t.call('backup:restore', { fileName: backup.fileName })
    rmSync(out)
    await t.callWithFile('inspections:saveDocumentFile', { id: doc!.id, path: out })
    expect(readFileSync(out, 'utf8')).toBe('%PDF-1.4 báo cáo tự kiểm tra của Chi bộ ấp 1')

    // Pruning old backups removes their folders too.
    await t.call('backup:setKeep', { keep: 1 })
    await t.call('backup:create', null)
    expect(existsSync(folder)).toBe(false)
  })

  it('keeps documents without files and removes a copy no document names', async () => {
    const i = await t.call('inspections:create', inspection())
    const minutes = await t.call('inspections:addDocument', {
      inspectionId: i.id,
      kind: 'minutes',
      number: null,
      datedOn: '2026-05-12',
      title: 'Biên bản làm việc',
      note: null
    })
    expect(minutes?.fileName).toBeNull()
    const picked = join(t.dir, 'ket-luan.docx')
    writeFileSync(picked, 'thông báo kết luận')
    const notice = await t.callWithFile('inspections:addDocument', {
      inspectionId: i.id,
      kind: 'conclusion',
      number: '12-TB/ĐU',
      datedOn: '2026-06-20',
      title: null,
      note: null,
      attach: true,
      path: picked
    })
    // Cancelled file choice from the page: nothing is added.
    expect(
      await t.call('inspections:addDocument', {
        inspectionId: i.id,
        kind: 'other',
        number: null,
        datedOn: '2026-06-21',
        title: null,
        note: null,
        attach: true
      })
    ).toBeNull()
    const kept = join(t.dir, 'chuyen-de.tep-dinh-kem')
    expect(readdirSync(kept)).toHaveLength(1)
    expect((await t.refuse('inspections:delete', { id: i.id })).message).toContain('2 văn bản')
    await t.call('inspections:deleteDocument', { id: notice!.id })
    expect(readdirSync(kept)).toHaveLength(0)
    const got = await t.call('inspections:get', { id: i.id, today: '2026-07-01' })
    expect(got.documents.map((d) => d.kind)).toEqual(['minutes'])
  })
})

describe('inspections: recommendations and counts', () => {
  it('lists late recommendations by date, marks one done, and counts up the tree', async () => {
    const i = await t.call(
      'inspections:create',
      inspection({
        decisionNumber: '05-QĐ/ĐU',
        decisionDate: '2026-04-02',
        startsOn: '2026-05-04',
        endsOn: '2026-05-08',
        targets: [
          { unitId: cellA, members: 25 },
          { unitId: cellB, members: 18 }
        ]
      })
    )
    await carry(i.id, 'concluded')
    const rec = (unitId: number, text: string, dueOn: string) =>
      t.call('inspections:createRecommendation', {
        inspectionId: i.id,
        unitId,
        text,
        dueOn,
        madeOn: '2026-06-20'
      })
    const a = await rec(cellA, 'Bổ sung kế hoạch làm theo của chi bộ', '2026-07-31')
    const b = await rec(cellB, 'Hoàn thiện sổ theo dõi cam kết', '2026-08-31')
    await rec(other, 'Rà soát việc sinh hoạt chuyên đề', '2026-12-31')
    expect(
      (
        await t.refuse('inspections:createRecommendation', {
          inspectionId: i.id,
          unitId: cellA,
          text: 'x',
          dueOn: '2026-06-01',
          madeOn: '2026-06-20'
        })
      ).message
    ).toContain('Thời hạn không được trước ngày kiến nghị')

    const late = (asOf: string, unitId: number | null = null) =>
      t
        .call('inspections:listRecommendations', { unitId, lateOnly: true, asOf })
        .then((r) => r.map((x) => x.id))
    expect(await late('2026-07-31')).toEqual([])
    expect(await late('2026-08-01')).toEqual([a.id])
    expect(await late('2026-09-01')).toEqual([a.id, b.id])
    expect(await late('2026-09-01', cellB)).toEqual([b.id])

    const done = await t.call('inspections:setRecommendationDone', {
      id: a.id,
      doneOn: '2026-08-15',
      note: 'Đã ban hành kế hoạch bổ sung số 09-KH/CB'
    })
    expect(done.doneNote).toBe('Đã ban hành kế hoạch bổ sung số 09-KH/CB')
    // Done late: late until the day it was done, done from then on.
    expect(await late('2026-08-10')).toEqual([a.id])
    expect(await late('2026-09-01')).toEqual([b.id])
    const statuses = await t.call('inspections:listRecommendations', {
      unitId: commune,
      asOf: '2026-09-01'
    })
    expect(statuses.map((r) => [r.id, r.status])).toEqual([
      [a.id, 'done'],
      [b.id, 'late']
    ])
    expect(
      (
        await t.refuse('inspections:setRecommendationDone', {
          id: b.id,
          doneOn: '2026-06-01',
          note: null
        })
      ).message
    ).toContain('không được trước ngày kiến nghị')

    const counts = await t.call('inspections:counts', {
      unitId: null,
      from: '2026-01-01',
      to: '2026-09-30'
    })
    const row = (id: number) => counts.rows.find((r) => r.unitId === id)!.counts
    expect(row(commune)).toEqual({
      inspections: 1,
      supervisions: 0,
      organisations: 2,
      members: 43,
      recommendations: 2,
      done: 1,
      late: 1
    })
    expect(row(cellB)).toMatchObject({ organisations: 1, members: 18, late: 1 })
    expect(row(province)).toMatchObject({ inspections: 1, recommendations: 3, done: 1, late: 1 })
    expect(counts.total?.unitId).toBe(province)
    // Before the conclusion's period: nothing done yet.
    const early = await t.call('inspections:counts', {
      unitId: commune,
      from: '2026-01-01',
      to: '2026-03-31'
    })
    expect(early.rows[0].counts).toMatchObject({ inspections: 0, recommendations: 0, late: 0 })
  })
})
