// The keyboard rules every form dialog shares (common/FormDialog.vue, composables/use-form-save.ts),
// checked on two different dialogs: a unit's and a person's. The cursor goes to the first field;
// the close button is out of the Tab order; Enter saves from a single-line field but not from a
// text area; Escape or the close button with unsaved changes asks first; a failed save goes to
// the first field in error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import PeopleView from '@renderer/views/PeopleView.vue'
import UnitsView from '@renderer/views/UnitsView.vue'
import { ApiError, createFakeApi, unit, type FakeData } from '../fake-api'
import { byTestId, click, installApi, mountView, sleep, type } from '../helpers'
import { boxOpen, confirmBox, dialogShown, enter, escape } from '../form-keys'

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ')
  ],
  people: [],
  backups: []
})

interface Place {
  name: string
  /** Mounts the view and opens the dialog; returns the fake's calls to the save channel. */
  open: (refuse?: Record<string, string>) => Promise<{ saves: () => unknown[] }>
  /** Opens the dialog again in the same view. */
  reopen: string
  dialog: string
  first: string
  /** Another single-line field, and what to type in it to make the form valid. */
  fill: () => Promise<void>
  textarea?: string
  /** The field a refusal names, below the first. */
  refusedField: { name: string; testid: string }
}

const PLACES: Place[] = [
  {
    name: 'the unit dialog',
    dialog: 'unit-form',
    reopen: 'units-add-root',
    first: 'unit-form-name',
    async open(refuse) {
      const fake = createFakeApi(data(), {
        ...(refuse
          ? {
              'units:create': () => {
                throw new ApiError('VALIDATION', 'Dữ liệu chưa hợp lệ.', refuse)
              }
            }
          : {})
      })
      installApi(fake.api)
      mountView(UnitsView)
      await flushPromises()
      await click('units-add-root')
      return { saves: () => fake.callsTo('units:create') }
    },
    async fill() {
      await type('unit-form-name', 'Chi bộ ấp 2')
      await type('unit-form-level', 'Chi bộ')
    },
    refusedField: { name: 'signerLine', testid: 'unit-form-signer-line' }
  },
  {
    name: 'the person dialog',
    dialog: 'person-dialog',
    reopen: 'people-add',
    first: 'person-fullName',
    async open(refuse) {
      const fake = createFakeApi(data(), {
        ...(refuse
          ? {
              'people:create': () => {
                throw new ApiError('VALIDATION', 'Dữ liệu chưa hợp lệ.', refuse)
              }
            }
          : {})
      })
      installApi(fake.api)
      mountView(PeopleView)
      await flushPromises()
      // A new person goes to the unit chosen in the tree.
      byTestId('people-units-node-Chi bộ ấp 1')!.click()
      await flushPromises()
      await click('people-add')
      return { saves: () => fake.callsTo('people:create') }
    },
    async fill() {
      await type('person-fullName', 'Nguyễn Văn An')
    },
    textarea: 'person-note',
    refusedField: { name: 'partyCardNumber', testid: 'person-partyCardNumber' }
  }
]

describe.each(PLACES)('keyboard rules in $name', (place) => {
  const scrolled = vi.fn()
  beforeEach(() => {
    scrolled.mockClear()
    HTMLElement.prototype.scrollIntoView = scrolled
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('puts the cursor in the first field, with the close button out of the Tab order', async () => {
    await place.open()
    await sleep(50)
    expect(document.activeElement).toBe(byTestId(place.first))
    const close = byTestId(place.dialog)!.querySelector('.el-dialog__headerbtn')!
    expect(close.getAttribute('tabindex')).toBe('-1')
  })

  it('saves on Enter from a single-line field, not from a text area', async () => {
    const { saves } = await place.open()
    await place.fill()
    if (place.textarea) {
      enter(byTestId(place.textarea)!)
      await flushPromises()
      expect(saves()).toHaveLength(0)
    }
    enter(byTestId(place.first)!)
    await flushPromises()
    expect(saves()).toHaveLength(1)
  })

  it('asks before discarding unsaved changes, from Escape and from the close button', async () => {
    await place.open()
    await type(place.first, 'Chữ mới')
    escape()
    await flushPromises()
    await sleep(50)
    expect(confirmBox()?.textContent).toContain('Bỏ các thay đổi chưa lưu?')
    // "Tiếp tục sửa": the dialog and what was typed stay.
    ;[...confirmBox()!.querySelectorAll('button')]
      .find((b) => b.textContent?.includes('Tiếp tục sửa'))!
      .click()
    await flushPromises()
    await sleep(50)
    expect(dialogShown(place.dialog)).toBe(true)
    expect((byTestId(place.first) as HTMLInputElement).value).toBe('Chữ mới')

    ;(byTestId(place.dialog)!.querySelector('.el-dialog__headerbtn') as HTMLElement).click()
    await flushPromises()
    await sleep(50)
    expect(boxOpen()).toBe(true)
    ;[...confirmBox()!.querySelectorAll('button')]
      .find((b) => b.textContent?.includes('Bỏ thay đổi'))!
      .click()
    await flushPromises()
    await sleep(50)
    expect(dialogShown(place.dialog)).toBe(false)
  })

  it('closes at once when nothing changed', async () => {
    await place.open()
    escape()
    await flushPromises()
    await sleep(50)
    expect(boxOpen()).toBe(false)
    expect(dialogShown(place.dialog)).toBe(false)
  })

  it('goes to the first field in error when the save is refused', async () => {
    const message = 'Giá trị này không được nhận.'
    await place.open({ [place.refusedField.name]: message })
    await place.fill()
    enter(byTestId(place.first)!)
    await flushPromises()
    // Element Plus shows a form item's error after a short debounce.
    await sleep(200)
    expect(byTestId(place.dialog)!.textContent).toContain(message)
    expect(document.activeElement).toBe(byTestId(place.refusedField.testid))
    expect(scrolled).toHaveBeenCalled()
  })
})
