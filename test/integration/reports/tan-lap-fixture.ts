// The known data set of the report tests (annex.test.ts checks every figure of its annex;
// word-report.test.ts writes its report): the province of Tây Ninh, the commune of Tân Lập with
// chi bộ ấp 1 and ấp 2 (and ấp 3, retired at the end of 2025), people, the 2026 topic with a
// conference in the half-year and a make-up session after it, commitments and their results,
// ratings, a model and an exemplar rewarded, propaganda activities and a press work, and an
// inspection concluded in October with two recommendations (one done, one late).
import type { CommitmentItem } from '../../../src/shared/api'
import { personInput, type TestCore } from '../../helpers/core'

const item: CommitmentItem = {
  heading: 'topic',
  content: 'Học tập và làm theo Bác',
  tasks: null,
  measures: null,
  deadline: null,
  expected: null
}

export interface TanLap {
  province: number
  commune: number
  cellA: number
  cellB: number
  retired: number
}

export async function seedTanLap(t: TestCore): Promise<TanLap> {
  const province = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng bộ tỉnh Tây Ninh',
      level: 'Tỉnh ủy'
    })
  ).id
  const commune = (
    await t.call('units:create', {
      parentId: province,
      name: 'Đảng bộ xã Tân Lập',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  const cell = async (name: string) =>
    (await t.call('units:create', { parentId: commune, name, level: 'Chi bộ' })).id
  const cellA = await cell('Chi bộ ấp 1')
  const cellB = await cell('Chi bộ ấp 2')
  const retired = await cell('Chi bộ ấp 3')
  await t.call('units:retire', { id: retired, on: '2025-12-31' })

  const person = async (
    unitId: number,
    fullName: string,
    kind: 'member' | 'non_member' = 'member'
  ) => (await t.call('people:create', { ...personInput(unitId, { fullName }), kind })).id
  const m1 = await person(cellA, 'Nguyễn Văn Một')
  const m2 = await person(cellA, 'Trần Thị Hai')
  const m3 = await person(cellA, 'Lê Văn Ba')
  const n1 = await person(cellA, 'Phạm Thị Quần', 'non_member')
  const n2 = await person(cellA, 'Võ Văn Chúng', 'non_member')
  const m4 = await person(cellB, 'Đỗ Văn Bốn')
  await person(cellB, 'Hồ Thị Năm') // on the rolls, not rated
  const m6 = await person(cellB, 'Đặng Văn Sáu')
  await t.call('people:setStatus', { id: m6, status: 'transferred', since: '2026-02-01' })
  const m7 = await person(commune, 'Bùi Văn Bảy')

  const topic = await t.call('study:saveTopic', {
    year: 2026,
    title: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026',
    planNumber: null,
    planDate: null,
    note: null
  })
  // In the half-year: the commune's conference with two connection points, one at chi bộ ấp 1.
  const s1 = await t.call('study:createSession', {
    topicId: topic.id,
    kind: 'unit_conference',
    heldOn: '2026-03-10',
    hostUnitId: commune,
    title: null,
    points: [
      { name: 'Hội trường xã', unitId: commune, attendees: 40 },
      { name: 'Nhà văn hóa ấp 1', unitId: cellA, attendees: 25 }
    ],
    extraNonMembers: 30,
    note: null
  })
  await t.call('study:setAttendance', {
    sessionId: s1.id,
    present: [m1, m2, m4, m7, n1],
    absent: []
  })
  // After the half-year: chi bộ ấp 1's make-up session (N1 comes a second time).
  const s2 = await t.call('study:createSession', {
    topicId: topic.id,
    kind: 'makeup',
    heldOn: '2026-07-20',
    hostUnitId: cellA,
    title: null,
    points: [],
    extraNonMembers: 5,
    note: null
  })
  await t.call('study:setAttendance', { sessionId: s2.id, present: [m3, n1, n2], absent: [] })

  for (const personId of [m1, m2, m4, n1])
    await t.call('commitments:save', { personId, year: 2026, madeOn: '2026-02-15', items: [item] })
  await t.call('commitments:setResult', {
    personId: m1,
    year: 2026,
    result: 'completed_well',
    note: null
  })
  await t.call('commitments:setResult', {
    personId: m2,
    year: 2026,
    result: 'completed',
    note: null
  })
  await t.call('commitments:setResult', {
    personId: m4,
    year: 2026,
    result: 'not_completed',
    note: null
  })

  await t.call('evaluation:save', {
    year: 2026,
    unitId: cellA,
    entries: [
      { personId: m1, decided: 'HTXSNV' },
      { personId: m2, decided: 'HTTNV' },
      { personId: m3, decided: 'HTTNV' }
    ]
  })
  await t.call('evaluation:save', {
    year: 2026,
    unitId: cellB,
    entries: [{ personId: m4, decided: 'HTNV' }]
  })

  const base = {
    personId: null,
    unitId: null,
    name: null,
    field: null,
    sinceYear: null,
    achievement: null,
    year: 2026,
    toYear: null,
    movementId: null,
    evidence: null,
    press: [],
    proposedForm: null
  }
  const model = await t.call('exemplars:create', {
    ...base,
    kind: 'model',
    name: 'Mô hình "Tuyến đường nở hoa"',
    unitId: cellA,
    proposingUnitId: cellA
  })
  const hero = await t.call('exemplars:create', {
    ...base,
    kind: 'person',
    personId: m1,
    proposingUnitId: cellA
  })
  await t.call('exemplars:createAward', {
    number: '12-QĐ/ĐU',
    date: '2026-05-19',
    issuerUnitId: commune,
    issuerName: null,
    form: 'certificate',
    kind: 'annual',
    occasion: 'Sơ kết 6 tháng',
    signer: null,
    recipients: [
      { exemplarId: model.id, personId: null, unitId: null, citation: null },
      { exemplarId: hero.id, personId: null, unitId: null, citation: null }
    ]
  })

  const activity = {
    kind: 'conference' as const,
    endsOn: null,
    title: null,
    onTopic: true,
    anniversaryId: null,
    points: 0,
    members: 0,
    nonMembers: 0,
    attendances: 0,
    news: 0,
    articles: 0,
    reports: 0,
    panels: 0,
    note: null
  }
  await t.call('propaganda:createActivity', {
    ...activity,
    startsOn: '2026-04-10',
    unitId: cellA,
    points: 1,
    members: 10,
    nonMembers: 20,
    attendances: 35,
    news: 2
  })
  await t.call('propaganda:createActivity', {
    ...activity,
    kind: 'banners',
    startsOn: '2026-09-02',
    unitId: cellB,
    panels: 3
  })
  await t.call('propaganda:createPressWork', {
    awardYear: 2026,
    title: 'Xã Tân Lập làm theo Bác',
    authors: [{ personId: null, name: 'Nguyễn Thị Hoa' }],
    outlet: 'Báo Tây Ninh',
    publishedOn: '2026-03-01',
    category: 'print',
    link: null,
    unitId: commune,
    stage: 'final',
    result: 'b',
    note: null
  })

  // The commune inspects chi bộ ấp 1 (12 members covered) and concludes in October with two
  // recommendations to it: one done, one past its due date at the period's end.
  const insp = await t.call('inspections:create', {
    kind: 'inspection',
    mode: 'thematic',
    planItemId: null,
    unitId: commune,
    content: 'Kiểm tra việc học tập và làm theo chuyên đề năm 2026',
    decisionNumber: '21-QĐ/ĐU',
    decisionDate: '2026-09-01',
    periodFrom: '2026-01-01',
    periodTo: '2026-08-31',
    startsOn: '2026-09-15',
    endsOn: '2026-10-05',
    team: [{ role: 'head', personId: null, name: 'Trần Văn Kiểm' }],
    targets: [{ unitId: cellA, members: 12 }],
    note: null
  })
  for (const status of ['notified', 'self_review', 'at_work', 'results_adopted'] as const)
    await t.call('inspections:setStatus', { id: insp.id, status })
  await t.call('inspections:addDocument', {
    inspectionId: insp.id,
    kind: 'conclusion',
    number: '05-TB/ĐU',
    datedOn: '2026-10-10',
    title: null,
    note: null
  })
  await t.call('inspections:setStatus', { id: insp.id, status: 'concluded' })
  const rec = (text: string, dueOn: string) =>
    t.call('inspections:createRecommendation', {
      inspectionId: insp.id,
      unitId: cellA,
      text,
      dueOn,
      madeOn: '2026-10-10'
    })
  const done = await rec('Bổ sung sổ ghi chép học tập', '2026-11-01')
  await t.call('inspections:setRecommendationDone', {
    id: done.id,
    doneOn: '2026-10-25',
    note: null
  })
  await rec('Tổ chức sinh hoạt chuyên đề bù', '2026-11-15')
  return { province, commune, cellA, cellB, retired }
}
