// The year-end rating through dispatch on a real SQLite file: rule sets per year, the sheet of
// a chi bộ and of a committee (who is exempt, totals that reconcile, the HTXSNV quota counted
// per tổ chức cơ sở đảng), saving and fast entry, and the commitment's result beside it.
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyMigrations, MIGRATIONS } from '../../../src/core/db/migrations'
import type { EvaluationSheet } from '../../../src/shared/api'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { seedOrg } from '../../helpers/evaluation'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.dispose())

describe('evaluation: rule sets', () => {
  it('seeds the rules of 2018–2022, 2023–2024 and 2025 on, and finds the one in force', async () => {
    const rules = await t.call('evaluation:listRules', null)
    expect(
      rules.map((r) => [r.fromYear, r.toYear, r.quotaPercent, r.quotaBase, r.quotaScope])
    ).toEqual([
      [2018, 2022, 20, 'httnv_or_better', 'grassroots'],
      [2023, 2024, 20, 'httnv_or_better', 'grassroots'],
      [2025, null, 20, 'httnv_or_better', 'grassroots']
    ])
    expect(rules[0].name).toContain('QĐ 132')
    expect(rules[1].exemptStatuses).toEqual(['exempt', 'suspended'])
    expect(rules[1].newMemberMonths).toBe(6)
    expect(rules[2].scoreThresholds).toEqual({ excellent: 90, good: 70, done: 50 })

    const o = await seedOrg(t)
    expect(
      (await t.call('evaluation:sheet', { year: 2021, unitId: o.cellA })).ruleSet?.name
    ).toContain('QĐ 132')
    expect(
      (await t.call('evaluation:sheet', { year: 2024, unitId: o.cellA })).ruleSet?.name
    ).toContain('QĐ 124')
    expect(
      (await t.call('evaluation:sheet', { year: 2026, unitId: o.cellA })).ruleSet?.name
    ).toContain('QĐ 366')
  })

  it('edits a rule set, refuses a clash of years and bad thresholds, and adds a new one', async () => {
    // What the form sends: the rule's fields, without its id and derived toYear (the schema is strict).
    const [, { id: r2023Id, toYear: _to, ...r2023 }] = await t.call('evaluation:listRules', null)
    const edited = await t.call('evaluation:updateRule', {
      id: r2023Id,
      fields: { ...r2023, quotaPercent: 15, quotaBase: 'rated' }
    })
    expect(edited).toMatchObject({ quotaPercent: 15, quotaBase: 'rated', toYear: 2024 })
    const clash = await t.refuse('evaluation:createRule', r2023)
    expect(clash.code).toBe('VALIDATION')
    expect(clash.fields?.fromYear).toContain('2023')
    const bad = await t.refuse('evaluation:createRule', {
      ...r2023,
      fromYear: 2030,
      scoreThresholds: { excellent: 60, good: 70, done: 50 }
    })
    expect(bad.fields?.scoreThresholds).toBeTruthy()
    // 250% is refused on its field with a sentence, not saved as 100%.
    const over = await t.refuse('evaluation:updateRule', {
      id: r2023Id,
      fields: { ...r2023, quotaPercent: 250 }
    })
    expect(over.code).toBe('VALIDATION')
    expect(over.fields?.quotaPercent).toBe('Tỷ lệ 250% không dùng được: phải từ 0 đến 100%.')
    expect((await t.call('evaluation:listRules', null))[1].quotaPercent).toBe(15)
    const added = await t.call('evaluation:createRule', {
      ...r2023,
      fromYear: 2030,
      name: 'Quy định mới'
    })
    const rules = await t.call('evaluation:listRules', null)
    expect(rules.map((r) => [r.fromYear, r.toYear])).toEqual([
      [2018, 2022],
      [2023, 2024],
      [2025, 2029],
      [2030, null]
    ])
    await t.call('evaluation:deleteRule', { id: added.id })
    expect((await t.call('evaluation:listRules', null)).at(-1)?.toYear).toBeNull()
  })
})

