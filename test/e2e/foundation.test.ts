// The whole stack in Chromium: build a unit tree and a person through the UI, find the person
// again by a diacritic-free search, back up the data, and look at every main screen.
import { describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { AppPage, PeoplePage, UnitsPage } from './pages/app-page'

const e2e = useApp()

describe('foundation, end to end', () => {
  it('opens on Tổng quan with the full navigation and no errors', async () => {
    const app = new AppPage(e2e.page)
    await app.byTestId('overview-units').waitFor()
    for (const label of [
      'Tổng quan',
      'Tổ chức đảng',
      'Đảng viên & cán bộ',
      'Chuyên đề & học tập',
      'Dữ liệu & sao lưu'
    ]) {
      await expect(e2e.page.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(
        true
      )
    }
    await screenshot(e2e.page, '01-tong-quan-trong')
    expect(e2e.errors).toEqual([])
  })

  it('creates a unit tree through the UI', async () => {
    const units = new UnitsPage(e2e.page)
    await units.go('units')
    await screenshot(e2e.page, '02-to-chuc-trong')
    await units.addRoot('Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở')
    await units.addChild('Đảng ủy xã Tân Lập', 'Chi bộ Ấp 3', 'Chi bộ')
    await units.addChild('Đảng ủy xã Tân Lập', 'Chi bộ Ấp 4', 'Chi bộ')
    await units.byTestId('units-node-Chi bộ Ấp 3').waitFor()
    const stored = await e2e.harness.core.dispatch('units:list', { includeRetired: false })
    expect(
      stored.ok && (stored.value as { name: string; parentId: number | null }[]).map((u) => u.name)
    ).toEqual(['Đảng ủy xã Tân Lập', 'Chi bộ Ấp 3', 'Chi bộ Ấp 4'])
    await units.select('Chi bộ Ấp 3')
    await units.byTestId('units-history').waitFor()
    await screenshot(e2e.page, '03-to-chuc-cay')
  })

  it('refuses a bad person form with Vietnamese messages', async () => {
    const people = new PeoplePage(e2e.page)
    await people.go('people')
    await people.selectUnit('Chi bộ Ấp 3')
    await people.openAddForm()
    await people.fillPerson({
      fullName: 'Trần Thị Bích',
      birthDate: '31/02/1980',
      partyCardNumber: '123'
    })
    await people.save()
    await e2e.page.getByText('Số thẻ đảng viên gồm 8 chữ số', { exact: false }).first().waitFor()
    await screenshot(e2e.page, '04-nguoi-loi-nhap')
    await people.byTestId('person-cancel').click()
    // What was typed is not thrown away without asking.
    await e2e.page.getByText('Bỏ các thay đổi chưa lưu?').waitFor()
    await e2e.page.locator('.el-message-box').getByRole('button', { name: 'Bỏ thay đổi' }).click()
    await people.byTestId('person-dialog').waitFor({ state: 'hidden' })
  })

  it('adds a person and finds them again without diacritics', async () => {
    const people = new PeoplePage(e2e.page)
    await people.openAddForm()
    await people.fillPerson({
      fullName: 'NGUYỄN VĂN DŨNG',
      gender: 'male',
      birthDate: '12/03/1980',
      partyCardNumber: '01234567'
    })
    await people.save()
    await people.byTestId('person-dialog').waitFor({ state: 'hidden' })
    await people.openAddForm()
    await people.fillPerson({ fullName: 'Đặng Thị Hoa', gender: 'female', birthDate: '1985' })
    await people.save()
    await people.byTestId('person-dialog').waitFor({ state: 'hidden' })
    await people.waitForTotal(2)
    // The tree's counts follow the change.
    await people.byTestId('people-units-node-Chi bộ Ấp 3').filter({ hasText: '2 người' }).waitFor()

    await people.byTestId('people-unit-all').click()
    await people.search('nguyen van dung')
    await people.waitForTotal(1)
    await expect(people.rows().first().innerText()).resolves.toContain('Nguyễn Văn Dũng')
    await expect(people.rows().first().innerText()).resolves.toContain('12/03/1980')
    await screenshot(e2e.page, '05-nguoi-tim-khong-dau')

    await people.search('dang')
    await people.rows().filter({ hasText: 'Đặng Thị Hoa' }).first().waitFor()
    await people.waitForTotal(1)
    await expect(people.rows().count()).resolves.toBe(1)

    await people.search('khong ai ten nay')
    await people.waitForTotal(0)
    await screenshot(e2e.page, '06-nguoi-khong-ket-qua')
    await people.search('')
    await people.waitForTotal(2)
    await screenshot(e2e.page, '07-nguoi-danh-sach')
  })

  it('makes a verified backup from Dữ liệu & sao lưu', async () => {
    const app = new AppPage(e2e.page)
    await app.go('data')
    await expect(app.byTestId('data-db-path').innerText()).resolves.toContain(e2e.harness.dataDir)
    await app.byTestId('backup-create').click()
    await e2e.page.locator('[data-testid^="backup-restore-sao-luu_"]').first().waitFor()
    const list = await e2e.harness.core.dispatch('backup:list', null)
    expect(list.ok && (list.value as unknown[]).length).toBe(1)
    await app.byTestId('db-check').click()
    await app.byTestId('db-check-result').waitFor()
    await screenshot(e2e.page, '08-du-lieu-sao-luu')
  })

  it('counts the people on Tổng quan', async () => {
    const app = new AppPage(e2e.page)
    await app.go('overview')
    await app.byTestId('overview-on-roll').waitFor()
    await e2e.page.waitForFunction(() =>
      document.querySelector('[data-testid="overview-on-roll"]')?.textContent?.includes('2')
    )
    await screenshot(e2e.page, '10-tong-quan')
    expect(e2e.errors).toEqual([])
  })
})
