// The overview's "Tỷ lệ đã học theo đơn vị" goes down the tree: the picker chooses a unit and
// the chart shows its children; a click on a bar goes into that unit; the breadcrumb goes back.
// The chart is a stand-in that renders the option's bars as buttons and emits echarts' click.
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import type { StudyCoverage, StudyCoverageRow } from '@shared/api'
import StudyByUnitCard from '@renderer/components/overview/StudyByUnitCard.vue'
import UnitSelect from '@renderer/components/common/UnitSelect.vue'
import { createFakeApi, unit, type FakeData } from '../fake-api'
import { $$, byTestId, installApi, mountView } from '../helpers'

vi.mock('vue-echarts', () => ({
  default: defineComponent({
    props: { option: { type: Object as PropType<Record<string, unknown>>, required: true } },
    emits: ['click'],
    setup(props, { emit }) {
      return () => {
        const o = props.option as {
          yAxis: { data: string[] }
          series: { data: number[] }[]
          tooltip: { formatter: (items: { dataIndex: number }[]) => string }
        }
        return h('div', { class: 'chart-stub' }, [
          ...o.yAxis.data.map((name, i) =>
            h(
              'button',
              {
                'data-bar': name,
                'data-value': o.series[0].data[i],
                onClick: () => emit('click', { componentType: 'series', dataIndex: i })
              },
              name
            )
          ),
          // Each bar's tooltip put in the page as ECharts puts it: as HTML.
          ...o.yAxis.data.map((_, i) =>
            h('div', { class: 'tip', innerHTML: o.tooltip.formatter([{ dataIndex: i }]) })
          )
        ])
      }
    }
  })
}))

const data = (): FakeData => ({
  units: [
    unit(1, null, 'Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở'),
    unit(2, 1, 'Đảng bộ bộ phận Khu phố 1', 'Đảng bộ bộ phận'),
    unit(3, 2, 'Chi bộ tổ 1', 'Chi bộ', 10),
    unit(4, 2, 'Chi bộ tổ 2', 'Chi bộ', 10),
    unit(5, 1, 'Chi bộ ấp 3', 'Chi bộ', 4)
  ],
  people: [],
  backups: []
})

/** Required and studied per unit, rolled up: cells 3 (10/8), 4 (10/5), 5 (4/1). */
function coverageOf(unitId: number | null): StudyCoverage {
  const row = (
    id: number,
    parentId: number | null,
    name: string,
    depth: number,
    required: number,
    studied: number
  ): StudyCoverageRow => {
    const counts = {
      required,
      studied,
      missing: required - studied,
      percent: required ? Math.round((studied / required) * 1000) / 10 : null
    }
    return {
      unitId: id,
      parentId,
      name,
      level: '',
      depth,
      ...counts,
      members: counts,
      nonMembers: { required: 0, studied: 0, missing: 0, percent: null }
    }
  }
  const all = [
    row(1, null, 'Đảng ủy xã Tân Lập', 0, 24, 14),
    row(2, 1, 'Đảng bộ bộ phận Khu phố 1', 1, 20, 13),
    row(3, 2, 'Chi bộ tổ 1', 2, 10, 8),
    row(4, 2, 'Chi bộ tổ 2', 2, 10, 5),
    row(5, 1, 'Chi bộ ấp 3', 1, 4, 1)
  ]
  const under: Record<number, number[]> = { 2: [2, 3, 4], 5: [5] }
  const rows =
    unitId === 2 || unitId === 5
      ? all
          .filter((r) => under[unitId].includes(r.unitId))
          .map((r) => ({ ...r, depth: r.depth - all.find((x) => x.unitId === unitId)!.depth }))
      : all
  return { year: 2024, topic: null, rows, total: rows[0] }
}

const bars = () => $$('[data-bar]').map((b) => `${b.dataset.bar} ${b.dataset.value}`)

