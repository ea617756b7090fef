// The exemplars section through dispatch on a real SQLite file: movements, the register and its
// forward-only status flow, filters and diacritic-free search, rewards with both warnings (issuer
// power from the editable table; the same achievement twice), candidates and counts rolled up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AwardFields, ExemplarFields } from '../../../src/shared/api'
import { parseAwardForm } from '../../../src/shared/exemplar-labels'
import { openTestCore, type TestCore } from '../../helpers/core'
import { seedOrg, type Org } from '../../helpers/evaluation'

let t: TestCore
let o: Org
beforeEach(async () => {
  t = openTestCore()
  o = await seedOrg(t)
})
afterEach(() => t.dispose())

const base = (o: Org, f: Partial<ExemplarFields>): ExemplarFields => ({
  kind: 'person',
  personId: null,
  unitId: null,
  name: null,
  field: null,
  sinceYear: null,
  achievement: null,
  proposingUnitId: o.cellA,
  year: 2025,
  toYear: null,
  movementId: null,
  evidence: null,
  press: [],
  proposedForm: null,
  ...f
})

const award = (f: Partial<AwardFields>): AwardFields => ({
  number: '12-QĐ/ĐU',
  date: '2025-05-19',
  issuerUnitId: o.committee,
  issuerName: null,
  form: 'certificate',
  kind: 'annual',
  occasion: 'Sơ kết Chỉ thị 05',
  signer: 'Nguyễn Văn Bí Thư',
  recipients: [],
  ...f
})

describe('exemplars: register', () => {
  it('records a person, a unit, an outside collective and a model, names from their records, and refuses what is missing', async () => {
    const mv = await t.call('exemplars:createMovement', {
      year: 2025,
      title: 'Thi đua học tập và làm theo Bác',
      unitId: o.committee,
      decisionNumber: '05-QĐ/ĐU',
      decisionDate: '2025-01-10',
      fromDate: '2025-01-10',
      toDate: '2025-12-31',
      criteria: 'Có việc làm cụ thể'
    })
    const an = await t.call(
      'exemplars:create',
      base(o, {
        personId: o.ids['Nguyễn Văn An'],
        achievement: 'Vận động hiến đất làm đường',
        movementId: mv.id
      })
    )
    expect(an).toMatchObject({
      displayName: 'Nguyễn Văn An',
      placeText: 'Bí thư chi bộ, Chi bộ ấp 1',
      status: 'proposed',
      movementTitle: mv.title
    })
    expect(an.steps).toHaveLength(1)
    const cell = await t.call(
      'exemplars:create',
      base(o, { kind: 'unit', unitId: o.cellB, proposingUnitId: o.committee })
    )
    expect(cell).toMatchObject({ displayName: 'Chi bộ ấp 2', placeText: 'Đảng ủy xã Tân Lập' })
    const model = await t.call(
      'exemplars:create',
      base(o, {
        kind: 'model',
        name: 'Mô hình "Tuyến đường nở hoa"',
        unitId: o.cellA,
        field: 'Môi trường',
        sinceYear: 2021,
        press: [{ outlet: 'Báo Tây Ninh', date: '2025-03', title: 'Đường hoa ấp 1', link: null }]
      })
    )
    expect(model.press[0].outlet).toBe('Báo Tây Ninh')
    await t.call(
      'exemplars:create',
      base(o, { kind: 'outside', name: 'Hội Phụ nữ ấp 1', year: 2024 })
    )

    expect(
      (await t.refuse('exemplars:create', base(o, { kind: 'person' }))).fields?.personId
    ).toBeTruthy()
    expect(
      (await t.refuse('exemplars:create', base(o, { kind: 'model', name: '  ' }))).fields?.name
    ).toBe('Chưa nhập tên mô hình.')
    expect(
      (await t.refuse('exemplars:create', base(o, { toYear: 2020 }))).fields?.toYear
    ).toBeTruthy()
    expect((await t.refuse('exemplars:deleteMovement', { id: mv.id })).code).toBe('IN_USE')

    // Filters: the committee's subtree holds all; year, kind, movement, folded search.
    expect((await t.call('exemplars:list', { unitId: o.committee })).total).toBe(4)
    expect((await t.call('exemplars:list', { unitId: o.cellB })).total).toBe(0)
    expect((await t.call('exemplars:list', { year: 2025 })).total).toBe(3)
    expect((await t.call('exemplars:list', { kind: 'model' })).rows.map((r) => r.id)).toEqual([
      model.id
    ])
    expect((await t.call('exemplars:list', { movementId: mv.id })).rows.map((r) => r.id)).toEqual([
      an.id
    ])
    expect(
      (await t.call('exemplars:list', { search: 'nguyen van an' })).rows.map((r) => r.id)
    ).toEqual([an.id])
    expect(
      (await t.call('exemplars:list', { search: 'TUYEN DUONG' })).rows.map((r) => r.id)
    ).toEqual([model.id])
    expect((await t.call('exemplars:list', { search: 'ấp 2' })).rows.map((r) => r.id)).toEqual([
      cell.id
    ])
    expect((await t.call('exemplars:list', { search: '100%' })).total).toBe(0)
  })

  it('moves the status forward only, each step dated and by a unit', async () => {
    const e = await t.call('exemplars:create', base(o, { personId: o.ids['Trần Thị Bình'] }))
    const rec = await t.call('exemplars:setStatus', {
      id: e.id,
      status: 'recognised',
      date: '2025-04-01',
      unitId: o.committee,
      note: 'Hội nghị đảng ủy'
    })
    expect(rec.status).toBe('recognised')
    expect(rec.steps.map((s) => [s.status, s.unitName])).toEqual([
      ['proposed', 'Chi bộ ấp 1'],
      ['recognised', 'Đảng ủy xã Tân Lập']
    ])
    const back = await t.refuse('exemplars:setStatus', {
      id: e.id,
      status: 'proposed',
      date: '2025-04-02',
      unitId: null,
      note: null
    })
    expect(back.message).toContain('không lùi')
    const spread = await t.call('exemplars:setStatus', {
      id: e.id,
      status: 'spread',
      date: '2025-09-02',
      unitId: o.committee,
      note: null
    })
    expect(spread.steps.map((s) => [s.status, s.date])).toEqual([
      ['proposed', expect.any(String)],
      ['recognised', '2025-04-01'],
      ['rewarded', '2025-09-02'],
      ['spread', '2025-09-02']
    ])
    expect(spread.steps[2].note).toBe('Ghi cùng bước sau')
  })
})

