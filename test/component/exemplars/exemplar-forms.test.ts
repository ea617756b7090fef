// The section's form dialogs over the in-memory api: what each sends the core, what it checks
// itself before sending (in Vietnamese, next to the field), a core refusal shown next to its
// field, and the reward decision's two warnings shown without blocking the save.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Award, Exemplar, Input } from '@shared/api'
import AwardDialog from '@renderer/components/exemplars/AwardDialog.vue'
import ExemplarDialog from '@renderer/components/exemplars/ExemplarDialog.vue'
import ExemplarStatusDialog from '@renderer/components/exemplars/ExemplarStatusDialog.vue'
import MovementDialog from '@renderer/components/exemplars/MovementDialog.vue'
import { ApiError, createFakeApi, person, unit, type FakeData } from '../fake-api'
import { $, byTestId, click as press, installApi, mountView, sleep, type } from '../helpers'

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 2)
  ],
  people: [person(7, 2, 'Nguyễn Văn An'), person(8, 2, 'Trần Thị Bình')],
  backups: []
})

const exemplar = (id: number, displayName: string, extra: Partial<Exemplar> = {}): Exemplar => ({
  id,
  kind: 'person',
  personId: id,
  unitId: null,
  name: null,
  field: null,
  sinceYear: null,
  achievement: `Thành tích của ${displayName}`,
  proposedForm: null,
  proposingUnitId: 2,
  year: 2025,
  toYear: null,
  movementId: null,
  evidence: null,
  press: [],
  displayName,
  placeText: 'Chi bộ ấp 1',
  proposingUnitName: 'Chi bộ ấp 1',
  movementTitle: null,
  status: 'proposed',
  steps: [
    { status: 'proposed', date: '2025-03-01', unitId: 2, unitName: 'Chi bộ ấp 1', note: null }
  ],
  ...extra
})

/** Opens a dialog the way its parent does: mounted closed, then its v-model set to true. */
async function open(component: unknown, props: Record<string, unknown>) {
  const w = mountView(component as never, { props: { modelValue: false, ...props } })
  await flushPromises()
  await w.setProps({ modelValue: true })
  await sleep(10)
  await flushPromises()
  mounted = w
  return w
}

/** Chooses a value in an Element Plus select (its dropdown needs layout happy-dom has not). */
async function choose(w: VueWrapper, testId: string, value: unknown) {
  const select = w
    .findAllComponents({ name: 'ElSelect' })
    .find((c) => c.element.getAttribute('data-testid') === testId)
  if (!select) throw new Error(`no select ${testId}`)
  select.vm.$emit('update:modelValue', value)
  await flushPromises()
}

let mounted: VueWrapper
/** The message the form shows under the field (the error its form item is given). */
function fieldError(testId: string): string | undefined {
  const field = byTestId(testId)
  const item = mounted
    .findAllComponents({ name: 'ElFormItem' })
    .find((c) => c.element.contains(field))
  expect(item?.classes()).toContain('is-error')
  return item?.props('error') as string | undefined
}

