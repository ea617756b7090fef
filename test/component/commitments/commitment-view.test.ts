import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type {
  CommitmentPerson,
  CommitmentRoster,
  CommitmentRosterRow,
  CommitmentStatus,
  CommitmentTemplate,
  Input,
  Output
} from '@shared/api'
import CommitmentsView from '@renderer/views/CommitmentsView.vue'
import { createFakeApi, unit, type FakeData } from '../fake-api'
import { $$, byTestId, click, installApi, mountView, sleep, type } from '../helpers'

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 4)
  ],
  people: [],
  backups: []
})

const row = (
  personId: number,
  fullName: string,
  extra: Partial<CommitmentRosterRow> = {}
): CommitmentRosterRow => ({
  personId,
  fullName,
  kind: 'member',
  status: 'active',
  position: null,
  partyCardNumber: null,
  unitId: 2,
  unitName: 'Chi bộ ấp 1',
  state: 'missing',
  itemCount: 0,
  hasBreakthrough: false,
  madeOn: null,
  praises: 0,
  reminders: 0,
  lastOutcome: null,
  result: null,
  ...extra
})

function rosterOf(made: boolean): CommitmentRoster {
  const state = made ? ('made' as const) : ('missing' as const)
  const rows = [
    row(1, 'Nguyễn Văn An', { state, itemCount: made ? 5 : 0, praises: made ? 1 : 0 }),
    row(2, 'Trần Thị Bình', { state, itemCount: made ? 5 : 0 }),
    row(3, 'Phạm Văn Miễn', { status: 'exempt', state: 'not_asked' }),
    row(4, 'Lê Văn Cường', { kind: 'non_member', state, itemCount: made ? 5 : 0 })
  ]
  return {
    year: 2024,
    unitId: 2,
    unitName: 'Chi bộ ấp 1',
    unitLevel: 'Chi bộ',
    rows,
    counts: {
      required: 3,
      made: made ? 3 : 0,
      missing: made ? 0 : 3,
      notAsked: 1,
      percent: made ? 100 : 0
    }
  }
}

const status: CommitmentStatus = {
  year: 2024,
  rows: [
    {
      unitId: 1,
      parentId: null,
      name: 'Đảng ủy xã Tân Phú',
      level: 'Đảng ủy cơ sở',
      depth: 0,
      required: 3,
      made: 0,
      missing: 3,
      notAsked: 1,
      percent: 0,
      members: { required: 2, made: 0, missing: 2, notAsked: 1, percent: 0 },
      nonMembers: { required: 1, made: 0, missing: 1, notAsked: 0, percent: 0 }
    }
  ],
  total: null
}

/** What the core answers to exporting the unit's commitments, in turn (null: the user cancelled). */
const unitExports: Output<'commitments:exportUnit'>[] = []

