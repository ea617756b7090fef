// The keyboard rules of common/FormDialog.vue (issue #12 part 3) in the dialogs moved onto it:
// commitments (template, bulk, review), evaluation (rules, import preview), study (attendee
// sheet), people (bulk move, bulk status, erase), the data password, the units view's move,
// merge and retire, and the two drawers on it (one person's commitment, a session's checklist:
// more of what is their own in form-drawers.test.ts). Each dialog is opened as the app opens it and checked for what applies to it:
// the cursor in its first field, Enter saving from a single-line field (not from a text area),
// Escape or the close button asking before unsaved changes go, closing at once when nothing
// changed, and a refused save putting the cursor in the field in error. A preview or a
// confirmation has no field: it closes at once and keeps the close button out of the Tab order.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Component } from 'vue'
import type {
  CommitmentRoster,
  CommitmentRosterRow,
  CommitmentTemplate,
  EvaluationImportPreview,
  EvaluationRuleSetInput,
  StudySheetPreview
} from '@shared/api'
import CommitmentPersonDrawer from '@renderer/components/commitments/CommitmentPersonDrawer.vue'
import AttendanceChecklist from '@renderer/components/study/AttendanceChecklist.vue'
import CommitmentBulkDialog from '@renderer/components/commitments/CommitmentBulkDialog.vue'
import CommitmentReviewDialog from '@renderer/components/commitments/CommitmentReviewDialog.vue'
import CommitmentTemplateDialog from '@renderer/components/commitments/CommitmentTemplateDialog.vue'
import EvaluationImportDialog from '@renderer/components/evaluation/EvaluationImportDialog.vue'
import EvaluationRuleDialog from '@renderer/components/evaluation/EvaluationRuleDialog.vue'
import AttendanceSheetDialog from '@renderer/components/study/AttendanceSheetDialog.vue'
import BulkMoveDialog from '@renderer/components/people/BulkMoveDialog.vue'
import BulkStatusDialog from '@renderer/components/people/BulkStatusDialog.vue'
import PersonEraseDialog from '@renderer/components/people/PersonEraseDialog.vue'
import DataPasswordPanel from '@renderer/components/security/DataPasswordPanel.vue'
import UnitsView from '@renderer/views/UnitsView.vue'
import { useUnitsStore } from '@renderer/stores/units'
import { ApiError, createFakeApi, unit, type FakeData } from '../fake-api'
import { $$, byTestId, click, installApi, mountView, sleep, type } from '../helpers'
import { answer, boxOpen, confirmBox, dialogShown, enter, escape, openForm } from '../form-keys'
import { checklist, commitmentPerson, session, topicItem } from './drawer-fixtures'

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 2),
    unit(3, 1, 'Chi bộ ấp 2', 'Chi bộ', 1)
  ],
  people: [],
  backups: []
})

