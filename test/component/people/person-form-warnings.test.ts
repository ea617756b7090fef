// The person form says of unusual values (joined under 18, born before 1920, official less than a
// year after joining) what the importer says, as warnings under the fields that do not stop saving.
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

function mountForm() {
  return mountView(PersonFormDialog, {
    props: {
      modelValue: true,
      person: null,
      defaultUnitId: 2,
      units,
      saving: false,
      serverErrors: {},
      statusHistory: []
    }
  })
}

const warning = (field: string) => byTestId(`person-warning-${field}`)?.textContent?.trim() ?? null

describe('PersonFormDialog: unusual values', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('warns of a join under 18, a birth before 1920 and an early official date, and saves anyway', async () => {
    const wrapper = mountForm()
    await flushPromises()
    await type('person-fullName', 'Nguyễn Văn An')
    await type('person-birthDate', '12/03/1990')
    await type('person-partyJoinDate', '01/06/2007')
    await type('person-partyOfficialDate', '01/12/2007')
    expect(warning('partyJoinDate')).toBe(
      'Vào Đảng khi chưa đủ 18 tuổi (17 tuổi); hãy kiểm tra lại.'
    )
    expect(warning('partyOfficialDate')).toBe(
      'Ngày chính thức chưa đủ 12 tháng sau ngày vào Đảng; hãy kiểm tra lại.'
    )
    expect(warning('birthDate')).toBeNull()

    await click('person-save')
    await sleep(150)
    expect($$('.el-form-item__error')).toEqual([])
    expect(wrapper.emitted('submit')?.[0]?.[0] as PersonFields).toMatchObject({
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-03-12',
      partyJoinDate: '2007-06-01',
      partyOfficialDate: '2007-12-01'
    })

    // Usual values: the warnings go as the user corrects them.
    await type('person-partyJoinDate', '01/06/2010')
    await type('person-partyOfficialDate', '01/06/2011')
    expect(warning('partyJoinDate')).toBeNull()
    expect(warning('partyOfficialDate')).toBeNull()

    await type('person-birthDate', '1915')
    expect(warning('birthDate')).toBe('Năm sinh 1915 (trước năm 1920); hãy kiểm tra lại.')
    wrapper.unmount()
  })

  it('an impossible value is an error, not a warning, and is not saved', async () => {
    const wrapper = mountForm()
    await flushPromises()
    await type('person-fullName', 'Nguyễn Văn An')
    await type('person-birthDate', '12/03/1990')
    await type('person-partyJoinDate', '01/06/1985')
    await click('person-save')
    await sleep(150)
    expect($$('.el-form-item__error').map((e) => e.textContent?.trim())).not.toEqual([])
    expect(warning('partyJoinDate')).toBeNull()
    expect(wrapper.emitted('submit')).toBeUndefined()
    wrapper.unmount()
  })
})
