// Đánh giá xếp loại end to end: rate the members of a chi bộ in the table (self-ratings from the
// keyboard, then the fast entries), see the quota warning, export the summary sheet, import a
// filled sheet back, look at the committee's sheet and the rules of each year.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { EvaluationEntry } from '../../src/shared/api'
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { EvaluationPage } from './pages/evaluation-page'
import { personInput } from '../helpers/core'

let app: EvaluationPage

const ids: Record<string, number> = {}
let cellAId = 0

const e2e = useApp(async (harness) => {
  await harness.call('app:setYear', { year: 2024 })
  const committee = await harness.call('units:create', {
    parentId: null,
    name: 'Đảng ủy xã Tân Lập',
    level: 'Đảng ủy cơ sở'
  })
  const cellA = await harness.call('units:create', {
    parentId: committee.id,
    name: 'Chi bộ ấp 1',
    level: 'Chi bộ'
  })
  const cellB = await harness.call('units:create', {
    parentId: committee.id,
    name: 'Chi bộ ấp 2',
    level: 'Chi bộ'
  })
  cellAId = cellA.id
  const a: [string, Partial<ReturnType<typeof personInput>>][] = [
    ['Nguyễn Văn An', { birthDate: '1970-03-05', position: 'Bí thư chi bộ' }],
    ['Trần Thị Bình', { birthDate: '1982-11-20', position: 'Phó bí thư' }],
    ['Lê Văn Cường', { birthDate: '1990-02-01' }],
    ['Phạm Thị Dung', { birthDate: '1955-01-02' }],
    ['Võ Văn Em', { birthDate: '1999-07-07', partyJoinDate: '2024-09-01' }],
    ['Hồ Thị Giang', { birthDate: '1985-05-05' }]
  ]
  for (const [name, extra] of a)
    ids[name] = (
      await harness.call('people:create', personInput(cellA.id, { fullName: name, ...extra }))
    ).id
  await harness.call('people:setStatus', { id: ids['Phạm Thị Dung'], status: 'exempt' })
  for (const name of ['Bùi Văn Khánh', 'Đỗ Thị Lan', 'Ngô Văn Minh']) {
    ids[name] = (await harness.call('people:create', personInput(cellB.id, { fullName: name }))).id
  }
  await harness.call('evaluation:save', {
    year: 2024,
    unitId: cellB.id,
    entries: ['Bùi Văn Khánh', 'Đỗ Thị Lan', 'Ngô Văn Minh'].map((n): EvaluationEntry => ({
      personId: ids[n],
      self: 'HTTNV',
      proposed: 'HTTNV',
      decided: 'HTTNV'
    }))
  })
})

beforeAll(() => {
  app = new EvaluationPage(e2e.page)
})