const rosterRow = (personId: number, fullName: string, made: boolean): CommitmentRosterRow => ({
  personId,
  fullName,
  kind: 'member',
  status: 'active',
  position: null,
  partyCardNumber: null,
  unitId: 2,
  unitName: 'Chi bộ ấp 1',
  state: made ? 'made' : 'missing',
  itemCount: made ? 3 : 0,
  hasBreakthrough: false,
  madeOn: null,
  praises: 0,
  reminders: 0,
  lastOutcome: null,
  result: null
})
const roster = (made: boolean): CommitmentRoster => ({
  year: 2024,
  unitId: 2,
  unitName: 'Chi bộ ấp 1',
  unitLevel: 'Chi bộ',
  rows: [rosterRow(1, 'Nguyễn Văn An', made), rosterRow(2, 'Trần Thị Bình', made)],
  counts: { required: 2, made: made ? 2 : 0, missing: made ? 0 : 2, notAsked: 0, percent: 0 }
})
const template = (unitId: number, year: number): CommitmentTemplate => ({
  unitId,
  year,
  source: 'default',
  fromUnitId: null,
  fromUnitName: null,
  updatedAt: null,
  items: [topicItem()]
})
const rule: EvaluationRuleSetInput = {
  id: 2,
  fromYear: 2023,
  name: 'QĐ 124-QĐ/TW',
  quotaPercent: 20,
  quotaBase: 'httnv_or_better',
  quotaScope: 'grassroots',
  exemptStatuses: [],
  newMemberMonths: 6,
  scoreThresholds: null,
  note: null
}
const importPreview: EvaluationImportPreview = {
  fileName: 'xep-loai.xlsx',
  sheetName: 'Xếp loại',
  fileYear: 2024,
  changes: [],
  unchanged: 3,
  notMatched: [],
  ignored: []
} as unknown as EvaluationImportPreview
const candidate = (personId: number, fullName: string) => ({
  personId,
  fullName,
  unitName: 'Chi bộ ấp 1',
  birthDate: null,
  partyCardNumber: null
})
const sheet: StudySheetPreview = {
  sessionId: 7,
  fileName: 'nguoi-du.xlsx',
  sheetName: 'Trang1',
  matched: [
    { row: 2, by: 'name', alreadyPresent: false, person: candidate(1, 'Nguyễn Văn An') },
    { row: 3, by: 'card', alreadyPresent: false, person: candidate(2, 'Trần Thị Bình') }
  ],
  ambiguous: [],
  unmatched: []
} as unknown as StudySheetPreview

/** The save channel refused with these field messages, or the dialog's own check refused. */
type Refusal = Record<string, string> | undefined

interface Opened {
  /** How many saves reached the core (or the parent, for a dialog that hands its form up). */
  saves: () => number
}

interface Place {
  name: string
  dialog: string
  open: (refuse: Refusal) => Promise<Opened>
  /** The field the cursor starts in; none for a dialog without a text field. */
  first?: string
  /** A change the user could lose. */
  change?: () => Promise<void>
  /** Makes the form valid; then Enter from `enter` saves (after `confirm`, a question's button). */
  fill?: () => Promise<void>
  enter?: string
  confirm?: string
  textarea?: string
  /**
   * A refused save: `core` refuses with these fields (or the dialog's own check, after
   * `prepare`), the message `message` shows and the cursor goes to `field`.
   */
  refused?: {
    core?: Record<string, string>
    prepare?: () => Promise<void>
    save: string
    field: string
    message: string
  }
}

let wrapper: VueWrapper | null = null

/** Opens a dialog as its view does, to be unmounted after the test. */
async function openDialog(component: Component, props: Record<string, unknown>) {
  wrapper = await openForm(component, props)
  return wrapper
}

const refusing = (channel: string, refuse: Refusal) =>
  refuse
    ? {
        [channel]: () => {
          throw new ApiError('VALIDATION', 'Dữ liệu chưa hợp lệ.', refuse)
        }
      }
    : {}

/** The text field of a test id: the element itself, or the input inside a select or a number. */
function fieldOf(id: string): HTMLElement {
  const el = byTestId(id)
  if (!el) throw new Error(`nothing with data-testid=${id}`)
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el
  const inner = el.querySelector<HTMLElement>('input, textarea')
  if (!inner) throw new Error(`no field in data-testid=${id}`)
  return inner
}

/** Picks `label` in the select `id` (the last list of that name: the dialog's). */
async function choose(id: string, label: string) {
  byTestId(id)!.click()
  await flushPromises()
  const option = $$('.el-select-dropdown__item')
    .filter((o) => o.textContent?.trim().startsWith(label))
    .pop()
  if (!option) throw new Error(`no option ${label} in ${id}`)
  option.click()
  await flushPromises()
}

