// Kiểm tra, giám sát end to end: plan two inspections, start one from the plan, carry it to its
// conclusion with two recommendations, mark one done, and see the late one on Tổng quan.
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { InspectionsPage } from './pages/inspections-page'

let app: InspectionsPage

const e2e = useApp(async (harness) => {
  // The dates below are in 2026 and before today: the working year is set to it.
  await harness.call('app:setYear', { year: 2026 })
  const committee = await harness.call('units:create', {
    parentId: null,
    name: 'Đảng ủy xã Tân Lập',
    level: 'Đảng ủy cơ sở'
  })
  for (const name of ['Chi bộ ấp 1', 'Chi bộ ấp 2'])
    await harness.call('units:create', { parentId: committee.id, name, level: 'Chi bộ' })
})

beforeAll(() => {
  app = new InspectionsPage(e2e.page)
})

describe('inspections, end to end', () => {
  it('plans two inspections for the year', async () => {
    await app.go('inspection')
    await app.waitText('plan-table', 'Chưa có mục nào trong kế hoạch kiểm tra, giám sát năm 2026')
    await screenshot(e2e.page, 'kiem-tra-01-ke-hoach-trong')
    await app.addPlanItem({
      kind: 'Kiểm tra',
      content: 'Việc thực hiện Chuyên đề năm 2026 ở chi bộ',
      targets: ['Chi bộ ấp 1'],
      unit: 'Đảng ủy xã Tân Lập',
      quarter: 3
    })
    await app.addPlanItem({
      kind: 'Giám sát',
      content: 'Việc đăng ký làm theo của đảng viên',
      targets: ['Chi bộ ấp 2'],
      unit: 'Đảng ủy xã Tân Lập',
      quarter: 4
    })
    await app.waitText('plan-table', 'Việc đăng ký làm theo của đảng viên')
    await app.waitText('plan-table', 'Chậm so với kế hoạch')
    expect(await app.page.locator('[data-testid="plan-table"] tr.el-table__row').count()).toBe(2)
    await screenshot(e2e.page, 'kiem-tra-02-ke-hoach')
  })

  it('starts the first from the plan and carries it to its conclusion with two recommendations', async () => {
    await app.page.locator('[data-testid^="plan-start-"]').first().click()
    await app.input('inspection-form-decision').fill('05-QĐ/ĐU')
    await app.input('inspection-form-decision-date').fill('02/09/2026')
    await app.input('inspection-form-from').fill('07/09/2026')
    await app.input('inspection-form-to').fill('11/09/2026')
    await app.input('inspection-form-member-0').fill('Trần Văn Bình')
    await screenshot(e2e.page, 'kiem-tra-03-cuoc-kiem-tra')
    await app.byTestId('inspection-form-save').click()
    await app.waitText('inspection-status', 'Đã lên kế hoạch')

    await app.nextStep('Đã thông báo')
    await app.nextStep('Đã nhận báo cáo tự kiểm tra')
    await app.nextStep('Đoàn đang làm việc')
    await app.nextStep('Đã thông qua kết quả')
    // The conclusion step needs the notice: refused first, with what to do.
    await app.byTestId('inspection-next').click()
    await app.waitMessage('Thông báo kết luận')
    await app.choose('document-kind', 'Thông báo kết luận')
    await app.input('document-number').fill('12-TB/ĐU')
    await app.input('document-date').fill('20/09/2026')
    await app.byTestId('document-add').click()
    await app.waitText('inspection-documents', 'Thông báo kết luận số 12-TB/ĐU')
    await app.nextStep('Đã ban hành thông báo kết luận')

    for (const [unit, text, due] of [
      ['Chi bộ ấp 1', 'Bổ sung kế hoạch làm theo của chi bộ', '31/10/2026'],
      ['Chi bộ ấp 1', 'Hoàn thiện sổ theo dõi cam kết', '30/11/2026']
    ]) {
      await app.choose('recommendation-unit', unit)
      await app.input('recommendation-text').fill(text)
      await app.input('recommendation-due').fill(due)
      await app.byTestId('recommendation-add').click()
      await app.waitText('inspection-recommendations', text)
    }
    await screenshot(e2e.page, 'kiem-tra-04-ket-luan')
    await app.page.keyboard.press('Escape')
  })

  it('marks one recommendation done and sees the late one on Tổng quan', async () => {
    await app.tab('Kiến nghị')
    await app.waitText('recommendations-table', 'Bổ sung kế hoạch làm theo của chi bộ')
    expect(
      await app.page.locator('[data-testid="recommendations-table"] tr.late-row').count()
    ).toBe(2)
    await screenshot(e2e.page, 'kiem-tra-05-kien-nghi-qua-han')
    await app.page
      .locator('[data-testid="recommendations-table"] tr', { hasText: 'Bổ sung kế hoạch' })
      .locator('[data-testid^="recommendation-done-"]')
      .click()
    await app.input('done-form-date').fill('25/10/2026')
    await app.input('done-form-note').fill('Đã ban hành kế hoạch bổ sung số 09-KH/CB')
    await app.byTestId('done-form-save').click()
    await app.waitText('recommendations-table', 'Đã ban hành kế hoạch bổ sung số 09-KH/CB')
    expect(
      await app.page.locator('[data-testid="recommendations-table"] tr.late-row').count()
    ).toBe(1)
    await screenshot(e2e.page, 'kiem-tra-06-da-thuc-hien')

    await app.go('overview')
    await app.waitText('overview-inspections', 'Hoàn thiện sổ theo dõi cam kết')
    const card = await app.byTestId('overview-inspections').innerText()
    expect(card).toContain('30/11/2026')
    expect(card).not.toContain('Bổ sung kế hoạch làm theo')
    await app.byTestId('overview-inspections').scrollIntoViewIfNeeded()
    await screenshot(e2e.page, 'kiem-tra-07-tong-quan')
  })
})
