import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { call } from '@renderer/api'
import { useFormSave, type FormSave } from '@renderer/composables/use-form-save'
import UnitsView from '@renderer/views/UnitsView.vue'
import { ApiError, createFakeApi, unit } from '../fake-api'
import { $$, byTestId, click, installApi, mountView, sleep, type } from '../helpers'

// A component with nothing but the composable, so the test sees exactly what it gives a dialog.
function mountProbe() {
  let form!: FormSave
  const Probe = defineComponent({
    setup() {
      form = useFormSave()
      return () => h('div', { 'data-testid': 'probe' }, form.saving.value ? 'saving' : 'idle')
    }
  })
  const wrapper = mount(Probe, { attachTo: document.body })
  return { wrapper, form }
}

const messages = (kind: 'error' | 'success') =>
  $$(`.el-message--${kind}`).map((m) => m.textContent?.trim())

describe('useFormSave', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it("keeps the fields a refusal names and shows the core's message; the next try starts clean", async () => {
    let refuse = true
    installApi(
      createFakeApi(
        { units: [], people: [], backups: [] },
        {
          'units:create': (input) => {
            if (refuse)
              throw new ApiError('VALIDATION', 'Dữ liệu chưa hợp lệ.', {
                name: 'Đã có đơn vị cùng tên.'
              })
            return unit(1, null, input.name, input.level)
          }
        }
      ).api
    )
    const { wrapper, form } = mountProbe()
    const create = () =>
      call('units:create', { parentId: null, name: 'Chi bộ ấp 1', level: 'Chi bộ' })

    expect(await form.save(create, 'Đã lưu.')).toBe(false)
    expect(form.errors.value).toEqual({ name: 'Đã có đơn vị cùng tên.' })
    expect(form.saving.value).toBe(false)
    await flushPromises()
    expect(messages('error')).toContain('Dữ liệu chưa hợp lệ.')
    expect(messages('success')).toEqual([])

    refuse = false
    expect(await form.save(create, 'Đã lưu.')).toBe(true)
    expect(form.errors.value).toEqual({})
    await flushPromises()
    expect(messages('success')).toContain('Đã lưu.')
    wrapper.unmount()
  })

  it('says it is saving for exactly as long as the action runs', async () => {
    const { wrapper, form } = mountProbe()
    let finish!: () => void
    const done = form.save(() => new Promise<void>((r) => (finish = r)))
    await flushPromises()
    expect(form.saving.value).toBe(true)
    expect(byTestId('probe')?.textContent).toBe('saving')
    finish()
    expect(await done).toBe(true)
    await flushPromises()
    expect(byTestId('probe')?.textContent).toBe('idle')
    wrapper.unmount()
  })

  it('shows a broken link to the core as the general message, with no field marked', async () => {
    installApi(
      createFakeApi(
        { units: [], people: [], backups: [] },
        {
          'units:create': () => {
            throw new TypeError('fetch failed')
          }
        }
      ).api
    )
    const { wrapper, form } = mountProbe()
    form.errors.value = { name: 'cũ' }
    expect(
      await form.save(() => call('units:create', { parentId: null, name: 'A', level: 'B' }))
    ).toBe(false)
    expect(form.errors.value).toEqual({})
    await flushPromises()
    expect(messages('error').join(' ')).toContain('Không liên lạc được với phần lõi của ứng dụng.')
    wrapper.unmount()
  })

  it('puts a refused field of the unit form next to that field and keeps the dialog open', async () => {
    const fake = createFakeApi(
      { units: [unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở')], people: [], backups: [] },
      {
        'units:create': () => {
          throw new ApiError('CONFLICT', 'Đã có đơn vị "Chi bộ ấp 1" trong cùng đơn vị cấp trên.', {
            name: 'Tên này đã có.'
          })
        }
      }
    )
    installApi(fake.api)
    const wrapper = mountView(UnitsView)
    await flushPromises()
    await click('units-add-root')
    await type('unit-form-name', 'Chi bộ ấp 1')
    await type('unit-form-level', 'Chi bộ')
    await click('unit-form-save')
    await sleep(150) // Element Plus shows a form item's error after a short debounce
    expect(fake.callsTo('units:create')).toHaveLength(1)
    expect(
      $$('[data-testid="unit-form"] .el-form-item__error').map((e) => e.textContent?.trim())
    ).toEqual(['Tên này đã có.'])
    expect(messages('error')).toContain('Đã có đơn vị "Chi bộ ấp 1" trong cùng đơn vị cấp trên.')
    const overlay = byTestId('unit-form')?.closest<HTMLElement>('.el-overlay')
    expect(overlay?.style.display).not.toBe('none')
    wrapper.unmount()
  })
})