describe('StudyByUnitCard', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('goes down the tree by a bar or the picker, and back up by the breadcrumb', async () => {
    const fake = createFakeApi(data(), {
      'app:getYear': () => ({ year: 2024 }),
      'study:coverage': (i) => coverageOf(i.unitId)
    })
    installApi(fake.api)
    const w = mountView(StudyByUnitCard, { props: { coverage: coverageOf(null) } })
    await flushPromises()
    // The whole organisation: the units under its single root, top to bottom in tree order
    // (echarts draws a category axis from the bottom, so the option lists them reversed).
    expect(bars()).toEqual(['Chi bộ ấp 3 25', 'Đảng bộ bộ phận Khu phố 1 65'])
    expect(fake.callsTo('study:coverage')).toEqual([])
    expect(byTestId('overview-by-unit-trail')!.textContent).toContain('Toàn bộ tổ chức')

    // A click on the partial committee's bar goes into it: its chi bộ, and the trail down to it.
    ;($$('[data-bar="Đảng bộ bộ phận Khu phố 1"]')[0] as HTMLButtonElement).click()
    await flushPromises()
    expect(fake.callsTo('study:coverage')).toEqual([{ year: 2024, unitId: 2 }])
    expect(bars()).toEqual(['Chi bộ tổ 2 50', 'Chi bộ tổ 1 80'])
    const trail = byTestId('overview-by-unit-trail')!.textContent!.replace(/\s+/g, ' ')
    expect(trail).toContain('Toàn bộ tổ chức›Đảng ủy xã Tân Lập›Đảng bộ bộ phận Khu phố 1')
    expect(w.findComponent(UnitSelect).props('modelValue')).toBe(2)

    // A chi bộ has nothing under it: clicking its bar stays where we are.
    ;($$('[data-bar="Chi bộ tổ 1"]')[0] as HTMLButtonElement).click()
    await flushPromises()
    expect(fake.callsTo('study:coverage')).toHaveLength(1)

    // Up one step by the breadcrumb: the committee, whose only root view is the whole tree.
    byTestId('trail-Đảng ủy xã Tân Lập')!.click()
    await flushPromises()
    expect(fake.callsTo('study:coverage')).toEqual([
      { year: 2024, unitId: 2 },
      { year: 2024, unitId: 1 }
    ])
    expect(bars()).toEqual(['Chi bộ ấp 3 25', 'Đảng bộ bộ phận Khu phố 1 65'])

    // The shared picker chooses a unit directly; a chi bộ says it has no units under it.
    w.findComponent(UnitSelect).vm.$emit('update:modelValue', 5)
    await flushPromises()
    expect(byTestId('overview-by-unit-empty')!.textContent).toContain(
      'Đơn vị này không có đơn vị trực thuộc'
    )
    // And back to the whole organisation from the breadcrumb's first step, with no new query.
    byTestId('trail-top')!.click()
    await flushPromises()
    expect(bars()).toEqual(['Chi bộ ấp 3 25', 'Đảng bộ bộ phận Khu phố 1 65'])
    expect(fake.callsTo('study:coverage')).toHaveLength(3)
  })

  it('shows markup in a unit name as text in the chart tooltip, never as HTML', async () => {
    const MARKUP = '<img src=x onerror="window.__hit=1"><b>Chi bộ ấp 1</b>'
    const coverage = coverageOf(null)
    const rows = coverage.rows.map((r) => (r.unitId === 5 ? { ...r, name: MARKUP } : r))
    const fake = createFakeApi(
      {
        ...data(),
        units: data().units.map((u) => (u.id === 5 ? { ...u, name: MARKUP } : u))
      },
      { 'app:getYear': () => ({ year: 2024 }) }
    )
    installApi(fake.api)
    mountView(StudyByUnitCard, { props: { coverage: { ...coverage, rows, total: rows[0] } } })
    await flushPromises()
    const tips = $$('.tip')
    expect(tips.map((t) => t.textContent)).toContainEqual(expect.stringContaining(MARKUP))
    expect(document.querySelectorAll('.tip img, .tip b')).toHaveLength(0)
  })
})
