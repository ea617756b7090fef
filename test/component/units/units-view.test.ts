import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import UnitsView from '@renderer/views/UnitsView.vue'
import { createFakeApi, unit } from '../fake-api'
import { byTestId, click, installApi, mountView, type } from '../helpers'

describe('UnitsView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the tree with levels and counts, and adds a child unit under the selected one', async () => {
    const fake = createFakeApi({
      units: [
        unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở'),
        unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 12)
      ],
      people: [],
      backups: []
    })
    installApi(fake.api)
    const wrapper = mountView(UnitsView)
    await flushPromises()

    const root = byTestId('units-node-Đảng ủy xã Tân Phú')!
    expect(root.textContent).toContain('Đảng ủy cơ sở')
    expect(root.textContent).toContain('12 người') // people of the whole subtree
    expect(byTestId('units-node-Chi bộ ấp 1')?.textContent).toContain('Chi bộ')

    root.click()
    await flushPromises()
    expect(byTestId('units-detail-name')?.textContent).toBe('Đảng ủy xã Tân Phú')
    expect(fake.callsTo('units:history').at(-1)).toEqual({ id: 1 })

    await click('units-add-child')
    await type('unit-form-name', '  Chi bộ   ấp 2 ')
    await click('unit-form-save')
    expect(fake.callsTo('units:create')).toEqual([]) // the level is required
    await type('unit-form-level', 'Chi bộ')
    await click('unit-form-save')

    expect(fake.callsTo('units:create')).toEqual([
      { parentId: 1, name: 'Chi bộ ấp 2', level: 'Chi bộ' }
    ])
    expect(byTestId('units-node-Chi bộ ấp 2')).not.toBeNull()
    wrapper.unmount()
  })

  it("sets who signs a unit's documents in its dialog, showing its level's default", async () => {
    const fake = createFakeApi({
      units: [
        unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở'),
        unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 12)
      ],
      people: [],
      backups: []
    })
    installApi(fake.api)
    const wrapper = mountView(UnitsView)
    await flushPromises()
    byTestId('units-node-Chi bộ ấp 1')!.click()
    await flushPromises()
    await click('units-edit')
    const line = byTestId('unit-form-signer-line') as HTMLInputElement
    expect(line.placeholder).toBe('T/M CHI BỘ')
    expect((byTestId('unit-form-signer-title') as HTMLInputElement).placeholder).toBe('BÍ THƯ')
    await type('unit-form-signer-line', 'T/M CHI ỦY')
    await type('unit-form-signer-title', 'PHÓ BÍ THƯ')
    await type('unit-form-signer-name', ' Lê Thị Hoa ')
    await click('unit-form-save')
    expect(fake.callsTo('units:update')).toEqual([
      {
        id: 2,
        name: 'Chi bộ ấp 1',
        level: 'Chi bộ',
        signer: { line: 'T/M CHI ỦY', title: 'PHÓ BÍ THƯ', name: 'Lê Thị Hoa' }
      }
    ])
    // Opened again, the dialog shows what was set.
    await click('units-edit')
    expect((byTestId('unit-form-signer-name') as HTMLInputElement).value).toBe('Lê Thị Hoa')
    wrapper.unmount()
  })
})
