// "Xóa vĩnh viễn" from the people list: the confirm names the person, lists what points at them
// (counted per kind) with the warning, and only erases those records once the user ticks so.
import { afterEach, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import PeopleView from '@renderer/views/PeopleView.vue'
import type { PersonRecordCount } from '@shared/api'
import { createFakeApi, person, unit } from '../fake-api'
import { $$, byTestId, click, installApi, mountView, sleep } from '../helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

async function openErase(records: PersonRecordCount[]) {
  const data = {
    units: [unit(1, null, 'Chi bộ ấp 1', 'Chi bộ')],
    people: [person(1, 1, 'Lương Thị Thu Xoan'), person(2, 1, 'Trần Thị Bình')],
    backups: []
  }
  const fake = createFakeApi(data, {
    'people:listRecords': () => records,
    'people:erase': ({ id }) => {
      data.people = data.people.filter((p) => p.id !== id)
      return { erasedRecords: 3, backupFile: 'sao-luu_x_truoc-xoa.sqlite', walEmptied: true }
    }
  })
  installApi(fake.api)
  const w = mountView(PeopleView)
  await flushPromises()
  await sleep(20)
  expect((byTestId('people-erase') as HTMLButtonElement).disabled).toBe(true)
  const row = $$('[data-testid="people-row"]').find((r) => r.textContent?.includes('Xoan'))!
  row.click()
  await flushPromises()
  await click('people-erase')
  await sleep(20)
  return { fake, w }
}

const confirmButton = () => byTestId('person-erase-confirm') as HTMLButtonElement

it('lists the records with the warning, and erases them only once the user ticks so', async () => {
  const { fake, w } = await openErase([
    { kind: 'study_attendance', label: 'điểm danh học tập', count: 2 },
    { kind: 'commitments', label: 'cam kết', count: 1 }
  ])
  expect(byTestId('person-erase-name')?.textContent).toBe('Lương Thị Thu Xoan')
  const dialog = byTestId('person-erase-dialog')!.closest('.el-dialog') ?? document.body
  expect(dialog.textContent).toContain('Không thể hoàn tác')
  expect(dialog.textContent).toContain('bản sao lưu')
  const records = byTestId('person-erase-records')!.textContent!
  expect(records).toContain('2 điểm danh học tập')
  expect(records).toContain('1 cam kết')
  expect(confirmButton().disabled).toBe(true)

  ;(byTestId('person-erase-with-records')!.querySelector('input') as HTMLInputElement).click()
  await flushPromises()
  expect(confirmButton().disabled).toBe(false)
  confirmButton().click()
  await flushPromises()
  expect(fake.callsTo('people:erase')).toEqual([{ id: 1, withRecords: true }])
  expect(fake.callsTo('people:listRecords')).toEqual([{ id: 1 }])
  await sleep(20)
  expect($$('[data-testid="people-row"]').map((r) => r.textContent)).not.toContainEqual(
    expect.stringContaining('Xoan')
  )
  w.unmount()
})

it('with nothing pointing at the person, says so and erases without records', async () => {
  const { fake, w } = await openErase([])
  expect(byTestId('person-erase-records')!.textContent).toContain(
    'Không có dữ liệu nào khác gắn với người này.'
  )
  expect(byTestId('person-erase-with-records')).toBeNull()
  expect(confirmButton().disabled).toBe(false)
  confirmButton().click()
  await flushPromises()
  expect(fake.callsTo('people:erase')).toEqual([{ id: 1, withRecords: false }])
  w.unmount()
})

it('cancelling erases nothing', async () => {
  const { fake, w } = await openErase([])
  await click('person-erase-cancel')
  expect(fake.callsTo('people:erase')).toEqual([])
  w.unmount()
})
