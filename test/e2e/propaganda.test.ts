// Tuyên truyền end to end: the 2026 anniversaries with their ordinals, two activities recorded for
// two chi bộ (one from its anniversary, one with attendances only), a press work with the window
// warning, the counts rolled up, and the figures moving on Tổng quan.
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { PropagandaPage } from './pages/propaganda-page'
import { personInput } from '../helpers/core'

let app: PropagandaPage

const e2e = useApp(async (harness) => {
  // The spec reads 2026's anniversaries whatever day it runs.
  await harness.call('app:setYear', { year: 2026 })
  const committee = await harness.call('units:create', {
    parentId: null,
    name: 'Đảng ủy xã Tân Lập',
    level: 'Đảng ủy cơ sở'
  })
  const cellA = await harness.call('units:create', {
    parentId: committee.id,
    name: 'Chi bộ ấp 1',
    level: 'Chi bộ'
  })
  await harness.call('units:create', {
    parentId: committee.id,
    name: 'Chi bộ ấp 2',
    level: 'Chi bộ'
  })
  await harness.call(
    'people:create',
    personInput(cellA.id, { fullName: 'Nguyễn Văn An', partyCardNumber: '01000001' })
  )
})

beforeAll(() => {
  app = new PropagandaPage(e2e.page)
})

