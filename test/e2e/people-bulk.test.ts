// Bulk actions in the people list, end to end: tick people and move them to another unit (a
// confirmation says how many and where), select everyone the filter finds and change their
// status from a day, export the list as filtered to .xlsx.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { PeoplePage } from './pages/app-page'
import { personInput } from '../helpers/core'

let app: PeoplePage
const ids: Record<string, number> = {}

const e2e = useApp(async (harness) => {
  await harness.call('app:setYear', { year: 2024 })
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
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Võ Văn Em']
  for (const [i, fullName] of names.entries())
    ids[fullName] = (
      await harness.call(
        'people:create',
        personInput(cellA.id, { fullName, partyCardNumber: `0100000${i}` })
      )
    ).id
})

beforeAll(() => {
  app = new PeoplePage(e2e.page)
})

const row = (name: string) => app.rows().filter({ hasText: name })
const confirmBox = () => e2e.page.locator('.el-message-box:visible')
const personOf = (name: string) => e2e.harness.call('people:get', { id: ids[name] })

describe('people list: bulk actions, end to end', () => {
  it('moves the ticked people to another unit after a confirmation that says how many and where', async () => {
    await app.go('people')
    await app.selectUnit('Chi bộ ấp 1')
    await app.waitForTotal(5)
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình'])
      await row(name).locator('[data-testid="people-row-check"]').click()
    await app.waitText('people-selected', 'Đã chọn 2 người')
    await screenshot(e2e.page, 'hang-loat-01-da-chon')
    await app.byTestId('people-bulk-move').click()
    await app.byTestId('bulk-move-dialog').waitFor()
    await app.byTestId('bulk-move-unit').click()
    await e2e.page
      .locator('.el-select-dropdown__item:visible', { hasText: 'Chi bộ ấp 2' })
      .first()
      .click()
    await app.byTestId('bulk-move-save').click()
    await confirmBox().waitFor()
    expect(await confirmBox().innerText()).toContain('Chuyển 2 người sang "Chi bộ ấp 2"?')
    await screenshot(e2e.page, 'hang-loat-02-xac-nhan-chuyen')
    await confirmBox().getByRole('button', { name: 'Chuyển' }).click()
    await expect
      .poll(() => app.messageText(), { timeout: 10_000 })
      .toContain('Đã chuyển 2 người sang Chi bộ ấp 2.')
    await app.waitForTotal(3)
    expect((await personOf('Nguyễn Văn An')).unitName).toBe('Chi bộ ấp 2')
    expect((await personOf('Trần Thị Bình')).unitName).toBe('Chi bộ ấp 2')
    expect((await personOf('Lê Văn Cường')).unitName).toBe('Chi bộ ấp 1')
    expect(
      readdirSync(e2e.harness.core.ctx.backupDir).some((f) => f.includes('_truoc-sua-hang-loat'))
    ).toBe(true)
    // The selection went with the change.
    await app.byTestId('people-bulk-bar').waitFor({ state: 'hidden' })
  })

  it('changes the status of everyone the filter finds, from the day given', async () => {
    await app.byTestId('people-check-all').click()
    await app.waitText('people-selected', 'Đã chọn tất cả 3 người theo bộ lọc')
    await app.byTestId('people-bulk-status').click()
    await app.byTestId('bulk-status-dialog').waitFor()
    await app.byTestId('bulk-status-select').click()
    await app.pickOption('Sinh hoạt tạm thời')
    await app.input('bulk-status-since').fill('15/03/2024')
    await app.input('bulk-status-note').fill('Theo Quyết định số 12-QĐ/ĐU')
    await screenshot(e2e.page, 'hang-loat-03-doi-trang-thai')
    await app.byTestId('bulk-status-save').click()
    await confirmBox().waitFor()
    expect(await confirmBox().innerText()).toContain(
      'Chuyển 3 người sang trạng thái "Sinh hoạt tạm thời" từ ngày 15/03/2024?'
    )
    await confirmBox().getByRole('button', { name: 'Đổi trạng thái' }).click()
    await expect
      .poll(() => app.messageText(), { timeout: 10_000 })
      .toContain('Đã đổi trạng thái 3 người.')
    for (const name of ['Lê Văn Cường', 'Phạm Thị Dung', 'Võ Văn Em']) {
      const p = await personOf(name)
      expect([p.status, p.statusSince]).toEqual(['temporary', '2024-03-15'])
    }
    expect((await personOf('Nguyễn Văn An')).status).toBe('active')
    await row('Võ Văn Em').getByText('Sinh hoạt tạm thời').waitFor()
    await screenshot(e2e.page, 'hang-loat-04-sau-doi-trang-thai')
  })

  it('exports the list as filtered to .xlsx, the same people in the same order', async () => {
    await app.byTestId('people-unit-all').click()
    await app.search('van')
    await app.waitForTotal(3)
    const path = join(tempDir('cd05-e2e-export-'), 'danh-sach.xlsx')
    e2e.harness.dialogs.save.push(path)
    await app.byTestId('people-export').click()
    // The previous step's message may still be shown: wait for this one.
    await expect
      .poll(() => app.messageText(), { timeout: 10_000 })
      .toContain(`Đã lưu danh sách 3 người vào ${path}.`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path)
    const names: string[] = []
    wb.worksheets[0].eachRow((r) => {
      const v = String(r.getCell(2).value ?? '')
      if (/^\d+$/.test(String(r.getCell(1).value)) && v.includes('Văn')) names.push(v)
    })
    const shown = await app.rows().locator('.el-table-v2__row-cell:nth-child(3)').allInnerTexts()
    expect(names).toEqual(shown.map((s) => s.trim()))
    expect(names).toEqual(['Nguyễn Văn An', 'Lê Văn Cường', 'Võ Văn Em'])
    await screenshot(e2e.page, 'hang-loat-05-xuat-excel')
    expect(e2e.errors).toEqual([])
  })
})
