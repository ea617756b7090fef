// The annex tab (counts 1.250, shares 66,67%, rows counted from a received annex marked, a
// sub-unit with both sources offering the choice that is sent as `useOwn`) and receiving a
// sub-unit's annex (the preview says what the file is; an unmatched unit must be chosen; the
// tracker then says sent).
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ReceivedPreview } from '@shared/api'
import { $$, byTestId, sleep } from '../helpers'
import { openReports, tracker } from './fixtures'

async function open(overrides: Parameters<typeof openReports>[0] = {}) {
  const r = await openReports(overrides)
  return { fake: r, w: r.wrapper }
}

async function tab(label: string) {
  $$('.el-tabs__item')
    .find((t) => t.textContent?.trim().startsWith(label))!
    .click()
  await flushPromises()
}

const rowText = (id: string) => byTestId(id)!.closest('tr')!.textContent!.replace(/\s+/g, ' ')

describe('the annex tab', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('writes counts and shares the Vietnamese way and marks where each row comes from', async () => {
    await open()
    await tab('Phụ lục số liệu')
    expect(rowText('annex-row-2')).toContain('Chi bộ ấp 1')
    expect(rowText('annex-row-2')).toContain('66,67%')
    expect(rowText('annex-row-2')).toContain('1.250')
    expect(rowText('annex-total-study')).toContain('Tổng cộng (Đảng ủy xã Tân Lập)')
    expect(rowText('annex-total-study')).toContain('95,35%')
    // The units of measure in the headers, the group above its columns.
    const heads = $$('[data-testid="annex-table-study"] th').map((t) => t.textContent?.trim())
    expect(heads).toEqual(
      expect.arrayContaining(['Đảng viên', 'Phải học (người)', 'Tỷ lệ %', 'Số lượt dự (lượt)'])
    )
  })

  it('offers the choice for a sub-unit with both and recomputes with useOwn', async () => {
    const { fake } = await open()
    await tab('Phụ lục số liệu')
    const choice = byTestId('annex-choice-study-3')!
    const picked = () => choice.querySelector('.is-active')?.textContent?.trim()
    expect(picked()).toBe('Số liệu nhận từ cấp dưới')
    expect(rowText('annex-row-3')).toContain('97,5%')
    const own = [...choice.querySelectorAll<HTMLInputElement>('input')].find(
      (i) => i.value === 'own'
    )!
    own.click()
    await flushPromises()
    expect(fake.callsTo('reports:annex').at(-1)).toEqual({
      unitId: 1,
      period: { kind: 'year', year: 2026 },
      useOwn: [3]
    })
    expect(picked()).toBe('Dữ liệu tại đây')
    expect(rowText('annex-row-3')).toContain('50%')
    expect(rowText('annex-total-study')).toContain('60%')
  })
})

