// A message about a field goes once the field is changed: the form's own checks and the core's
// refusal alike (useFieldErrors in composables/use-form-save.ts, used by the unit, topic and session dialogs).
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import UnitsView from '@renderer/views/UnitsView.vue'
import { ApiError, createFakeApi } from '../fake-api'
import { $$, byTestId, click, installApi, mountView, sleep, type } from '../helpers'

// Element Plus shows a form item's error after a short debounce.
async function shown(dialog: string) {
  await sleep(200)
  return $$(`[data-testid="${dialog}"] .el-form-item__error`).map((e) => e.textContent?.trim())
}

describe('stale messages', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it("go from a field once it is corrected, the form's own and the core's", async () => {
    installApi(
      createFakeApi(
        { units: [], people: [], backups: [] },
        {
          'units:create': () => {
            throw new ApiError('CONFLICT', 'Đã có đơn vị "Chi bộ ấp 1" ở cùng cấp.', {
              name: 'Đã có đơn vị "Chi bộ ấp 1" ở cùng cấp.',
              signerLine: 'Dòng "thay mặt" dài 90 ký tự, quá mức tối đa 80 ký tự: hãy rút gọn.'
            })
          }
        }
      ).api
    )
    mountView(UnitsView)
    await flushPromises()
    await click('units-add-root')
    await click('unit-form-save')
    expect(await shown('unit-form')).toEqual([
      'Chưa nhập tên đơn vị.',
      'Chưa nhập cấp của đơn vị (ví dụ: Chi bộ).'
    ])
    await type('unit-form-name', 'Chi bộ ấp 1')
    // The name's message goes; the level's, not corrected, stays.
    expect(await shown('unit-form')).toEqual(['Chưa nhập cấp của đơn vị (ví dụ: Chi bộ).'])
    await type('unit-form-level', 'Chi bộ')
    expect(await shown('unit-form')).toEqual([])

    await type('unit-form-signer-line', 'T/M ' + 'CHI BỘ '.repeat(12))
    await click('unit-form-save')
    await flushPromises()
    expect(await shown('unit-form')).toHaveLength(2)
    await type('unit-form-name', 'Chi bộ ấp 2')
    expect(await shown('unit-form')).toEqual([
      'Dòng "thay mặt" dài 90 ký tự, quá mức tối đa 80 ký tự: hãy rút gọn.'
    ])
    await type('unit-form-signer-line', 'T/M CHI ỦY')
    expect(await shown('unit-form')).toEqual([])
    expect(byTestId('unit-form')).not.toBeNull()
  })
})
