// What the keyboard rules of common/FormDialog.vue mean in its two drawers, beyond what every
// dialog shares (form-dialogs-keyboard-b.test.ts): a drawer stays open after saving, so what was
// saved is "unchanged" from then on; one person's commitment has two saves (the items, the
// year-end result) that never reset each other's unsaved edits, and its messages go field by
// field; a session's checklist asks before another unit's list replaces unsaved ticks, and Enter
// in its search ticks the one person found instead of saving.
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Component } from 'vue'
import type { Commitment, CommitmentPerson, StudyChecklist } from '@shared/api'
import CommitmentPersonDrawer from '@renderer/components/commitments/CommitmentPersonDrawer.vue'
import AttendanceChecklist from '@renderer/components/study/AttendanceChecklist.vue'
import { ApiError, createFakeApi, unit, type FakeData } from '../fake-api'
import { $$, byTestId, click, installApi, type } from '../helpers'
import {
  answer,
  boxOpen,
  confirmBox,
  dialogShown,
  enter,
  escape,
  openForm,
  settle
} from '../form-keys'
import { checklist, commitmentPerson, session } from './drawer-fixtures'

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 3),
    unit(3, 1, 'Chi bộ ấp 2', 'Chi bộ', 3)
  ],
  people: [],
  backups: []
})

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

/** Opens a drawer as its view does, to be unmounted after the test. */
async function openDrawer(component: Component, props: Record<string, unknown>) {
  wrapper = await openForm(component, props)
  return wrapper
}

const value = (id: string) => (byTestId(id) as HTMLInputElement | HTMLTextAreaElement).value

describe("one person's commitment", () => {
  /** A core that keeps what is saved, so the drawer reads it back as the app does. */
  function core(refuse?: Record<string, string>, result = false) {
    const person = commitmentPerson()
    if (result)
      Object.assign(person.commitment!, { result: 'completed', resultNote: 'Hoàn thành tốt' })
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2024 }),
      'commitments:person': (): CommitmentPerson => structuredClone(person),
      'commitments:save': (i): Commitment => {
        if (refuse) throw new ApiError('VALIDATION', 'Dữ liệu chưa hợp lệ.', refuse)
        person.commitment = { ...person.commitment!, madeOn: i.madeOn, items: i.items }
        return person.commitment
      },
      'commitments:delete': () => {
        person.commitment = null
        person.state = 'missing'
        return null as never
      },
      'commitments:setResult': (i): Commitment => {
        person.commitment = { ...person.commitment!, result: i.result, resultNote: i.note }
        return person.commitment
      }
    })
    installApi(fake.api)
    return fake
  }
  const open = () => openDrawer(CommitmentPersonDrawer, { personId: 1, year: 2024 })
  async function toTab(label: string) {
    $$('[data-testid="person-drawer"] .el-tabs__item')
      .find((t) => t.textContent?.includes(label))!
      .click()
    await settle()
  }

  it('stays open after a save, and then closes without asking', async () => {
    const fake = core()
    await open()
    await type('person-items-content-0', 'Tiết kiệm điện, nước')
    await click('person-save')
    await settle()
    expect(fake.callsTo('commitments:save')).toHaveLength(1)
    expect(dialogShown('person-drawer')).toBe(true)
    expect(value('person-items-content-0')).toBe('Tiết kiệm điện, nước')
    escape()
    await settle()
    expect(boxOpen()).toBe(false)
    expect(dialogShown('person-drawer')).toBe(false)
  })

  it('keeps an unsaved year-end note when the items are saved, and asks before it goes', async () => {
    core()
    await open()
    await toTab('Kết quả cuối năm')
    await type('result-note', 'Hoàn thành tốt')
    await toTab('Nội dung cam kết')
    await type('person-items-deadline-0', 'Quý II')
    await click('person-save')
    await settle()
    await toTab('Kết quả cuối năm')
    expect(value('result-note')).toBe('Hoàn thành tốt')
    // "Đóng" asks as Escape does.
    byTestId('person-close')!.click()
    await settle()
    expect(confirmBox()?.textContent).toContain('Bỏ các thay đổi chưa lưu?')
    await answer('Tiếp tục sửa')
    expect(dialogShown('person-drawer')).toBe(true)
    // Saved, the note is what is stored: nothing left to ask about.
    await click('result-save')
    await settle()
    escape()
    await settle()
    expect(boxOpen()).toBe(false)
    expect(dialogShown('person-drawer')).toBe(false)
  })

  it('empties the drawer when the commitment is deleted, its result too: nothing to ask', async () => {
    const fake = core(undefined, true)
    await open()
    await click('person-delete')
    await settle()
    await answer('Xóa')
    expect(fake.callsTo('commitments:delete')).toHaveLength(1)
    expect(byTestId('person-none')).not.toBeNull()
    escape()
    await settle()
    expect(boxOpen()).toBe(false)
    expect(dialogShown('person-drawer')).toBe(false)
  })

  it('puts the cursor on a date it refuses; the message goes once the date is changed', async () => {
    const fake = core()
    await open()
    await type('person-made-on', '31/02/2024')
    ;(document.activeElement as HTMLElement | null)?.blur()
    await click('person-save')
    await settle()
    expect(fake.callsTo('commitments:save')).toHaveLength(0)
    const message = byTestId('person-drawer')!.querySelector('.made-on .error')
    expect(message?.textContent).toBeTruthy()
    expect(document.activeElement).toBe(byTestId('person-made-on'))
    await type('person-made-on', '28/02/2024')
    expect(byTestId('person-drawer')!.querySelector('.made-on .error')).toBeNull()
  })

  it("takes a refused item's message away when that item is changed, not another", async () => {
    const message = 'Nội dung này quá dài.'
    core({ 'items.0.content': message })
    await open()
    await click('person-items-add-breakthrough')
    await type('person-items-content-1', 'Vận động 5 hộ dùng điện tiết kiệm')
    await click('person-save')
    await settle()
    expect(byTestId('person-drawer')!.textContent).toContain(message)
    expect(document.activeElement).toBe(byTestId('person-items-content-0'))
    await type('person-items-deadline-1', 'Quý III')
    expect(byTestId('person-drawer')!.textContent).toContain(message)
    await type('person-items-content-0', 'Làm theo Bác')
    expect(byTestId('person-drawer')!.textContent).not.toContain(message)
  })
})

