// The Kiểm tra, giám sát section over the fake api: the plan with where items stand, late
// recommendations highlighted and marked done with a day and a note, the next step of an
// inspection (a refusal shown in Vietnamese), and the late list on Tổng quan.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Inspection, InspectionSummary, PlanItem, Recommendation } from '@shared/api'
import InspectionsView from '@renderer/views/InspectionsView.vue'
import InspectionsOverviewCard from '@renderer/components/overview/InspectionsOverviewCard.vue'
import UnitOpenRecommendations from '@renderer/components/inspections/UnitOpenRecommendations.vue'
import { ApiError, createFakeApi, unit } from '../fake-api'
import { $$, byTestId, click, installApi, mountView, sectionsRouter, sleep, type } from '../helpers'

const units = [
  unit(1, null, 'Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở'),
  unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ'),
  unit(3, 1, 'Chi bộ ấp 2', 'Chi bộ')
]

const planItem = (id: number, fields: Partial<PlanItem>): PlanItem => ({
  id,
  year: 2026,
  kind: 'inspection',
  mode: 'thematic',
  unitId: 1,
  unitName: 'Đảng ủy xã Tân Lập',
  targetUnitIds: [2],
  targetNames: ['Chi bộ ấp 1'],
  content: 'Việc thực hiện Chuyên đề năm 2026',
  quarter: 1,
  month: null,
  note: null,
  inspectionId: null,
  state: 'not_started',
  ...fields
})

const rec = (id: number, fields: Partial<Recommendation>): Recommendation => ({
  id,
  inspectionId: 7,
  inspectionContent: 'Việc thực hiện Chuyên đề năm 2026',
  unitId: 2,
  unitName: 'Chi bộ ấp 1',
  text: 'Bổ sung kế hoạch làm theo',
  dueOn: '2026-07-31',
  madeOn: '2026-06-20',
  doneOn: null,
  doneNote: null,
  status: 'open',
  ...fields
})

const inspection: Inspection = {
  id: 7,
  kind: 'inspection',
  mode: 'thematic',
  planItemId: null,
  unitId: 1,
  unitName: 'Đảng ủy xã Tân Lập',
  content: 'Việc thực hiện Chuyên đề năm 2026',
  decisionNumber: null,
  decisionDate: null,
  periodFrom: null,
  periodTo: null,
  startsOn: null,
  endsOn: null,
  status: 'planned',
  team: [],
  targets: [{ unitId: 2, members: 20, name: 'Chi bộ ấp 1' }],
  documents: [],
  findings: [],
  recommendations: [],
  note: null
}

afterEach(() => {
  document.body.innerHTML = ''
})

function fakeWith(recs: Recommendation[], listed: InspectionSummary[] = []) {
  return createFakeApi(
    { units, people: [], backups: [] },
    {
      'app:getYear': () => ({ year: 2026 }),
      'inspections:listPlanItems': () => [
        planItem(1, { state: 'late' }),
        planItem(2, { quarter: 4, state: 'not_started', targetNames: ['Chi bộ ấp 2'] })
      ],
      'inspections:list': () => listed,
      'inspections:listRecommendations': () => recs,
      'inspections:setRecommendationDone': ({ id, doneOn, note }) => {
        const r = recs.find((x) => x.id === id)!
        Object.assign(r, { doneOn, doneNote: note, status: 'done' })
        return r
      },
      'inspections:get': () => inspection,
      'inspections:setStatus': () => {
        throw new ApiError(
          'VALIDATION',
          'Hãy ghi số và ngày quyết định thành lập đoàn trước khi thông báo.'
        )
      }
    }
  )
}

