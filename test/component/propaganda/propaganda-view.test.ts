// The Tuyên truyền page over a fake api: the year's anniversaries with ordinals and round years,
// the office's own event added with a partial date, an activity saved with people and
// attendances kept apart (and refused without a date), the press work's window warning, the
// export asking no path of the page, and the Tổng quan card.
import { afterEach, describe, expect, it } from 'vitest'
import type {
  AnniversaryOfYear,
  PropagandaActivity,
  PropagandaActivityFields,
  PropagandaCounts,
  PropagandaCountsResult
} from '@shared/api'
import { PROPAGANDA_KINDS } from '@shared/api'
import PropagandaView from '@renderer/views/PropagandaView.vue'
import PropagandaOverviewCard from '@renderer/components/overview/PropagandaOverviewCard.vue'
import { createFakeApi, unit, type FakeData } from '../fake-api'
import {
  $,
  $$,
  byTestId,
  click,
  installApi,
  mountView,
  sectionsRouter,
  sleep,
  type
} from '../helpers'
import { flushPromises } from '@vue/test-utils'

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 4),
    unit(3, 1, 'Chi bộ ấp 2', 'Chi bộ', 4)
  ],
  people: [],
  backups: []
})

const birthday: AnniversaryOfYear = {
  id: 2,
  title: 'Ngày sinh Chủ tịch Hồ Chí Minh',
  date: '1890-05-19',
  source: null,
  note: null,
  seeded: true,
  years: 136,
  round: null,
  on: '2026-05-19',
  label: 'Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026)',
  activities: 0
}
const resistance: AnniversaryOfYear = {
  id: 7,
  title: 'Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi toàn quốc kháng chiến',
  date: '1946-12-19',
  source: null,
  note: null,
  seeded: true,
  years: 80,
  round: 'ten',
  on: '2026-12-19',
  label:
    'Kỷ niệm 80 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi toàn quốc kháng chiến (19/12/1946 – 19/12/2026)',
  activities: 0
}

const zero = (): PropagandaCounts => ({
  activities: 0,
  points: 0,
  members: 0,
  nonMembers: 0,
  attendances: 0,
  news: 0,
  articles: 0,
  reports: 0,
  panels: 0,
  works: 0,
  awarded: 0
})

function countsOf(list: PropagandaActivity[]): PropagandaCountsResult {
  const c = zero()
  for (const a of list) {
    c.activities++
    c.members += a.members
    c.nonMembers += a.nonMembers
    c.attendances += a.attendances
  }
  const row = {
    unitId: 1,
    parentId: null,
    name: 'Đảng ủy xã Tân Lập',
    level: 'Đảng ủy cơ sở',
    depth: 0,
    counts: c,
    byKind: Object.fromEntries(PROPAGANDA_KINDS.map((k) => [k, zero()])) as never
  }
  return { from: '2026-01-01', to: '2026-12-31', rows: [row], total: row }
}

function setup(anniversaries: AnniversaryOfYear[] = [birthday, resistance]) {
  const events = [...anniversaries]
  const activities: PropagandaActivity[] = []
  const fake = createFakeApi(data(), {
    'app:getYear': () => ({ year: 2026 }),
    // Fresh copies, as the real api's answers are (the store keeps what it is given).
    'propaganda:listAnniversaries': () => structuredClone(events),
    'propaganda:createAnniversary': (f) => {
      const a = { ...birthday, ...f, id: 20, seeded: false, years: 50, round: 'ten' as const }
      events.push({ ...a, label: `Kỷ niệm 50 năm ${f.title}` })
      return a
    },
    'propaganda:listActivities': () => structuredClone(activities),
    'propaganda:createActivity': (f: PropagandaActivityFields) => {
      const a = { ...f, id: activities.length + 1, unitName: 'Chi bộ ấp 1', anniversaryTitle: null }
      activities.push(a)
      return a
    },
    'propaganda:listPressWorks': () => [],
    'propaganda:counts': () => countsOf(activities),
    'propaganda:upcoming': () => [resistance],
    'propaganda:exportAnniversaries': () => ({ path: '/tmp/ngay-ky-niem-2026.xlsx', rows: 2 })
  })
  installApi(fake.api)
  return fake
}

async function mounted() {
  const w = mountView(PropagandaView)
  await flushPromises()
  await sleep(0)
  await flushPromises()
  return w
}

const tab = async (label: string) => {
  $$('.el-tabs__item')
    .find((t) => t.textContent?.includes(label))!
    .click()
  await flushPromises()
  await sleep(0)
  await flushPromises()
}

