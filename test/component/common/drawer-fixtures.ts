// What the two drawers read (one person's commitment, a session's checklist), for the keyboard
// rules' tests.
import type { CommitmentItem, CommitmentPerson, StudyChecklist, StudySession } from '@shared/api'

/** The one item of a chi bộ's template, and of a commitment made from it. */
export const topicItem = (): CommitmentItem => ({
  heading: 'topic',
  content: 'Làm theo Bác về tiết kiệm',
  tasks: null,
  measures: null,
  deadline: 'Cả năm',
  expected: null
})

/** One person's commitment of 2024 with one item (the drawer's first field is its date). */
export const commitmentPerson = (): CommitmentPerson => ({
  personId: 1,
  year: 2024,
  fullName: 'Nguyễn Văn An',
  kind: 'member',
  status: 'active',
  unitId: 2,
  unitName: 'Chi bộ ấp 1',
  position: null,
  state: 'made',
  commitment: {
    id: 5,
    personId: 1,
    year: 2024,
    unitId: 2,
    unitName: 'Chi bộ ấp 1',
    madeOn: '2024-02-15',
    source: 'template',
    items: [topicItem()],
    result: null,
    resultNote: null,
    resultOn: null,
    updatedAt: '2024-02-15T08:00:00Z'
  },
  trail: []
})
export const session: StudySession = {
  id: 7,
  topicId: 4,
  year: 2024,
  kind: 'cell_meeting',
  heldOn: '2024-05-20',
  hostUnitId: 2,
  hostUnitName: 'Chi bộ ấp 1',
  title: null,
  points: [],
  extraNonMembers: 0,
  note: null,
  attendedMembers: 1,
  attendedNonMembers: 0
}
/** A unit's checklist: An was there, Bình and Bảy not yet. */
export const checklist = (unitId = 2): StudyChecklist => ({
  sessionId: 7,
  unitId,
  unitName: unitId === 2 ? 'Chi bộ ấp 1' : 'Chi bộ ấp 2',
  rows: (
    [
      [1, 'Nguyễn Văn An', true],
      [2, 'Trần Thị Bình', false],
      [3, 'Lê Văn Bảy', false]
    ] as const
  ).map(([personId, fullName, attended]) => ({
    personId,
    fullName,
    kind: 'member',
    status: 'active',
    partyCardNumber: null,
    birthDate: null,
    required: true,
    attended,
    studiedElsewhere: false
  }))
})
