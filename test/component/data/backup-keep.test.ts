import { afterEach, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { BackupInfo } from '@shared/api'
import DataView from '@renderer/views/DataView.vue'
import { createFakeApi } from '../fake-api'
import { $, $$, byTestId, installApi, mountView, sleep } from '../helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

const backup = (day: number, reason: string): BackupInfo => ({
  fileName: `sao-luu_202601${String(day).padStart(2, '0')}_${reason}.sqlite`,
  path: `/b/${day}.sqlite`,
  sizeBytes: 2048,
  createdAt: new Date(2026, 0, day, 8, 0).toISOString(),
  reason
})

function setup() {
  const backups = [
    backup(5, 'manual'),
    backup(4, 'before-import'),
    backup(3, 'manual'),
    backup(2, 'before-restore'),
    backup(1, 'manual')
  ]
  const fake = createFakeApi(
    { units: [], people: [], backups },
    {
      'backup:setKeep': ({ keep }) => ({
        appVersion: '0.1.0',
        dbPath: '/d.sqlite',
        dbSizeBytes: 1,
        schemaVersion: 3,
        backupDir: '/b',
        backupKeep: keep
      })
    }
  )
  installApi(fake.api)
  return fake
}

async function setKeep(n: number) {
  const input = byTestId('backup-keep')!.querySelector('input')!
  input.value = String(n)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  await flushPromises()
  byTestId('backup-keep-save')!.click()
  await flushPromises()
  await sleep(20)
}

it('asks before a lower limit deletes backups, naming the ones that go, and does nothing when cancelled', async () => {
  const fake = setup()
  const w = mountView(DataView)
  await flushPromises()
  await setKeep(1)
  const box = $('.el-message-box')!.textContent ?? ''
  // The two older ordinary backups (3 and 1 January) and the older safety copy (2 January): the
  // newest safety copy (4 January) is kept apart with the newest ordinary one (5 January).
  expect(box).toContain('sẽ xóa ngay 3 bản sau')
  expect(box).toContain('03/01/2026 08:00 (Sao lưu thủ công)')
  expect(box).toContain('01/01/2026 08:00 (Sao lưu thủ công)')
  expect(box).toContain('02/01/2026 08:00 (Trước khi khôi phục)')
  expect(box).not.toContain('04/01/2026')
  expect(box).not.toContain('05/01/2026')
  $$('.el-message-box__btns .el-button')
    .find((b) => b.textContent?.includes('Hủy'))!
    .click()
  await flushPromises()
  await sleep(50)
  expect(fake.callsTo('backup:setKeep')).toHaveLength(0)
  await setKeep(1)
  $$('.el-message-box__btns .el-button--primary').at(-1)!.click()
  await flushPromises()
  await sleep(50)
  expect(fake.callsTo('backup:setKeep')).toEqual([{ keep: 1 }])
  w.unmount()
})

it('says on screen that the safety copies before an import or restore are not counted', async () => {
  setup()
  const w = mountView(DataView)
  await flushPromises()
  expect(document.body.textContent).toContain(
    'Các bản tự sao lưu trước khi nhập danh sách, khôi phục hoặc xóa vĩnh viễn một người không tính vào số này'
  )
  w.unmount()
})