describe("a session's checklist", () => {
  function core() {
    const lists: Record<number, StudyChecklist> = { 2: checklist(2), 3: checklist(3) }
    const fake = createFakeApi(data(), {
      'study:checklist': (i) => structuredClone(lists[i.unitId]),
      'study:setAttendance': (i) => {
        for (const list of Object.values(lists))
          for (const r of list.rows) {
            if (i.present.includes(r.personId)) r.attended = true
            if (i.absent.includes(r.personId)) r.attended = false
          }
        return {
          sessionId: 7,
          added: i.present.length,
          removed: i.absent.length,
          attendedMembers: 2,
          attendedNonMembers: 0
        }
      }
    })
    installApi(fake.api)
    return fake
  }
  /** Hosted by the committee: both chi bộ's lists can be opened. */
  const open = () => openDrawer(AttendanceChecklist, { session: { ...session, hostUnitId: 1 } })
  const ticked = (name: string) =>
    !!byTestId(`checklist-row-${name}`)?.querySelector('.el-checkbox.is-checked')
  async function chooseUnit(w: VueWrapper, id: number) {
    w.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', id)
    await settle()
  }

  it('ticks the one person the search finds on Enter, and saves nothing', async () => {
    const fake = core()
    await open()
    expect(document.activeElement).toBe(byTestId('checklist-search'))
    await type('checklist-search', 'binh')
    enter(byTestId('checklist-search')!)
    await settle()
    expect(ticked('Trần Thị Bình')).toBe(true)
    expect(byTestId('checklist-count')?.textContent).toContain('Có mặt: 2 / 3')
    expect(fake.callsTo('study:setAttendance')).toHaveLength(0)
    // Two found ("Văn"): Enter picks neither.
    await type('checklist-search', 'van')
    enter(byTestId('checklist-search')!)
    await settle()
    expect(ticked('Lê Văn Bảy')).toBe(false)
    expect(byTestId('checklist-count')?.textContent).toContain('Có mặt: 2 / 3')
    expect(fake.callsTo('study:setAttendance')).toHaveLength(0)
  })

  it("asks before another unit's list replaces ticks not saved", async () => {
    const fake = core()
    const w = await open()
    expect(fake.callsTo('study:checklist').at(-1)).toEqual({ sessionId: 7, unitId: 2 })
    byTestId('checklist-row-Trần Thị Bình')!.querySelector<HTMLElement>('input')!.click()
    await settle()
    await chooseUnit(w, 3)
    expect(confirmBox()?.textContent).toContain('Bỏ các thay đổi chưa lưu?')
    await answer('Tiếp tục sửa')
    expect(fake.callsTo('study:checklist')).toHaveLength(1)
    expect(ticked('Trần Thị Bình')).toBe(true)
    await chooseUnit(w, 3)
    await answer('Bỏ thay đổi')
    expect(fake.callsTo('study:checklist').at(-1)).toEqual({ sessionId: 7, unitId: 3 })
    expect(ticked('Trần Thị Bình')).toBe(false)
    // Nothing changed in this one: the next unit opens at once.
    const asked = $$('.el-message-box').length
    await chooseUnit(w, 2)
    expect($$('.el-message-box').length).toBe(asked)
    expect(fake.callsTo('study:checklist').at(-1)).toEqual({ sessionId: 7, unitId: 2 })
  })

  it('asks from "Đóng" while ticks are not saved; once saved, closes at once', async () => {
    const fake = core()
    await open()
    byTestId('checklist-row-Lê Văn Bảy')!.querySelector<HTMLElement>('input')!.click()
    await settle()
    byTestId('checklist-close')!.click()
    await settle()
    expect(confirmBox()?.textContent).toContain('Bỏ các thay đổi chưa lưu?')
    await answer('Tiếp tục sửa')
    expect(dialogShown('checklist')).toBe(true)
    await click('checklist-save')
    await settle()
    expect(fake.callsTo('study:setAttendance')).toEqual([
      { sessionId: 7, present: [3], absent: [] }
    ])
    expect(ticked('Lê Văn Bảy')).toBe(true)
    escape()
    await settle()
    expect(boxOpen()).toBe(false)
    expect(dialogShown('checklist')).toBe(false)
  })
})
