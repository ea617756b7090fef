import { afterEach, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import PeopleView from '@renderer/views/PeopleView.vue'
import { createFakeApi, person, unit } from '../fake-api'
import { byTestId, installApi, mountView, sleep, type } from '../helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

it('on a new data file, says how to import a list, with a button, not "no one matches the filters"', async () => {
  installApi(
    createFakeApi({
      units: [unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở')],
      people: [],
      backups: []
    }).api
  )
  const w = mountView(PeopleView)
  await flushPromises()
  await sleep(20)
  expect(byTestId('people-empty-file')?.textContent).toContain(
    'Chưa có ai trong danh sách. Nhập danh sách từ Excel'
  )
  expect(byTestId('people-empty-import')?.textContent).toContain('Nhập từ Excel')
  expect(byTestId('people-empty')).toBeNull()
  w.unmount()
})

it('when people exist but none match, says so', async () => {
  installApi(
    createFakeApi({
      units: [unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở')],
      people: [person(1, 1, 'Nguyễn Văn An')],
      backups: []
    }).api
  )
  const w = mountView(PeopleView)
  await flushPromises()
  await type('people-search', 'khong ai')
  await sleep(300)
  await flushPromises()
  await sleep(20)
  expect(byTestId('people-empty')?.textContent).toBe('Không có người nào khớp với điều kiện lọc.')
  expect(byTestId('people-empty-file')).toBeNull()
  w.unmount()
})
