// The report's text on the Báo cáo page: the last period's text offered (and said so), saved as
// this period's with the time shown, and issued through a dialog that asks the number
// (prefilled) and the date, refuses an empty number and sends on Enter.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { IssuedReport } from '@shared/api'
import { $$, byTestId, click, sleep, type } from '../helpers'
import { annexOf, openReports } from './fixtures'

const enter = (el: Element) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))

const open = openReports

const textOf = (id: string) => (byTestId(id) as HTMLTextAreaElement).value

describe('the report text', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it("offers the last period's text, says where it comes from, and saves it as this period's", async () => {
    const fake = await open()
    expect(byTestId('report-started-from')?.textContent).toContain(
      'Nội dung dưới đây lấy từ báo cáo năm 2025'
    )
    expect(textOf('report-part-leadership')).toBe(
      'Văn bản năm 2025: Ban Thường vụ ban hành kế hoạch.'
    )
    expect(byTestId('report-save-state')?.textContent).toContain('Chưa lưu nội dung cho kỳ này')
    // The parts under the report's chapters, as the Word report prints them.
    const labels = $$('.parts .el-form-item__label').map((l) => l.textContent)
    expect(labels[0]).toBe('1. Lãnh đạo, chỉ đạo')
    expect(labels[7]).toBe('8. Bài học kinh nghiệm')
    expect(labels[9]).toBe('Kiến nghị, đề xuất')
    expect($$('.parts .chapter').map((h) => h.textContent)).toEqual([
      'I. Kết quả thực hiện',
      'II. Phương hướng, nhiệm vụ thời gian tới',
      'III. Đề xuất, kiến nghị'
    ])

    await type('report-part-study', 'Các chi bộ học tập nghiêm túc.')
    expect(byTestId('report-save-state')?.textContent).toContain('Có thay đổi chưa lưu')
    await click('report-save')
    const saved = fake.callsTo('reports:saveDraft')
    expect(saved).toEqual([
      {
        unitId: 1,
        period: { kind: 'year', year: 2026 },
        narrative: {
          leadership: 'Văn bản năm 2025: Ban Thường vụ ban hành kế hoạch.',
          study: 'Các chi bộ học tập nghiêm túc.'
        }
      }
    ])
    expect(byTestId('report-started-from')).toBeNull()
    expect(byTestId('report-save-state')?.textContent).toMatch(/Đã lưu lúc \d{2}\/11\/2026/)
    expect($$('.el-message').at(-1)?.textContent).toContain('Đã lưu nội dung báo cáo.')
  })

  it('saves what is typed before the Word report is made from the saved text', async () => {
    const fake = await open({ 'reports:exportWord': () => ({ path: '/tmp/bao-cao.docx' }) })
    await type('report-part-tasks', 'Tiếp tục học tập chuyên đề năm sau.')
    await type('report-place', 'Tân Lập')
    await click('report-export-word')
    const order = fake.calls
      .map((c) => c.channel)
      .filter((c) => c === 'reports:saveDraft' || c === 'reports:exportWord')
    expect(order).toEqual(['reports:saveDraft', 'reports:exportWord'])
    expect(fake.callsTo('reports:exportWord')).toEqual([
      { unitId: 1, period: { kind: 'year', year: 2026 }, useOwn: [], place: 'Tân Lập' }
    ])
    expect($$('.el-message').at(-1)?.textContent).toContain(
      'Đã lưu nội dung và xuất báo cáo (.docx): /tmp/bao-cao.docx'
    )
  })

  it('issues with the number and date asked in a dialog, refusing an empty number', async () => {
    const issued: IssuedReport = {
      id: 4,
      unitId: 1,
      unitName: 'Đảng ủy xã Tân Lập',
      periodLabel: 'năm 2026',
      version: 1,
      number: '05-BC/ĐU',
      issuedOn: '2026-11-20',
      createdAt: '2026-11-20T03:05:00.000Z',
      place: null,
      annex: annexOf(),
      narrative: {}
    }
    const fake = await open({ 'reports:issue': () => issued })
    await click('report-issue-open')
    await sleep(20)
    const dialog = byTestId('issue-dialog')!
    expect(dialog.textContent).toContain('số liệu và nội dung báo cáo được giữ nguyên')
    // Only the leadership part is written: the others with no figures are named, to be written.
    expect(byTestId('issue-unwritten')?.textContent).toContain(
      'Chưa viết: Hạn chế, nguyên nhân; Bài học kinh nghiệm; Nhiệm vụ thời gian tới; Kiến nghị, đề xuất.'
    )
    // Prefilled with the number after the last one issued, the cursor in it.
    expect((byTestId('issue-number') as HTMLInputElement).value).toBe('05-BC/ĐU')
    expect(document.activeElement).toBe(byTestId('issue-number'))

    await type('issue-number', '  ')
    enter(byTestId('issue-number')!)
    await flushPromises()
    await sleep(200)
    expect(dialog.textContent).toContain('Nhập số báo cáo, ví dụ 05-BC/ĐU.')
    expect(fake.callsTo('reports:issue')).toEqual([])

    await type('issue-number', '05-BC/ĐU')
    await type('issue-date', '31/02/2026')
    enter(byTestId('issue-number')!)
    await flushPromises()
    await sleep(200)
    expect(dialog.textContent).toContain('Ngày không hợp lệ')
    expect(fake.callsTo('reports:issue')).toEqual([])

    await type('issue-date', '20/11/2026')
    enter(byTestId('issue-date')!)
    await flushPromises()
    await sleep(20)
    // The text is saved first, then issued as it stands.
    expect(fake.callsTo('reports:saveDraft')).toHaveLength(1)
    expect(fake.callsTo('reports:issue')).toEqual([
      {
        unitId: 1,
        period: { kind: 'year', year: 2026 },
        number: '05-BC/ĐU',
        issuedOn: '2026-11-20',
        narrative: { leadership: 'Văn bản năm 2025: Ban Thường vụ ban hành kế hoạch.' },
        useOwn: []
      }
    ])
    expect($$('.el-message').at(-1)?.textContent).toContain('Đã ban hành báo cáo số 05-BC/ĐU.')
  })

  it("asks the place in the issue dialog, prefilled with the unit's, and sends it to be kept", async () => {
    const last = {
      id: 3,
      unitId: 1,
      unitName: 'Đảng ủy xã Tân Lập',
      periodLabel: '6 tháng đầu năm 2026',
      version: 1,
      number: '04-BC/ĐU',
      issuedOn: '2026-06-03',
      createdAt: '2026-06-03T03:05:00.000Z',
      place: 'Tân Lập'
    }
    const issued: IssuedReport = { ...last, id: 4, annex: annexOf(), narrative: {} }
    const fake = await open({
      'reports:listIssued': () => [{ ...last, id: 5, place: null }, last],
      'reports:issue': () => issued
    })
    // From the unit's last report issued with a place.
    await click('report-issue-open')
    await sleep(20)
    expect((byTestId('issue-place') as HTMLInputElement).value).toBe('Tân Lập')
    enter(byTestId('issue-number')!)
    await flushPromises()
    await sleep(20)
    expect(fake.callsTo('reports:issue')[0]).toMatchObject({ number: '05-BC/ĐU', place: 'Tân Lập' })
    // What is typed on the page comes first; the dialog's own change is what is kept.
    await type('report-place', 'Phường Tân Lập')
    await click('report-issue-open')
    await sleep(20)
    expect((byTestId('issue-place') as HTMLInputElement).value).toBe('Phường Tân Lập')
    await type('issue-place', '  ')
    enter(byTestId('issue-number')!)
    await flushPromises()
    await sleep(20)
    expect(fake.callsTo('reports:issue')[1]).not.toHaveProperty('place')
  })

  it('asks before another period or another section replaces text not saved', async () => {
    const fake = await open()
    await type('report-part-lessons', 'Bài học: sát cơ sở.')
    // Choosing the half-year (the select's change, as Element Plus emits it).
    const before = fake.callsTo('reports:getDraft').length
    byTestId('report-period-kind')!.click()
    await flushPromises()
    $$('.el-select-dropdown__item')
      .find((o) => o.textContent?.includes('Sơ kết 6 tháng đầu năm 2026'))!
      .click()
    await flushPromises()
    await sleep(50)
    const box = $$('.el-message-box').at(-1)!
    expect(box.textContent).toContain('chưa được lưu')
    ;[...box.querySelectorAll('button')].find((b) => b.textContent?.includes('Ở lại'))!.click()
    await flushPromises()
    await sleep(50)
    expect(fake.callsTo('reports:getDraft')).toHaveLength(before)
    expect(textOf('report-part-lessons')).toBe('Bài học: sát cơ sở.')

    // Another section: asked too; "Bỏ thay đổi" leaves.
    byTestId('nav-units')!.click()
    await flushPromises()
    await sleep(50)
    const again = $$('.el-message-box').at(-1)!
    expect(again.textContent).toContain('chưa được lưu')
    ;[...again.querySelectorAll('button')]
      .find((b) => b.textContent?.includes('Bỏ thay đổi'))!
      .click()
    await flushPromises()
    await sleep(50)
    expect(fake.router.currentRoute.value.name).toBe('units')
  })
})
