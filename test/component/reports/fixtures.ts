// A small fake of the reports core for the Báo cáo page's component tests: a commune with two chi
// bộ, its annex (the second chi bộ sent its annex up and has records here too), its draft and
// its tracker; every call is logged by the fake api.
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import type { Annex, AnnexTable, ReportDraft, ReportDue, ReportTracker } from '@shared/api'
import App from '@renderer/App.vue'
import { createAppRouter } from '@renderer/router'
import { createFakeApi, unit, type FakeData } from '../fake-api'
import { installApi, mountView, sleep } from '../helpers'

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 3),
    unit(3, 1, 'Chi bộ ấp 2', 'Chi bộ', 2)
  ],
  people: [],
  backups: []
})

const PERIOD = {
  kind: 'year' as const,
  year: 2026,
  from: '2026-01-01',
  to: '2026-11-30',
  due: '2026-12-05',
  label: 'năm 2026'
}

function study(useOwn: number[]): AnnexTable {
  const own3 = useOwn.includes(3)
  return {
    code: 'study',
    title: 'Kết quả học tập, quán triệt chuyên đề',
    columns: [
      { code: 'membersRequired', label: 'Phải học', unit: 'người', group: 'Đảng viên' },
      { code: 'membersStudied', label: 'Đã học', unit: 'người', group: 'Đảng viên' },
      {
        code: 'membersPercent',
        label: 'Tỷ lệ %',
        unit: '%',
        group: 'Đảng viên',
        percentOf: ['membersStudied', 'membersRequired']
      },
      { code: 'nonMemberAttendances', label: 'Số lượt dự', unit: 'lượt' }
    ],
    rows: [
      { unitId: 2, name: 'Chi bộ ấp 1', values: [3, 2, 66.67, 1250], source: 'own', both: false },
      {
        unitId: 3,
        name: 'Chi bộ ấp 2',
        values: own3 ? [2, 1, 50, 0] : [40, 39, 97.5, 12],
        source: own3 ? 'own' : 'received',
        both: true
      }
    ],
    total: {
      unitId: 1,
      name: 'Đảng ủy xã Tân Lập',
      values: own3 ? [5, 3, 60, 1250] : [43, 41, 95.35, 1262],
      source: 'own',
      both: false
    }
  }
}

export const annexOf = (useOwn: number[] = []): Annex => ({
  unit: {
    id: 1,
    name: 'Đảng ủy xã Tân Lập',
    level: 'Đảng ủy cơ sở',
    parentName: null,
    path: ['Đảng ủy xã Tân Lập']
  },
  period: PERIOD,
  tables: [study(useOwn)]
})

const offered = (): ReportDraft => ({
  narrative: { leadership: 'Văn bản năm 2025: Ban Thường vụ ban hành kế hoạch.' },
  updatedAt: null,
  startedFrom: 'năm 2025',
  suggestedNumber: '05-BC/ĐU'
})

export const tracker = (received = false): ReportTracker => ({
  period: PERIOD,
  rows: [
    { unitId: 2, name: 'Chi bộ ấp 1', received: null, late: false, ownData: true, nobody: false },
    {
      unitId: 3,
      name: 'Chi bộ ấp 2',
      received: received
        ? {
            id: 9,
            unitId: 3,
            unitName: 'Chi bộ ấp 2',
            periodKind: 'year',
            year: 2026,
            fileName: 'phu-luc-ap-2.xlsx',
            sourceName: 'Chi bộ ấp 2',
            receivedAt: '2026-11-20T02:00:00.000Z',
            replacedAt: null
          }
        : null,
      late: false,
      ownData: false,
      nobody: false
    }
  ],
  history: []
})

/** What reports:due says for the commune: the year report (set `kind` for the half-year's). */
export const dueOf = (kind: 'h1' | 'year' = 'year'): ReportDue => ({
  unit: { id: 1, name: 'Đảng ủy xã Tân Lập' },
  period:
    kind === 'year'
      ? PERIOD
      : {
          kind: 'h1',
          year: 2026,
          from: '2026-01-01',
          to: '2026-05-31',
          due: '2026-06-05',
          label: '6 tháng đầu năm 2026'
        },
  daysLeft: 10,
  notSent: [],
  nobody: [],
  gaps: [],
  issued: null
})

/** The fake api with the reports channels; `overrides` replace any of them. */
export function reportsApi(overrides: Parameters<typeof createFakeApi>[1] = {}) {
  let draft = offered()
  let received = false
  return createFakeApi(data(), {
    'app:getYear': () => ({ year: 2026 }),
    'reports:getPeriods': () => ({
      h1: { from: '01-01', to: '05-31', due: '06-05' },
      year: { from: '01-01', to: '11-30', due: '12-05' }
    }),
    'reports:due': () => dueOf(),
    'reports:duePeriod': () => dueOf().period,
    'reports:annex': (i) => annexOf(i.useOwn ?? []),
    'reports:getDraft': () => draft,
    'reports:saveDraft': (i) => {
      draft = {
        narrative: i.narrative,
        updatedAt: '2026-11-20T03:04:00.000Z',
        startedFrom: null,
        suggestedNumber: '05-BC/ĐU'
      }
      return draft
    },
    'reports:tracker': () => tracker(received),
    'reports:listIssued': () => [],
    'reports:receive': () => {
      received = true
      return tracker(true).rows[1].received!
    },
    ...overrides
  })
}

/** The app on Báo cáo over the fake, with its router (leaving the section is asked about). */
export async function openReports(overrides: Parameters<typeof reportsApi>[0] = {}) {
  const fake = reportsApi(overrides)
  installApi(fake.api)
  const router = createAppRouter(createMemoryHistory())
  await router.push('/reports')
  const wrapper = mountView(App, { plugins: [router] })
  await router.isReady()
  await flushPromises()
  await sleep(10)
  await flushPromises()
  return { ...fake, router, wrapper }
}