describe('receiving a sub-unit annex', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  const preview = (over: Partial<ReceivedPreview> = {}): ReceivedPreview => ({
    token: 'tok-1',
    fileName: 'phu-luc-ap-2.xlsx',
    source: { unitId: 77, name: 'Chi bộ Ấp Hai', path: ['Đảng ủy xã Tân Lập', 'Chi bộ Ấp Hai'] },
    period: { kind: 'year', year: 2026, from: '2026-01-01', to: '2026-11-30', label: 'năm 2026' },
    appVersion: '0.9.0',
    unitId: null,
    matchedBy: null,
    replaces: { receivedAt: '2026-11-10T02:00:00.000Z', fileName: 'phu-luc-cu.xlsx' },
    summary: [
      { label: 'Đảng viên phải học', value: 1234 },
      { label: 'Đảng viên đã học', value: 1200 }
    ],
    ...over
  })

  it('previews the file, asks for the unit when none matched, stores it and shows it sent', async () => {
    const { fake, w } = await open({ 'reports:previewReceived': () => preview() })
    await tab('Nhận báo cáo cấp dưới')
    expect(byTestId('tracker-status-3')?.textContent).toBe('Chưa gửi')
    expect(byTestId('tracker-status-2')?.textContent).toBe('Dữ liệu có tại đây')
    expect(byTestId('tracker-summary')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'hạn gửi 05/12/2026: đã nhận phụ lục của 0/1 đơn vị phải gửi (1 đơn vị có dữ liệu tại đây).'
    )

    byTestId('receive-open')!.click()
    await flushPromises()
    await sleep(20)
    expect(fake.callsTo('reports:previewReceived')).toEqual([{ parentId: 1 }])
    const dialog = byTestId('receive-dialog')!
    const text = () => dialog.textContent!.replace(/\s+/g, ' ')
    expect(text()).toContain('Chi bộ Ấp Hai')
    expect(text()).toContain('Đảng ủy xã Tân Lập / Chi bộ Ấp Hai')
    expect(text()).toContain('năm 2026')
    expect(text()).toContain('1.234')
    expect(byTestId('receive-unmatched')?.textContent).toContain('hãy chọn đơn vị')
    expect(byTestId('receive-replaces')?.textContent).toContain('phu-luc-cu.xlsx')

    byTestId('receive-save')!.click()
    await flushPromises()
    await sleep(200)
    expect(text()).toContain('Chọn đơn vị đã gửi phụ lục này.')
    expect(fake.callsTo('reports:receive')).toEqual([])

    // The unit picker offers the units under the page's unit only.
    const select = w
      .findAllComponents({ name: 'ElSelect' })
      .find((c) => c.element.getAttribute('data-testid') === 'receive-unit')!
    select.vm.$emit('update:modelValue', 3)
    await flushPromises()
    byTestId('receive-save')!.click()
    await flushPromises()
    await sleep(20)
    expect(fake.callsTo('reports:receive')).toEqual([{ token: 'tok-1', unitId: 3 }])
    expect(byTestId('tracker-status-3')?.textContent).toBe('Đã gửi')
    expect(byTestId('tracker-summary')?.textContent?.replace(/\s+/g, ' ')).toContain('1/1')
  })

  it('exports the list of those late when someone is', async () => {
    const { fake } = await open({
      'reports:tracker': () => {
        const t = tracker()
        t.rows[1].late = true
        return t
      },
      'reports:exportLate': () => ({ path: '/tmp/cham-gui.xlsx' })
    })
    await tab('Nhận báo cáo cấp dưới')
    expect(byTestId('tracker-status-3')?.textContent).toBe('Chưa gửi, quá hạn')
    expect(byTestId('tracker-summary')?.textContent?.replace(/\s+/g, ' ')).toContain(
      '1 đơn vị quá hạn'
    )
    byTestId('tracker-export-late')!.click()
    await flushPromises()
    expect(fake.callsTo('reports:exportLate')).toEqual([
      { unitId: 1, period: { kind: 'year', year: 2026 } }
    ])
  })

  it('shows a chi bộ kept here with nobody imported yet as such, not as not sent', async () => {
    const t = tracker()
    t.rows[0] = { ...t.rows[0], nobody: true }
    await open({ 'reports:tracker': () => t })
    await tab('Nhận báo cáo cấp dưới')
    expect(byTestId('tracker-status-2')?.textContent).toBe('Chưa có người trong tệp')
    expect(byTestId('tracker-hint')?.textContent).toContain('Chi bộ không giữ tệp riêng')
  })

  it('says no sub-unit has to send when the data of all of them is kept here', async () => {
    const t = tracker()
    t.rows[1] = { ...t.rows[1], ownData: true }
    await open({ 'reports:tracker': () => t })
    await tab('Nhận báo cáo cấp dưới')
    expect(byTestId('tracker-summary')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'dữ liệu của cả 2 đơn vị trực thuộc có tại đây, không đơn vị nào phải gửi phụ lục.'
    )
    expect(byTestId('tracker-nothing')).toBeNull()
  })

  it('offers no late list when nobody is late', async () => {
    await open()
    await tab('Nhận báo cáo cấp dưới')
    expect(byTestId('tracker-export-late')).toBeNull()
  })

  it('does nothing when the user cancels the file choice', async () => {
    const { fake } = await open({ 'reports:previewReceived': () => null })
    await tab('Nhận báo cáo cấp dưới')
    byTestId('receive-open')!.click()
    await flushPromises()
    expect(fake.callsTo('reports:previewReceived')).toHaveLength(1)
    const overlay = byTestId('receive-dialog')?.closest<HTMLElement>('.el-overlay')
    expect(!overlay || overlay.style.display === 'none').toBe(true)
  })
})