describe('exemplars: rewards', () => {
  it('saves a decision, moves its exemplars to rewarded, and warns of a form beyond the issuer power (editable) and of the same achievement twice', async () => {
    const an = await t.call('exemplars:create', base(o, { personId: o.ids['Nguyễn Văn An'] }))
    const model = await t.call(
      'exemplars:create',
      base(o, { kind: 'model', name: 'Mô hình dân vận khéo', unitId: o.cellA })
    )
    const first = await t.call(
      'exemplars:createAward',
      award({
        recipients: [
          {
            exemplarId: an.id,
            personId: null,
            unitId: null,
            citation: 'Đã có thành tích xuất sắc'
          },
          { exemplarId: model.id, personId: null, unitId: null, citation: null }
        ]
      })
    )
    // Đảng ủy cơ sở may give giấy khen: no warning.
    expect(first.warnings).toEqual([])
    expect(first.award).toMatchObject({
      year: 2025,
      issuerLevel: 'Đảng ủy cơ sở',
      issuerDisplay: 'Đảng ủy xã Tân Lập'
    })
    expect(first.award.recipients.map((r) => [r.displayName, r.placeText, r.citation])).toEqual([
      ['Nguyễn Văn An', 'Bí thư chi bộ, Chi bộ ấp 1', 'Đã có thành tích xuất sắc'],
      ['Mô hình dân vận khéo', 'Chi bộ ấp 1', null]
    ])
    const got = await t.call('exemplars:get', { id: an.id })
    expect(got.status).toBe('rewarded')
    expect(got.steps.at(-1)).toMatchObject({
      status: 'rewarded',
      date: '2025-05-19',
      note: 'Quyết định số 12-QĐ/ĐU'
    })

    // Bằng khen from the đảng ủy cơ sở is beyond its power; the same person (given as a person, not
    // the exemplar) at the same occasion of the same year is a second reward of one achievement.
    const second = await t.call(
      'exemplars:createAward',
      award({
        number: '15-QĐ/ĐU',
        date: '2025-06-01',
        form: 'merit',
        occasion: 'sơ kết chỉ thị 05',
        recipients: [
          { exemplarId: null, personId: o.ids['Nguyễn Văn An'], unitId: null, citation: null }
        ]
      })
    )
    expect(second.warnings).toHaveLength(2)
    expect(second.warnings[0]).toContain('vượt thẩm quyền')
    expect(second.warnings[0]).toContain('biểu dương, giấy khen')
    expect(second.warnings[1]).toContain('Nguyễn Văn An đã được khen năm 2025')
    expect(second.warnings[1]).toContain('12-QĐ/ĐU ngày 19/05/2025')
    // Saved all the same: a warning, never a block.
    expect(
      (await t.call('exemplars:listAwards', { year: 2025, unitId: null })).map((a) => a.number)
    ).toEqual(['15-QĐ/ĐU', '12-QĐ/ĐU'])
    // Another occasion or year is another achievement.
    expect(
      await t.call(
        'exemplars:checkAward',
        award({
          date: '2026-05-19',
          recipients: [{ exemplarId: an.id, personId: null, unitId: null, citation: null }]
        })
      )
    ).toEqual([])

    // The power table is data: let the đảng ủy cơ sở give bằng khen and the warning goes.
    const powers = await t.call('exemplars:listPowers', null)
    expect(powers.find((p) => p.level === 'Tỉnh ủy')?.forms).toContain('merit')
    await t.call(
      'exemplars:savePowers',
      powers.map((p) => (p.level === 'Đảng ủy cơ sở' ? { ...p, forms: [...p.forms, 'merit'] } : p))
    )
    expect(
      await t.call(
        'exemplars:checkAward',
        award({
          form: 'merit',
          occasion: 'Dịp khác',
          recipients: [{ exemplarId: null, personId: null, unitId: o.cellB, citation: null }]
        })
      )
    ).toEqual([])
    // An outside body with no row in the table gets a warning that says so.
    const outside = await t.call(
      'exemplars:checkAward',
      award({
        issuerUnitId: null,
        issuerName: 'Sở Nội vụ',
        occasion: 'Dịp khác',
        recipients: [{ exemplarId: null, personId: null, unitId: o.cellB, citation: null }]
      })
    )
    expect(outside[0]).toContain('Chưa có quy định thẩm quyền khen thưởng cho cấp "Sở Nội vụ"')
    expect(
      await t.call(
        'exemplars:checkAward',
        award({
          issuerUnitId: null,
          issuerName: 'ubnd tinh',
          form: 'merit',
          occasion: 'x',
          recipients: [{ exemplarId: null, personId: null, unitId: o.cellB, citation: null }]
        })
      )
    ).toEqual([])

    expect(
      (await t.refuse('exemplars:createAward', award({ recipients: [] }))).fields?.recipients
    ).toBeTruthy()
    expect((await t.refuse('exemplars:delete', { id: an.id })).code).toBe('IN_USE')
    await t.call('exemplars:deleteAward', { id: second.award.id })
    expect(await t.call('exemplars:listAwards', { year: null, unitId: o.cellB })).toEqual([])
    expect(
      (await t.call('exemplars:listAwards', { year: null, unitId: o.cellA })).map((a) => a.number)
    ).toEqual(['12-QĐ/ĐU'])
  })

  it('reads a form from its Vietnamese name in any case or diacritics', () => {
    expect(parseAwardForm('giấy khen')).toBe('certificate')
    expect(parseAwardForm('BANG KHEN')).toBe('merit')
    expect(parseAwardForm('Biểu  dương')).toBe('praise')
    expect(parseAwardForm('co')).toBe('flag')
    expect(parseAwardForm('giấy chứng nhận và biểu trưng')).toBe('emblem')
    expect(parseAwardForm('huân chương')).toBeNull()
  })
})

