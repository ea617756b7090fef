// Thi đua & điển hình end to end: record a model and an individual exemplar for a chi bộ, export
// the chi bộ's proposal list (through the save dialog seam), reward both with one decision (the
// warning of a form beyond the issuer's power shown, then gone with the right issuer), and see
// the counts on Tổng quan.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { ExemplarsPage } from './pages/exemplars-page'
import { personInput } from '../helpers/core'
import { cellText } from '../helpers/workbook'

let app: ExemplarsPage

const e2e = useApp(async (harness) => {
  await harness.call('app:setYear', { year: 2025 })
  const committee = await harness.call('units:create', {
    parentId: null,
    name: 'Đảng ủy xã Tân Lập',
    level: 'Đảng ủy cơ sở'
  })
  const cell = await harness.call('units:create', {
    parentId: committee.id,
    name: 'Chi bộ ấp 1',
    level: 'Chi bộ'
  })
  await harness.call(
    'people:create',
    personInput(cell.id, { fullName: 'Nguyễn Văn An', position: 'Bí thư chi bộ' })
  )
  await harness.call('people:create', personInput(cell.id, { fullName: 'Trần Thị Bình' }))
})

beforeAll(() => {
  app = new ExemplarsPage(e2e.page)
})

describe('exemplars, end to end', () => {
  it('opens the section on an empty register that says what to do', async () => {
    await app.go('emulation')
    await app.waitText('register-table', 'Chưa có điển hình, mô hình nào năm 2025')
    await screenshot(e2e.page, 'exemplars-01-trong')
  })

  it('records a model and an individual exemplar for the chi bộ', async () => {
    await app.recordModel({
      name: 'Tuyến đường nở hoa, thắp sáng đường quê',
      unit: 'Chi bộ ấp 1',
      achievement: 'Trồng 2 km hoa, lắp 40 bóng đèn chiếu sáng do nhân dân đóng góp',
      form: 'Giấy khen'
    })
    await app.recordPerson({
      search: 'nguyen van an',
      name: 'Nguyễn Văn An',
      achievement: 'Vận động nhân dân hiến 2.000 m² đất mở rộng đường liên ấp',
      form: 'Giấy khen'
    })
    await app.byTestId('register-row-Nguyễn Văn An').waitFor()
    await app.byTestId('register-row-Tuyến đường nở hoa, thắp sáng đường quê').waitFor()
    expect(await app.byTestId('register-status-Nguyễn Văn An').innerText()).toBe('Đề xuất')
    // Diacritic-free search narrows the register.
    await app.input('register-search').fill('duong no hoa')
    await app.page
      .locator('[data-testid="register-row-Nguyễn Văn An"]')
      .waitFor({ state: 'detached' })
    await app.input('register-search').fill('')
    await app.byTestId('register-row-Nguyễn Văn An').waitFor()
    await screenshot(e2e.page, 'exemplars-02-danh-sach')
  })

  it('exports the chi bộ’s proposal list with the form asked for', async () => {
    await app.choose('register-unit', 'Chi bộ ấp 1')
    await app.input('register-place').fill('Tân Lập')
    const out = join(e2e.harness.dataDir, 'de-nghi.xlsx')
    e2e.harness.dialogs.save.push(out)
    await app.byTestId('register-export').click()
    await e2e.page
      .locator('.el-message', { hasText: 'Đã lưu danh sách đề nghị khen thưởng (2 dòng)' })
      .waitFor()
    expect(existsSync(out)).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const rows: string[][] = []
    wb.worksheets[0].eachRow((r) =>
      rows.push((r.values as ExcelJS.CellValue[]).slice(1).map(cellText))
    )
    const an = rows.find((r) => r[1] === 'Nguyễn Văn An')!
    expect(an.slice(2, 5)).toEqual([
      'Bí thư chi bộ, Chi bộ ấp 1',
      'Vận động nhân dân hiến 2.000 m² đất mở rộng đường liên ấp',
      'Giấy khen'
    ])
    expect(rows.some((r) => r[1] === 'Tuyến đường nở hoa, thắp sáng đường quê')).toBe(true)
    await screenshot(e2e.page, 'exemplars-03-loc-chi-bo')
  })

  it('rewards both with one decision; the power warning shows and never blocks', async () => {
    await e2e.page.locator('[data-testid="register-table"] thead .el-checkbox').click()
    await app.byTestId('register-reward').click()
    await app.byTestId('award-dialog').waitFor()
    // The cursor waits in the first field once the year's exemplars are read (issue #12).
    await expect
      .poll(() => e2e.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('award-number')
    await app.input('award-number').fill('45-QĐ/ĐU')
    await app.input('award-date').fill('19/05/2025')
    await app.choose('award-issuer', 'Chi bộ ấp 1')
    await app.waitText('award-warnings', 'vượt thẩm quyền')
    await app.byTestId('award-citations').locator('textarea').first().waitFor()
    await screenshot(e2e.page, 'exemplars-04-canh-bao-tham-quyen')
    await app.choose('award-issuer', 'Đảng ủy xã Tân Lập')
    await app.byTestId('award-warnings').waitFor({ state: 'detached' })
    // Escape with what was typed asks first, and "Tiếp tục sửa" keeps it; Enter saves.
    await app.input('award-number').focus()
    await e2e.page.keyboard.press('Escape')
    const ask = e2e.page.locator('.el-message-box', { hasText: 'Bỏ các thay đổi chưa lưu?' })
    await ask.waitFor()
    await ask.locator('button', { hasText: 'Tiếp tục sửa' }).click()
    await ask.waitFor({ state: 'hidden' })
    await app.input('award-number').press('Enter')
    await e2e.page.locator('.el-message', { hasText: 'Đã lưu quyết định 45-QĐ/ĐU' }).waitFor()
    await app.waitText('register-status-Nguyễn Văn An', 'Được biểu dương, khen thưởng')
    const awards = await e2e.harness.call('exemplars:listAwards', { year: 2025, unitId: null })
    expect(awards).toHaveLength(1)
    expect(awards[0].recipients.map((r) => r.displayName).sort()).toEqual([
      'Nguyễn Văn An',
      'Tuyến đường nở hoa, thắp sáng đường quê'
    ])
    await app.tab('Khen thưởng')
    await app.waitText('awards-table', '45-QĐ/ĐU')
    await e2e.page.locator('[data-testid="awards-table"] .el-table__expand-icon').first().click()
    await screenshot(e2e.page, 'exemplars-05-khen-thuong')
    await app.tab('Thống kê')
    await app.waitText('counts-table', 'Chi bộ ấp 1')
    await app.waitText('counts-by-level', 'Đảng ủy cơ sở')
    await screenshot(e2e.page, 'exemplars-06-thong-ke')
  })

  it('sees the counts on Tổng quan', async () => {
    await app.go('overview')
    await app.waitText('overview-exemplars-count', '1')
    await app.waitText('overview-exemplars-models', '1')
    await app.waitText('overview-exemplars-rewards', '2')
    await app.waitText('overview-exemplars-rewarded', '2')
    await app.byTestId('overview-exemplars').scrollIntoViewIfNeeded()
    await screenshot(e2e.page, 'exemplars-07-tong-quan')
    expect(e2e.errors).toEqual([])
  })
})
