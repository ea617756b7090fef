// Chuyên đề & học tập end to end: create a session, mark a chi bộ's attendance (checklist and
// an attendee sheet), see the coverage move on Tổng quan, and export the missing list.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { StudyPage } from './pages/study-page'
import { personInput } from '../helpers/core'

let app: StudyPage

const e2e = useApp(async (harness) => {
  // A new file starts on this year; this suite's data is 2024's.
  await harness.call('app:setYear', { year: 2024 })
  // An organisation to study in: one committee, two chi bộ, members and non-members.
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
  const a = [
    'Nguyễn Văn An',
    'Trần Thị Bình',
    'Lê Văn Cường',
    'Phạm Thị Dung',
    'Võ Văn Em',
    'Hồ Thị Giang'
  ]
  for (const [i, name] of a.entries()) {
    await harness.call(
      'people:create',
      personInput(cellA.id, { fullName: name, partyCardNumber: `0100000${i}` })
    )
  }
  await harness.call(
    'people:create',
    personInput(cellA.id, { fullName: 'Đặng Văn Hùng', kind: 'non_member', role: 'Công chức' })
  )
  for (const [i, name] of [
    'Bùi Văn Khánh',
    'Đỗ Thị Lan',
    'Ngô Văn Minh',
    'Dương Thị Nga'
  ].entries()) {
    await harness.call(
      'people:create',
      personInput(cellB.id, { fullName: name, partyCardNumber: `0200000${i}` })
    )
  }
})

beforeAll(() => {
  app = new StudyPage(e2e.page)
})

