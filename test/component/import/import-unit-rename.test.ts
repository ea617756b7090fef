// The import preview names each unit it will create and lets the user correct the name before
// anything is created: the name typed goes to the core with the preview and the commit.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { createMemoryHistory } from 'vue-router'
import ImportView from '@renderer/views/ImportView.vue'
import { createAppRouter } from '@renderer/router'
import { $$, byTestId, click, installApi, mountView, sleep } from '../helpers'
import { createImportApi, NEW_UNIT } from '../import-fake'

async function mountWizard(fake: ReturnType<typeof createImportApi>) {
  installApi(fake.api)
  const router = createAppRouter(createMemoryHistory())
  await router.push('/import')
  const wrapper = mountView(ImportView, { plugins: [router] })
  await router.isReady()
  await flushPromises()
  return wrapper
}

const nameInput = () => byTestId(`import-unit-name-${NEW_UNIT}`) as HTMLInputElement

/** Types a name into the unit's name box and leaves it, as a user does (the box answers on change). */
async function rename(text: string): Promise<void> {
  const input = nameInput()
  input.value = text
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

describe('import preview: a unit to create', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the name it will create under the chosen parent, and sends the name the user corrects', async () => {
    const fake = createImportApi({ newUnit: true })
    const wrapper = await mountWizard(fake)
    await click('import-choose')
    await click('import-next')
    await click('import-next')

    // No parent yet: the unit cannot be created, and there is no name to correct.
    expect(byTestId(`import-unit-plan-${NEW_UNIT}`)?.textContent).toContain('chọn đơn vị cấp trên')
    expect(byTestId(`import-unit-name-${NEW_UNIT}`)).toBeNull()

    const select = (id: string) =>
      wrapper.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === id)!
    select('import-parent-unit').vm.$emit('update:modelValue', 1)
    await flushPromises()
    expect(fake.callsTo('import:preview').at(-1)).toMatchObject({ parentUnitId: 1 })
    expect(byTestId(`import-unit-plan-${NEW_UNIT}`)?.textContent).toBe(
      'Tạo mới "Chi bộ công an xã" thuộc Đảng ủy xã Tân Lập'
    )
    expect(nameInput().value).toBe('Chi bộ công an xã')

    // The user corrects the name: the preview is asked again with it, and shows it.
    await rename('  Chi bộ Công an xã Tân Lập ')
    await flushPromises()
    expect(fake.callsTo('import:preview').at(-1)!.unitChoices).toEqual([
      { name: NEW_UNIT, unitId: null, createName: 'Chi bộ Công an xã Tân Lập' }
    ])
    expect(byTestId(`import-unit-plan-${NEW_UNIT}`)?.textContent).toBe(
      'Tạo mới "Chi bộ Công an xã Tân Lập" thuộc Đảng ủy xã Tân Lập'
    )
    expect(nameInput().value).toBe('Chi bộ Công an xã Tân Lập')

    // The commit carries the same choice.
    await click('import-commit')
    await flushPromises()
    const btn = $$('.el-message-box__btns .el-button--primary').at(-1)
    btn?.click()
    await flushPromises()
    await sleep(50)
    await flushPromises()
    expect(fake.callsTo('import:commit')).toHaveLength(1)
    expect(fake.callsTo('import:commit')[0]).toMatchObject({
      parentUnitId: 1,
      unitChoices: [{ name: NEW_UNIT, unitId: null, createName: 'Chi bộ Công an xã Tân Lập' }]
    })

    wrapper.unmount()
  })

  it('an emptied name goes back to the one proposed', async () => {
    const fake = createImportApi({ newUnit: true })
    const wrapper = await mountWizard(fake)
    await click('import-choose')
    await click('import-next')
    await click('import-next')
    wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.attributes('data-testid') === 'import-parent-unit')!
      .vm.$emit('update:modelValue', 1)
    await flushPromises()
    await rename('Chi bộ Công an')
    await flushPromises()
    await rename('   ')
    await flushPromises()
    expect(fake.callsTo('import:preview').at(-1)!.unitChoices).toBeUndefined()
    expect(nameInput().value).toBe('Chi bộ công an xã')
    wrapper.unmount()
  })
})
