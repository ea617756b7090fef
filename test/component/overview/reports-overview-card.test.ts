// The Báo cáo card of Tổng quan over a fake api: the next report with its due date and the days
// left or overdue, the sub-units that have not sent (a few named, the rest counted), the parts
// with no records, the issued version instead of the days, the empty file, and the link that
// opens the Báo cáo page.
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { ReportDue } from '@shared/api'
import ReportsOverviewCard from '@renderer/components/overview/ReportsOverviewCard.vue'
import { createFakeApi } from '../fake-api'
import { byTestId, click, installApi, mountView, sectionsRouter } from '../helpers'

const communes = [
  'Đảng bộ xã An Hòa',
  'Đảng bộ xã Bình Minh',
  'Đảng bộ xã Cẩm Giang',
  'Đảng bộ xã Đồng Khởi',
  'Đảng bộ xã Gia Lộc',
  'Đảng bộ xã Hảo Đước',
  'Đảng bộ xã Long Thành Bắc',
  'Đảng bộ phường Ninh Sơn'
]

function dueOf(over: Partial<ReportDue> = {}): ReportDue {
  return {
    unit: { id: 1, name: 'Đảng bộ tỉnh Tây Ninh' },
    period: {
      kind: 'h1',
      year: 2026,
      from: '2026-01-01',
      to: '2026-05-31',
      due: '2026-06-05',
      label: '6 tháng đầu năm 2026'
    },
    daysLeft: 56,
    notSent: communes.map((name, i) => ({ unitId: i + 2, name })),
    nobody: [],
    gaps: [
      {
        table: 'exemplars',
        title: 'Mô hình, điển hình và khen thưởng',
        missing: 'Chưa ghi mô hình, điển hình hay khen thưởng nào trong năm.'
      },
      {
        table: 'inspections',
        title: 'Kiểm tra, giám sát việc thực hiện chuyên đề',
        missing: 'Chưa có cuộc kiểm tra, giám sát nào được kết luận trong kỳ.'
      }
    ],
    issued: null,
    ...over
  }
}

async function mountWith(due: ReportDue | null) {
  const fake = createFakeApi({ units: [], people: [], backups: [] }, { 'reports:due': () => due })
  installApi(fake.api)
  const router = sectionsRouter()
  const wrapper = mountView(ReportsOverviewCard, { plugins: [router] })
  await flushPromises()
  return { fake, router, wrapper }
}

const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? null

afterEach(() => {
  document.body.innerHTML = ''
})

describe('ReportsOverviewCard', () => {
  it('shows the next report, the days left and what it lacks, and opens the Báo cáo page', async () => {
    const { fake, router, wrapper } = await mountWith(dueOf())
    expect(fake.callsTo('reports:due')).toEqual([{}])
    expect(text('overview-reports')).toContain('Báo cáo 6 tháng đầu năm 2026')
    expect(text('overview-reports-due')).toContain('Đảng bộ tỉnh Tây Ninh · hạn gửi 05/06/2026')
    expect(text('overview-reports-days')).toBe('còn 56 ngày')
    expect(text('overview-reports-issued')).toBe('Chưa ban hành báo cáo kỳ này.')
    const notSent = text('overview-reports-not-sent')!
    expect(notSent).toContain('Chưa nhận phụ lục của 8 đơn vị trực thuộc')
    expect(notSent).toContain('Đảng bộ xã Hảo Đước')
    // Six named, the other two counted.
    expect(notSent).not.toContain('Long Thành Bắc')
    expect(notSent).toContain('và 2 đơn vị khác')
    expect(text('overview-reports-gaps')).toContain(
      'Chưa có cuộc kiểm tra, giám sát nào được kết luận trong kỳ.'
    )
    expect(byTestId('overview-reports-complete')).toBeNull()

    await click('overview-reports-link')
    await router.isReady()
    expect(router.currentRoute.value.name).toBe('reports')
    wrapper.unmount()
  })

  it('says how long a report is overdue, and shows the issued version instead', async () => {
    let m = await mountWith(dueOf({ daysLeft: -5 }))
    expect(byTestId('overview-reports-days')!.textContent).toBe('quá hạn 5 ngày')
    expect(byTestId('overview-reports-days')!.className).toContain('el-tag--danger')
    m.wrapper.unmount()
    document.body.innerHTML = ''

    m = await mountWith(
      dueOf({
        notSent: [],
        gaps: [],
        issued: {
          id: 4,
          unitId: 1,
          unitName: 'Đảng bộ tỉnh Tây Ninh',
          periodLabel: '6 tháng đầu năm 2026',
          version: 2,
          number: '12-BC/TU',
          issuedOn: '2026-06-03',
          createdAt: '2026-06-03T02:00:00.000Z',
          place: 'Tây Ninh'
        }
      })
    )
    expect(byTestId('overview-reports-days')).toBeNull()
    expect(text('overview-reports-issued')).toContain('Đã ban hành')
    expect(text('overview-reports-issued')).toContain('Số 12-BC/TU ngày 03/06/2026 (lần 2)')
    expect(text('overview-reports-complete')).toBe(
      'Đã nhận đủ phụ lục của các đơn vị trực thuộc; các phần của báo cáo đều có số liệu.'
    )
    expect(byTestId('overview-reports-not-sent')).toBeNull()
    m.wrapper.unmount()
  })

  it('names the sub-units kept here with nobody imported yet, apart from those not sent', async () => {
    const m = await mountWith(
      dueOf({
        notSent: [],
        gaps: [],
        nobody: [{ unitId: 12, name: 'Chi bộ ấp Mới' }]
      })
    )
    expect(byTestId('overview-reports-not-sent')).toBeNull()
    expect(text('overview-reports-nobody')).toBe(
      'Chưa có người trong tệp dữ liệu (1 đơn vị trực thuộc, dòng của đơn vị trong báo cáo sẽ trống) Chi bộ ấp Mới'
    )
    // Not complete while a row of the report is sure to be empty.
    expect(byTestId('overview-reports-complete')).toBeNull()
    m.wrapper.unmount()
  })

  it('says what to do first when there is no unit yet', async () => {
    const { wrapper } = await mountWith(null)
    expect(text('overview-reports-empty')).toBe(
      'Chưa có đơn vị nào: hãy tạo cây tổ chức ở mục "Tổ chức đảng" trước khi lập báo cáo.'
    )
    expect(text('overview-reports')).toContain('Báo cáo sắp tới')
    wrapper.unmount()
  })
})
