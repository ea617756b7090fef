// The rating's pure rules: quota limits, the 100-point scale, who is exempt, where the quota is
// counted, totals that reconcile, and reading what a chi bộ types into the sheet.
import { describe, expect, it } from 'vitest'
import type { EvaluationRuleSet } from '../../../src/shared/api'
import { noteCell } from '../../../src/core/evaluation/export'
import { parseRating, reasonOf } from '../../../src/core/evaluation/import-sheet'
import { levelForScore, quotaLimit } from '../../../src/core/evaluation/rules'
import { isGrassrootsLabel, quotaScopeOf, type UnitRow } from '../../../src/core/evaluation/scope'
import { exemptionOf, totalsOf } from '../../../src/core/evaluation/sheet'
import { SEED_RULE_SETS } from '../../../src/core/evaluation/seed'

const rules = (fromYear: number): EvaluationRuleSet => ({
  ...SEED_RULE_SETS.find((r) => r.fromYear === fromYear)!,
  id: 1,
  toYear: null
})

describe('quota and scale', () => {
  it('never allows more than the percentage ("không vượt quá")', () => {
    expect(quotaLimit(20, 10)).toBe(2)
    expect(quotaLimit(20, 9)).toBe(1)
    expect(quotaLimit(20, 4)).toBe(0)
    expect(quotaLimit(20, 5)).toBe(1)
    expect(quotaLimit(15, 20)).toBe(3)
    expect(quotaLimit(0, 100)).toBe(0)
  })

  it('reads a score on the 100-point scale of QĐ 366', () => {
    const t = rules(2025).scoreThresholds!
    expect([95, 90, 89.9, 70, 69.5, 50, 49.9, 0].map((s) => levelForScore(s, t))).toEqual([
      'HTXSNV',
      'HTXSNV',
      'HTTNV',
      'HTTNV',
      'HTNV',
      'HTNV',
      'KHTNV',
      'KHTNV'
    ])
  })
})

describe('who is not rated', () => {
  it('follows the statuses and the months since admission of the year’s rules', () => {
    const r2024 = rules(2023)
    expect(exemptionOf({ status: 'exempt', party_join_date: null }, r2024, 2024)).toBe('exempt')
    expect(exemptionOf({ status: 'suspended', party_join_date: null }, r2024, 2024)).toBe(
      'suspended'
    )
    expect(exemptionOf({ status: 'temporary', party_join_date: null }, r2024, 2024)).toBeNull()
    // Under 6 months at 31/12/2024: admitted after 30/06/2024.
    expect(exemptionOf({ status: 'active', party_join_date: '2024-06-30' }, r2024, 2024)).toBeNull()
    expect(exemptionOf({ status: 'active', party_join_date: '2024-07-01' }, r2024, 2024)).toBe(
      'new_member'
    )
    expect(exemptionOf({ status: 'active', party_join_date: '2024-08' }, r2024, 2024)).toBe(
      'new_member'
    )
    // Only the year known: nothing can be said.
    expect(exemptionOf({ status: 'active', party_join_date: '2024' }, r2024, 2024)).toBeNull()
    expect(
      exemptionOf({ status: 'active', party_join_date: '2024-08-01' }, rules(2018), 2022)
    ).toBeNull()
    expect(exemptionOf({ status: 'exempt', party_join_date: null }, null, 2024)).toBeNull()
  })
})

describe('where the quota is counted', () => {
  const u = (
    id: number,
    parent: number | null,
    level: string,
    flag: number | null = null
  ): [number, UnitRow] => [
    id,
    { id, parent_id: parent, name: `U${id}`, level, path: '', tree_order: id, flag }
  ]
  const units = new Map([
    u(1, null, 'Tỉnh ủy'),
    u(2, 1, 'Đảng ủy cơ sở'),
    u(3, 2, 'Đảng bộ bộ phận'),
    u(4, 3, 'Chi bộ'),
    u(5, 1, 'Chi bộ cơ sở'),
    u(6, 1, 'Đảng ủy xã'),
    u(7, 6, 'Chi bộ'),
    u(8, 1, 'Đảng bộ xã', 1),
    u(9, 8, 'Chi bộ'),
    u(10, 1, 'ĐẢNG UỶ CƠ SỞ', 0),
    u(11, 10, 'Chi bộ')
  ])

  it('knows the level labels of a tổ chức cơ sở đảng', () => {
    expect(
      ['Đảng ủy cơ sở', 'Đảng bộ cơ sở', 'Chi bộ cơ sở', 'ĐẢNG UỶ CƠ SỞ', 'dang uy co so'].every(
        isGrassrootsLabel
      )
    ).toBe(true)
    expect(
      ['Chi bộ', 'Đảng bộ bộ phận', 'Đảng ủy xã', 'Huyện ủy', 'Tỉnh ủy', 'Cơ sở'].some(
        isGrassrootsLabel
      )
    ).toBe(false)
  })

  it('takes the nearest flagged or labelled unit up the tree, else the parent', () => {
    expect(quotaScopeOf(units, 4, 'grassroots')).toBe(2)
    expect(quotaScopeOf(units, 5, 'grassroots')).toBe(5)
    expect(quotaScopeOf(units, 7, 'grassroots')).toBe(6)
    expect(quotaScopeOf(units, 9, 'grassroots')).toBe(8)
    // Flagged "not one": the label is overruled, the fallback applies.
    expect(quotaScopeOf(units, 11, 'grassroots')).toBe(10)
    expect(quotaScopeOf(units, 1, 'grassroots')).toBe(1)
    expect(quotaScopeOf(units, 4, 'unit')).toBe(4)
  })
})