function setup(initiallyMade = false) {
  let made = initiallyMade
  const fake = createFakeApi(data(), {
    'commitments:exportUnit': () => unitExports.shift() ?? null,
    'app:getYear': () => ({ year: 2024 }),
    'commitments:status': () => status,
    'commitments:roster': () => rosterOf(made),
    'commitments:listReviews': () => [],
    'commitments:bulk': () => {
      made = true
      return { created: 3, skippedExisting: 0, skippedNotAsked: 1, templateSource: 'default' }
    },
    'commitments:template': (i): CommitmentTemplate => ({
      unitId: i.unitId,
      year: i.year,
      source: 'default',
      fromUnitId: null,
      fromUnitName: null,
      updatedAt: null,
      items: [
        {
          heading: 'topic',
          content: 'Làm theo Bác về tiết kiệm',
          tasks: null,
          measures: null,
          deadline: 'Cả năm',
          expected: null
        }
      ]
    }),
    'commitments:saveTemplate': (i) => ({
      unitId: i.unitId,
      year: i.year,
      source: 'own',
      fromUnitId: 2,
      fromUnitName: 'Chi bộ ấp 1',
      updatedAt: 'x',
      items: i.items
    }),
    'commitments:createReview': (i) => ({
      ...i,
      id: 9,
      unitName: 'Chi bộ ấp 1',
      period: 'Tháng 05/2024',
      praises: 1,
      reminders: 1,
      reviewed: 3,
      entries: []
    }),
    'commitments:person': (i): CommitmentPerson => ({
      personId: i.personId,
      year: 2024,
      fullName: 'Nguyễn Văn An',
      kind: 'member',
      status: 'active',
      unitId: 2,
      unitName: 'Chi bộ ấp 1',
      position: null,
      state: 'made',
      commitment: {
        id: 1,
        personId: 1,
        year: 2024,
        unitId: 2,
        unitName: 'Chi bộ ấp 1',
        madeOn: '2024-02-15',
        source: 'template',
        result: null,
        resultNote: null,
        resultOn: null,
        updatedAt: 'x',
        items: [
          {
            heading: 'topic',
            content: 'Làm theo Bác về tiết kiệm',
            tasks: null,
            measures: null,
            deadline: 'Cả năm',
            expected: null
          }
        ]
      },
      trail: [
        {
          reviewId: 9,
          heldOn: '2024-05-10',
          kind: 'monthly',
          reviewer: 'party_cell',
          period: 'Tháng 05/2024',
          unitName: 'Chi bộ ấp 1',
          outcome: 'praise',
          progress: 'Đã vận động 12 hộ'
        }
      ]
    })
  })
  installApi(fake.api)
  return fake
}