describe('evaluation, end to end', () => {
  it('opens the screen for the working year and a chi bộ’s members', async () => {
    await app.go('evaluation')
    await app.byTestId('evaluation-pick').waitFor()
    await screenshot(e2e.page, 'danh-gia-01-chon-don-vi')
    await app.byTestId('evaluation-units-node-Chi bộ ấp 1').click()
    await app.waitText('evaluation-unit', 'Chi bộ ấp 1')
    await app.row('Hồ Thị Giang').waitFor()
    expect(await app.page.locator('[data-testid="evaluation-table"] tr.member').count()).toBe(6)
    await app.waitText('evaluation-table', 'Diện không xếp loại: miễn công tác và sinh hoạt đảng')
    await app.waitText('evaluation-table', 'Diện không xếp loại: mới kết nạp chưa đủ 6 tháng')
    await screenshot(e2e.page, 'danh-gia-02-danh-sach-chi-bo')
  })

  it('rates from the keyboard, then fills the proposals, the exempt and the decisions fast', async () => {
    await app.rate('Nguyễn Văn An', 'self', 'htxs')
    await app.rate('Trần Thị Bình', 'self', 'htxs')
    await app.rate('Lê Văn Cường', 'self', 'httnv')
    await app.rate('Hồ Thị Giang', 'self', 'htnv')
    expect(await app.ratingText('Lê Văn Cường', 'self')).toBe('HTTNV')
    expect(await app.ratingText('Hồ Thị Giang', 'self')).toBe('HTNV')
    await app.fill('selfToProposed')
    await app.fill('notRatedByRules')
    await app.fill('proposedToDecided')
    await app.waitText('evaluation-totals-HTXSNV-decided', '2 (50,0%)')
    expect(await app.ratingText('Nguyễn Văn An', 'decided')).toBe('HTXSNV')
    expect(await app.ratingText('Phạm Thị Dung', 'decided')).toBe('Không XL')
    await app.waitText('evaluation-totals-not_rated-decided', '2')
    const s = await e2e.harness.call('evaluation:sheet', { year: 2024, unitId: cellAId })
    expect(s.rows.find((r) => r.fullName === 'Võ Văn Em')).toMatchObject({
      decided: 'not_rated',
      reason: 'new_member'
    })
  })

  it('warns when the tổ chức cơ sở đảng goes over the HTXSNV quota, naming the unit, the count and the limit', async () => {
    const warning = app.byTestId('evaluation-quota-warning').first()
    await warning.waitFor()
    const text = await warning.innerText()
    expect(text).toContain('Đảng ủy xã Tân Lập')
    expect(text).toContain('2 đảng viên HTXSNV')
    expect(text).toContain('vượt mức tối đa 1')
    // A note, typed and confirmed with Enter.
    const note = app
      .row('Hồ Thị Giang')
      .locator('input[data-testid="rating-note"], [data-testid="rating-note"] input')
      .first()
    await note.fill('Cần cố gắng hơn')
    await note.press('Enter')
    await expect
      .poll(
        async () =>
          (await e2e.harness.call('evaluation:sheet', { year: 2024, unitId: cellAId })).rows.find(
            (r) => r.fullName === 'Hồ Thị Giang'
          )?.note
      )
      .toBe('Cần cố gắng hơn')
    expect(await note.inputValue()).toBe('Cần cố gắng hơn')
    await e2e.page.locator('.el-message').first().waitFor({ state: 'detached' })
    await screenshot(e2e.page, 'danh-gia-03-canh-bao-ty-le')
    // One HTXSNV fewer: the warning goes.
    await app.rate('Trần Thị Bình', 'decided', 'httnv')
    await e2e.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="evaluation-quota-warning"]').length === 1
    )
    await app.waitText('evaluation-quota-info', 'trong mức tối đa')
  })

  it('exports the summary sheet through the save dialog', async () => {
    const out = join(e2e.harness.dataDir, 'bang-tong-hop.xlsx')
    e2e.harness.dialogs.save.push(out)
    await app.input('evaluation-place').fill('Tân Lập')
    await app.byTestId('evaluation-export').click()
    await e2e.page
      .locator('.el-message', { hasText: 'Đã lưu bảng tổng hợp (6 đảng viên)' })
      .waitFor()
    expect(existsSync(out)).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.worksheets[0]
    expect(ws.getCell('A5').value).toBe(
      'BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2024'
    )
    const names = ws.getColumn(2).values.map((v) => String(v ?? ''))
    expect(names).toEqual(expect.arrayContaining(['Nguyễn Văn An', 'Hồ Thị Giang']))
    // The chi bộ fills it: a different proposal for Cường, a note for An.
    const row = (name: string) => names.indexOf(name)
    ws.getCell(`F${row('Lê Văn Cường')}`).value = 'HTNV'
    ws.getCell(`I${row('Nguyễn Văn An')}`).value = 'Gương mẫu, có sáng kiến'
    const filled = join(e2e.harness.dataDir, 'da-dien.xlsx')
    await wb.xlsx.writeFile(filled)
    e2e.harness.dialogs.open.push(filled)
  })

  it('imports a filled sheet back: preview, then apply', async () => {
    await e2e.page.locator('.el-message').first().waitFor({ state: 'detached' })
    await app.byTestId('evaluation-import').click()
    await app.byTestId('evaluation-import-changes').waitFor()
    await app.waitText('evaluation-import-summary', '2 người thay đổi')
    await app.waitText('evaluation-import-changes', 'Gương mẫu, có sáng kiến')
    await e2e.page.waitForTimeout(300)
    await screenshot(e2e.page, 'danh-gia-04-nhap-bang-da-dien')
    await app.byTestId('evaluation-import-apply').click()
    await e2e.page.locator('.el-message', { hasText: 'Đã nhập 2 thay đổi' }).waitFor()
    await app.byTestId('evaluation-import-dialog').waitFor({ state: 'hidden' })
    expect(await app.ratingText('Lê Văn Cường', 'proposed')).toBe('HTNV')
    expect(
      await app
        .row('Nguyễn Văn An')
        .locator('input[data-testid="rating-note"], [data-testid="rating-note"] input')
        .first()
        .inputValue()
    ).toBe('Gương mẫu, có sáng kiến')
  })

  it('shows the committee’s sheet grouped by chi bộ', async () => {
    await e2e.page.locator('.el-message').first().waitFor({ state: 'detached' })
    await app.byTestId('evaluation-units-node-Đảng ủy xã Tân Lập').click()
    await app.waitText('evaluation-unit', 'Đảng ủy xã Tân Lập')
    await app.byTestId('evaluation-groups').waitFor()
    await app.waitText('evaluation-groups', 'Chi bộ ấp 2')
    expect(await app.page.locator('[data-testid="evaluation-table"] tr.member').count()).toBe(9)
    await screenshot(e2e.page, 'danh-gia-05-dang-uy')
    await app.byTestId('evaluation-groups').scrollIntoViewIfNeeded()
    await screenshot(e2e.page, 'danh-gia-06-tong-hop-theo-chi-bo')
  })

  it('shows and edits the rules of each year', async () => {
    await e2e.page.locator('.el-tabs__item', { hasText: 'Quy định từng năm' }).click()
    await app.byTestId('rules-table').waitFor()
    await app.waitText('rules-table', 'QĐ 124-QĐ/TW')
    await screenshot(e2e.page, 'danh-gia-07-quy-dinh')
    await app.byTestId('rule-edit-2023').click()
    await app.byTestId('rule-form').waitFor()
    await e2e.page.waitForTimeout(300)
    await screenshot(e2e.page, 'danh-gia-08-sua-quy-dinh')
    await app.input('rule-form-percent').fill('25')
    await app.byTestId('rule-form-save').click()
    await e2e.page.locator('.el-message', { hasText: 'Đã lưu quy định.' }).waitFor()
    await app.waitText('rules-table', 'Tối đa 25%')
    expect(e2e.errors).toEqual([])
  })
})
