// Nothing cut off on the office's small screens: at 1280×720 the people list's last column
// (Trạng thái) ends inside the table's visible box, at 1366×768 so does the rating table's last
// column, and every level shows whole in its rating cell; the unit tree never scrolls sideways,
// however long and deep the names; the Chi bộ and Chức vụ cells of the people list give their
// whole text on hover. Measured from element boxes.
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { PeoplePage } from './pages/app-page'
import type { EvaluationEntry } from '../../src/shared/api'
import { personInput } from '../helpers/core'

const LONG_COMMITTEE = 'Đảng ủy xã Tân Lập Thượng huyện Tân Biên tỉnh Tây Ninh'
const LONG_PARTIAL = 'Đảng bộ bộ phận Khu phố Tân Lập Thượng mở rộng'
const LONG_CELL = 'Chi bộ Khu phố Tân Lập Thượng và Khu dân cư Bình Minh mở rộng'
const LONG_POSITION =
  'Phó Bí thư Chi bộ, Trưởng ban công tác Mặt trận khu dân cư, Tổ trưởng tổ tự quản'

let app: PeoplePage

const e2e = useApp(async (harness) => {
  await harness.call('app:setYear', { year: 2024 })
  const committee = await harness.call('units:create', {
    parentId: null,
    name: LONG_COMMITTEE,
    level: 'Đảng ủy cơ sở'
  })
  const partial = await harness.call('units:create', {
    parentId: committee.id,
    name: LONG_PARTIAL,
    level: 'Đảng bộ bộ phận'
  })
  const cell = await harness.call('units:create', {
    parentId: partial.id,
    name: LONG_CELL,
    level: 'Chi bộ'
  })
  const names = [
    'Tôn Nữ Thị Hoàng Phương Thảo Nguyên',
    'Nguyễn Văn An',
    'Trần Thị Bình',
    'Lê Văn Cường'
  ]
  const rated: EvaluationEntry[] = []
  for (const [i, fullName] of names.entries()) {
    const p = await harness.call(
      'people:create',
      personInput(cell.id, {
        fullName,
        birthDate: `19${70 + i}-0${1 + i}-1${i}`,
        partyCardNumber: `0100000${i}`,
        position: i % 2 === 0 ? LONG_POSITION : 'Đảng viên'
      })
    )
    // The longest status, in the column that was cut off.
    if (i === 1) await harness.call('people:setStatus', { id: p.id, status: 'exempt' })
    // The widest levels, bold or italic as the cells show them.
    const levels = [
      ['HTXSNV', 'KHTNV', 'not_rated'],
      ['not_rated', 'HTXSNV', 'HTTNV']
    ][i % 2]
    rated.push({
      personId: p.id,
      self: levels[0],
      proposed: levels[1],
      decided: levels[2]
    } as EvaluationEntry)
  }
  await harness.call('evaluation:save', { year: 2024, unitId: cell.id, entries: rated })
})

beforeAll(() => {
  app = new PeoplePage(e2e.page)
})

/** The right edge of the last column's header and of the table's visible box. */
function lastColumnEdges(page: Page, table: string, header: string) {
  return page.evaluate(
    ([tableSel, headerSel]) => {
      const t = document.querySelector(tableSel)!.getBoundingClientRect()
      const cells = [...document.querySelectorAll(headerSel)]
      const last = cells[cells.length - 1].getBoundingClientRect()
      return { tableRight: t.right, lastRight: last.right, lastWidth: last.width }
    },
    [table, header] as const
  )
}

/** The tree's sideways scroll and whether anything in it is wider than it. */
function treeScroll(page: Page) {
  return page.evaluate(() => {
    const tree = document.querySelector('.people-units .unit-tree__tree') as HTMLElement
    return {
      scrollLeft: tree.scrollLeft,
      overflow: tree.scrollWidth - tree.clientWidth,
      asideLeft: (tree.closest('.people-units') as HTMLElement).scrollLeft
    }
  })
}

