// One unit picker everywhere, found without diacritics: in each place that picks a unit, typing
// "tan lap" offers the units named "Tân Lập" and nothing else.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { ElOption, ElSelect } from 'element-plus'
import { createMemoryHistory } from 'vue-router'
import type { StudySession } from '@shared/api'
import UnitSelect from '@renderer/components/common/UnitSelect.vue'
import ImportView from '@renderer/views/ImportView.vue'
import PeopleView from '@renderer/views/PeopleView.vue'
import StudyView from '@renderer/views/StudyView.vue'
import UnitsView from '@renderer/views/UnitsView.vue'
import { createAppRouter } from '@renderer/router'
import { createFakeApi, unit, type FakeData } from '../fake-api'
import { byTestId, click, installApi, mountView } from '../helpers'
import { createImportApi } from '../import-fake'

const TAN_LAP = ['Đảng ủy xã Tân Lập', 'Chi bộ Tân Lập Đông']

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 3),
    unit(3, 1, 'Chi bộ Tân Lập Đông', 'Chi bộ', 2),
    unit(4, 1, 'Chi bộ Tân Phú', 'Chi bộ', 1)
  ],
  people: [],
  backups: []
})

/** Unit names of the fakes (the import's too), to tell unit choices from extra ones. */
const KNOWN = new Set([...data().units.map((u) => u.name), 'Chi bộ Ấp 3'])

const session: StudySession = {
  id: 7,
  topicId: 4,
  year: 2024,
  kind: 'cell_meeting',
  heldOn: '2024-05-20',
  hostUnitId: 1,
  hostUnitName: 'Đảng ủy xã Tân Lập',
  title: null,
  points: [{ name: 'Hội trường', unitId: null, attendees: 40 }],
  extraNonMembers: 0,
  note: null,
  attendedMembers: 0,
  attendedNonMembers: 0
}

/** Types into the picker named `testid` and returns the units it then offers. */
async function search(w: VueWrapper, testid: string, text: string): Promise<string[]> {
  const picker = w.findAllComponents(UnitSelect).find((c) => c.attributes('data-testid') === testid)
  expect(picker, `a UnitSelect with data-testid=${testid}`).toBeTruthy()
  const input = picker!.find('input')
  ;(input.element as HTMLInputElement).value = text
  await input.trigger('input')
  await flushPromises()
  return picker!
    .findAllComponents(ElOption)
    .map((o) => String(o.props('label')))
    .filter((label) => KNOWN.has(label))
}

/** No bare el-select over units is left: every select offering unit names is a UnitSelect. */
function noOtherUnitSelects(w: VueWrapper): void {
  const pickers = new Set(w.findAllComponents(UnitSelect).map((c) => c.element))
  for (const s of w.findAllComponents(ElSelect)) {
    const labels = s.findAllComponents(ElOption).map((o) => String(o.props('label')))
    if (labels.some((l) => KNOWN.has(l)))
      expect(pickers.has(s.element), s.attributes('data-testid')).toBe(true)
  }
}

describe('the unit picker', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('finds "Tân Lập" from "tan lap" in the study section: coverage, session host, point, checklist', async () => {
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2024 }),
      'study:listTopics': () => [
        {
          id: 4,
          year: 2024,
          title: 'Chủ đề',
          planNumber: null,
          planDate: null,
          note: null,
          sessionCount: 1
        }
      ],
      'study:listSessions': () => [session],
      'study:checklist': (i) => ({ sessionId: 7, unitId: i.unitId, unitName: '', rows: [] })
    })
    installApi(fake.api)
    const w = mountView(StudyView)
    await flushPromises()
    expect(await search(w, 'coverage-unit', 'tan lap')).toEqual(TAN_LAP)

    await click('session-edit')
    expect(await search(w, 'session-form-host', 'TAN LAP')).toEqual(TAN_LAP)
    expect(await search(w, 'session-form-point-unit-0', 'tân lập')).toEqual(TAN_LAP)
    noOtherUnitSelects(w)

    await click('session-checklist')
    // The checklist offers units of the host's subtree with people of their own.
    expect(await search(w, 'checklist-unit', 'tan lap')).toEqual(['Chi bộ Tân Lập Đông'])
    expect(await search(w, 'checklist-unit', '')).toEqual([
      'Chi bộ ấp 1',
      'Chi bộ Tân Lập Đông',
      'Chi bộ Tân Phú'
    ])
    w.unmount()
  })

  it("finds it in the person form's unit", async () => {
    installApi(createFakeApi(data()).api)
    const w = mountView(PeopleView)
    await flushPromises()
    await click('people-add')
    expect(await search(w, 'person-unitId', 'tan lap')).toEqual(TAN_LAP)
    noOtherUnitSelects(w)
    w.unmount()
  })

  it('finds it when moving or merging a unit', async () => {
    installApi(createFakeApi(data()).api)
    const w = mountView(UnitsView)
    await flushPromises()
    byTestId('units-node-Chi bộ Tân Phú')!.click()
    await flushPromises()
    await click('units-move')
    expect(await search(w, 'unit-move-parent', 'tan lap')).toEqual(TAN_LAP)
    await click('units-merge')
    // Not into itself: Tân Phú is not offered, whatever is typed.
    expect(await search(w, 'unit-merge-into', 'tan')).toEqual(TAN_LAP)
    noOtherUnitSelects(w)
    w.unmount()
  })

  it("finds it in the import wizard's unit choices", async () => {
    const fake = createImportApi({ newUnit: true })
    installApi(fake.api)
    const router = createAppRouter(createMemoryHistory())
    await router.push('/import')
    const w = mountView(ImportView, { plugins: [router] })
    await router.isReady()
    await flushPromises()
    await click('import-choose')
    await click('import-next')
    await click('import-next')
    // The import's fake data: "Đảng ủy xã Tân Lập" over "Chi bộ Ấp 3".
    expect(await search(w, 'import-parent-unit', 'tan lap')).toEqual(['Đảng ủy xã Tân Lập'])
    expect(await search(w, 'import-parent-unit', 'AP 3')).toEqual(['Chi bộ Ấp 3'])
    noOtherUnitSelects(w)
    w.unmount()
  })
})
