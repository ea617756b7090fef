import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { PersonFields } from '@shared/api'
import PersonFormDialog from '@renderer/components/people/PersonFormDialog.vue'
import { buildUnitTree } from '@renderer/stores/units'
import { $$, byTestId, click, mountView, sleep, type } from '../helpers'
import { unit } from '../fake-api'

const units = buildUnitTree([
  unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở'),
  unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 3)
])

function mountForm(props: Record<string, unknown> = {}) {
  return mountView(PersonFormDialog, {
    props: {
      modelValue: true,
      person: null,
      defaultUnitId: 2,
      units,
      saving: false,
      serverErrors: {},
      statusHistory: [],
      ...props
    }
  })
}

// Element Plus shows a form item's error after a short debounce.
async function shownErrors() {
  await sleep(150)
  return $$('.el-form-item__error').map((e) => e.textContent?.trim())
}

describe('PersonFormDialog', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('rejects a bad date and a card number that is not 8 digits, in Vietnamese', async () => {
    const wrapper = mountForm()
    await flushPromises()
    await type('person-fullName', 'NGUYỄN VĂN AN')
    await type('person-birthDate', '31/02/1980')
    await type('person-partyCardNumber', '1234567')
    await type('person-nationalId', '12345')
    await click('person-save')

    expect(await shownErrors()).toEqual(
      expect.arrayContaining([
        'Ngày không hợp lệ. Nhập theo dạng dd/mm/yyyy, mm/yyyy hoặc yyyy.',
        'Số thẻ đảng viên gồm 8 chữ số.',
        'Số CCCD gồm 12 chữ số.'
      ])
    )
    expect(wrapper.emitted('submit')).toBeUndefined()
    wrapper.unmount()
  })

  it('requires a name, and sends clean fields once the input is right', async () => {
    const wrapper = mountForm()
    await flushPromises()
    await click('person-save')
    expect(await shownErrors()).toContain('Họ và tên không được để trống.')

    await type('person-fullName', '  NGUYỄN   VĂN AN ')
    await type('person-birthDate', '5/3/1980')
    await type('person-partyJoinDate', '05/2005')
    await type('person-partyCardNumber', '01234567')
    await click('person-save')

    const submitted = wrapper.emitted('submit')?.[0]?.[0] as PersonFields
    expect(submitted).toMatchObject({
      unitId: 2,
      kind: 'member',
      fullName: 'Nguyễn Văn An',
      birthDate: '1980-03-05',
      partyJoinDate: '2005-05',
      partyCardNumber: '01234567',
      memberType: 'official',
      role: null
    })
    wrapper.unmount()
  })

  it('hides member-only fields for non-members and shows server field errors', async () => {
    const wrapper = mountForm({
      serverErrors: { nationalId: 'Số CCCD này đã có trong danh sách.' }
    })
    await flushPromises()
    expect(byTestId('person-partyCardNumber')).not.toBeNull()
    expect(await shownErrors()).toContain('Số CCCD này đã có trong danh sách.')
    await type('person-nationalId', '012345678901')
    expect(await shownErrors()).not.toContain('Số CCCD này đã có trong danh sách.') // cleared by editing

    await click('person-kind-non_member')
    expect(byTestId('person-partyCardNumber')).toBeNull()
    expect(byTestId('person-role')).not.toBeNull()
    wrapper.unmount()
  })
})
