import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type {
  StudyChecklist,
  StudyCoverage,
  StudyMissingPerson,
  StudySession,
  StudyTopic
} from '@shared/api'
import StudyView from '@renderer/views/StudyView.vue'
import UnitSelect from '@renderer/components/common/UnitSelect.vue'
import AttendanceChecklist from '@renderer/components/study/AttendanceChecklist.vue'
import { useStudyStore } from '@renderer/stores/study'
import { createFakeApi, unit, type FakeData } from '../fake-api'
import { $, $$, byTestId, installApi, mountView, sleep, type } from '../helpers'

const topic2024: StudyTopic = {
  id: 4,
  year: 2024,
  title: 'Đẩy mạnh học tập và làm theo … về thực hành tiết kiệm',
  planNumber: null,
  planDate: null,
  note: null,
  sessionCount: 1
}

const session: StudySession = {
  id: 7,
  topicId: 4,
  year: 2024,
  kind: 'cell_meeting',
  heldOn: '2024-05-20',
  hostUnitId: 2,
  hostUnitName: 'Chi bộ ấp 1',
  title: null,
  points: [{ name: 'Hội trường', unitId: null, attendees: 40 }],
  extraNonMembers: 3,
  note: null,
  attendedMembers: 1,
  attendedNonMembers: 0
}

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 3)
  ],
  people: [],
  backups: []
})

function checklistOf(): StudyChecklist {
  const row = (personId: number, fullName: string, attended: boolean, extra = {}) => ({
    personId,
    fullName,
    kind: 'member' as const,
    status: 'active' as const,
    partyCardNumber: null,
    birthDate: null,
    required: true,
    attended,
    studiedElsewhere: false,
    ...extra
  })
  return {
    sessionId: 7,
    unitId: 2,
    unitName: 'Chi bộ ấp 1',
    rows: [
      row(1, 'Nguyễn Văn An', true),
      row(2, 'Trần Thị Bình', false),
      row(3, 'Lê Văn Cường', false, { kind: 'non_member' })
    ]
  }
}

describe('StudyView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('says plainly when the working year has no topic, and offers to add it with the term title', async () => {
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2025 }),
      'study:listTopics': () => [topic2024],
      'study:listSessions': () => []
    })
    installApi(fake.api)
    mountView(StudyView)
    await flushPromises()
    expect(byTestId('study-no-topic')?.textContent).toContain('Chưa có chủ đề Chuyên đề năm 2025.')
    expect((byTestId('study-add-session') as HTMLButtonElement).disabled).toBe(true)
    byTestId('study-add-topic')!.click()
    await flushPromises()
    const title = byTestId('topic-form-title') as HTMLTextAreaElement
    expect(title.value).toContain('ý chí tự lực, tự cường')
  })

  it('lists the sessions of the year with their counts', async () => {
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2024 }),
      'study:listTopics': () => [topic2024],
      'study:listSessions': () => [session]
    })
    installApi(fake.api)
    mountView(StudyView)
    await flushPromises()
    expect(byTestId('study-topic')?.textContent).toContain('thực hành tiết kiệm')
    const table = byTestId('study-sessions')!
    expect(table.textContent).toContain('20/05/2024')
    expect(table.textContent).toContain('Sinh hoạt chi bộ')
    expect(table.textContent).toContain('1 điểm / 40 người')
    expect(fake.callsTo('study:listSessions')[0]).toEqual({ year: 2024, unitId: null })
  })

  it('ties a connection point to a unit, and keeps the tie when the session is edited', async () => {
    const tied: StudySession = {
      ...session,
      points: [{ name: 'Hội trường xã', unitId: 1, attendees: 40 }]
    }
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2024 }),
      'study:listTopics': () => [topic2024],
      'study:listSessions': () => [tied],
      'study:updateSession': (i) => ({ ...tied, ...i.fields })
    })
    installApi(fake.api)
    const w = mountView(StudyView)
    await flushPromises()
    byTestId('session-edit')!.click()
    await flushPromises()
    // A new point: choosing its unit names it after the unit.
    byTestId('session-form-add-point')!.click()
    await flushPromises()
    const select = w
      .findAllComponents(UnitSelect)
      .find((c) => c.attributes('data-testid') === 'session-form-point-unit-1')!
    select.vm.$emit('update:modelValue', 2)
    await flushPromises()
    expect((byTestId('session-form-point-name-1') as HTMLInputElement).value).toBe('Chi bộ ấp 1')
    byTestId('session-form-save')!.click()
    await flushPromises()
    expect(fake.callsTo('study:updateSession')[0].fields.points).toEqual([
      { name: 'Hội trường xã', unitId: 1, attendees: 40 },
      { name: 'Chi bộ ấp 1', unitId: 2, attendees: 0 }
    ])
  })
})

