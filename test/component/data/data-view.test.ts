import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import DataView from '@renderer/views/DataView.vue'
import { createFakeApi } from '../fake-api'
import { byTestId, click, installApi, mountView } from '../helpers'

describe('DataView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the database facts and backups with Vietnamese reasons and dd/mm/yyyy HH:mm times', async () => {
    const createdAt = new Date(2025, 6, 1, 8, 5).toISOString()
    const fake = createFakeApi(
      {
        units: [],
        people: [],
        backups: [
          {
            fileName: 'cd-2025-07-01.sqlite',
            path: '/b/cd-2025-07-01.sqlite',
            sizeBytes: 2048,
            createdAt,
            reason: 'before-migration'
          }
        ]
      },
      { 'db:check': () => ({ ok: true, problems: [], foreignKeyProblems: 0 }) }
    )
    installApi(fake.api)
    const wrapper = mountView(DataView)
    await flushPromises()

    expect(byTestId('data-schema-version')?.textContent).toBe('3')
    expect(byTestId('data-app-version')?.textContent).toBe('0.1.0')
    const list = byTestId('backup-list')!.textContent
    expect(list).toContain('01/07/2025 08:05')
    expect(list).toContain('Trước khi nâng cấp dữ liệu')
    expect(list).toContain('2 KB')

    await click('db-check')
    expect(byTestId('db-check-result')?.textContent).toContain('Dữ liệu toàn vẹn')
    wrapper.unmount()
  })
})
