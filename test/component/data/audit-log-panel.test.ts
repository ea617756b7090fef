// "Nhật ký thao tác" under Dữ liệu & sao lưu: entries newest first with Vietnamese action names,
// the action and period filters sent as the core reads them, paging, the export (no path from
// the page), and nothing that edits or deletes an entry.
import { afterEach, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import AuditLogPanel from '@renderer/components/data/AuditLogPanel.vue'
import type { AuditEntry } from '@shared/api'
import { createFakeApi } from '../fake-api'
import { $$, byTestId, click, installApi, mountView, sleep } from '../helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

function entry(id: number): AuditEntry {
  return {
    id,
    at: new Date(2026, 0, 5, 9, id % 60).toISOString(),
    action: 'export',
    description: `Xuất Bản cam kết ra tệp cam-ket-${id}.xlsx.`,
    detail: {}
  }
}

it('lists, filters, pages and exports the log, and offers no way to change it', async () => {
  const all = Array.from({ length: 120 }, (_, i) => entry(120 - i))
  const fake = createFakeApi(
    { units: [], people: [], backups: [] },
    {
      'audit:list': ({ offset = 0, limit = 100 }) => ({
        rows: all.slice(offset, offset + limit),
        total: all.length
      }),
      'audit:export': () => ({ path: '/tmp/nhat-ky.xlsx', count: 120 })
    }
  )
  installApi(fake.api)
  const w = mountView(AuditLogPanel)
  await flushPromises()
  await sleep(20)

  const list = byTestId('audit-list')!
  expect(list.textContent).toContain('05/01/2026 09:00')
  expect(list.textContent).toContain('Xuất tệp')
  expect(list.textContent).toContain('Xuất Bản cam kết ra tệp cam-ket-120.xlsx.')
  expect(fake.callsTo('audit:list')[0]).toEqual({
    action: null,
    from: null,
    to: null,
    offset: 0,
    limit: 50
  })

  // Page 2.
  const pageTwo = $$('[data-testid="audit-pager"] .el-pager li').find(
    (li) => li.textContent === '2'
  )!
  pageTwo.click()
  await flushPromises()
  expect(fake.callsTo('audit:list').at(-1)).toMatchObject({ offset: 50, limit: 50 })

  // A period typed as users type days.
  const from =
    byTestId('audit-from')!.querySelector('input') ?? (byTestId('audit-from') as HTMLInputElement)
  from.value = '01/01/2026'
  from.dispatchEvent(new Event('input', { bubbles: true }))
  from.dispatchEvent(new Event('change', { bubbles: true }))
  await flushPromises()
  expect(fake.callsTo('audit:list').at(-1)).toMatchObject({ from: '2026-01-01', offset: 0 })

  await click('audit-export')
  expect(fake.callsTo('audit:export')).toEqual([{ action: null, from: '2026-01-01', to: null }])

  // Read only: no button or channel that edits or deletes an entry.
  const texts = $$('[data-testid="audit-panel"] button').map((b) => b.textContent ?? '')
  expect(texts.filter((t) => /Xóa|Sửa/.test(t))).toEqual([])
  expect(fake.calls.map((c) => c.channel).filter((c) => c.startsWith('audit:'))).toEqual(
    expect.arrayContaining(['audit:list', 'audit:export'])
  )
  expect(new Set(fake.calls.map((c) => c.channel))).toEqual(new Set(['audit:list', 'audit:export']))
  w.unmount()
})