describe('StudyView: the missing list', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  const coverageOf = (i: { year: number }): StudyCoverage => ({
    year: i.year,
    topic: topic2024,
    rows: [],
    total: null
  })
  const missingPerson = (personId: number, fullName: string): StudyMissingPerson => ({
    personId,
    fullName,
    kind: 'member',
    status: 'active',
    birthDate: null,
    partyCardNumber: null,
    position: null,
    unitId: 2,
    unitName: 'Chi bộ ấp 1'
  })

  async function openCoverage() {
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2024 }),
      'study:listTopics': () => [topic2024],
      'study:listSessions': () => [],
      'study:coverage': coverageOf,
      'study:listMissing': () => ({
        total: 2,
        rows: [missingPerson(1, 'Trần Thị Bình'), missingPerson(2, 'Lê Văn Cường')]
      }),
      'study:exportMissing': () => ({ path: '/tmp/chua-hoc.xlsx', rows: 2 })
    })
    installApi(fake.api)
    const w = mountView(StudyView)
    await flushPromises()
    $('#tab-coverage')!.click()
    await flushPromises()
    return { fake, w }
  }

  it('offers one sheet per chi bộ for a scope above a chi bộ, and asks the core for it', async () => {
    const { fake } = await openCoverage()
    const choice = byTestId('coverage-per-unit')!
    expect(choice.textContent).toContain('Mỗi chi bộ một trang tính')
    choice.querySelector('input')!.click()
    await flushPromises()
    byTestId('coverage-export')!.click()
    await flushPromises()
    expect(fake.callsTo('study:exportMissing')).toEqual([
      { year: 2024, unitId: null, place: '', perUnit: true }
    ])
    expect(
      $$('.el-message--success')
        .map((m) => m.textContent)
        .join(' ')
    ).toContain(
      'Đã lưu danh sách 2 người chưa học (mỗi chi bộ một trang tính) vào /tmp/chua-hoc.xlsx.'
    )
  })

  it('does not offer it for a chi bộ, which is one sheet already', async () => {
    const { fake, w } = await openCoverage()
    byTestId('coverage-per-unit')!.querySelector('input')!.click()
    await flushPromises()
    w.findComponent(UnitSelect).vm.$emit('update:modelValue', 2)
    await flushPromises()
    expect(byTestId('coverage-per-unit')).toBeNull()
    expect(fake.callsTo('study:listMissing').at(-1)).toMatchObject({ unitId: 2 })
    byTestId('coverage-export')!.click()
    await flushPromises()
    expect(fake.callsTo('study:exportMissing')).toEqual([
      { year: 2024, unitId: 2, place: '', perUnit: false }
    ])
  })
})

describe('AttendanceChecklist', () => {
  let fake: ReturnType<typeof createFakeApi>
  beforeEach(() => {
    fake = createFakeApi(data(), {
      'study:checklist': () => checklistOf(),
      'study:setAttendance': (i) => ({
        sessionId: i.sessionId,
        added: i.present.length,
        removed: i.absent.length,
        attendedMembers: 2,
        attendedNonMembers: 1
      })
    })
    installApi(fake.api)
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('filters as you type, marks all present and sends only the changes, in one call', async () => {
    const w = mountView(AttendanceChecklist, { props: { session, modelValue: false } })
    await w.setProps({ modelValue: true })
    await flushPromises()
    await sleep(10)
    await flushPromises()
    expect(fake.callsTo('study:checklist')[0]).toEqual({ sessionId: 7, unitId: 2 })
    expect($$('[data-testid^="checklist-row-"]')).toHaveLength(3)
    expect(byTestId('checklist-count')?.textContent).toContain('Có mặt: 1 / 3')
    await type('checklist-search', 'binh')
    expect($$('[data-testid^="checklist-row-"]').map((e) => e.textContent?.trim())).toEqual([
      'Trần Thị Bình'
    ])
    await type('checklist-search', '')
    byTestId('checklist-all')!.click()
    await flushPromises()
    expect(byTestId('checklist-count')?.textContent).toContain('Có mặt: 3 / 3')
    byTestId('checklist-save')!.click()
    await flushPromises()
    expect(fake.callsTo('study:setAttendance')).toEqual([
      { sessionId: 7, present: [2, 3], absent: [] }
    ])
    expect(useStudyStore().coverage).toBeNull()
  })
})