describe('PropagandaView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it("lists the year's anniversaries with their ordinal and marks the round ones", async () => {
    setup()
    const w = await mounted()
    expect(byTestId('anniversary-label-2')?.textContent).toBe(birthday.label)
    expect(byTestId('anniversary-round-2')).toBeNull()
    expect(byTestId('anniversary-round-7')?.textContent).toBe('Tròn 10 năm')
    expect(byTestId('anniversary-summary')?.textContent).toContain(
      'Năm 2026 có 2 ngày kỷ niệm, trong đó 1 năm chẵn'
    )
    // Seeded events are not edited here; only the office's own.
    expect(byTestId('anniversary-edit-2')).toBeNull()
    w.unmount()
  })

  it('says what to do when the year has no anniversary', async () => {
    setup([])
    const w = await mounted()
    expect(byTestId('anniversary-empty')?.textContent).toContain(
      'Hãy bấm "Thêm ngày kỷ niệm của địa phương"'
    )
    w.unmount()
  })

  it("adds the office's own event with a month-only date, and can then edit it", async () => {
    const fake = setup()
    const w = await mounted()
    await click('anniversary-add')
    await type('anniversary-title', 'Ngày giải phóng tỉnh')
    await type('anniversary-date', '4/1976')
    await click('anniversary-save')
    await sleep(0)
    await flushPromises()
    expect(fake.callsTo('propaganda:createAnniversary')).toEqual([
      { title: 'Ngày giải phóng tỉnh', date: '1976-04', source: null, note: null }
    ])
    expect(byTestId('anniversary-edit-20')).not.toBeNull()
    w.unmount()
  })

  // Element Plus selects and number boxes are slow to mount in happy-dom on a shared machine.
  it(
    'refuses an activity without a day and saves people apart from attendances',
    { timeout: 120_000 },
    async () => {
      const fake = setup()
      const w = await mounted()
      await tab('Hoạt động')
      expect(byTestId('activity-empty')?.textContent).toContain('Hãy bấm "Ghi hoạt động"')
      await click('activity-add')
      await click('activity-save')
      // Each form item's message appears after its own transition starts (one may come later).
      for (let i = 0; i < 150 && $$('.el-form-item__error').length < 2; i++) await sleep(20)
      expect($$('.el-form-item__error').map((e) => e.textContent?.trim())).toEqual([
        'Chưa nhập ngày.',
        'Chọn đơn vị tổ chức.'
      ])
      expect(fake.callsTo('propaganda:createActivity')).toEqual([])

      await type('activity-starts', '19/05/2026')
      // The unit: the list's unit filter has the same options, rendered earlier; the dialog's
      // are the last ones.
      byTestId('activity-unit')!.click()
      await flushPromises()
      $$('.el-select-dropdown__item')
        .filter((o) => o.querySelector('span')?.textContent?.trim() === 'Chi bộ ấp 1')
        .pop()!
        .click()
      await flushPromises()
      const number = (id: string, n: number) => {
        const input = $(`[data-testid="${id}"] input`) as HTMLInputElement
        input.value = String(n)
        input.dispatchEvent(new Event('input', { bubbles: true }))
        input.dispatchEvent(new Event('change', { bubbles: true }))
      }
      number('activity-members', 30)
      number('activity-non-members', 12)
      number('activity-attendances', 200)
      await flushPromises()
      await click('activity-save')
      await sleep(0)
      await flushPromises()
      const [sent] = fake.callsTo('propaganda:createActivity')
      expect(sent).toMatchObject({
        kind: 'conference',
        startsOn: '2026-05-19',
        endsOn: null,
        unitId: 2,
        onTopic: true,
        members: 30,
        nonMembers: 12,
        attendances: 200
      })
      expect(byTestId('activity-totals')?.textContent?.replace(/\s+/g, ' ')).toContain(
        '1 hoạt động · 0 điểm cầu · 30 đảng viên, 12 quần chúng · 200 lượt người'
      )
      w.unmount()
    }
  )

  it(
    'warns while a press work is dated outside the award window',
    { timeout: 120_000 },
    async () => {
      setup()
      const w = await mounted()
      await tab('Giải báo chí')
      expect(byTestId('press-summary')?.textContent).toContain('1/11/2025 – 31/10/2026')
      expect(byTestId('press-empty')?.textContent).toContain('Hãy bấm "Thêm tác phẩm dự giải"')
      await click('press-add')
      await type('press-date', '15/11/2024')
      expect(byTestId('press-warning')?.textContent).toContain(
        'ngoài thời gian xét giải năm 2026 (1/11/2025 – 31/10/2026)'
      )
      await type('press-date', '10/03/2026')
      expect(byTestId('press-warning')).toBeNull()
      expect(byTestId('press-author-kind-0')?.textContent).toBe('Ngoài danh sách')
      w.unmount()
    }
  )

  it('exports the anniversaries without sending a path: the core asks where', async () => {
    const fake = setup()
    const w = await mounted()
    await type('anniversary-place', 'Tân Lập')
    await click('anniversary-export')
    await sleep(0)
    await flushPromises()
    expect(fake.callsTo('propaganda:exportAnniversaries')).toEqual([
      { year: 2026, unitId: null, place: 'Tân Lập' }
    ])
    w.unmount()
  })
})

describe('PropagandaOverviewCard', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the next anniversaries and the year’s counts', async () => {
    setup()
    const w = mountView(PropagandaOverviewCard, { plugins: [sectionsRouter()] })
    await flushPromises()
    await sleep(0)
    await flushPromises()
    expect(byTestId('overview-propaganda-next')?.textContent).toContain('Kỷ niệm 80 năm')
    expect(byTestId('overview-propaganda-next')?.textContent).toContain('Tròn 10 năm')
    expect(byTestId('overview-propaganda-activities')?.textContent).toBe('0')
    w.unmount()
  })
})
