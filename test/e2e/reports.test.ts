// Báo cáo end to end: a commune office writes its year report (two parts of text), saves it,
// exports the annex (read back here), issues it as 05-BC/ĐU and finds it under Đã ban hành; then
// at the province, the annex a commune that keeps its own data file exported from that file is
// received through its preview, and the tracker goes from not sent to sent. The working year is
// this year and the year report is due on 31/12, so that nothing is late whatever day it runs.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { todayIso } from '../../src/shared/partial-date'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import type { Harness } from './harness/server'
import { ReportsPage } from './pages/reports-page'
import { openTestCore, personInput, tempDir } from '../helpers/core'
import { A4, pagesOf, printTools, savePageImages, toPdf } from '../helpers/pdf'
import { cellText } from '../helpers/workbook'

const YEAR = Number(todayIso().slice(0, 4))
const PROVINCE = 'Tỉnh ủy Tây Ninh'
const COMMUNE = 'Đảng ủy xã Tân Lập'
const SENDER = 'Đảng ủy xã Bình Minh'
const dir = tempDir('cd05-e2e-reports-')
const sentFile = join(dir, 'phu-luc-xa-binh-minh.xlsx')
let app: ReportsPage
const ids: Record<string, number> = {}

type Caller = Pick<Harness, 'call'>

/** `members` members in a chi bộ, `studied` of them at the year's session held by `host`. */
async function studied(t: Caller, cell: number, host: number, names: string[], n: number) {
  const people: number[] = []
  for (const fullName of names)
    people.push((await t.call('people:create', personInput(cell, { fullName }))).id)
  const topics = await t.call('study:listTopics', null)
  const topic =
    topics.find((x) => x.year === YEAR) ??
    (await t.call('study:saveTopic', {
      year: YEAR,
      title: `Chuyên đề năm ${YEAR}`,
      planNumber: null,
      planDate: null,
      note: null
    }))
  const s = await t.call('study:createSession', {
    topicId: topic.id,
    kind: 'unit_conference',
    heldOn: `${YEAR}-01-02`,
    hostUnitId: host,
    title: null,
    points: [],
    extraNonMembers: 5,
    note: null
  })
  await t.call('study:setAttendance', { sessionId: s.id, present: people.slice(0, n), absent: [] })
}

/** The commune that keeps its own data file: its office exports its year annex from it. */
async function senderFile(): Promise<void> {
  const t = openTestCore()
  try {
    const top = (await t.call('units:create', { parentId: null, name: PROVINCE, level: 'Tỉnh ủy' }))
      .id
    const c = (
      await t.call('units:create', { parentId: top, name: SENDER, level: 'Đảng ủy cơ sở' })
    ).id
    const cell = (
      await t.call('units:create', { parentId: c, name: 'Chi bộ ấp 3', level: 'Chi bộ' })
    ).id
    await studied(t, cell, c, ['Lê Văn Sáu', 'Lê Thị Bảy', 'Lê Văn Tám'], 3)
    await t.callWithFile('reports:exportAnnex', {
      unitId: c,
      period: { kind: 'year', year: YEAR },
      path: sentFile
    })
  } finally {
    t.dispose()
  }
}

const e2e = useApp(async (harness) => {
  await harness.call('app:setYear', { year: YEAR })
  const unit = async (parentId: number | null, name: string, level: string) =>
    (await harness.call('units:create', { parentId, name, level })).id
  ids.province = await unit(null, PROVINCE, 'Tỉnh ủy')
  ids.commune = await unit(ids.province, COMMUNE, 'Đảng ủy cơ sở')
  ids.sender = await unit(ids.province, SENDER, 'Đảng ủy cơ sở')
  ids.cell1 = await unit(ids.commune, 'Chi bộ ấp 1', 'Chi bộ')
  ids.cell2 = await unit(ids.commune, 'Chi bộ ấp 2', 'Chi bộ')
  await studied(harness, ids.cell1, ids.commune, ['Nguyễn Văn An', 'Trần Thị Bình'], 2)
  await studied(harness, ids.cell2, ids.commune, ['Phạm Văn Cường', 'Võ Thị Dung', 'Hồ Văn Em'], 2)
  await senderFile()
})

