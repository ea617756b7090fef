import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type {
  EvaluationCounts,
  EvaluationImportPreview,
  EvaluationRow,
  EvaluationRuleSet,
  EvaluationSheet,
  EvaluationTotals
} from '@shared/api'
import EvaluationView from '@renderer/views/EvaluationView.vue'
import EvaluationImportDialog from '@renderer/components/evaluation/EvaluationImportDialog.vue'
import RatingSelect from '@renderer/components/evaluation/RatingSelect.vue'
import { useEvaluationStore } from '@renderer/stores/evaluation'
import { createFakeApi, unit, type FakeData } from '../fake-api'
import { $$, byTestId, installApi, mountView, sleep } from '../helpers'

const rule2023: EvaluationRuleSet = {
  id: 2,
  fromYear: 2023,
  toYear: 2024,
  name: 'QĐ 124-QĐ/TW; HD 25-HD/BTCTW',
  quotaPercent: 20,
  quotaBase: 'httnv_or_better',
  quotaScope: 'grassroots',
  exemptStatuses: ['exempt', 'suspended'],
  newMemberMonths: 6,
  scoreThresholds: null,
  note: null
}

const counts = (
  levels: Partial<EvaluationCounts['levels']>,
  notRated = 0,
  blank = 0
): EvaluationCounts => {
  const l = { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0, ...levels }
  const rated = l.HTXSNV + l.HTTNV + l.HTNV + l.KHTNV
  const p = (n: number) => (rated ? Math.round((n / rated) * 1000) / 10 : null)
  return {
    total: rated + notRated + blank,
    levels: l,
    notRated,
    blank,
    percents: { HTXSNV: p(l.HTXSNV), HTTNV: p(l.HTTNV), HTNV: p(l.HTNV), KHTNV: p(l.KHTNV) }
  }
}

const row = (
  personId: number,
  fullName: string,
  extra: Partial<EvaluationRow> = {}
): EvaluationRow => ({
  personId,
  fullName,
  birthDate: '1970-03-05',
  position: null,
  status: 'active',
  partyJoinDate: null,
  unitId: 2,
  unitName: 'Chi bộ ấp 1',
  self: null,
  proposed: null,
  decided: null,
  reason: null,
  score: null,
  note: null,
  exemptBy: null,
  commitment: { code: 'completed_well', label: 'Hoàn thành tốt' },
  warnings: [],
  ...extra
})

function sheetOf(): EvaluationSheet {
  const totals: EvaluationTotals = {
    self: counts({ HTXSNV: 2, HTTNV: 1 }, 0, 1),
    proposed: counts({ HTXSNV: 2, HTTNV: 1 }, 0, 1),
    decided: counts({}, 0, 4)
  }
  return {
    year: 2024,
    unit: {
      id: 2,
      name: 'Chi bộ ấp 1',
      level: 'Chi bộ',
      parentName: 'Đảng ủy xã Tân Phú',
      grassrootsByLabel: false,
      grassrootsFlag: null
    },
    ruleSet: rule2023,
    rows: [
      row(1, 'Nguyễn Văn An', { self: 'HTXSNV', proposed: 'HTXSNV' }),
      row(2, 'Trần Thị Bình', { self: 'HTXSNV', proposed: 'HTXSNV' }),
      row(3, 'Lê Văn Cường', {
        self: 'HTTNV',
        proposed: 'HTTNV',
        warnings: ['Chưa ghi lý do không xếp loại.']
      }),
      row(4, 'Phạm Thị Dung', { status: 'exempt', exemptBy: 'exempt', commitment: null })
    ],
    groups: [{ unitId: 2, unitName: 'Chi bộ ấp 1', level: 'Chi bộ', totals }],
    totals,
    quota: [
      {
        stage: 'proposed',
        unitId: 1,
        unitName: 'Đảng ủy xã Tân Phú',
        excellent: 2,
        base: 3,
        limit: 0,
        percent: 20,
        over: true,
        message:
          'Đảng ủy xã Tân Phú: 2 đảng viên HTXSNV (chi bộ đề xuất), vượt mức tối đa 0 (20% của 3 đảng viên HTTNV trở lên).'
      }
    ]
  }
}

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Phú', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Chi bộ ấp 1', 'Chi bộ', 4)
  ],
  people: [],
  backups: []
})

