// Merging the duplicate a mistyped chi bộ name creates, through the Tổ chức đảng screen: the
// people go to the right chi bộ, the duplicate is retired with a note, a backup is taken first.
import { readdirSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { UnitsPage } from './pages/app-page'
import { personInput } from '../helpers/core'

let app: UnitsPage

const e2e = useApp(async (harness) => {
  const committee = await harness.call('units:create', {
    parentId: null,
    name: 'Đảng ủy xã Tân Lập',
    level: 'Đảng ủy cơ sở'
  })
  const cell = await harness.call('units:create', {
    parentId: committee.id,
    name: 'Chi bộ ấp 1',
    level: 'Chi bộ'
  })
  const typo = await harness.call('units:create', {
    parentId: committee.id,
    name: 'Chi bộ ấp1',
    level: 'Chi bộ'
  })
  await harness.call(
    'people:create',
    personInput(cell.id, { fullName: 'Nguyễn Văn An', partyCardNumber: '01000001' })
  )
  await harness.call(
    'people:create',
    personInput(typo.id, { fullName: 'Trần Thị Bình', partyCardNumber: '01000002' })
  )
  await harness.call(
    'people:create',
    personInput(typo.id, { fullName: 'Lê Văn Cường', partyCardNumber: '01000003' })
  )
})

beforeAll(() => {
  app = new UnitsPage(e2e.page)
})

describe('units: merge, end to end', () => {
  it('asks which unit receives the people before merging', async () => {
    await app.go('units')
    await app.select('Chi bộ ấp1')
    await app.byTestId('units-merge').click()
    await app.byTestId('unit-merge-save').click()
    await app.page.getByText('Hãy chọn đơn vị nhận người và hồ sơ.').waitFor()
    await app.page.locator('.el-dialog:visible').getByRole('button', { name: 'Hủy' }).click()
    await app.page.locator('.el-dialog:visible').waitFor({ state: 'hidden' })
  })

  it('moves the duplicate’s people to the right chi bộ and retires it with a note', async () => {
    await app.merge('Chi bộ ấp1', 'Chi bộ ấp 1', '01/06/2024')
    await app.page.getByText('Đã gộp "Chi bộ ấp1" vào "Chi bộ ấp 1": 2 người').waitFor()
    await app.waitText(
      'units-history',
      'Nhận người và hồ sơ của "Chi bộ ấp1" (sáp nhập ngày 01/06/2024)'
    )
    await screenshot(e2e.page, 'units-merge-01')
    const units = await e2e.harness.call('units:list', { includeRetired: true })
    const typo = units.find((u) => u.name === 'Chi bộ ấp1')!
    expect(typo.retiredOn).toBe('2024-06-01')
    expect(units.find((u) => u.name === 'Chi bộ ấp 1')!.peopleCount).toBe(3)
    expect(
      readdirSync(e2e.harness.core.ctx.backupDir).some((f) =>
        f.endsWith('_truoc-gop-don-vi.sqlite')
      )
    ).toBe(true)
    expect(e2e.errors).toEqual([])
  })
})