describe('propaganda, end to end', () => {
  it('shows Tuyên truyền on Tổng quan with nothing recorded yet', async () => {
    await app.byTestId('overview-propaganda').waitFor()
    await app.waitText('overview-propaganda-activities', '0')
    await app.byTestId('overview-propaganda-empty').waitFor()
    await app.byTestId('overview-propaganda').scrollIntoViewIfNeeded()
    await screenshot(e2e.page, 'propaganda-01-tong-quan-truoc')
  })

  it("lists 2026's anniversaries with their ordinals and the round ones marked", async () => {
    await app.go('propaganda')
    await app.waitText(
      'anniversary-table',
      'Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026)'
    )
    await app.waitText(
      'anniversary-table',
      'Kỷ niệm 80 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi toàn quốc kháng chiến'
    )
    await app.waitText('anniversary-summary', 'Năm 2026 có 11 ngày kỷ niệm, trong đó 2 năm chẵn')
    expect(await app.page.locator('[data-testid^="anniversary-round-"]').count()).toBe(2)
    await screenshot(e2e.page, 'propaganda-02-ngay-ky-niem')
  })

  it('records an activity for the birthday from its row, for Chi bộ ấp 1', async () => {
    const row = app.page.locator('[data-testid="anniversary-table"] tr', {
      hasText: 'Kỷ niệm 136 năm'
    })
    await row.locator('[data-testid^="anniversary-record-"]').click()
    await app.byTestId('activity-dialog').waitFor()
    await app.choose('activity-kind', 'Hội nghị, tọa đàm')
    await app.input('activity-starts').fill('19/05/2026')
    await app.choose('activity-unit', 'Chi bộ ấp 1')
    await app.input('activity-title').fill('Tọa đàm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh')
    await app.count('activity-points', 2)
    await app.count('activity-members', 30)
    await app.count('activity-non-members', 12)
    await app.count('activity-news', 2)
    await screenshot(e2e.page, 'propaganda-03-form-hoat-dong')
    await app.byTestId('activity-save').click()
    expect(await app.saved('activity-dialog')).toContain('Đã lưu hoạt động tuyên truyền')
    await app.waitText('activity-table', 'Chi bộ ấp 1')
    await app.waitText('activity-table', 'Kỷ niệm: Ngày sinh Chủ tịch Hồ Chí Minh')
  })

  it('records panels for Chi bộ ấp 2, counted in attendances apart from people', async () => {
    await app.byTestId('activity-add').click()
    await app.byTestId('activity-dialog').waitFor()
    await app.choose('activity-kind', 'Pano, áp phích, băng rôn')
    await app.input('activity-starts').fill('01/09/2026')
    await app.input('activity-ends').fill('05/09/2026')
    await app.choose('activity-unit', 'Chi bộ ấp 2')
    await app.count('activity-attendances', 500)
    await app.page.getByText('Thêm phóng sự, pano').click()
    await app.count('activity-panels', 4)
    await app.byTestId('activity-save').click()
    await app.saved('activity-dialog')
    await app.waitText(
      'activity-totals',
      '2 hoạt động · 2 điểm cầu · 30 đảng viên, 12 quần chúng · 500 lượt người · 6 sản phẩm'
    )
    await screenshot(e2e.page, 'propaganda-04-danh-sach-hoat-dong')
    // The filter by unit takes the unit's subtree: Chi bộ ấp 2 alone shows its one activity.
    await app.choose('activity-filter-unit', 'Chi bộ ấp 2')
    await app.waitText('activity-totals', '1 hoạt động')
    await app.choose('activity-filter-unit', 'Toàn bộ tổ chức')
    await app.waitText('activity-totals', '2 hoạt động')
  })

  it('adds a press work by a member on file, warned while its date is outside the award window', async () => {
    await app.tab('Giải báo chí')
    await app.byTestId('press-empty').waitFor()
    await app.byTestId('press-add').click()
    await app.byTestId('press-dialog').waitFor()
    await app.input('press-title').fill('Chi bộ ấp 1 làm theo Bác: con đường nở hoa')
    await app.input('press-author-0').fill('Nguyễn Văn')
    await app.page
      .locator('.el-autocomplete-suggestion li:visible', { hasText: 'Nguyễn Văn An' })
      .first()
      .click()
    await app.waitText('press-author-kind-0', 'Trong danh sách')
    await app.input('press-outlet').fill('Báo Tây Ninh')
    await app.input('press-date').fill('15/11/2024')
    await app.waitText(
      'press-warning',
      'ngoài thời gian xét giải năm 2026 (1/11/2025 – 31/10/2026)'
    )
    await app.choose('press-unit', 'Chi bộ ấp 1')
    await screenshot(e2e.page, 'propaganda-05-form-tac-pham-canh-bao')
    await app.input('press-date').fill('10/03/2026')
    await app.byTestId('press-warning').waitFor({ state: 'detached' })
    await app.byTestId('press-save').click()
    await app.saved('press-dialog')
    await app.waitText('press-table', 'Nguyễn Văn An')
    await app.waitText('press-summary', '1 tác phẩm, 0 đạt giải')
    await screenshot(e2e.page, 'propaganda-06-giai-bao-chi')
  })

  it('counts per unit rolled up the tree', async () => {
    await app.tab('Thống kê')
    await app.byTestId('counts-row-Đảng ủy xã Tân Lập').waitFor()
    const top = app.page.locator('[data-testid="counts-table"] .el-table__body tr').first()
    await expect(top.innerText()).resolves.toMatch(
      /Đảng ủy xã Tân Lập\s+2\s+2\s+30\s+12\s+500\s+2\s+0\s+0\s+4\s+1\s+0/
    )
    await screenshot(e2e.page, 'propaganda-07-thong-ke')
    await app.choose('counts-period-kind', '6 tháng đầu năm')
    await expect
      .poll(() => top.innerText())
      .toMatch(/Đảng ủy xã Tân Lập\s+1\s+2\s+30\s+12\s+0\s+2\s+0\s+0\s+0\s+1\s+0/)
  })

  it('shows the new figures on Tổng quan', async () => {
    await app.go('overview')
    await app.waitText('overview-propaganda-activities', '2')
    await app.waitText('overview-propaganda-works', '1')
    await app.waitText('overview-propaganda-counts', '500 lượt người')
    await app.byTestId('overview-propaganda').scrollIntoViewIfNeeded()
    await screenshot(e2e.page, 'propaganda-08-tong-quan-sau')
    expect(e2e.errors).toEqual([])
  })
})
