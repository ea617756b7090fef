import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import PeopleView from '@renderer/views/PeopleView.vue'
import { PAGE_SIZE, usePeopleStore } from '@renderer/stores/people'
import { PERSON_STATUSES } from '@shared/api'
import { createFakeApi, person, unit, type FakeData } from '../fake-api'
import { $$, byTestId, installApi, mountView, sleep, type } from '../helpers'

function sampleData(): FakeData {
  return {
    units: [
      unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở'),
      unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 2),
      unit(3, 1, 'Chi bộ ấp 2', 'Chi bộ', 2)
    ],
    people: [
      person(1, 2, 'Nguyễn Văn An', { birthDate: '1980-03-05', partyCardNumber: '01234567' }),
      person(2, 2, 'Trần Thị Bình', { kind: 'non_member', memberType: null, gender: 'female' }),
      person(3, 3, 'Nguyễn Văn Dũng'),
      person(4, 3, 'Lê Văn Cường', { status: 'deceased' })
    ],
    backups: []
  }
}

describe('PeopleView', () => {
  let fake: ReturnType<typeof createFakeApi>
  beforeEach(() => {
    fake = createFakeApi(sampleData())
    installApi(fake.api)
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the total of people on the rolls and their rows', async () => {
    const wrapper = mountView(PeopleView)
    await flushPromises()
    expect(byTestId('people-total')?.textContent).toBe('3')
    const first = fake.callsTo('people:list')[0]
    expect(first).toMatchObject({
      unitId: null,
      includeSubunits: true,
      offset: 0,
      limit: PAGE_SIZE
    })
    expect(first.statuses).toEqual(['active', 'exempt', 'suspended', 'temporary'])

    const rows = $$('[data-testid="people-row"]')
    expect(rows).toHaveLength(3)
    expect(rows[0].textContent).toContain('Nguyễn Văn An')
    expect(rows[0].textContent).toContain('05/03/1980')
    expect(rows[0].textContent).toContain('Chính thức')
    expect(rows[0].textContent).toContain('Chi bộ ấp 1')
    expect(rows[1].textContent).toContain('Quần chúng')
    wrapper.unmount()
  })

  it('searches with the text folded and trimmed, after a pause in typing', async () => {
    const wrapper = mountView(PeopleView)
    await flushPromises()
    const before = fake.callsTo('people:list').length

    await type('people-search', '  NGUYỄN  Văn ')
    expect(fake.callsTo('people:list')).toHaveLength(before) // debounced: nothing yet
    await sleep(300)
    await flushPromises()

    const last = fake.callsTo('people:list').at(-1)!
    expect(last.q).toBe('nguyen van')
    expect(byTestId('people-total')?.textContent).toBe('2')
    wrapper.unmount()
  })

  it('filters by the unit clicked in the tree, with or without its subunits', async () => {
    const wrapper = mountView(PeopleView)
    await flushPromises()

    byTestId('people-units-node-Đảng ủy xã Tân Phú')!.click()
    await flushPromises()
    expect(fake.callsTo('people:list').at(-1)).toMatchObject({ unitId: 1, includeSubunits: true })
    expect(byTestId('people-total')?.textContent).toBe('3')

    byTestId('people-include-subunits')!.querySelector('input')!.click()
    await flushPromises()
    expect(fake.callsTo('people:list').at(-1)).toMatchObject({ unitId: 1, includeSubunits: false })
    expect(byTestId('people-total')?.textContent).toBe('0')

    byTestId('people-units-node-Chi bộ ấp 2')!.click()
    await flushPromises()
    expect(fake.callsTo('people:list').at(-1)).toMatchObject({ unitId: 3, includeSubunits: false })
    expect(byTestId('people-total')?.textContent).toBe('1')
    wrapper.unmount()
  })

  it('can show everyone, including those who left the rolls', async () => {
    const wrapper = mountView(PeopleView)
    await flushPromises()
    byTestId('people-status-all')!.click()
    await flushPromises()
    // "Tất cả trạng thái" means all: the deceased person is listed too.
    expect(fake.callsTo('people:list').at(-1)!.statuses).toEqual([...PERSON_STATUSES])
    expect(byTestId('people-total')?.textContent).toBe('4')
    expect(
      $$('[data-testid="people-row"]')
        .map((r) => r.textContent)
        .join()
    ).toContain('Lê Văn Cường')
    wrapper.unmount()
  })
})

describe('people store paging', () => {
  it('fetches only the pages the table scrolls to, each once', async () => {
    const data = sampleData()
    data.people = Array.from({ length: 1000 }, (_, i) => person(i + 1, 2, `Người số ${i + 1}`))
    const fake = createFakeApi(data)
    installApi(fake.api)
    mountView(PeopleView).unmount()
    const store = usePeopleStore()
    await store.setFilters({ unitId: null })
    expect(store.total).toBe(1000)
    expect(store.rows).toHaveLength(1000)

    const calls = fake.callsTo('people:list').length
    await store.ensureRange(450, 470)
    await store.ensureRange(455, 475)
    const fetched = fake.callsTo('people:list').slice(calls)
    expect(fetched.map((c) => c.offset)).toEqual([400])
    expect(store.rows[450]).toMatchObject({ fullName: 'Người số 451' })
    expect(store.rows[700]).toMatchObject({ pending: true })
  })
})