describe('EvaluationView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  function setup() {
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2024 }),
      'study:listTopics': () => [],
      'evaluation:listRules': () => [rule2023],
      'evaluation:sheet': () => sheetOf(),
      'evaluation:save': (i) => {
        const s = sheetOf()
        const r = s.rows.find((x) => x.personId === i.entries[0].personId)!
        return {
          saved: 1,
          rows: [{ ...r, ...i.entries[0] } as EvaluationRow],
          groups: s.groups,
          totals: s.totals,
          quota: []
        }
      },
      'evaluation:fill': () => ({ changed: 3, sheet: sheetOf() })
    })
    installApi(fake.api)
    const w = mountView(EvaluationView)
    return { fake, w }
  }

  async function pickCell() {
    await flushPromises()
    byTestId('evaluation-units-node-Chi bộ ấp 1')!.click()
    await flushPromises()
    await sleep(10)
    await flushPromises()
  }

  it('asks for a unit, then shows its members, the quota warning naming the unit, the count and the limit, and the totals', async () => {
    const { fake } = setup()
    await flushPromises()
    expect(byTestId('evaluation-pick')?.textContent).toContain('Chọn một chi bộ hoặc đảng ủy')
    await pickCell()
    expect(fake.callsTo('evaluation:sheet')).toEqual([{ year: 2024, unitId: 2 }])
    expect(byTestId('evaluation-unit')?.textContent).toBe('Chi bộ ấp 1')
    const warning = byTestId('evaluation-quota-warning')!
    // The test id sits on the alert (a transition stub here, the alert's own div in the app).
    expect(
      warning.querySelector('.el-alert--warning') ??
        (warning.classList.contains('el-alert--warning') ? warning : null)
    ).not.toBeNull()
    expect(warning.textContent).toContain(
      'Đảng ủy xã Tân Phú: 2 đảng viên HTXSNV (chi bộ đề xuất), vượt mức tối đa 0'
    )
    expect(byTestId('evaluation-row-Phạm Thị Dung')?.closest('td')?.textContent).toContain(
      'Diện không xếp loại: miễn công tác và sinh hoạt đảng'
    )
    expect($$('[data-testid="row-warning"]')).toHaveLength(1)
    expect(
      byTestId('evaluation-totals-HTXSNV-self')?.textContent?.replace(/\s+/g, ' ').trim()
    ).toBe('2 (66,7%)')
    expect(byTestId('evaluation-totals-blank-decided')?.textContent?.trim()).toBe('4')
    expect($$('[data-testid="rating-commitment"]').map((e) => e.textContent?.trim())).toEqual([
      'Hoàn thành tốt',
      'Hoàn thành tốt',
      'Hoàn thành tốt'
    ])
  })

  it('saves a rating the moment it is chosen, with the reason the rules give for "không xếp loại", and updates the warning', async () => {
    const { fake, w } = setup()
    await pickCell()
    // Three light buttons per member row, and no select but the bulk bar's level chooser.
    expect($$('[data-testid^="rating-"].rating-cell')).toHaveLength(12)
    expect(w.findAllComponents(RatingSelect)).toHaveLength(1)
    /** Clicks a member's rating cell: the select takes its place (the only one in the table). */
    const edit = async (name: string, stage: string) => {
      const tr = byTestId(`evaluation-row-${name}`)!.closest('tr')!
      ;(tr.querySelector(`[data-testid="rating-${stage}"]`) as HTMLButtonElement).click()
      await flushPromises()
      const selects = w.findAllComponents(RatingSelect).slice(1)
      expect(selects).toHaveLength(1)
      return selects[0]
    }
    // Row 4 (Phạm Thị Dung, exempt), stage "decided".
    ;(await edit('Phạm Thị Dung', 'decided')).vm.$emit('update:modelValue', 'not_rated')
    await flushPromises()
    expect(fake.callsTo('evaluation:save')).toEqual([
      { year: 2024, unitId: 2, entries: [{ personId: 4, decided: 'not_rated', reason: 'exempt' }] }
    ])
    expect(byTestId('evaluation-quota-warning')).toBeNull()
    expect(useEvaluationStore().sheet!.rows[3].decided).toBe('not_rated')
    ;(await edit('Nguyễn Văn An', 'decided')).vm.$emit('update:modelValue', null)
    await flushPromises()
    expect(fake.callsTo('evaluation:save')[1].entries).toEqual([{ personId: 1, decided: null }])
  })

  it('fills fast from the menu', async () => {
    const { fake } = setup()
    await pickCell()
    byTestId('evaluation-fill-proposedToDecided')!.click()
    await flushPromises()
    expect(fake.callsTo('evaluation:fill')).toEqual([
      { year: 2024, unitId: 2, fill: 'proposedToDecided', overwrite: false }
    ])
  })
})

describe('EvaluationImportDialog', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows what would change, what matched nobody and what is not imported, and applies on request', async () => {
    const preview: EvaluationImportPreview = {
      token: 'a'.repeat(32),
      fileName: 'x.xlsx',
      fingerprint: '1:2',
      sheetName: 'Xếp loại 2024',
      fileYear: 2024,
      changes: [
        {
          row: 11,
          personId: 1,
          fullName: 'Nguyễn Văn An',
          unitName: 'Chi bộ ấp 1',
          matchedBy: 'id',
          fields: [{ field: 'proposed', label: 'Chi bộ đề xuất', from: 'HTXSNV', to: 'HTTNV' }]
        }
      ],
      unchanged: 4,
      notMatched: [
        { row: 17, name: 'Người Lạ', reason: 'Không có đảng viên nào trùng họ tên và ngày sinh.' }
      ],
      ignored: [{ row: 12, column: 'D', message: 'Chức vụ "Phó bí thư" khác dữ liệu.' }]
    }
    const w = mountView(EvaluationImportDialog, {
      props: { modelValue: true, preview, applying: false }
    })
    await flushPromises()
    expect(byTestId('evaluation-import-summary')?.textContent).toContain(
      '1 người thay đổi, 4 không đổi, 1 dòng không khớp, 1 mục bỏ qua'
    )
    expect(byTestId('evaluation-import-changes')?.textContent).toContain('Chi bộ đề xuất:')
    expect(byTestId('evaluation-import-unmatched')?.textContent).toContain('Dòng 17 "Người Lạ"')
    expect(byTestId('evaluation-import-ignored')?.textContent).toContain('Dòng 12, cột D')
    byTestId('evaluation-import-apply')!.click()
    await flushPromises()
    expect(w.emitted('apply')).toHaveLength(1)
  })
})