describe('totals', () => {
  it('add up: levels, not rated and blank make the members on the sheet', () => {
    const t = totalsOf([
      { self: 'HTXSNV', proposed: 'HTTNV', decided: null },
      { self: 'HTTNV', proposed: 'HTTNV', decided: 'HTTNV' },
      { self: 'not_rated', proposed: 'not_rated', decided: 'not_rated' },
      { self: 'HTNV', proposed: null, decided: 'KHTNV' }
    ])
    expect(t.self).toEqual({
      total: 4,
      levels: { HTXSNV: 1, HTTNV: 1, HTNV: 1, KHTNV: 0 },
      notRated: 1,
      blank: 0,
      percents: { HTXSNV: 33.3, HTTNV: 33.3, HTNV: 33.3, KHTNV: 0 }
    })
    expect(t.proposed).toMatchObject({
      levels: { HTTNV: 2 },
      notRated: 1,
      blank: 1,
      percents: { HTTNV: 100, HTXSNV: 0 }
    })
    expect(t.decided).toMatchObject({ blank: 1, percents: { HTTNV: 50, KHTNV: 50 } })
    expect(totalsOf([]).self.percents.HTXSNV).toBeNull()
  })
})

describe('reading a filled sheet', () => {
  it('reads the levels as chi bộ write them', () => {
    const r = (s: string) => parseRating(s)?.rating
    expect(
      [
        'HTXSNV',
        'htxsnv',
        'HTXS NV',
        'H.T.X.S.N.V',
        'Hoàn thành xuất sắc nhiệm vụ',
        'Xuất sắc'
      ].map(r)
    ).toEqual(Array(6).fill('HTXSNV'))
    expect(['HTTNV', 'Hoàn thành tốt nhiệm vụ', 'Tốt', 'HTT'].map(r)).toEqual(
      Array(4).fill('HTTNV')
    )
    expect(['HTNV', 'hoàn thành nhiệm vụ'].map(r)).toEqual(['HTNV', 'HTNV'])
    expect(['KHTNV', 'Không hoàn thành nhiệm vụ'].map(r)).toEqual(['KHTNV', 'KHTNV'])
    expect(['Không xếp loại', 'KXL', 'không XL'].map(r)).toEqual(Array(3).fill('not_rated'))
    expect(parseRating('')).toEqual({ rating: null, reason: null })
    expect(parseRating('Không xếp loại (miễn sinh hoạt)')).toEqual({
      rating: 'not_rated',
      reason: 'exempt'
    })
    expect(parseRating('Rất tốt')).toBeUndefined()
    expect(parseRating('Khá')).toBeUndefined()
  })

  it('splits a note cell into the reason of a "không xếp loại" and the note', () => {
    expect(reasonOf('Miễn công tác và sinh hoạt đảng')).toEqual({ reason: 'exempt', rest: '' })
    expect(reasonOf('Mới kết nạp chưa đủ 6 tháng. Kết nạp 01/9/2024')).toEqual({
      reason: 'new_member',
      rest: 'Kết nạp 01/9/2024'
    })
    expect(reasonOf('đình chỉ sinh hoạt - chờ kết luận')).toEqual({
      reason: 'suspended',
      rest: 'chờ kết luận'
    })
    expect(reasonOf('Gương mẫu')).toBeNull()
    // What the export writes, the import reads back.
    const cell = noteCell({
      reason: 'illness',
      note: 'Điều trị tại TP.HCM',
      self: 'not_rated',
      proposed: null,
      decided: null
    })
    expect(cell).toBe('Ốm đau, điều trị dài ngày. Điều trị tại TP.HCM')
    expect(reasonOf(cell)).toEqual({ reason: 'illness', rest: 'Điều trị tại TP.HCM' })
  })
})
