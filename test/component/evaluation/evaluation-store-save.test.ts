// The store patches what a save answers into the sheet it holds (issue 12, part 5): the saved
// row's object is updated in place (so only that table row renders again), its group replaced,
// a member no longer on the sheet dropped, and a row it never showed makes it read the sheet.
import { describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { EvaluationGroup, EvaluationRow, EvaluationSheet, EvaluationTotals } from '@shared/api'
import { useEvaluationStore } from '@renderer/stores/evaluation'
import { ApiError, createFakeApi } from '../fake-api'
import { installApi } from '../helpers'

const counts = () => ({
  total: 0,
  levels: { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 },
  notRated: 0,
  blank: 0,
  percents: { HTXSNV: null, HTTNV: null, HTNV: null, KHTNV: null }
})
const totals = (blank: number): EvaluationTotals => ({
  self: { ...counts(), total: blank, blank },
  proposed: { ...counts(), total: blank, blank },
  decided: { ...counts(), total: blank, blank }
})
const row = (personId: number, unitId: number, extra: Partial<EvaluationRow> = {}) =>
  ({
    personId,
    fullName: `Người ${personId}`,
    birthDate: null,
    position: null,
    status: 'active',
    partyJoinDate: null,
    unitId,
    unitName: `Chi bộ ${unitId}`,
    self: null,
    proposed: null,
    decided: null,
    reason: null,
    score: null,
    note: null,
    exemptBy: null,
    commitment: null,
    warnings: [],
    ...extra
  }) as EvaluationRow
const group = (unitId: number, blank: number): EvaluationGroup => ({
  unitId,
  unitName: `Chi bộ ${unitId}`,
  level: 'Chi bộ',
  totals: totals(blank)
})
const sheet = (): EvaluationSheet => ({
  year: 2024,
  unit: {
    id: 1,
    name: 'Đảng ủy',
    level: 'Đảng ủy cơ sở',
    parentName: null,
    grassrootsByLabel: true,
    grassrootsFlag: null
  },
  ruleSet: null,
  rows: [row(10, 2), row(11, 2), row(20, 3)],
  groups: [group(2, 2), group(3, 1)],
  totals: totals(3),
  quota: []
})

async function setup(
  answer: (personId: number) => { rows: EvaluationRow[]; groups: EvaluationGroup[] }
) {
  const fake = createFakeApi(
    { units: [], people: [], backups: [] },
    {
      'app:getYear': () => ({ year: 2024 }),
      'evaluation:sheet': () => sheet(),
      'evaluation:save': (i) => ({
        saved: 1,
        ...answer(i.entries[0].personId),
        totals: totals(2),
        quota: []
      })
    }
  )
  installApi(fake.api)
  setActivePinia(createPinia())
  const ev = useEvaluationStore()
  await ev.load(1)
  return { ev, fake }
}

describe('evaluation store: a save patches the sheet', () => {
  it("updates the saved row's own object and its group, and leaves the other rows as they were", async () => {
    const { ev, fake } = await setup((id) => ({
      rows: [row(id, 2, { self: 'HTTNV' })],
      groups: [group(2, 1)]
    }))
    const rows = ev.sheet!.rows
    const [first, second, third] = rows
    await ev.save([{ personId: 11, self: 'HTTNV' }])
    expect(ev.sheet!.rows).toBe(rows)
    expect(ev.sheet!.rows[1]).toBe(second)
    expect(second.self).toBe('HTTNV')
    expect(ev.sheet!.rows[0]).toBe(first)
    expect(ev.sheet!.rows[2]).toBe(third)
    expect(ev.sheet!.groups.map((g) => [g.unitId, g.totals.self.blank])).toEqual([
      [2, 1],
      [3, 1]
    ])
    expect(ev.sheet!.totals.self.blank).toBe(2)
    expect(fake.callsTo('evaluation:sheet')).toHaveLength(1)
  })

  it('drops a member the save took off the sheet, and a group left with no one', async () => {
    const { ev } = await setup(() => ({ rows: [], groups: [] }))
    await ev.save([{ personId: 20, self: null }])
    expect(ev.sheet!.rows.map((r) => r.personId)).toEqual([10, 11])
    expect(ev.sheet!.groups.map((g) => g.unitId)).toEqual([2])
  })

  it('reads the whole sheet again when the answer holds a row it does not show', async () => {
    const { ev, fake } = await setup(() => ({ rows: [row(99, 4)], groups: [group(4, 0)] }))
    await ev.save([{ personId: 99, self: 'HTNV' }])
    expect(fake.callsTo('evaluation:sheet')).toHaveLength(2)
  })
})

describe('evaluation store: a change shows before the core answers', () => {
  it('shows the level at once with the row marked saving, and unmarks it when saved', async () => {
    let answer!: () => void
    const { ev } = await setup((id) => ({ rows: [row(id, 2, { self: 'HTTNV' })], groups: [] }))
    const plain = window.api['evaluation:save']
    window.api['evaluation:save'] = ((input) =>
      new Promise((done) => (answer = () => done(plain(input))))) as typeof plain
    const second = ev.sheet!.rows[1]
    const saving = ev.save([{ personId: 11, self: 'HTTNV' }])
    expect(second.self).toBe('HTTNV')
    expect(ev.saving.has(11)).toBe(true)
    expect(ev.saving.has(10)).toBe(false)
    answer()
    await saving
    expect(ev.saving.size).toBe(0)
    expect(second.self).toBe('HTTNV')
  })

  it("puts back what the row showed when the core refuses, and throws the core's message", async () => {
    const { ev } = await setup(() => {
      throw new ApiError('VALIDATION', 'Người này đã chuyển đi, không ghi được.')
    })
    const second = ev.sheet!.rows[1]
    second.note = 'cũ'
    await expect(ev.save([{ personId: 11, self: 'HTXSNV', note: 'mới' }])).rejects.toThrow(
      'Người này đã chuyển đi, không ghi được.'
    )
    expect(second.self).toBeNull()
    expect(second.note).toBe('cũ')
    expect(ev.saving.size).toBe(0)
  })
})
