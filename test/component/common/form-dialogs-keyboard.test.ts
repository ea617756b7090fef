// The keyboard rules of issue #12 (common/FormDialog.vue, composables/use-form-save.ts) on every
// form dialog of the exemplar, propaganda and inspection sections, each mounted as its parent
// opens it, over the in-memory api: the cursor in the first field and the close button out of the
// Tab order; Enter saves from a single-line field (with what was just typed, even in a number
// field) and not from a text area; Escape, the close button and "Hủy" with unsaved changes ask
// before discarding and close at once when nothing changed (also where the form is read from the
// core after opening); a save the core refuses goes to the field it names, and its message goes
// once that field is changed. The import preview, which is no form, puts the cursor on its main
// button and never asks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Component } from 'vue'
import type {
  Channel,
  Exemplar,
  Inspection,
  ProposalImportPreview,
  ProposalImportRow,
  Recommendation
} from '@shared/api'
import ExemplarDialog from '@renderer/components/exemplars/ExemplarDialog.vue'
import ProposalImportDialog from '@renderer/components/exemplars/ProposalImportDialog.vue'
import AwardPowersDialog from '@renderer/components/exemplars/AwardPowersDialog.vue'
import AwardDialog from '@renderer/components/exemplars/AwardDialog.vue'
import MovementDialog from '@renderer/components/exemplars/MovementDialog.vue'
import ExemplarStatusDialog from '@renderer/components/exemplars/ExemplarStatusDialog.vue'
import PressWorkDialog from '@renderer/components/propaganda/PressWorkDialog.vue'
import AnniversaryDialog from '@renderer/components/propaganda/AnniversaryDialog.vue'
import ActivityDialog from '@renderer/components/propaganda/ActivityDialog.vue'
import InspectionDialog from '@renderer/components/inspections/InspectionDialog.vue'
import PlanItemDialog from '@renderer/components/inspections/PlanItemDialog.vue'
import RecommendationDoneDialog from '@renderer/components/inspections/RecommendationDoneDialog.vue'
import { ApiError, createFakeApi, person, unit, type FakeData } from '../fake-api'
import { byTestId, installApi, mountView, sleep, type } from '../helpers'
import { answer, boxOpen, confirmBox, dialogShown, enter, escape, settle } from '../form-keys'

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 2)
  ],
  people: [person(7, 2, 'Nguyễn Văn An')],
  backups: []
})

const exemplar = (id: number, displayName: string, extra: Partial<Exemplar> = {}): Exemplar => ({
  id,
  kind: 'person',
  personId: 7,
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
  steps: [],
  ...extra
})

const recommendation: Recommendation = {
  id: 3,
  inspectionId: 7,
  inspectionContent: 'Việc thực hiện Chuyên đề năm 2026',
  unitId: 2,
  unitName: 'Chi bộ ấp 1',
  text: 'Bổ sung kế hoạch làm theo',
  dueOn: '2026-07-31',
  madeOn: '2026-06-20',
  doneOn: null,
  doneNote: null,
  status: 'open'
}

/** What the sections read around a save (the lists a store reloads afterwards). */
const READS = {
  'app:getYear': () => ({ year: 2025 }),
  'exemplars:list': () => ({ rows: [exemplar(11, 'Nguyễn Văn An')], total: 1 }),
  'exemplars:listMovements': () => [],
  'exemplars:listAwards': () => [],
  'exemplars:checkAward': () => [],
  'exemplars:listPowers': () => [
    { level: 'Chi bộ', forms: ['praise'] },
    { level: 'Đảng ủy cơ sở', forms: ['praise', 'certificate'] }
  ],
  'propaganda:listAnniversaries': () => [],
  'propaganda:listPressWorks': () => [],
  'inspections:listPlanItems': () => [],
  'inspections:list': () => [],
  'inspections:listRecommendations': () => []
}

