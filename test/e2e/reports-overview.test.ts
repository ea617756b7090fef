// Tổng quan's Báo cáo card in Chromium: a province whose communes keep their own files (none has
// sent its annex) and one study session in the half-year; the card names the next report, its
// due date, the communes not sent and the parts with no records, and its link opens Báo cáo.
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { AppPage } from './pages/app-page'

let app: AppPage

const e2e = useApp(async (harness) => {
  const top = await harness.call('units:create', {
    parentId: null,
    name: 'Đảng bộ tỉnh Tây Ninh',
    level: 'Tỉnh ủy'
  })
  for (const name of ['Đảng bộ xã An Hòa', 'Đảng bộ xã Bình Minh', 'Đảng bộ xã Cẩm Giang'])
    await harness.call('units:create', { parentId: top.id, name, level: 'Đảng ủy cơ sở' })
})

beforeAll(() => {
  app = new AppPage(e2e.page)
})

describe('the next report on Tổng quan', () => {
  it('names the report, its due date and what it lacks, and opens Báo cáo', async () => {
    const card = app.byTestId('overview-reports')
    await card.waitFor()
    await app.waitText('overview-reports-due', 'Đảng bộ tỉnh Tây Ninh · hạn gửi')
    const text = (await card.innerText()).replace(/\s+/g, ' ')
    expect(text).toMatch(/Báo cáo (6 tháng đầu năm|năm) \d{4}/)
    expect(text).toContain('Chưa nhận phụ lục của 3 đơn vị trực thuộc')
    expect(text).toContain('Đảng bộ xã Cẩm Giang')
    expect(text).toContain('Chưa ghi buổi học tập chuyên đề nào trong kỳ.')
    await card.scrollIntoViewIfNeeded()
    await screenshot(e2e.page, 'reports-overview-01-the-tong-quan')
    await app.byTestId('overview-reports-link').click()
    await e2e.page.waitForFunction(() => location.hash.startsWith('#/reports'))
  })
})