beforeAll(async () => {
  app = new ReportsPage(e2e.page)
  await e2e.page.setViewportSize({ width: 1280, height: 720 })
})

describe('reports, end to end', () => {
  it("sets the year report's due date to 31/12", async () => {
    await app.go('reports')
    await app.byTestId('report-settings-open').click()
    await app.byTestId('periods-dialog').waitFor()
    await app.input('periods-year-to').fill('31/12')
    await app.input('periods-year-due').fill('31/12')
    await screenshot(e2e.page, 'reports-01-ngay-cac-ky')
    await app.byTestId('periods-save').click()
    expect(await app.message()).toContain('Đã lưu ngày các kỳ báo cáo')
    await app.byTestId('periods-dialog').waitFor({ state: 'hidden' })
  })

  it("writes the commune's year report and saves it", async () => {
    await app.chooseUnit(COMMUNE)
    await app.choosePeriod(`Tổng kết năm ${YEAR}`)
    await app.waitText(
      'report-period-days',
      `Từ 01/01/${YEAR} đến 31/12/${YEAR}; hạn gửi 31/12/${YEAR}`
    )
    await app.waitText('report-save-state', 'Chưa lưu nội dung cho kỳ này')
    await app.write(
      'leadership',
      'Ban Thường vụ Đảng ủy ban hành kế hoạch thực hiện Chuyên đề ngay từ đầu năm, phân công đồng chí Phó Bí thư trực tiếp chỉ đạo.'
    )
    await app.write('study', 'Các chi bộ tổ chức học tập nghiêm túc, đúng kế hoạch.')
    await app.waitText('report-save-state', 'Có thay đổi chưa lưu')
    await screenshot(e2e.page, 'reports-02-bao-cao')
    await app.byTestId('report-save').click()
    expect(await app.message()).toContain('Đã lưu nội dung báo cáo')
    await app.waitText('report-save-state', 'Đã lưu lúc')
  })

  it('exports the annex, read back with its figures', async () => {
    const file = join(dir, 'phu-luc-xa-tan-lap.xlsx')
    e2e.harness.dialogs.save.push(file)
    await app.input('report-place').fill('Tân Lập')
    await app.byTestId('report-export-annex').click()
    expect(await app.message()).toContain(file)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const figures = new Map<string, string>()
    wb.getWorksheet('SoLieu')!.eachRow((r) => {
      const v = (r.values as ExcelJS.CellValue[]).slice(1).map(cellText)
      if (v[0] === String(ids.commune)) figures.set(v[2], v[3])
    })
    // 5 members in the two chi bộ, 4 of them at the year's session: 80%.
    expect(figures.get('study.membersRequired')).toBe('5')
    expect(figures.get('study.membersStudied')).toBe('4')
    expect(figures.get('study.membersPercent')).toBe('80')
    const text: string[] = []
    wb.worksheets[0].eachRow((r) =>
      text.push((r.values as ExcelJS.CellValue[]).map(cellText).join(' '))
    )
    expect(text.join('\n')).toContain(COMMUNE)
    expect(text.join('\n')).toContain('Tân Lập, ngày')
  })

  it('exports the report being written as .docx, read back as LibreOffice prints it', async () => {
    const file = join(dir, 'bao-cao-xa-tan-lap.docx')
    e2e.harness.dialogs.save.push(file)
    await app.byTestId('report-export-word').click()
    expect(await app.message()).toContain(file)
    if (!printTools) return
    toPdf([file], dir)
    const pdf = file.replace(/\.docx$/, '.pdf')
    const pages = pagesOf(pdf)
    expect([pages[0].width, pages[0].height].map(Math.round)).toEqual([...A4.portrait])
    const text = pages.map((p) => p.words.map((w) => w.text).join(' ')).join(' ')
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(text).toContain('phân công đồng chí Phó Bí thư trực tiếp chỉ đạo')
    // The figures in words, as offices write them: 4/5 members (80%).
    expect(text).toContain('4/5')
    savePageImages(pdf, 'reports-bao-cao-dang-viet')
  })

  it('shows the annex tables, a row per chi bộ and the total', async () => {
    await app.tab('Phụ lục số liệu')
    await app.waitText(`annex-row-${ids.cell1}`, 'Chi bộ ấp 1')
    await app.waitText('annex-table-study', '80%')
    await app.waitText(`annex-total-study`, `Tổng cộng (${COMMUNE})`)
    await screenshot(e2e.page, 'reports-03-phu-luc')
  })

  it('issues the report as 05-BC/ĐU and finds it under Đã ban hành', async () => {
    await app.tab('Báo cáo')
    await app.byTestId('report-issue-open').click()
    await app.byTestId('issue-dialog').waitFor()
    await app.input('issue-number').fill('05-BC/ĐU')
    // The place is asked with the number, prefilled with the one typed on the page.
    expect(await app.input('issue-place').inputValue()).toBe('Tân Lập')
    await screenshot(e2e.page, 'reports-04-ban-hanh')
    await app.byTestId('issue-save').click()
    expect(await app.message()).toContain('Đã ban hành báo cáo số 05-BC/ĐU')
    await app.waitText('issued-table', '05-BC/ĐU')
    await app.waitText('issued-table', `năm ${YEAR}`)
    await screenshot(e2e.page, 'reports-05-da-ban-hanh')
    await app.page.locator('[data-testid^="issued-view-"]').first().click()
    await app.waitText('issued-text', 'phân công đồng chí Phó Bí thư trực tiếp chỉ đạo')
    await screenshot(e2e.page, 'reports-06-noi-dung-da-ban-hanh')
    await app.page.keyboard.press('Escape')
    await app.byTestId('issued-dialog').waitFor({ state: 'hidden' })
  })

  it('exports the issued report as .docx with its number and the place kept at issue', async () => {
    const file = join(dir, 'bao-cao-05-BC-DU.docx')
    // Whatever the page says now, the issued report keeps the place it was issued at.
    await app.tab('Báo cáo')
    await app.input('report-place').fill('')
    // The tab's name carries the count of reports issued.
    await app
      .byTestId('report-tabs')
      .getByRole('tab', { name: /^Đã ban hành/ })
      .click()
    e2e.harness.dialogs.save.push(file)
    await app.page.locator('[data-testid^="issued-export-word-"]').first().click()
    expect(await app.message()).toContain(file)
    if (!printTools) return
    toPdf([file], dir)
    const pdf = file.replace(/\.docx$/, '.pdf')
    const text = pagesOf(pdf)
      .map((p) => p.words.map((w) => w.text).join(' '))
      .join(' ')
    expect(text).toContain('05-BC/ĐU')
    expect(text).toContain('Tân Lập, ngày')
    expect(text).toContain('Các chi bộ tổ chức học tập nghiêm túc, đúng kế hoạch.')
    savePageImages(pdf, 'reports-bao-cao-da-ban-hanh')
  })

  it("receives the other commune's annex at the province and the tracker shows it sent", async () => {
    await app.chooseUnit(PROVINCE)
    await app.tab('Nhận báo cáo cấp dưới')
    // Tân Lập's data is kept here: only Bình Minh is awaited.
    await app.waitText('tracker-summary', '0/1')
    expect(await app.status(ids.sender)).toBe('Chưa gửi')
    expect(await app.status(ids.commune)).toBe('Dữ liệu có tại đây')
    await screenshot(e2e.page, 'reports-07-theo-doi-truoc')
    e2e.harness.dialogs.open.push(sentFile)
    await app.byTestId('receive-open').click()
    await app.byTestId('receive-dialog').waitFor()
    await app.waitText('receive-facts', SENDER)
    await app.waitText('receive-matched', SENDER)
    await app.waitText('receive-summary', 'Đảng viên đã học')
    await screenshot(e2e.page, 'reports-08-xem-truoc-phu-luc')
    await app.byTestId('receive-save').click()
    expect(await app.message()).toContain(`Đã nhận phụ lục năm ${YEAR} của ${SENDER}`)
    await app.waitText('tracker-summary', '1/1')
    expect(await app.status(ids.sender)).toBe('Đã gửi')
    await screenshot(e2e.page, 'reports-09-theo-doi-sau')
    await app.tab('Phụ lục số liệu')
    await app.waitText(`annex-row-${ids.sender}`, 'Số liệu nhận từ cấp dưới')
    await screenshot(e2e.page, 'reports-10-phu-luc-tinh')
    expect(e2e.errors).toEqual([])
  })
})