/** A save the core accepts: enough of an answer for the stores. */
const ACCEPT: Partial<Record<Channel, (input: never) => unknown>> = {
  'exemplars:create': () => exemplar(31, 'Tổ tự quản ấp 1'),
  'exemplars:setStatus': () => exemplar(5, 'Nguyễn Văn An', { status: 'recognised' }),
  'exemplars:createMovement': () => ({ id: 1 }),
  'exemplars:createAward': () => ({ award: { id: 1 }, warnings: [] }),
  'exemplars:savePowers': () => [],
  'propaganda:createPressWork': () => ({ id: 1 }),
  'propaganda:createAnniversary': () => ({ id: 1 }),
  'propaganda:createActivity': () => ({ id: 1 }),
  'inspections:create': () => ({ id: 7 }) as Inspection,
  'inspections:createPlanItem': () => null,
  'inspections:setRecommendationDone': () => ({ ...recommendation, status: 'done' })
}

interface Case {
  name: string
  component: Component
  props: Record<string, unknown>
  dialog: string
  /** The channel its save calls. */
  channel: Channel
  /** The first field (a select's or a text field's data-testid). */
  first: string
  /** Makes the form valid (a select is chosen through its component). */
  fill: (w: VueWrapper) => Promise<void>
  /** A single-line field Enter is pressed in, and what is typed there first. */
  enter: { testid: string; text: string }
  /** What the save then sends, in part. */
  sent?: Record<string, unknown>
  /** A text field typed into to leave changes unsaved (the Enter field when not given). */
  change?: string
  textarea?: string
  /** A field the core refuses by the name it gives it, away from the first field. */
  refused: { key: string; testid: string }
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

const nothing = async () => {}

const CASES: Case[] = [
  {
    name: 'ExemplarDialog',
    component: ExemplarDialog,
    props: { exemplar: null, year: 2025, unitId: 2 },
    dialog: 'exemplar-dialog',
    channel: 'exemplars:create',
    first: 'exemplar-person',
    async fill() {
      ;(byTestId('exemplar-kind-outside')!.querySelector('input') as HTMLInputElement).click()
      await flushPromises()
    },
    enter: { testid: 'exemplar-name', text: 'Tổ tự quản ấp 1' },
    sent: { kind: 'outside', name: 'Tổ tự quản ấp 1', proposingUnitId: 2, year: 2025 },
    change: 'exemplar-year',
    textarea: 'exemplar-achievement',
    refused: { key: 'toYear', testid: 'exemplar-to-year' }
  },
  {
    name: 'ExemplarStatusDialog',
    component: ExemplarStatusDialog,
    props: { exemplar: exemplar(5, 'Nguyễn Văn An') },
    dialog: 'exemplar-status-dialog',
    channel: 'exemplars:setStatus',
    first: 'status-next',
    fill: nothing,
    enter: { testid: 'status-date', text: '19/05/2025' },
    sent: { id: 5, status: 'recognised', date: '2025-05-19' },
    refused: { key: 'note', testid: 'exemplar-status-note' }
  },
  {
    name: 'MovementDialog',
    component: MovementDialog,
    props: { movement: null, year: 2025 },
    dialog: 'movement-dialog',
    channel: 'exemplars:createMovement',
    first: 'movement-title',
    fill: (w) => choose(w, 'movement-unit', 1),
    enter: { testid: 'movement-title', text: 'Dân vận khéo' },
    sent: { title: 'Dân vận khéo', unitId: 1, year: 2025 },
    // The second field of its line: the one the core named gets the cursor.
    refused: { key: 'decisionDate', testid: 'movement-decision-date' }
  },
  {
    name: 'AwardDialog',
    component: AwardDialog,
    props: { preselected: [11] },
    dialog: 'award-dialog',
    channel: 'exemplars:createAward',
    first: 'award-number',
    fill: (w) => choose(w, 'award-issuer', 2),
    enter: { testid: 'award-number', text: '45-QĐ/CB' },
    sent: { number: '45-QĐ/CB', issuerUnitId: 2 },
    refused: { key: 'signer', testid: 'award-signer' }
  },
  {
    name: 'AwardPowersDialog',
    component: AwardPowersDialog,
    props: {},
    dialog: 'powers-dialog',
    channel: 'exemplars:savePowers',
    first: 'powers-level-0',
    fill: nothing,
    enter: { testid: 'powers-level-0', text: 'Chi bộ cơ sở' },
    refused: { key: '1.level', testid: 'powers-level-1' }
  },
  {
    name: 'PressWorkDialog',
    component: PressWorkDialog,
    props: { work: null, year: 2026, unitId: 2 },
    dialog: 'press-dialog',
    channel: 'propaganda:createPressWork',
    first: 'press-title',
    async fill() {
      await type('press-title', 'Chi bộ ấp 1 làm theo lời Bác')
      await type('press-author-0', 'Lê Văn Bảy')
    },
    enter: { testid: 'press-date', text: '15/03/2026' },
    sent: { title: 'Chi bộ ấp 1 làm theo lời Bác', publishedOn: '2026-03-15', unitId: 2 },
    refused: { key: 'authors.0.name', testid: 'press-author-0' }
  },
  {
    name: 'AnniversaryDialog',
    component: AnniversaryDialog,
    props: { event: null },
    dialog: 'anniversary-dialog',
    channel: 'propaganda:createAnniversary',
    first: 'anniversary-title',
    fill: () => type('anniversary-title', 'Ngày giải phóng tỉnh'),
    enter: { testid: 'anniversary-date', text: '4/1976' },
    sent: { title: 'Ngày giải phóng tỉnh', date: '1976-04' },
    refused: { key: 'source', testid: 'anniversary-source' }
  },
  {
    name: 'ActivityDialog',
    component: ActivityDialog,
    props: { activity: null, unitId: 2, anniversaryId: null },
    dialog: 'activity-dialog',
    channel: 'propaganda:createActivity',
    first: 'activity-kind',
    fill: () => type('activity-starts', '19/05/2026'),
    // A number typed and Enter at once: the number is saved, not the one before.
    enter: { testid: 'activity-members', text: '30' },
    sent: { startsOn: '2026-05-19', unitId: 2, members: 30 },
    change: 'activity-title',
    refused: { key: 'title', testid: 'activity-title' }
  },
  {
    name: 'InspectionDialog',
    component: InspectionDialog,
    props: { inspection: null, fromPlan: null },
    dialog: 'inspection-form',
    channel: 'inspections:create',
    first: 'inspection-form-content',
    async fill(w) {
      await choose(w, 'inspection-form-unit', 1)
      await type('inspection-form-member-0', 'Trần Văn Ba')
    },
    enter: { testid: 'inspection-form-decision', text: '05-QĐ/ĐU' },
    sent: {
      unitId: 1,
      decisionNumber: '05-QĐ/ĐU',
      team: [{ role: 'head', name: 'Trần Văn Ba', personId: null }]
    },
    textarea: 'inspection-form-content',
    refused: { key: 'team.0.name', testid: 'inspection-form-member-0' }
  },
  {
    name: 'PlanItemDialog',
    component: PlanItemDialog,
    props: { year: 2026, item: null },
    dialog: 'plan-form',
    channel: 'inspections:createPlanItem',
    first: 'plan-form-content',
    fill: (w) => choose(w, 'plan-form-unit', 1),
    enter: { testid: 'plan-form-note', text: 'Phối hợp Ủy ban kiểm tra' },
    // The units are sent as a plain list (a reactive one cannot be sent to the core).
    sent: { year: 2026, unitId: 1, targetUnitIds: [], note: 'Phối hợp Ủy ban kiểm tra' },
    textarea: 'plan-form-content',
    refused: { key: 'content', testid: 'plan-form-content' }
  },
  {
    name: 'RecommendationDoneDialog',
    component: RecommendationDoneDialog,
    props: { recommendation },
    dialog: 'done-form',
    channel: 'inspections:setRecommendationDone',
    first: 'done-form-date',
    fill: nothing,
    enter: { testid: 'done-form-date', text: '01/07/2026' },
    sent: { id: 3, doneOn: '2026-07-01' },
    textarea: 'done-form-note',
    refused: { key: 'note', testid: 'done-form-note' }
  }
]

let mounted: VueWrapper | null = null

/** Mounts the dialog closed and opens it, as its parent does (v-model). */
async function open(c: Case, refuse?: Record<string, string>) {
  const fake = createFakeApi(data(), {
    ...READS,
    ...ACCEPT,
    ...(refuse
      ? {
          [c.channel]: () => {
            throw new ApiError('VALIDATION', 'Dữ liệu chưa hợp lệ.', refuse)
          }
        }
      : {})
  } as never)
  installApi(fake.api)
  const w: VueWrapper = mountView(c.component, {
    props: {
      ...c.props,
      modelValue: false,
      'onUpdate:modelValue': (v: boolean) => w.setProps({ modelValue: v })
    }
  })
  mounted = w
  await flushPromises()
  await w.setProps({ modelValue: true })
  await flushPromises()
  await sleep(50)
  await flushPromises()
  return { w, saves: () => fake.callsTo(c.channel) }
}

/** The field itself: a select's testid is on its box, the cursor goes to the input inside. */
function field(testid: string): HTMLElement {
  const el = byTestId(testid)
  if (!el) throw new Error(`nothing with data-testid=${testid}`)
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el
  const inner = el.querySelector<HTMLElement>('input, textarea')
  if (!inner) throw new Error(`no field inside ${testid}`)
  return inner
}

/** Types into a field, a number field's input included. */
async function typeIn(testid: string, text: string) {
  const input = field(testid) as HTMLInputElement
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

const footerButton = (dialog: string, label: string) =>
  [...byTestId(dialog)!.querySelectorAll<HTMLElement>('.el-dialog__footer button')].find((b) =>
    b.textContent?.includes(label)
  )!

const scrolled = vi.fn()
beforeEach(() => {
  scrolled.mockClear()
  HTMLElement.prototype.scrollIntoView = scrolled
})
afterEach(() => {
  mounted?.unmount()
  mounted = null
  document.body.innerHTML = ''
})

describe.each(CASES)('keyboard rules in $name', (c) => {
  it('puts the cursor in the first field, with the close button out of the Tab order', async () => {
    await open(c)
    expect(document.activeElement).toBe(field(c.first))
    const close = byTestId(c.dialog)!.querySelector('.el-dialog__headerbtn')!
    expect(close.getAttribute('tabindex')).toBe('-1')
  })

  it('saves on Enter from a single-line field, with what was just typed', async () => {
    const { w, saves } = await open(c)
    await c.fill(w)
    if (c.textarea) {
      enter(field(c.textarea))
      await flushPromises()
      expect(saves()).toHaveLength(0)
    }
    // Typed and Enter at once, before anything else happens.
    const input = field(c.enter.testid) as HTMLInputElement
    input.value = c.enter.text
    input.dispatchEvent(new Event('input', { bubbles: true }))
    enter(input)
    await settle()
    expect(saves()).toHaveLength(1)
    if (c.sent) expect(saves()[0]).toMatchObject(c.sent)
    expect(dialogShown(c.dialog)).toBe(false)
  })

  it('asks before discarding unsaved changes, from Escape, "Hủy" and the close button', async () => {
    await open(c)
    const changed = c.change ?? c.enter.testid
    await typeIn(changed, 'Chữ mới')
    escape()
    await settle()
    expect(confirmBox()?.textContent).toContain('Bỏ các thay đổi chưa lưu?')
    // "Tiếp tục sửa": the dialog and what was typed stay.
    await answer('Tiếp tục sửa')
    expect(dialogShown(c.dialog)).toBe(true)
    expect((field(changed) as HTMLInputElement).value).toBe('Chữ mới')

    footerButton(c.dialog, 'Hủy').click()
    await settle()
    expect(boxOpen()).toBe(true)
    await answer('Tiếp tục sửa')
    expect(dialogShown(c.dialog)).toBe(true)

    ;(byTestId(c.dialog)!.querySelector('.el-dialog__headerbtn') as HTMLElement).click()
    await settle()
    expect(boxOpen()).toBe(true)
    await answer('Bỏ thay đổi')
    expect(dialogShown(c.dialog)).toBe(false)
  })

  it('closes at once when nothing changed', async () => {
    await open(c)
    escape()
    await settle()
    expect(boxOpen()).toBe(false)
    expect(dialogShown(c.dialog)).toBe(false)
  })

  it('goes to the field the core names when it refuses the save; its message goes once corrected', async () => {
    const message = 'Dài 250 ký tự, quá mức tối đa 200 ký tự: hãy rút gọn.'
    const { w, saves } = await open(c, { [c.refused.key]: message })
    await c.fill(w)
    await typeIn(c.enter.testid, c.enter.text)
    enter(field(c.enter.testid))
    await flushPromises()
    // Element Plus shows a form item's error after a short debounce.
    await sleep(200)
    expect(saves()).toHaveLength(1)
    expect(dialogShown(c.dialog)).toBe(true)
    expect(byTestId(c.dialog)!.textContent).toContain(message)
    expect(document.activeElement).toBe(field(c.refused.testid))
    expect(scrolled).toHaveBeenCalled()
    // Corrected, the field's message goes before the next save.
    await typeIn(c.refused.testid, 'Ngắn')
    await sleep(200)
    expect(byTestId(c.dialog)!.textContent).not.toContain(message)
  })
})

describe('the proposal import preview (no form)', () => {
  const preview = (rows: number): ProposalImportPreview => ({
    token: 't1',
    fileName: 'de-nghi-chi-bo-ap-1.xlsx',
    fingerprint: '1',
    sheetName: 'Đề nghị',
    unitName: 'Chi bộ ấp 1',
    fileYear: 2025,
    rows: Array.from({ length: rows }, (_, k): ProposalImportRow => ({
      row: 5 + k,
      action: 'add',
      exemplarId: null,
      kind: 'person',
      name: 'Nguyễn Văn An',
      placeText: 'Chi bộ ấp 1',
      matchedBy: 'name',
      achievement: 'Giúp 3 hộ thoát nghèo',
      proposedForm: 'certificate',
      changes: []
    })),
    unchanged: 0,
    notMatched: [],
    ignored: []
  })
  const c = { component: ProposalImportDialog, dialog: 'proposal-import-dialog' }

  it('puts the cursor on "Nhập", asks nothing on Escape, and sends "apply" from its button', async () => {
    const { w } = await open({ ...c, props: { preview: preview(2), applying: false } } as never)
    expect(document.activeElement).toBe(byTestId('proposal-import-apply'))
    expect(
      byTestId(c.dialog)!.querySelector('.el-dialog__headerbtn')!.getAttribute('tabindex')
    ).toBe('-1')
    byTestId('proposal-import-apply')!.click()
    await flushPromises()
    expect(w.emitted('apply')).toHaveLength(1)
    escape()
    await settle()
    expect(boxOpen()).toBe(false)
    expect(dialogShown(c.dialog)).toBe(false)
  })

  it('leaves the cursor off "Nhập" when there is nothing to import', async () => {
    await open({ ...c, props: { preview: preview(0), applying: false } } as never)
    expect(byTestId('proposal-import-apply')!.hasAttribute('disabled')).toBe(true)
    expect(document.activeElement).not.toBe(byTestId('proposal-import-apply'))
  })
})
