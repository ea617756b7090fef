// Cam kết end to end: make a chi bộ's commitments in bulk from its template, edit one person's,
// record a review with a praise and a reminder, see the trail, export one as a party document.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { CommitmentsPage } from './pages/commitments-page'
import { personInput } from '../helpers/core'

let app: CommitmentsPage
const ids: Record<string, number> = {}

const e2e = useApp(async (harness) => {
  // A new file starts on this year; this suite's data is 2024's.
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
  const cellB = await harness.call('units:create', {
    parentId: committee.id,
    name: 'Chi bộ ấp 2',
    level: 'Chi bộ'
  })
  const add = async (
    unitId: number,
    fullName: string,
    extra: Parameters<typeof personInput>[1] = {}
  ) => {
    ids[fullName] = (
      await harness.call('people:create', personInput(unitId, { fullName, ...extra }))
    ).id
  }
  await add(cellA.id, 'Nguyễn Văn An', {
    partyCardNumber: '01000001',
    birthDate: '1975-04-12',
    position: 'Bí thư chi bộ'
  })
  await add(cellA.id, 'Trần Thị Bình', { partyCardNumber: '01000002', position: 'Trưởng ấp' })
  await add(cellA.id, 'Lê Văn Cường', { partyCardNumber: '01000003' })
  await add(cellA.id, 'Phạm Thị Dung', { partyCardNumber: '01000004' })
  await add(cellA.id, 'Đặng Văn Hùng', {
    kind: 'non_member',
    role: 'Công chức',
    position: 'Công chức văn hóa xã'
  })
  await add(cellA.id, 'Võ Văn Miễn', { partyCardNumber: '01000005' })
  await add(cellA.id, 'Hồ Văn Đi', { partyCardNumber: '01000006' })
  await add(cellB.id, 'Bùi Văn Khánh', { partyCardNumber: '02000001' })
  await harness.call('people:setStatus', {
    id: ids['Võ Văn Miễn'],
    status: 'exempt',
    since: '2023-06-01'
  })
  await harness.call('people:setStatus', {
    id: ids['Hồ Văn Đi'],
    status: 'transferred',
    since: '2024-01-10'
  })
})

beforeAll(() => {
  app = new CommitmentsPage(e2e.page)
})