describe('exemplars: candidates and counts', () => {
  it('suggests HTXSNV members (decided or proposed), marking who is registered already', async () => {
    await t.call('evaluation:save', {
      year: 2025,
      unitId: o.cellA,
      entries: [
        { personId: o.ids['Hồ Thị Giang'], decided: 'HTXSNV' },
        { personId: o.ids['Lê Văn Cường'], proposed: 'HTXSNV' }
      ]
    })
    await t.call('exemplars:create', base(o, { personId: o.ids['Hồ Thị Giang'] }))
    const c = await t.call('exemplars:candidates', { unitId: o.committee, year: 2025 })
    expect(c.map((x) => [x.name, x.registered])).toEqual(
      expect.arrayContaining([
        ['Hồ Thị Giang', true],
        ['Lê Văn Cường', false]
      ])
    )
    expect(c[0].reason).toContain('Hoàn thành xuất sắc nhiệm vụ năm 2025')
    expect(await t.call('exemplars:candidates', { unitId: o.cellB, year: 2025 })).toEqual([])
    // Nothing was added by itself.
    expect((await t.call('exemplars:list', {})).total).toBe(1)
  })

  it('counts the register and the rewards per unit, rolled up the tree, per period and by level × form', async () => {
    const an = await t.call('exemplars:create', base(o, { personId: o.ids['Nguyễn Văn An'] }))
    const model = await t.call(
      'exemplars:create',
      base(o, { kind: 'model', name: 'Mô hình A', unitId: o.cellA })
    )
    await t.call(
      'exemplars:create',
      base(o, {
        kind: 'model',
        name: 'Mô hình B',
        proposingUnitId: o.cellB,
        year: 2021,
        toYear: 2025
      })
    )
    await t.call(
      'exemplars:create',
      base(o, { kind: 'unit', unitId: o.cellB, proposingUnitId: o.committee, year: 2024 })
    )
    await t.call('exemplars:setStatus', {
      id: model.id,
      status: 'spread',
      date: '2025-10-01',
      unitId: o.committee,
      note: null
    })
    await t.call(
      'exemplars:createAward',
      award({
        recipients: [
          { exemplarId: an.id, personId: null, unitId: null, citation: null },
          { exemplarId: null, personId: null, unitId: o.cellB, citation: null }
        ]
      })
    )
    await t.call(
      'exemplars:createAward',
      award({
        number: '1',
        issuerUnitId: null,
        issuerName: 'UBND tỉnh',
        form: 'merit',
        recipients: [
          { exemplarId: null, personId: o.ids['Đỗ Thị Lan'], unitId: null, citation: null }
        ]
      })
    )

    const c = await t.call('exemplars:counts', { unitId: null, fromYear: 2025, toYear: 2025 })
    const row = (name: string) => c.rows.find((r) => r.name === name)!.counts
    expect(row('Chi bộ ấp 1')).toMatchObject({
      persons: 1,
      models: 1,
      modelsSpread: 1,
      rewarded: 1,
      spread: 1,
      awards_certificate: 1,
      awards_merit: 0
    })
    expect(row('Chi bộ ấp 2')).toMatchObject({
      models: 1,
      proposed: 1,
      awards_certificate: 1,
      awards_merit: 1
    })
    // The committee holds its subtree; the 2024 collective is outside the period.
    expect(row('Đảng ủy xã Tân Lập')).toMatchObject({
      persons: 1,
      collectives: 0,
      models: 2,
      modelsSpread: 1,
      awards_certificate: 2,
      awards_merit: 1
    })
    expect(c.total?.name).toBe('Huyện ủy Tân Biên')
    expect(c.total?.counts.models).toBe(2)
    expect(c.byLevel).toEqual([
      {
        level: 'Đảng ủy cơ sở',
        counts: { praise: 0, certificate: 2, merit: 0, emblem: 0, flag: 0 }
      },
      { level: 'UBND tỉnh', counts: { praise: 0, certificate: 0, merit: 1, emblem: 0, flag: 0 } }
    ])
    const period = await t.call('exemplars:counts', {
      unitId: o.committee,
      fromYear: 2021,
      toYear: 2025
    })
    expect(period.total?.counts).toMatchObject({ collectives: 1, models: 2, persons: 1 })
    const cellB = await t.call('exemplars:counts', {
      unitId: o.cellB,
      fromYear: 2025,
      toYear: 2025
    })
    expect(cellB.rows.map((r) => r.name)).toEqual(['Chi bộ ấp 2'])
  })
})