describe('CommitmentsView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the status of the organisation, then a chi bộ’s people: made, not made, not asked', async () => {
    const fake = setup()
    mountView(CommitmentsView)
    await flushPromises()
    expect(byTestId('commitments-status')?.textContent).toContain('Đảng ủy xã Tân Phú')
    expect(fake.callsTo('commitments:status')[0]).toEqual({ year: 2024, unitId: null })
    byTestId('commitments-units-node-Chi bộ ấp 1')!.click()
    await flushPromises()
    expect(fake.callsTo('commitments:roster').at(-1)).toEqual({ year: 2024, unitId: 2 })
    expect(byTestId('commitments-missing')?.textContent).toBe('3')
    expect(byTestId('commitment-state-Nguyễn Văn An')?.textContent).toBe('Chưa lập')
    expect(byTestId('commitment-state-Phạm Văn Miễn')?.textContent).toContain('Không phải lập')
    // Only the missing ones.
    ;(byTestId('commitments-filter-missing')!.querySelector('input') as HTMLInputElement).click()
    await flushPromises()
    expect($$('[data-testid^="commitment-row-"]').map((e) => e.textContent)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường'
    ])
  })

  it('makes commitments in bulk from the template, then records a review with a praise and a reminder', async () => {
    const fake = setup()
    mountView(CommitmentsView)
    await flushPromises()
    byTestId('commitments-units-node-Chi bộ ấp 1')!.click()
    await flushPromises()

    // The template editor shows the unit's template and saves it.
    await click('commitments-template')
    await sleep(10)
    await flushPromises()
    expect((byTestId('template-items-content-0') as HTMLTextAreaElement).value).toBe(
      'Làm theo Bác về tiết kiệm'
    )
    expect(byTestId('template-source')?.textContent).toContain('mẫu gợi ý có sẵn')
    await type('template-items-content-0', 'Tiết kiệm điện, nước')
    await click('template-save')
    expect(fake.callsTo('commitments:saveTemplate')[0].items[0]).toMatchObject({
      heading: 'topic',
      content: 'Tiết kiệm điện, nước',
      deadline: 'Cả năm'
    })

    await click('commitments-bulk')
    expect(byTestId('bulk-summary')?.textContent).toContain('3 người chưa lập')
    await type('bulk-date', '15/02/2024')
    await click('bulk-run')
    expect(fake.callsTo('commitments:bulk')).toEqual([
      { unitId: 2, year: 2024, madeOn: '2024-02-15' }
    ])
    expect(byTestId('commitments-missing')?.textContent).toBe('0')

    await click('commitments-review')
    await type('review-date', '10/05/2024')
    expect(byTestId('review-counts')?.textContent).toContain(
      '3 người · Biểu dương: 0 · Nhắc nhở: 0'
    )
    ;(
      byTestId('review-outcome-Nguyễn Văn An-praise')!.querySelector('input') as HTMLInputElement
    ).click()
    ;(
      byTestId('review-outcome-Trần Thị Bình-reminder')!.querySelector('input') as HTMLInputElement
    ).click()
    await flushPromises()
    await type('review-progress-Trần Thị Bình', 'Chậm tiến độ')
    expect(byTestId('review-counts')?.textContent).toContain('Biểu dương: 1 · Nhắc nhở: 1')
    await click('review-save')
    const saved = fake.callsTo('commitments:createReview')[0] as Input<'commitments:createReview'>
    expect(saved).toMatchObject({
      unitId: 2,
      year: 2024,
      heldOn: '2024-05-10',
      kind: 'monthly',
      reviewer: 'party_cell'
    })
    expect(saved.entries).toEqual([
      { personId: 1, outcome: 'praise', progress: null },
      { personId: 2, outcome: 'reminder', progress: 'Chậm tiến độ' },
      { personId: 4, outcome: 'none', progress: null }
    ])
  })

  it('saves the commitments of the whole chi bộ in one workbook and says who was left out', async () => {
    let fake = setup()
    mountView(CommitmentsView)
    await flushPromises()
    byTestId('commitments-units-node-Chi bộ ấp 1')!.click()
    await flushPromises()
    // Nobody has made one: nothing to print.
    expect((byTestId('commitments-export-unit') as HTMLButtonElement).disabled).toBe(true)
    document.body.innerHTML = ''

    fake = setup(true)
    mountView(CommitmentsView)
    await flushPromises()
    byTestId('commitments-units-node-Chi bộ ấp 1')!.click()
    await flushPromises()
    const button = byTestId('commitments-export-unit') as HTMLButtonElement
    expect(button.disabled).toBe(false)
    expect(button.textContent).toContain('Xuất bản cam kết của cả đơn vị')
    await type('commitments-place', ' Tân Lập ')
    unitExports.push({
      path: 'D:\\Cam ket\\ban-cam-ket-2024-chi-bo-ap-1.xlsx',
      people: 3,
      withoutCommitment: 1
    })
    await click('commitments-export-unit')
    expect(fake.callsTo('commitments:exportUnit')).toEqual([
      { unitId: 2, year: 2024, place: 'Tân Lập' }
    ])
    expect(
      $$('.el-message--success')
        .map((m) => m.textContent)
        .join(' ')
    ).toContain(
      'Đã lưu 3 bản cam kết (mỗi người một trang) vào D:\\Cam ket\\ban-cam-ket-2024-chi-bo-ap-1.xlsx. 1 người chưa có bản cam kết nên không có trong tệp.'
    )

    // Cancelled in the save dialog: nothing said.
    const before = $$('.el-message').length
    await click('commitments-export-unit')
    expect(fake.callsTo('commitments:exportUnit')).toHaveLength(2)
    expect($$('.el-message')).toHaveLength(before)
  })

  it('opens a person: the items, the year’s trail', async () => {
    const fake = setup()
    mountView(CommitmentsView)
    await flushPromises()
    byTestId('commitments-units-node-Chi bộ ấp 1')!.click()
    await flushPromises()
    await click('commitment-open-Nguyễn Văn An')
    await sleep(10)
    await flushPromises()
    expect(fake.callsTo('commitments:person')[0]).toEqual({ personId: 1, year: 2024 })
    expect(byTestId('person-state')?.textContent).toBe('Đã lập')
    expect(
      (byTestId('person-made-on') as HTMLInputElement | null)?.value ??
        (byTestId('person-made-on')!.querySelector('input') as HTMLInputElement).value
    ).toBe('15/02/2024')
    expect(byTestId('trail-table')?.textContent).toContain('Đã vận động 12 hộ')
    expect(byTestId('trail-summary')?.textContent).toContain('Biểu dương: 1 lần')
  })
})