async function mountUnits(refuse: Refusal, channel: string, button: string) {
  const fake = createFakeApi(data(), refusing(channel, refuse))
  installApi(fake.api)
  wrapper = mountView(UnitsView)
  await flushPromises()
  byTestId('units-node-Chi bộ ấp 1')!.click()
  await flushPromises()
  await click(button)
  await sleep(50)
  return fake
}

const PLACES: Place[] = [
  {
    name: "one person's commitment (a drawer)",
    dialog: 'person-drawer',
    async open(refuse) {
      const fake = createFakeApi(data(), {
        'app:getYear': () => ({ year: 2024 }),
        // Read after opening, as the real one is.
        'commitments:person': async () => {
          await sleep(30)
          return commitmentPerson()
        },
        'commitments:save': () => commitmentPerson().commitment!,
        ...refusing('commitments:save', refuse)
      })
      installApi(fake.api)
      await openDialog(CommitmentPersonDrawer, { personId: 1, year: 2024 })
      await sleep(50)
      return { saves: () => fake.callsTo('commitments:save').length }
    },
    first: 'person-made-on',
    change: () => type('person-items-content-0', 'Tiết kiệm điện, nước'),
    enter: 'person-items-deadline-0',
    textarea: 'person-items-content-0',
    refused: {
      core: { 'items.0.content': 'Nội dung này quá dài.' },
      save: 'person-save',
      field: 'person-items-content-0',
      message: 'Nội dung này quá dài.'
    }
  },
  {
    name: "a session's checklist (a drawer)",
    dialog: 'checklist',
    async open() {
      const fake = createFakeApi(data(), {
        'study:checklist': (i) => checklist(i.unitId),
        'study:setAttendance': () => ({ attendedMembers: 2, attendedNonMembers: 0 }) as never
      })
      installApi(fake.api)
      await openDialog(AttendanceChecklist, { session })
      await sleep(50)
      return { saves: () => fake.callsTo('study:setAttendance').length }
    },
    // The unit is chosen already: the cursor starts in the search.
    first: 'checklist-search',
    // A tick not saved is a change: closing asks first.
    async change() {
      byTestId('checklist-row-Trần Thị Bình')!.querySelector<HTMLElement>('input')!.click()
      await flushPromises()
    }
  },
  {
    name: 'the commitment template',
    dialog: 'template-dialog',
    async open(refuse) {
      const fake = createFakeApi(data(), {
        'app:getYear': () => ({ year: 2024 }),
        // Slower than the dialog's opening, as a real read can be.
        'commitments:template': async (i) => {
          await sleep(30)
          return template(i.unitId, i.year)
        },
        'commitments:saveTemplate': (i) => ({ ...template(i.unitId, i.year), items: i.items }),
        ...refusing('commitments:saveTemplate', refuse)
      })
      installApi(fake.api)
      await openDialog(CommitmentTemplateDialog, {
        unitId: 2,
        unitName: 'Chi bộ ấp 1',
        year: 2024
      })
      await sleep(50)
      return { saves: () => fake.callsTo('commitments:saveTemplate').length }
    },
    // Read from the core first: the cursor waits for it.
    first: 'template-items-content-0',
    change: () => type('template-items-content-0', 'Tiết kiệm điện, nước'),
    enter: 'template-items-deadline-0',
    textarea: 'template-items-content-0',
    refused: {
      core: { 'items.0.content': 'Nội dung này quá dài.' },
      save: 'template-save',
      field: 'template-items-content-0',
      message: 'Nội dung này quá dài.'
    }
  },
  {
    name: 'the bulk commitments',
    dialog: 'bulk-dialog',
    async open(refuse) {
      const fake = createFakeApi(data(), {
        'app:getYear': () => ({ year: 2024 }),
        'commitments:bulk': () => ({
          created: 2,
          skippedExisting: 0,
          skippedNotAsked: 0,
          templateSource: 'default'
        }),
        ...refusing('commitments:bulk', refuse)
      })
      installApi(fake.api)
      await openDialog(CommitmentBulkDialog, { roster: roster(false) })
      return { saves: () => fake.callsTo('commitments:bulk').length }
    },
    first: 'bulk-date',
    change: () => type('bulk-date', '15/02/2024'),
    fill: () => type('bulk-date', '15/02/2024'),
    enter: 'bulk-date',
    refused: {
      core: { madeOn: 'Ngày lập không hợp lệ.' },
      prepare: () => type('bulk-date', '15/02/2024'),
      save: 'bulk-run',
      field: 'bulk-date',
      message: 'Ngày lập không hợp lệ.'
    }
  },
  {
    name: 'the commitment review',
    dialog: 'review-dialog',
    async open(refuse) {
      const fake = createFakeApi(data(), {
        'app:getYear': () => ({ year: 2024 }),
        'commitments:createReview': (i) => ({
          ...i,
          id: 9,
          unitName: 'Chi bộ ấp 1',
          period: 'Tháng 05/2024',
          praises: 0,
          reminders: 0,
          reviewed: 2,
          entries: []
        }),
        ...refusing('commitments:createReview', refuse)
      })
      installApi(fake.api)
      await openDialog(CommitmentReviewDialog, { roster: roster(true), reviewId: null })
      return { saves: () => fake.callsTo('commitments:createReview').length }
    },
    first: 'review-date',
    change: () => type('review-note', 'Sinh hoạt thường kỳ'),
    fill: () => type('review-date', '10/05/2024'),
    enter: 'review-note',
    refused: {
      core: { heldOn: 'Ngày kiểm điểm ngoài năm 2024.' },
      prepare: () => type('review-date', '10/05/2023'),
      save: 'review-save',
      field: 'review-date',
      message: 'Ngày kiểm điểm ngoài năm 2024.'
    }
  },
  {
    name: 'the evaluation rule',
    dialog: 'rule-form',
    async open() {
      installApi(createFakeApi(data()).api)
      const w = await openDialog(EvaluationRuleDialog, {
        initial: rule,
        saving: false,
        serverErrors: {}
      })
      return { saves: () => w.emitted('submit')?.length ?? 0 }
    },
    first: 'rule-form-year',
    change: () => type('rule-form-name', 'QĐ 366-QĐ/TW'),
    enter: 'rule-form-name',
    refused: {
      prepare: () => type('rule-form-name', ' '),
      save: 'rule-form-save',
      field: 'rule-form-name',
      message: 'Hãy ghi tên văn bản quy định.'
    }
  },
  {
    name: 'the evaluation import preview',
    dialog: 'evaluation-import-dialog',
    async open() {
      installApi(createFakeApi(data()).api)
      await openDialog(EvaluationImportDialog, { preview: importPreview, applying: false })
      return { saves: () => 0 }
    }
  },
  {
    name: 'the attendee sheet',
    dialog: 'sheet-preview',
    async open() {
      const fake = createFakeApi(data(), {
        'study:setAttendance': () => ({ attendedMembers: 2, attendedNonMembers: 0 }) as never
      })
      installApi(fake.api)
      await openDialog(AttendanceSheetDialog, { preview: sheet })
      return { saves: () => fake.callsTo('study:setAttendance').length }
    },
    // Unticking a matched person is a change: closing asks first.
    async change() {
      byTestId('sheet-matched')!.querySelector<HTMLElement>('.el-checkbox input')!.click()
      await flushPromises()
    }
  },
  {
    name: 'the bulk move of people',
    dialog: 'bulk-move-dialog',
    async open() {
      installApi(createFakeApi(data()).api)
      const w = await openDialog(BulkMoveDialog, { count: 2, saving: false })
      await useUnitsStore().load()
      await flushPromises()
      return { saves: () => w.emitted('submit')?.length ?? 0 }
    },
    first: 'bulk-move-unit',
    change: () => choose('bulk-move-unit', 'Chi bộ ấp 2'),
    refused: {
      save: 'bulk-move-save',
      field: 'bulk-move-unit',
      message: 'Hãy chọn đơn vị chuyển đến.'
    }
  },
  {
    name: 'the bulk status of people',
    dialog: 'bulk-status-dialog',
    async open() {
      installApi(createFakeApi(data()).api)
      const w = await openDialog(BulkStatusDialog, { count: 2, saving: false })
      return { saves: () => w.emitted('submit')?.length ?? 0 }
    },
    first: 'bulk-status-select',
    change: () => type('bulk-status-since', '01/06/2024'),
    fill: () => choose('bulk-status-select', 'Đã chuyển đi'),
    enter: 'bulk-status-since',
    confirm: 'Đổi trạng thái',
    textarea: 'bulk-status-note',
    refused: {
      prepare: async () => {
        await choose('bulk-status-select', 'Đã chuyển đi')
        await type('bulk-status-since', '31/02/2024')
      },
      save: 'bulk-status-save',
      field: 'bulk-status-since',
      message: 'Ngày không hợp lệ. Nhập theo dạng dd/mm/yyyy.'
    }
  },
  {
    name: 'the erase confirmation',
    dialog: 'person-erase-dialog',
    async open() {
      installApi(createFakeApi(data()).api)
      await openDialog(PersonEraseDialog, {
        person: { id: 1, fullName: 'Nguyễn Văn An' },
        records: [],
        erasing: false
      })
      return { saves: () => 0 }
    }
  },
  {
    name: 'the data password',
    dialog: 'password-dialog',
    async open(refuse) {
      const fake = createFakeApi(data(), {
        'app:lockState': () => ({ locked: false, passwordSet: true, idleMinutes: 10 }),
        'app:setPassword': () => ({ recoveryKey: 'ABCDE-FGHJK' }) as never,
        ...refusing('app:setPassword', refuse)
      })
      installApi(fake.api)
      wrapper = mountView(DataPasswordPanel)
      await flushPromises()
      await click('password-change')
      await sleep(50)
      return { saves: () => fake.callsTo('app:setPassword').length }
    },
    first: 'password-current',
    change: () => type('password-next', 'mật khẩu mới'),
    async fill() {
      await type('password-current', 'mật khẩu cũ')
      await type('password-next', 'mật khẩu mới')
      await type('password-confirm', 'mật khẩu mới')
    },
    enter: 'password-confirm',
    refused: {
      core: { current: 'Mật khẩu hiện tại không đúng.' },
      async prepare() {
        await type('password-current', 'sai')
        await type('password-next', 'mật khẩu mới')
        await type('password-confirm', 'mật khẩu mới')
      },
      save: 'password-submit',
      field: 'password-current',
      message: 'Mật khẩu hiện tại không đúng.'
    }
  },
  {
    name: "a unit's move",
    dialog: 'unit-move-dialog',
    async open(refuse) {
      const fake = await mountUnits(refuse, 'units:move', 'units-move')
      return { saves: () => fake.callsTo('units:move').length }
    },
    first: 'unit-move-parent',
    change: () => choose('unit-move-parent', 'Chi bộ ấp 2'),
    refused: {
      core: { parentId: 'Không chuyển được vào đơn vị này.' },
      save: 'unit-move-save',
      field: 'unit-move-parent',
      message: 'Không chuyển được vào đơn vị này.'
    }
  },
  {
    name: "a unit's merge",
    dialog: 'unit-merge-dialog',
    async open(refuse) {
      const fake = await mountUnits(refuse, 'units:merge', 'units-merge')
      return { saves: () => fake.callsTo('units:merge').length }
    },
    first: 'unit-merge-into',
    change: () => type('unit-merge-date', '01/06/2024'),
    fill: () => choose('unit-merge-into', 'Chi bộ ấp 2'),
    enter: 'unit-merge-date',
    refused: {
      core: { intoId: 'Hai đơn vị khác cấp.' },
      prepare: () => choose('unit-merge-into', 'Chi bộ ấp 2'),
      save: 'unit-merge-save',
      field: 'unit-merge-into',
      message: 'Hai đơn vị khác cấp.'
    }
  },
  {
    name: "a unit's retirement",
    dialog: 'unit-retire-dialog',
    async open(refuse) {
      const fake = await mountUnits(refuse, 'units:retire', 'units-retire')
      return { saves: () => fake.callsTo('units:retire').length }
    },
    first: 'unit-retire-date',
    change: () => type('unit-retire-date', '01/06/2024'),
    enter: 'unit-retire-date',
    refused: {
      prepare: () => type('unit-retire-date', '32/13/2024'),
      save: 'unit-retire-save',
      field: 'unit-retire-date',
      message: 'Ngày không hợp lệ. Nhập theo dạng dd/mm/yyyy.'
    }
  }
]