/** Clicks, then lets the form's error and the toast (both with a transition) appear. */
async function click(testId: string) {
  await press(testId)
  await sleep(20)
  await flushPromises()
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('exemplar forms', () => {
  it('records a model: refuses it without a name, sends the kind’s fields and the proposed form', async () => {
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2025 }),
      'exemplars:create': (f) => exemplar(31, f.name ?? '', { ...f }),
      'exemplars:list': () => ({ rows: [], total: 0 })
    })
    installApi(fake.api)
    const w = await open(ExemplarDialog, { exemplar: null, year: 2025, unitId: 2 })
    expect(byTestId('exemplar-dialog')?.textContent).toContain('Ghi điển hình, mô hình mới')
    // A person exemplar needs a person on file.
    await click('exemplar-save')
    expect(fieldError('exemplar-person')).toBe('Chưa chọn người.')
    expect(fake.callsTo('exemplars:create')).toEqual([])

    ;(byTestId('exemplar-kind-model')!.querySelector('input') as HTMLInputElement).click()
    await flushPromises()
    await click('exemplar-save')
    expect(fieldError('exemplar-name')).toBe('Chưa nhập tên mô hình.')

    await type('exemplar-name', 'Tuyến đường nở hoa')
    await type('exemplar-achievement', 'Trồng 2 km hoa')
    await choose(w, 'exemplar-proposed-form', 'merit')
    await choose(w, 'exemplar-unit', 2)
    await type('exemplar-to-year', '20x')
    await click('exemplar-save')
    expect(fieldError('exemplar-year')).toBe('Nhập năm có 4 chữ số.')
    await type('exemplar-to-year', '')
    await click('exemplar-save')
    expect(fake.callsTo('exemplars:create')).toEqual([
      {
        kind: 'model',
        personId: null,
        unitId: 2,
        name: 'Tuyến đường nở hoa',
        field: null,
        sinceYear: null,
        achievement: 'Trồng 2 km hoa',
        proposedForm: 'merit',
        proposingUnitId: 2,
        year: 2025,
        toYear: null,
        movementId: null,
        evidence: null,
        press: []
      }
    ])
    expect($('.el-message--success')?.textContent).toContain('Đã ghi vào danh sách')
  })

  it('records a person found by name, and shows the core’s refusal next to its field', async () => {
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2025 }),
      'exemplars:create': () => {
        throw new ApiError('VALIDATION', 'Năm cuối của giai đoạn trước năm đầu.', {
          toYear: 'Năm cuối của giai đoạn trước năm đầu.'
        })
      }
    })
    installApi(fake.api)
    const w = await open(ExemplarDialog, { exemplar: null, year: 2025, unitId: null })
    const person = w
      .findAllComponents({ name: 'ElSelect' })
      .find((c) => c.element.getAttribute('data-testid') === 'exemplar-person')!
    // The remote search asks the core for people by name.
    await (person.props('remoteMethod') as (q: string) => Promise<void>)('an')
    await flushPromises()
    expect(fake.callsTo('people:list').at(-1)).toMatchObject({ q: 'an', unitId: null })
    await choose(w, 'exemplar-person', 7)
    await type('exemplar-to-year', '2024')
    await click('exemplar-save')
    // The person's own chi bộ proposes unless the user chose another.
    expect(fake.callsTo('exemplars:create')[0]).toMatchObject({
      kind: 'person',
      personId: 7,
      proposingUnitId: 2,
      year: 2025,
      toYear: 2024
    })
    expect(fieldError('exemplar-year')).toBe('Năm cuối của giai đoạn trước năm đầu.')
    expect($('.el-message--error')?.textContent).toContain('Năm cuối của giai đoạn')
  })

  it('moves an exemplar forward only, with a full date', async () => {
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2025 }),
      'exemplars:setStatus': (i) => exemplar(5, 'Nguyễn Văn An', { status: i.status }),
      'exemplars:list': () => ({ rows: [], total: 0 })
    })
    installApi(fake.api)
    const w = await open(ExemplarStatusDialog, {
      exemplar: exemplar(5, 'Nguyễn Văn An', { status: 'recognised' })
    })
    const next = w.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label') as string)
    expect(next).toEqual(['Được biểu dương, khen thưởng', 'Nhân rộng'])
    await type('status-date', '03/2025')
    await click('status-save')
    expect(fieldError('status-date')).toBe('Nhập đủ ngày, tháng, năm (dd/mm/yyyy).')
    await type('status-date', '19/05/2025')
    await choose(w, 'status-next', 'spread')
    await click('status-save')
    expect(fake.callsTo('exemplars:setStatus')).toEqual([
      { id: 5, status: 'spread', date: '2025-05-19', unitId: 2, note: null }
    ])
  })

  it('records a movement with its decision and dates', async () => {
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2025 }),
      'exemplars:createMovement': (f) => ({ ...f, id: 1, unitName: 'Đảng ủy xã Tân Lập' }),
      'exemplars:listMovements': () => []
    })
    installApi(fake.api)
    const w = await open(MovementDialog, { movement: null, year: 2025 })
    await click('movement-save')
    expect(fieldError('movement-title')).toBe('Chưa nhập tên phong trào.')
    await type('movement-title', 'Dân vận khéo')
    await choose(w, 'movement-unit', 1)
    await click('movement-save')
    expect(fake.callsTo('exemplars:createMovement')).toEqual([
      {
        year: 2025,
        title: 'Dân vận khéo',
        unitId: 1,
        decisionNumber: null,
        decisionDate: null,
        fromDate: null,
        toDate: null,
        criteria: null
      }
    ])
  })

  it('rewards two exemplars with one decision: the warnings show while filling and after saving, never blocking', async () => {
    const WARN = [
      'Hình thức "Bằng khen" vượt thẩm quyền của cấp "Chi bộ".',
      'Nguyễn Văn An đã được khen năm 2025 dịp "Tổng kết năm".'
    ]
    const rows = [exemplar(11, 'Nguyễn Văn An'), exemplar(12, 'Trần Thị Bình')]
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2025 }),
      'exemplars:list': () => ({ rows, total: 2 }),
      'exemplars:checkAward': () => WARN,
      'exemplars:listAwards': () => [],
      'exemplars:createAward': (f) => ({
        award: { ...f, id: 1 } as unknown as Award,
        warnings: WARN
      })
    })
    installApi(fake.api)
    const w = await open(AwardDialog, { preselected: [11] })
    await click('award-save')
    expect(fieldError('award-number')).toBe('Chưa nhập số quyết định.')
    expect(fieldError('award-issuer')).toBe('Chưa chọn cấp ra quyết định.')

    await type('award-number', '45-QĐ/CB')
    await type('award-date', '19/05/2025')
    await choose(w, 'award-issuer', 2)
    await choose(w, 'award-form', 'merit')
    await choose(w, 'award-recipients', [11, 12])
    await sleep(300)
    await flushPromises()
    expect(byTestId('award-warnings')?.textContent).toContain('vượt thẩm quyền')
    expect(byTestId('award-warnings')?.textContent).toContain('đã được khen')
    const citations = byTestId('award-citations')!.querySelectorAll('textarea')
    expect(citations[0].value).toBe('Thành tích của Nguyễn Văn An')
    citations[1].value = 'Giúp 3 hộ thoát nghèo'
    citations[1].dispatchEvent(new Event('input', { bubbles: true }))
    await flushPromises()

    await click('award-save')
    const sent = fake.callsTo('exemplars:createAward')[0] as Input<'exemplars:createAward'>
    expect(sent).toMatchObject({
      number: '45-QĐ/CB',
      date: '2025-05-19',
      issuerUnitId: 2,
      issuerName: null,
      form: 'merit',
      kind: 'annual'
    })
    expect(sent.recipients).toEqual([
      { exemplarId: 11, personId: null, unitId: null, citation: 'Thành tích của Nguyễn Văn An' },
      { exemplarId: 12, personId: null, unitId: null, citation: 'Giúp 3 hộ thoát nghèo' }
    ])
    expect($('.el-message--warning')?.textContent).toContain('vượt thẩm quyền')
  })
})