describe('study, end to end', () => {
  it('shows the working year in the header and the year at a glance on Tổng quan', async () => {
    await app.byTestId('working-year').waitFor()
    await app.waitText('overview-study-percent', '0%')
    await app.waitText('overview-study-required', '11')
    await app.byTestId('chart-units').locator('svg').first().waitFor()
    await app.byTestId('chart-progress').scrollIntoViewIfNeeded()
    await screenshot(e2e.page, 'study-01-tong-quan-truoc')
    expect(await app.byTestId('working-year-select').innerText()).toContain('2024')
  })

  it('creates a session through the form', async () => {
    await app.go('study')
    await app.byTestId('study-topic').waitFor()
    await app.byTestId('study-no-sessions').waitFor()
    await screenshot(e2e.page, 'study-02-chua-co-buoi')
    await app.byTestId('study-add-session').click()
    await app.choose('session-form-kind', 'Sinh hoạt chi bộ')
    await app.input('session-form-date').fill('20/05/2024')
    await app.choose('session-form-host', 'Chi bộ ấp 1')
    await app.input('session-form-title').fill('Sinh hoạt chi bộ học tập Chuyên đề năm 2024')
    await app.byTestId('session-form-add-point').click()
    await app.input('session-form-point-name-0').fill('Hội trường ấp 1')
    await app.input('session-form-point-count-0').fill('9')
    await screenshot(e2e.page, 'study-03-form-buoi-hoc')
    await app.byTestId('session-form-save').click()
    await app.byTestId('study-sessions').waitFor()
    await app.waitText('study-sessions', 'Chi bộ ấp 1')
    await app.waitText('study-sessions', '1 điểm / 9 người')
    await app.byTestId('session-form').waitFor({ state: 'hidden' })
    await e2e.page.locator('.el-message').waitFor({ state: 'detached' })
    await screenshot(e2e.page, 'study-04-danh-sach-buoi')
  })

  it("marks a chi bộ's attendance with the checklist: search, all present, untick one", async () => {
    await app.byTestId('session-checklist').first().click()
    await app.byTestId('checklist-row-Nguyễn Văn An').waitFor()
    await app.input('checklist-search').fill('thi')
    await app.byTestId('checklist-row-Trần Thị Bình').waitFor()
    expect(await app.byTestId('checklist-row-Nguyễn Văn An').count()).toBe(0)
    await app.input('checklist-search').fill('')
    await app.byTestId('checklist-all').click()
    await app.byTestId('checklist-row-Hồ Thị Giang').locator('.el-checkbox').click()
    await expect(
      app.byTestId('checklist-row-Hồ Thị Giang').locator('.el-checkbox.is-checked').count()
    ).resolves.toBe(0)
    await expect(
      app.byTestId('checklist-list').locator('.el-checkbox.is-checked').count()
    ).resolves.toBe(6)
    await app.waitText('checklist-count', 'Có mặt: 6 / 7')
    await screenshot(e2e.page, 'study-05-diem-danh')
    await app.byTestId('checklist-save').click()
    await app.messageText()
    await e2e.page.keyboard.press('Escape')
    await app.waitText('study-sessions', '5')
    const cov = await e2e.harness.call('study:coverage', { year: 2024, unitId: null })
    expect(cov.total!.studied).toBe(6)
  })

  it('records attendees from a sheet, only what the user confirms', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Người dự')
    ws.addRow(['STT', 'Họ và tên', 'Số thẻ đảng viên'])
    ws.addRow([1, 'BÙI VĂN KHÁNH', '02000000'])
    ws.addRow([2, 'Do Thi Lan', null])
    ws.addRow([3, 'Người Không Có', null])
    const file = join(e2e.harness.dataDir, 'nguoi-du.xlsx')
    await wb.xlsx.writeFile(file)
    // A session hosted by the committee, so people of both chi bộ can be matched.
    const topic = (await e2e.harness.call('study:listTopics', null)).find((t) => t.year === 2024)!
    const committee = (await e2e.harness.call('units:list', { includeRetired: false })).find(
      (u) => u.name === 'Đảng ủy xã Tân Lập'
    )!
    await e2e.harness.call('study:createSession', {
      topicId: topic.id,
      kind: 'makeup',
      heldOn: '2024-07-02',
      hostUnitId: committee.id,
      title: 'Học bù',
      points: [],
      extraNonMembers: 3,
      note: null
    })
    await e2e.page.reload()
    await app.waitText('study-sessions', 'Học bù')
    e2e.harness.dialogs.open.push(file)
    await app.byTestId('session-import').first().click()
    await app.byTestId('sheet-preview').waitFor()
    await app.waitText('sheet-preview', '2 dòng khớp đúng một người')
    await e2e.page.waitForTimeout(500)
    await screenshot(e2e.page, 'study-06-nhap-tu-excel')
    await app.byTestId('sheet-save').click()
    await app.messageText()
    const cov = await e2e.harness.call('study:coverage', { year: 2024, unitId: null })
    expect(cov.total!.studied).toBe(8)
  })

  it('shows who has studied per unit and exports the missing list', async () => {
    await e2e.page.locator('.el-tabs__item', { hasText: 'Ai đã học, ai chưa' }).click()
    await app.waitText('coverage-table', 'Chi bộ ấp 1')
    await app.waitText('missing-table', 'Hồ Thị Giang')
    await app.input('coverage-place').fill('Tân Lập')
    await screenshot(e2e.page, 'study-07-ai-chua-hoc')
    const out = join(e2e.harness.dataDir, 'chua-hoc.xlsx')
    e2e.harness.dialogs.save.push(out)
    await app.byTestId('coverage-export').click()
    await e2e.page
      .locator('.el-message', { hasText: 'Đã lưu danh sách 3 người chưa học' })
      .waitFor()
    expect(existsSync(out)).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const names = wb.worksheets[0].getColumn(2).values.map((v) => String(v ?? ''))
    expect(names).toEqual(expect.arrayContaining(['Hồ Thị Giang', 'Ngô Văn Minh', 'Dương Thị Nga']))
    expect(names).not.toContain('Nguyễn Văn An')
    await e2e.page.locator('.el-tabs__item', { hasText: 'Chủ đề các năm' }).click()
    await app.byTestId('topics-table').waitFor()
    await screenshot(e2e.page, 'study-08-chu-de-cac-nam')
  })

  it('sees the coverage move on Tổng quan, with charts', async () => {
    await app.go('overview')
    await app.waitText('overview-study-studied', '8')
    expect(await app.text('overview-study-percent')).toBe('72,7%')
    await app.byTestId('chart-progress').locator('svg').first().waitFor()
    await app
      .byTestId('chart-units')
      .locator('svg text', { hasText: 'Chi bộ ấp 1' })
      .first()
      .waitFor()
    await e2e.page.locator('.el-message').first().waitFor({ state: 'detached' })
    await app.byTestId('chart-progress').scrollIntoViewIfNeeded()
    await e2e.page.waitForTimeout(300)
    await screenshot(e2e.page, 'study-09-tong-quan-sau')
    expect(e2e.errors).toEqual([])
  })
})