describe('layout on small screens', () => {
  it('shows the people list’s last column whole at 1280×720, with whole text on hover', async () => {
    await e2e.page.setViewportSize({ width: 1280, height: 720 })
    await app.go('people')
    await app.byTestId('people-unit-all').click()
    await app.waitForTotal(4)
    await app.rows().first().waitFor()
    const edges = await lastColumnEdges(
      e2e.page,
      '[data-testid="people-table"] .el-table-v2',
      '[data-testid="people-table"] .el-table-v2__header-cell'
    )
    expect(edges.lastRight).toBeLessThanOrEqual(edges.tableRight)
    expect(edges.lastWidth).toBeGreaterThanOrEqual(110)
    // No sideways scroll in the list either.
    const hScroll = await e2e.page.evaluate(() => {
      const body = document.querySelector('[data-testid="people-table"] .el-table-v2__body')
      const inner = body?.querySelector('.el-vl__window, .el-table-v2__body > div') as HTMLElement
      return inner ? inner.scrollWidth - inner.clientWidth : 0
    })
    expect(hScroll).toBeLessThanOrEqual(0)
    // The exempt status, the longest, reads whole on hover.
    await expect(app.rows().locator('[title="Miễn công tác và sinh hoạt"]').count()).resolves.toBe(
      1
    )
    // Chi bộ and Chức vụ: the whole text in the cell's title, shown on hover.
    expect(await app.rows().locator(`[title="${LONG_CELL}"]`).count()).toBe(4)
    expect(await app.rows().locator(`[title="${LONG_POSITION}"]`).count()).toBe(2)
    await app.rows().locator(`[title="${LONG_CELL}"]`).first().hover()
    await screenshot(e2e.page, 'bo-cuc-01-danh-sach-1280x720')
  })

  it('keeps the unit tree from scrolling sideways with long names, deep down', async () => {
    // Open the levels down to the chi bộ and select it.
    for (const name of [LONG_COMMITTEE, LONG_PARTIAL]) {
      const node = e2e.page.locator('.people-units .el-tree-node__content', { hasText: name })
      const icon = node.first().locator('.el-tree-node__expand-icon:not(.expanded)')
      if (await icon.count()) await icon.click()
    }
    await app.selectUnit(LONG_CELL)
    await app.waitForTotal(4)
    await e2e.page.waitForTimeout(300)
    const s = await treeScroll(e2e.page)
    expect(s).toEqual({ scrollLeft: 0, overflow: 0, asideLeft: 0 })
    // The name is cut at its end, never its beginning: its first letters are on screen.
    const box = await e2e.page.evaluate((name) => {
      const el = document.querySelector(
        `[data-testid="people-units-node-${name}"] .unit-node__name`
      ) as HTMLElement
      const tree = document.querySelector('.people-units .unit-tree__tree')!.getBoundingClientRect()
      const r = el.getBoundingClientRect()
      return { left: r.left, treeLeft: tree.left, title: el.title }
    }, LONG_CELL)
    expect(box.left).toBeGreaterThanOrEqual(box.treeLeft)
    expect(box.title).toBe(LONG_CELL)
    await screenshot(e2e.page, 'bo-cuc-02-cay-don-vi')
  })

  it('shows the rating table’s last column whole at 1366×768', async () => {
    await e2e.page.setViewportSize({ width: 1366, height: 768 })
    await app.go('evaluation')
    await app.byTestId('evaluation-pick').waitFor()
    const node = (name: string) =>
      e2e.page.locator('.el-tree-node__content:visible', { hasText: name }).first()
    for (const name of [LONG_COMMITTEE, LONG_PARTIAL]) {
      const icon = node(name).locator('.el-tree-node__expand-icon:not(.expanded)')
      if (await icon.count()) await icon.click()
    }
    await node(LONG_CELL).click()
    await e2e.page.locator('[data-testid="evaluation-table"] tr.member').first().waitFor()
    const edges = await lastColumnEdges(
      e2e.page,
      '[data-testid="evaluation-table"]',
      '[data-testid="evaluation-table"] thead th'
    )
    expect(edges.lastRight).toBeLessThanOrEqual(edges.tableRight + 0.5)
    // The table's own box scrolls sideways only when the window is too narrow: not here.
    const scroll = await e2e.page.evaluate(() => {
      const w = document.querySelector('[data-testid="evaluation-table"]') as HTMLElement
      return w.scrollWidth - w.clientWidth
    })
    expect(scroll).toBeLessThanOrEqual(0)
    // Every level whole in its cell, not "HTXS…".
    const cut = await e2e.page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '[data-testid="evaluation-table"] .rating-cell__value'
        )
      ]
        .filter((v) => v.scrollWidth > v.clientWidth)
        .map((v) => v.textContent)
    )
    expect(cut).toEqual([])
    await screenshot(e2e.page, 'bo-cuc-03-xep-loai-1366x768')
    expect(e2e.errors).toEqual([])
  })
})