/** The close button at the top: a dialog's or a drawer's. */
const CLOSE = '.el-dialog__headerbtn, .el-drawer__close-btn'
const closeButton = (id: string) => byTestId(id)!.querySelector<HTMLElement>(CLOSE)!
describe.each(PLACES)('keyboard rules in $name', (place) => {
  const scrolled = vi.fn()
  beforeEach(() => {
    scrolled.mockClear()
    HTMLElement.prototype.scrollIntoView = scrolled
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('starts in the first field, with the close button out of the Tab order', async () => {
    await place.open(undefined)
    await sleep(50)
    expect(dialogShown(place.dialog)).toBe(true)
    expect(closeButton(place.dialog).getAttribute('tabindex')).toBe('-1')
    if (place.first) expect(document.activeElement).toBe(fieldOf(place.first))
    else expect(document.activeElement?.closest(CLOSE)).toBeNull()
  })

  it('closes at once when nothing changed', async () => {
    await place.open(undefined)
    escape()
    await flushPromises()
    await sleep(50)
    expect(boxOpen()).toBe(false)
    expect(dialogShown(place.dialog)).toBe(false)
  })

  it.runIf(place.change)(
    'asks before discarding a change, from Escape and from the close button',
    async () => {
      await place.open(undefined)
      await place.change!()
      escape()
      await flushPromises()
      await sleep(50)
      expect(confirmBox()?.textContent).toContain('Bỏ các thay đổi chưa lưu?')
      await answer('Tiếp tục sửa')
      expect(dialogShown(place.dialog)).toBe(true)

      closeButton(place.dialog).click()
      await flushPromises()
      await sleep(50)
      expect(boxOpen()).toBe(true)
      await answer('Bỏ thay đổi')
      expect(dialogShown(place.dialog)).toBe(false)
    }
  )

  it.runIf(place.enter)(
    'saves on Enter from a single-line field, not from a text area',
    async () => {
      const { saves } = await place.open(undefined)
      await place.fill?.()
      if (place.textarea) {
        enter(fieldOf(place.textarea))
        await flushPromises()
        expect(saves()).toBe(0)
      }
      enter(fieldOf(place.enter!))
      await flushPromises()
      await sleep(50)
      if (place.confirm) await answer(place.confirm)
      expect(saves()).toBe(1)
    }
  )

  it.runIf(place.refused)('goes to the field in error when the save is refused', async () => {
    const r = place.refused!
    await place.open(r.core)
    await r.prepare?.()
    // The cursor somewhere else, as after a click on the save button.
    ;(document.activeElement as HTMLElement | null)?.blur()
    await click(r.save)
    if (place.confirm && boxOpen()) await answer(place.confirm)
    // Element Plus shows a form item's message after a short debounce.
    await sleep(200)
    expect(byTestId(place.dialog)!.textContent).toContain(r.message)
    expect(document.activeElement).toBe(fieldOf(r.field))
    expect(scrolled).toHaveBeenCalled()
  })
})