describe('evaluation: the sheet', () => {
  it("lists a chi bộ's members with who the year's rules leave unrated", async () => {
    const o = await seedOrg(t)
    const s = await t.call('evaluation:sheet', { year: 2024, unitId: o.cellA })
    // By given name in Vietnamese order: An, Bình, Cường, Dung, Em, Giang; the non-member is not rated.
    expect(s.rows.map((r) => r.fullName)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
      'Phạm Thị Dung',
      'Võ Văn Em',
      'Hồ Thị Giang'
    ])
    const by = (name: string) => s.rows.find((r) => r.fullName === name)!
    expect(by('Phạm Thị Dung').exemptBy).toBe('exempt')
    expect(by('Võ Văn Em').exemptBy).toBe('new_member')
    expect(by('Nguyễn Văn An').exemptBy).toBeNull()
    expect(s.unit).toMatchObject({
      name: 'Chi bộ ấp 1',
      parentName: 'Đảng ủy xã Tân Lập',
      grassrootsByLabel: false,
      grassrootsFlag: null
    })
    expect(s.totals.self).toMatchObject({ total: 6, blank: 6, notRated: 0 })
    expect(s.groups).toHaveLength(1)
    // 2022 rules (QĐ 132) know no "admitted under 6 months".
    const s2022 = await t.call('evaluation:sheet', { year: 2022, unitId: o.cellA })
    expect(s2022.rows.find((r) => r.fullName === 'Võ Văn Em')!.exemptBy).toBeNull()
  })

  it('keeps a member on the sheet of the chi bộ that rated them after they move to another', async () => {
    const o = await seedOrg(t)
    const an = o.ids['Nguyễn Văn An']
    await t.call('evaluation:save', {
      year: 2024,
      unitId: o.cellA,
      entries: [{ personId: an, self: 'HTXSNV', proposed: 'HTXSNV', decided: 'HTXSNV' }]
    })
    // Next year An moves to ấp 2.
    const {
      id: _id,
      status: _s,
      statusSince: _ss,
      unitName: _u,
      ...fields
    } = await t.call('people:get', { id: an })
    await t.call('people:update', { id: an, fields: { ...fields, unitId: o.cellB } })

    const names = async (year: number, unitId: number) =>
      (await t.call('evaluation:sheet', { year, unitId })).rows.map((r) => r.fullName)
    // 2024: still on ấp 1's sheet, rated as he was, counted there; not on ấp 2's.
    expect(await names(2024, o.cellA)).toContain('Nguyễn Văn An')
    expect(await names(2024, o.cellB)).not.toContain('Nguyễn Văn An')
    const a2024 = await t.call('evaluation:sheet', { year: 2024, unitId: o.cellA })
    expect(a2024.rows.find((r) => r.fullName === 'Nguyễn Văn An')).toMatchObject({
      unitId: o.cellA,
      decided: 'HTXSNV'
    })
    expect(a2024.totals.decided.levels.HTXSNV).toBe(1)
    // The committee's sheet groups him under ấp 1 for 2024.
    const committee = await t.call('evaluation:sheet', { year: 2024, unitId: o.committee })
    expect(
      committee.rows.filter((r) => r.fullName === 'Nguyễn Văn An').map((r) => r.unitName)
    ).toEqual(['Chi bộ ấp 1'])
    // 2025, not yet rated: on the sheet of ấp 2, where he is now; rated there, he stays there.
    expect(await names(2025, o.cellB)).toContain('Nguyễn Văn An')
    expect(await names(2025, o.cellA)).not.toContain('Nguyễn Văn An')
    await t.call('evaluation:save', {
      year: 2025,
      unitId: o.cellB,
      entries: [{ personId: an, self: 'HTTNV' }]
    })
    expect(await names(2025, o.cellB)).toContain('Nguyễn Văn An')
  })

  it('saves ratings, warns without blocking, and counts the quota per tổ chức cơ sở đảng', async () => {
    const o = await seedOrg(t)
    const id = o.ids
    const r = await t.call('evaluation:save', {
      year: 2024,
      unitId: o.cellA,
      entries: [
        { personId: id['Nguyễn Văn An'], self: 'HTXSNV', proposed: 'HTXSNV', decided: 'HTXSNV' },
        {
          personId: id['Trần Thị Bình'],
          self: 'HTXSNV',
          proposed: 'HTXSNV',
          decided: 'HTXSNV',
          note: 'Có sáng kiến'
        },
        { personId: id['Lê Văn Cường'], self: 'HTTNV', proposed: 'HTTNV', decided: 'HTTNV' },
        {
          personId: id['Phạm Thị Dung'],
          self: 'HTTNV',
          proposed: 'not_rated',
          decided: 'not_rated'
        },
        { personId: id['Hồ Thị Giang'], self: 'HTTNV', proposed: 'HTTNV', decided: 'HTTNV' }
      ]
    })
    expect(r.saved).toBe(5)
    const dung = r.rows.find((x) => x.fullName === 'Phạm Thị Dung')!
    expect(dung.warnings.join(' ')).toContain('Thuộc diện không xếp loại năm 2024')
    expect(dung.warnings.join(' ')).toContain('Chưa ghi lý do không xếp loại')
    expect(r.totals.decided).toMatchObject({
      total: 6,
      levels: { HTXSNV: 2, HTTNV: 2, HTNV: 0, KHTNV: 0 },
      notRated: 1,
      blank: 1,
      percents: { HTXSNV: 50, HTTNV: 50 }
    })
    // The quota scope of a chi bộ is its committee ("Đảng ủy cơ sở" by its label): 2 HTXSNV of 4 HTTNV-or-better → limit 0.
    expect(r.quota.find((q) => q.stage === 'decided')).toMatchObject({
      unitName: 'Đảng ủy xã Tân Lập',
      excellent: 2,
      base: 4,
      limit: 0,
      over: true
    })
    expect(r.quota.find((q) => q.stage === 'decided')!.message).toContain('vượt mức tối đa 0')

    // The other chi bộ's ratings count in the same committee: 2 of 8 → limit 1, still over.
    await t.call('evaluation:save', {
      year: 2024,
      unitId: o.cellB,
      entries: ['Bùi Văn Khánh', 'Đỗ Thị Lan', 'Ngô Văn Minh', 'Dương Thị Nga'].map((n) => ({
        personId: id[n],
        proposed: 'HTTNV' as const,
        decided: 'HTTNV' as const
      }))
    })
    const cellSheet = await t.call('evaluation:sheet', { year: 2024, unitId: o.cellA })
    expect(cellSheet.quota.find((q) => q.stage === 'decided')).toMatchObject({
      excellent: 2,
      base: 8,
      limit: 1,
      over: true
    })
    const committee = await t.call('evaluation:sheet', { year: 2024, unitId: o.committee })
    expect(committee.rows).toHaveLength(10)
    expect(committee.groups.map((g) => [g.unitName, g.totals.decided.total])).toEqual([
      ['Chi bộ ấp 1', 6],
      ['Chi bộ ấp 2', 4]
    ])
    expect(committee.unit).toMatchObject({ grassrootsByLabel: true, grassrootsFlag: null })
    // One HTXSNV less: within the quota.
    await t.call('evaluation:save', {
      year: 2024,
      unitId: o.cellA,
      entries: [{ personId: id['Trần Thị Bình'], decided: 'HTTNV' }]
    })
    const after = await t.call('evaluation:sheet', { year: 2024, unitId: o.committee })
    expect(after.quota.find((q) => q.stage === 'decided')).toMatchObject({
      excellent: 1,
      base: 8,
      limit: 1,
      over: false
    })
    expect(after.quota.find((q) => q.stage === 'proposed')).toMatchObject({
      excellent: 2,
      over: true
    })
    // The totals reconcile: levels + not rated + blank = members.
    const d = after.totals.decided
    expect(
      d.levels.HTXSNV + d.levels.HTTNV + d.levels.HTNV + d.levels.KHTNV + d.notRated + d.blank
    ).toBe(d.total)
  })

  it('takes the quota scope from a flag where the level label does not say', async () => {
    const root = (
      await t.call('units:create', {
        parentId: null,
        name: 'Đảng bộ xã Hòa Hiệp',
        level: 'Đảng bộ xã'
      })
    ).id
    const cell = (
      await t.call('units:create', { parentId: root, name: 'Chi bộ Quân sự', level: 'Chi bộ' })
    ).id
    const other = (
      await t.call('units:create', { parentId: root, name: 'Chi bộ Công an', level: 'Chi bộ' })
    ).id
    const a = (await t.call('people:create', personInput(cell, { fullName: 'Mai Văn Một' }))).id
    const b = (await t.call('people:create', personInput(other, { fullName: 'Mai Văn Hai' }))).id
    await t.call('evaluation:save', {
      year: 2024,
      unitId: root,
      entries: [
        { personId: a, decided: 'HTXSNV' },
        { personId: b, decided: 'HTTNV' }
      ]
    })
    // No label says "cơ sở": the chi bộ's parent is taken.
    let s = await t.call('evaluation:sheet', { year: 2024, unitId: cell })
    expect(s.quota.find((q) => q.stage === 'decided')).toMatchObject({
      unitName: 'Đảng bộ xã Hòa Hiệp',
      excellent: 1,
      base: 2
    })
    // The user says each chi bộ here stands alone (chi bộ cơ sở): the quota is counted per chi bộ.
    await t.call('evaluation:setGrassroots', { unitId: cell, value: true })
    s = await t.call('evaluation:sheet', { year: 2024, unitId: cell })
    expect(s.unit).toMatchObject({ grassrootsByLabel: false, grassrootsFlag: true })
    expect(s.quota.find((q) => q.stage === 'decided')).toMatchObject({
      unitName: 'Chi bộ Quân sự',
      excellent: 1,
      base: 1,
      limit: 0,
      over: true
    })
    const whole = await t.call('evaluation:sheet', { year: 2024, unitId: root })
    expect(
      whole.quota.filter((q) => q.stage === 'decided').map((q) => [q.unitName, q.excellent, q.base])
    ).toEqual([
      ['Đảng bộ xã Hòa Hiệp', 0, 1],
      ['Chi bộ Quân sự', 1, 1]
    ])
    await t.call('evaluation:setGrassroots', { unitId: cell, value: null })
    expect(
      (await t.call('evaluation:sheet', { year: 2024, unitId: cell })).unit.grassrootsFlag
    ).toBeNull()
  })

  it('checks a score against the level on the 100-point scale (2025 on)', async () => {
    const o = await seedOrg(t)
    const r = await t.call('evaluation:save', {
      year: 2025,
      unitId: o.cellA,
      entries: [
        { personId: o.ids['Nguyễn Văn An'], score: 92.5, proposed: 'HTXSNV' },
        { personId: o.ids['Trần Thị Bình'], score: 85, proposed: 'HTXSNV' }
      ]
    })
    expect(r.rows.find((x) => x.fullName === 'Nguyễn Văn An')!.warnings).toEqual([])
    expect(r.rows.find((x) => x.fullName === 'Trần Thị Bình')!.warnings[0]).toContain(
      '85 điểm ứng với HTTNV'
    )
    expect(
      (
        await t.refuse('evaluation:save', {
          year: 2025,
          unitId: o.cellA,
          entries: [{ personId: o.ids['Nguyễn Văn An'], score: 101 }]
        })
      ).code
    ).toBe('INVALID_INPUT')
    // A score of 40 beside a self-rating of HTXSNV, before the chi bộ has proposed anything.
    const self = await t.call('evaluation:save', {
      year: 2025,
      unitId: o.cellA,
      entries: [{ personId: o.ids['Nguyễn Văn An'], score: 40, self: 'HTXSNV', proposed: null }]
    })
    expect(self.rows.find((x) => x.fullName === 'Nguyễn Văn An')!.warnings).toEqual([
      '40 điểm ứng với KHTNV, khác mức tự xếp loại (HTXSNV).'
    ])
    const half = await t.call('evaluation:save', {
      year: 2025,
      unitId: o.cellA,
      entries: [{ personId: o.ids['Nguyễn Văn An'], score: 72.5, self: 'HTTNV' }]
    })
    expect(half.rows.find((x) => x.fullName === 'Nguyễn Văn An')!.warnings).toEqual([])
  })

  it('keeps a reason only beside a "không xếp loại", and forgets a member whose ratings are all cleared', async () => {
    const o = await seedOrg(t)
    const dung = o.ids['Phạm Thị Dung']
    await t.call('evaluation:save', {
      year: 2024,
      unitId: o.cellA,
      entries: [{ personId: dung, proposed: 'not_rated', reason: 'exempt' }]
    })
    let row = (await t.call('evaluation:sheet', { year: 2024, unitId: o.cellA })).rows.find(
      (r) => r.personId === dung
    )!
    expect(row).toMatchObject({ proposed: 'not_rated', reason: 'exempt', warnings: [] })
    await t.call('evaluation:save', {
      year: 2024,
      unitId: o.cellA,
      entries: [{ personId: dung, proposed: 'HTNV' }]
    })
    row = (await t.call('evaluation:sheet', { year: 2024, unitId: o.cellA })).rows.find(
      (r) => r.personId === dung
    )!
    expect(row.reason).toBeNull()
    await t.call('evaluation:save', {
      year: 2024,
      unitId: o.cellA,
      entries: [{ personId: dung, proposed: null }]
    })
    const n = t.core.ctx.db.prepare('SELECT count(*) AS n FROM evaluation_ratings').get() as {
      n: number
    }
    expect(n.n).toBe(0)
    const hung = t.core.ctx.db
      .prepare("SELECT id FROM people WHERE full_name = 'Đặng Văn Hùng'")
      .get() as { id: number }
    expect(
      (
        await t.refuse('evaluation:save', {
          year: 2024,
          unitId: o.cellA,
          entries: [{ personId: hung.id, self: 'HTNV' }]
        })
      ).message
    ).toContain('không phải đảng viên')
  })

  it('fills fast: proposals from self-ratings, decisions from proposals, and "không xếp loại" by the rules', async () => {
    const o = await seedOrg(t)
    const id = o.ids
    await t.call('evaluation:save', {
      year: 2024,
      unitId: o.committee,
      entries: [
        { personId: id['Nguyễn Văn An'], self: 'HTXSNV' },
        { personId: id['Trần Thị Bình'], self: 'HTTNV', proposed: 'HTNV' },
        { personId: id['Bùi Văn Khánh'], self: 'HTTNV' }
      ]
    })
    let r = await t.call('evaluation:fill', {
      year: 2024,
      unitId: o.committee,
      fill: 'selfToProposed',
      overwrite: false
    })
    expect(r.changed).toBe(2)
    const by = (s: EvaluationSheet, n: string) => s.rows.find((x) => x.fullName === n)!
    expect(by(r.sheet, 'Trần Thị Bình').proposed).toBe('HTNV')
    expect(by(r.sheet, 'Bùi Văn Khánh').proposed).toBe('HTTNV')
    r = await t.call('evaluation:fill', {
      year: 2024,
      unitId: o.committee,
      fill: 'proposedToDecided',
      overwrite: false
    })
    expect(r.changed).toBe(3)
    expect(by(r.sheet, 'Trần Thị Bình').decided).toBe('HTNV')
    r = await t.call('evaluation:fill', {
      year: 2024,
      unitId: o.cellA,
      fill: 'notRatedByRules',
      overwrite: false
    })
    expect(r.changed).toBe(2)
    expect(by(r.sheet, 'Phạm Thị Dung')).toMatchObject({
      self: 'not_rated',
      proposed: 'not_rated',
      decided: 'not_rated',
      reason: 'exempt',
      warnings: []
    })
    expect(by(r.sheet, 'Võ Văn Em')).toMatchObject({ decided: 'not_rated', reason: 'new_member' })
    r = await t.call('evaluation:fill', {
      year: 2024,
      unitId: o.committee,
      fill: 'selfToProposed',
      overwrite: true
    })
    expect(by(r.sheet, 'Trần Thị Bình').proposed).toBe('HTTNV')
  })

  it("shows the commitment's year-end result beside the rating", async () => {
    const o = await seedOrg(t)
    const s = await t.call('evaluation:sheet', { year: 2024, unitId: o.cellA })
    expect(s.rows.find((r) => r.fullName === 'Nguyễn Văn An')!.commitment).toEqual({
      code: null,
      label: 'Chưa lập cam kết'
    })
    const results = await t.call('commitments:listResults', {
      year: 2024,
      personIds: [o.ids['Nguyễn Văn An']]
    })
    expect(s.rows.find((r) => r.fullName === 'Nguyễn Văn An')!.commitment?.label).toBe(
      results[0].label
    )
  })
})