describe('InspectionsView', () => {
  it('shows the plan with where each item stands, and an empty list of inspections that says what to do', async () => {
    const fake = fakeWith([])
    installApi(fake.api)
    const wrapper = mountView(InspectionsView)
    await flushPromises()
    const plan = byTestId('plan-table')!
    expect(plan.textContent).toContain('Quý 1')
    expect(plan.textContent).toContain('Chậm so với kế hoạch')
    expect(plan.textContent).toContain('Chưa tiến hành')
    expect(byTestId('inspections-table')!.textContent).toContain(
      'Chưa có cuộc kiểm tra, giám sát nào trong năm'
    )
    // "Tiến hành" opens the inspection form filled from the plan item.
    await click('plan-start-2')
    expect((byTestId('inspection-form-content') as HTMLTextAreaElement).value).toBe(
      'Việc thực hiện Chuyên đề năm 2026'
    )
    wrapper.unmount()
  })

  it('highlights late recommendations and marks one done with a day and a note', async () => {
    const recs = [
      rec(1, { status: 'late', dueOn: '2026-03-31' }),
      rec(2, { unitName: 'Chi bộ ấp 2' })
    ]
    const fake = fakeWith(recs)
    installApi(fake.api)
    const wrapper = mountView(InspectionsView)
    await flushPromises()
    const rows = $$('[data-testid="recommendations-table"] .el-table__body tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].classList).toContain('late-row')
    expect(rows[0].textContent).toContain('Quá hạn')
    expect(rows[1].classList).not.toContain('late-row')

    await click('recommendation-done-1')
    await type('done-form-date', '32/07/2026')
    await click('done-form-save')
    expect(fake.callsTo('inspections:setRecommendationDone')).toEqual([])
    // The message appears after Element Plus's transition.
    for (let i = 0; i < 50 && $$('.el-form-item__error').length === 0; i++) await sleep(20)
    expect($$('.el-form-item__error').map((e) => e.textContent?.trim())).toEqual([
      'Ngày không hợp lệ. Nhập theo dạng dd/mm/yyyy.'
    ])
    await type('done-form-date', '15/08/2026')
    await type('done-form-note', 'Đã ban hành kế hoạch bổ sung')
    await click('done-form-save')
    expect(fake.callsTo('inspections:setRecommendationDone')).toEqual([
      { id: 1, doneOn: '2026-08-15', note: 'Đã ban hành kế hoạch bổ sung' }
    ])
    wrapper.unmount()
  })

  it('moves an inspection to its next step and shows a refusal in Vietnamese', async () => {
    const fake = fakeWith(
      [],
      [
        {
          id: 7,
          kind: 'inspection',
          mode: 'thematic',
          unitId: 1,
          unitName: 'Đảng ủy xã Tân Lập',
          content: inspection.content,
          decisionNumber: null,
          decisionDate: null,
          startsOn: null,
          endsOn: null,
          status: 'planned',
          targetNames: ['Chi bộ ấp 1'],
          recommendations: 0,
          late: 0
        }
      ]
    )
    installApi(fake.api)
    const wrapper = mountView(InspectionsView)
    await flushPromises()
    $$('[data-testid="inspections-table"] .el-table__body tr')[0].click()
    await flushPromises()
    expect(byTestId('inspection-next')?.textContent).toContain('Đã thông báo')
    await click('inspection-next')
    expect(fake.callsTo('inspections:setStatus')).toEqual([{ id: 7, status: 'notified' }])
    expect(document.body.textContent).toContain('Hãy ghi số và ngày quyết định thành lập đoàn')
    wrapper.unmount()
  })
})

describe('InspectionsOverviewCard', () => {
  it('lists the late recommendations, or says there are none', async () => {
    const fake = fakeWith([
      rec(1, { status: 'late', dueOn: '2026-03-31', text: 'Hoàn thiện sổ cam kết' })
    ])
    installApi(fake.api)
    let wrapper = mountView(InspectionsOverviewCard, { plugins: [sectionsRouter()] })
    await flushPromises()
    expect(byTestId('overview-inspections')!.textContent).toContain('Hoàn thiện sổ cam kết')
    expect(byTestId('overview-inspections')!.textContent).toContain('31/03/2026')
    expect(fake.callsTo('inspections:listRecommendations')[0]).toMatchObject({ lateOnly: true })
    wrapper.unmount()
    document.body.innerHTML = ''
    installApi(fakeWith([]).api)
    wrapper = mountView(InspectionsOverviewCard, { plugins: [sectionsRouter()] })
    await flushPromises()
    expect(byTestId('overview-inspections-empty')!.textContent).toContain(
      'Không có kiến nghị nào quá hạn'
    )
    expect(byTestId('overview-inspections-link')!.textContent).toContain('Mở mục Kiểm tra giám sát')
    wrapper.unmount()
  })
})

describe('UnitOpenRecommendations', () => {
  it('shows a unit’s recommendations not yet done, and nothing when there are none', async () => {
    const fake = fakeWith([rec(1, { status: 'late', dueOn: '2026-03-31' })])
    installApi(fake.api)
    let wrapper = mountView(UnitOpenRecommendations, { props: { unitId: 2 } })
    await flushPromises()
    expect(byTestId('units-open-recommendations')!.textContent).toContain('Quá hạn')
    expect(fake.callsTo('inspections:listRecommendations')[0]).toMatchObject({
      unitId: 2,
      openOnly: true
    })
    wrapper.unmount()
    document.body.innerHTML = ''
    installApi(fakeWith([]).api)
    wrapper = mountView(UnitOpenRecommendations, { props: { unitId: 2 } })
    await flushPromises()
    expect(byTestId('units-open-recommendations')).toBeNull()
    wrapper.unmount()
  })
})
