// One level for every ticked member in one action (the self-rating of a whole chi bộ).
import { beforeAll, describe, expect, it } from 'vitest'
import { useApp } from './harness/use-app'
import { EvaluationPage } from './pages/evaluation-page'
import { personInput } from '../helpers/core'

let app: EvaluationPage
let cellId = 0
const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Hồ Thị Giang']

const e2e = useApp(async (harness) => {
  await harness.call('app:setYear', { year: 2024 })
  const committee = await harness.call('units:create', {
    parentId: null,
    name: 'Đảng ủy xã Tân Lập',
    level: 'Đảng ủy cơ sở'
  })
  cellId = (
    await harness.call('units:create', {
      parentId: committee.id,
      name: 'Chi bộ ấp 1',
      level: 'Chi bộ'
    })
  ).id
  for (const name of names)
    await harness.call(
      'people:create',
      personInput(cellId, { fullName: name, birthDate: '1980-01-01' })
    )
})

beforeAll(() => {
  app = new EvaluationPage(e2e.page)
})

describe('evaluation: one level for the selected members', () => {
  it('gives the ticked members the chosen self-rating in one save and says how many', async () => {
    await app.go('evaluation')
    await app.byTestId('evaluation-units-node-Chi bộ ấp 1').click()
    await app.row('Hồ Thị Giang').waitFor()
    for (const name of names.slice(0, 3))
      await app.row(name).locator('[data-testid="evaluation-pick-member"]').click()
    await app.waitText('evaluation-bulk', 'Đã chọn 3 đảng viên')
    await app.byTestId('evaluation-bulk-rating').click()
    await app.page.keyboard.type('httnv')
    await app.page.keyboard.press('Enter')
    await app.byTestId('evaluation-bulk-apply').click()
    await app.page.getByText('Đã ghi "Tự xếp loại" cho 3 đảng viên.').waitFor()
    const sheet = await e2e.harness.call('evaluation:sheet', { year: 2024, unitId: cellId })
    const self = Object.fromEntries(sheet.rows.map((r) => [r.fullName, r.self]))
    expect(self).toEqual({
      'Nguyễn Văn An': 'HTTNV',
      'Trần Thị Bình': 'HTTNV',
      'Lê Văn Cường': 'HTTNV',
      'Hồ Thị Giang': null
    })
    expect(await app.ratingText('Lê Văn Cường', 'self')).toBe('HTTNV')
    expect(e2e.errors).toEqual([])
  })
})