describe('commitments, end to end', () => {
  it('shows who must make a commitment, per unit, and a chi bộ’s people not made yet', async () => {
    await app.go('commitments')
    await app.waitText('commitments-status', 'Chi bộ ấp 1')
    await screenshot(e2e.page, 'cam-ket-01-tinh-hinh')
    await app.selectUnit('Chi bộ ấp 1')
    await app.waitText('commitments-missing', '5')
    expect(await app.byTestId('commitment-state-Võ Văn Miễn').innerText()).toContain(
      'Không phải lập'
    )
    expect(await app.byTestId('commitment-row-Hồ Văn Đi').count()).toBe(0)
    await screenshot(e2e.page, 'cam-ket-02-chua-lap')
  })

  it('edits the unit’s template and makes the commitments in bulk from it', async () => {
    await app.byTestId('commitments-template').click()
    await app
      .byTestId('template-dialog')
      .locator('[data-testid="template-items-content-4"]')
      .waitFor()
    await app.waitText('template-source', 'mẫu gợi ý có sẵn')
    await app.input('template-items-deadline-4').fill('Quý IV/2024')
    await app.byTestId('template-items-add-breakthrough').click()
    await app
      .input('template-items-content-5')
      .fill('Mỗi đảng viên vận động 5 hộ dân dùng điện tiết kiệm')
    await app.input('template-items-expected-5').fill('Giảm 10% tiền điện của các hộ')
    await e2e.page.waitForTimeout(300)
    await screenshot(e2e.page, 'cam-ket-03-mau-cam-ket')
    await app.byTestId('template-save').click()
    await app.byTestId('template-dialog').waitFor({ state: 'hidden' })

    await app.byTestId('commitments-bulk').click()
    await app.waitText('bulk-summary', '5 người chưa lập')
    await app.input('bulk-date').fill('15/02/2024')
    await e2e.page.waitForTimeout(300)
    await screenshot(e2e.page, 'cam-ket-04-lap-hang-loat')
    await app.byTestId('bulk-run').click()
    await e2e.page.locator('.el-message', { hasText: 'Đã lập 5 bản cam kết từ mẫu.' }).waitFor()
    await app.waitText('commitments-missing', '0')
    await app.waitText('commitment-state-Nguyễn Văn An', 'Đã lập')
    const status = await e2e.harness.call('commitments:status', { year: 2024, unitId: null })
    expect(status.total).toMatchObject({ required: 6, made: 5 })
    await app.quietMessages()
    await screenshot(e2e.page, 'cam-ket-05-da-lap')
  })

  it('adjusts one person’s commitment', async () => {
    await app.openPerson('Trần Thị Bình')
    await app.input('person-items-content-0').waitFor()
    await app.byTestId('person-items-add-duty').click()
    // The new item goes at the end of its heading: index 3 (after politics, ethics, duty).
    await app.input('person-items-content-3').fill('Hoàn thành làm đường giao thông nông thôn ấp 1')
    await app.input('person-items-deadline-3').fill('30/9/2024')
    await app.input('person-items-expected-3').fill('1,2 km đường bê tông')
    await e2e.page.waitForTimeout(300)
    await screenshot(e2e.page, 'cam-ket-06-sua-mot-nguoi')
    await app.byTestId('person-save').click()
    await e2e.page.locator('.el-message', { hasText: 'Đã lưu bản cam kết.' }).waitFor()
    const p = await e2e.harness.call('commitments:person', {
      personId: ids['Trần Thị Bình'],
      year: 2024
    })
    expect(p.commitment!.source).toBe('manual')
    expect(p.commitment!.items.map((i) => i.content)).toContain(
      'Hoàn thành làm đường giao thông nông thôn ấp 1'
    )
    expect(p.commitment!.items).toHaveLength(7)
    await app.closeDrawer()
  })

  it('records a chi bộ review with a praise and a reminder, and shows the trail', async () => {
    await app.quietMessages()
    await app.byTestId('commitments-review').click()
    await app.byTestId('review-row-Nguyễn Văn An').waitFor()
    await app.input('review-date').fill('10/05/2024')
    await app.byTestId('review-kind-monthly').click()
    await app.input('review-note').fill('Sinh hoạt chi bộ thường kỳ tháng 5')
    await app.byTestId('review-outcome-Nguyễn Văn An-praise').click()
    await app
      .input('review-progress-Nguyễn Văn An')
      .fill('Đã vận động 7 hộ dùng điện tiết kiệm, vượt cam kết')
    await app.byTestId('review-outcome-Trần Thị Bình-reminder').click()
    await app
      .input('review-progress-Trần Thị Bình')
      .fill('Chưa triển khai làm đường, cần đẩy nhanh')
    await app.waitText('review-counts', 'Biểu dương: 1 · Nhắc nhở: 1')
    await screenshot(e2e.page, 'cam-ket-07-kiem-diem')
    await app.byTestId('review-save').click()
    await e2e.page
      .locator('.el-message', { hasText: 'Đã lưu buổi kiểm điểm: 1 biểu dương, 1 nhắc nhở.' })
      .waitFor()
    await app.waitText('commitment-reviews-Nguyễn Văn An', 'Biểu dương 1')
    await app.waitText('commitment-reviews-Trần Thị Bình', 'Nhắc nhở 1')
    await app.quietMessages()
    await screenshot(e2e.page, 'cam-ket-08-sau-kiem-diem')

    await app.openPerson('Trần Thị Bình')
    await e2e.page
      .locator('[data-testid="person-drawer"] .el-tabs__item', {
        hasText: 'Kiểm điểm trong năm (1)'
      })
      .click()
    await app.waitText('trail-table', 'Chưa triển khai làm đường')
    await app.waitText('trail-table', 'Nhắc nhở')
    await app.waitText('trail-table', 'Tháng 05/2024')
    await e2e.page.waitForTimeout(300)
    await screenshot(e2e.page, 'cam-ket-09-qua-trinh')
    await e2e.page
      .locator('[data-testid="person-drawer"] .el-tabs__item', { hasText: 'Kết quả cuối năm' })
      .click()
    await app.byTestId('result-completed').click()
    await app.input('result-note').fill('Có tiến bộ sau nhắc nhở, hoàn thành làm đường')
    await app.byTestId('result-save').click()
    await e2e.page.locator('.el-message', { hasText: 'Đã lưu kết quả cuối năm.' }).waitFor()
    await app.quietMessages()
    const results = await e2e.harness.call('commitments:listResults', {
      year: 2024,
      personIds: [ids['Trần Thị Bình']]
    })
    expect(results[0].label).toBe('Hoàn thành')
    await screenshot(e2e.page, 'cam-ket-10-ket-qua-cuoi-nam')
    await app.closeDrawer()
  })

  it('exports one person’s commitment as a party document', async () => {
    await app.quietMessages()
    await app.openPerson('Nguyễn Văn An')
    await app.input('person-place').fill('Tân Lập')
    const out = join(e2e.harness.dataDir, 'cam-ket-nguyen-van-an.xlsx')
    e2e.harness.dialogs.save.push(out)
    await app.byTestId('person-export').click()
    await e2e.page.locator('.el-message', { hasText: 'Đã lưu bản cam kết vào' }).waitFor()
    expect(existsSync(out)).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.worksheets[0]
    expect(ws.getCell('A5').value).toBe('BẢN CAM KẾT TU DƯỠNG, RÈN LUYỆN, PHẤN ĐẤU NĂM 2024')
    const texts = ws.getColumn(2).values.map((v) => String(v ?? ''))
    expect(texts).toEqual(
      expect.arrayContaining([
        'NỘI DUNG ĐỘT PHÁ',
        'Mỗi đảng viên vận động 5 hộ dân dùng điện tiết kiệm'
      ])
    )
    await e2e.page.waitForTimeout(300)
    await screenshot(e2e.page, 'cam-ket-11-xuat-ban-cam-ket')
    expect(e2e.errors).toEqual([])
  })

  it('prints the whole chi bộ’s commitments at once, one sheet per person', async () => {
    await app.closeDrawer()
    await app.quietMessages()
    await app.input('commitments-place').fill('Tân Lập')
    const out = join(e2e.harness.dataDir, 'cam-ket-chi-bo-ap-1.xlsx')
    e2e.harness.dialogs.save.push(out)
    await app.byTestId('commitments-export-unit').click()
    await e2e.page
      .locator('.el-message', { hasText: 'bản cam kết (mỗi người một trang)' })
      .waitFor()
    expect(existsSync(out)).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    // One sheet per person with a commitment, in the roster's order.
    const cellA = (await e2e.harness.call('units:list', { includeRetired: false })).find(
      (u) => u.name === 'Chi bộ ấp 1'
    )!
    const roster = await e2e.harness.call('commitments:roster', { year: 2024, unitId: cellA.id })
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      roster.rows.filter((r) => r.state === 'made').map((r) => r.fullName)
    )
    expect(wb.worksheets.length).toBe(5)
    for (const ws of wb.worksheets)
      expect(ws.getCell('A5').value).toBe('BẢN CAM KẾT TU DƯỠNG, RÈN LUYỆN, PHẤN ĐẤU NĂM 2024')
    await e2e.page.waitForTimeout(300)
    await screenshot(e2e.page, 'cam-ket-12-xuat-ca-don-vi')
    expect(e2e.errors).toEqual([])
  })
})