describe('evaluation: migration 5', () => {
  it('brings a file of schema 4 with members up to date, rules seeded, ready to rate', async () => {
    const dir = tempDir()
    const raw = new BetterSqlite3(join(dir, 'chuyen-de.sqlite'))
    applyMigrations(
      raw,
      MIGRATIONS.filter((m) => m.version <= 4)
    )
    raw
      .prepare(
        "INSERT INTO units(id, parent_id, name, name_key, level, path, created_at) VALUES (1, NULL, 'Chi bộ A', 'chi bo a', 'Chi bộ', '/1/', '2024-01-01')"
      )
      .run()
    raw
      .prepare(
        "INSERT INTO people(id, unit_id, kind, full_name, name_key, sort_key, status, created_at, updated_at) VALUES (1, 1, 'member', 'Lê Văn A', 'le van a', 'a', 'active', 'x', 'x')"
      )
      .run()
    raw.close()
    const old = openTestCore({ dir })
    try {
      expect((await old.call('app:info', null)).schemaVersion).toBeGreaterThanOrEqual(5)
      expect(await old.call('evaluation:listRules', null)).toHaveLength(3)
      await old.call('evaluation:save', {
        year: 2024,
        unitId: 1,
        entries: [{ personId: 1, self: 'HTTNV' }]
      })
      expect((await old.call('evaluation:sheet', { year: 2024, unitId: 1 })).rows[0]).toMatchObject(
        { fullName: 'Lê Văn A', self: 'HTTNV' }
      )
    } finally {
      old.dispose()
    }
  })
})
