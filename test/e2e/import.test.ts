// The import wizard end to end in Chromium: a messy list as offices receive it (organisation band,
// two-row header, column numbers, mixed dates, names typed in TCVN3, totals, signatures, one bad
// row, a second sheet for a chi bộ that does not exist yet), through every step, then the people
// found without diacritics, then the whole import undone from the history.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { PeoplePage } from './pages/app-page'
import { ImportPage, writeMessyWorkbook } from './pages/import-page'

let dir: string
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

const e2e = useApp(async (harness) => {
  dir = tempDir('cd05-import-e2e-')
  await writeMessyWorkbook(join(dir, 'DS dang vien Tan Lap.xlsx'), [
    {
      name: 'Ấp 3',
      cell: 'Chi bộ Ấp 3',
      tcvn3: true,
      members: [
        {
          name: 'Nguyễn Văn Dũng',
          birth: utc(1980, 3, 12),
          gender: 'Nam',
          join: utc(2005, 5, 19),
          official: utc(2006, 5, 19),
          card: '01234567',
          position: 'Bí thư'
        },
        {
          name: 'Trần Thị Bích Hằng',
          birth: 27000,
          gender: 'Nữ',
          join: '03/02/2010',
          official: '03/02/2011',
          card: '12345678'
        },
        {
          name: 'Lê Văn Đức',
          birth: '05/11/1985',
          gender: 'Nam',
          join: '09/2012',
          card: '22345678'
        },
        {
          name: 'Phạm Thị Thủy',
          birth: 1962,
          gender: 'Nữ',
          join: utc(1990, 12, 1),
          official: utc(1991, 12, 1),
          card: '32345678'
        },
        {
          name: 'Võ Văn Lợi',
          birth: '01/01/1990',
          gender: 'Nam',
          join: '02/09/2015',
          card: '12345'
        }
      ]
    },
    {
      name: 'Ấp 5',
      cell: 'Chi bộ Ấp 5',
      tcvn3: false,
      members: [
        {
          name: 'Đặng Văn Tâm',
          birth: '20/10/1975',
          gender: 'Nam',
          join: '19/05/2000',
          official: '19/05/2001',
          card: '42345678'
        },
        {
          name: 'Huỳnh Thị Mai',
          birth: utc(1988, 8, 8),
          gender: 'Nữ',
          join: '03/02/2016',
          card: '52345678'
        }
      ]
    }
  ])
  writeFileSync(join(dir, 'rong.xlsx'), '')
  const root = await harness.call('units:create', {
    parentId: null,
    name: 'Đảng ủy xã Tân Lập',
    level: 'Đảng ủy cơ sở'
  })
  await harness.call('units:create', { parentId: root.id, name: 'Chi bộ Ấp 3', level: 'Chi bộ' })
})

describe('import wizard, end to end', () => {
  it('opens from "Đảng viên & cán bộ" and explains a refused file on the first step', async () => {
    const wizard = new ImportPage(e2e.page)
    await wizard.go('people')
    await wizard.byTestId('people-import').click()
    await wizard.waitForStep('file')
    await screenshot(e2e.page, '20-nhap-chon-tep')

    e2e.harness.dialogs.open.push(join(dir, 'rong.xlsx'))
    await wizard.chooseFile()
    await wizard.byTestId('import-open-error').waitFor()
    await expect(wizard.byTestId('import-open-error').innerText()).resolves.toContain('Tệp trống')
    expect(await wizard.step()).toBe('file')
    await screenshot(e2e.page, '21-nhap-tep-bi-tu-choi')

    // Closing the file chooser changes nothing.
    e2e.harness.dialogs.open.push(null)
    await wizard.chooseFile()
    await wizard.byTestId('import-choose').waitFor()
    expect(await wizard.step()).toBe('file')
  })

  it('reads the messy file: sheets, header rows, TCVN3 names converted', async () => {
    const wizard = new ImportPage(e2e.page)
    e2e.harness.dialogs.open.push(join(dir, 'DS dang vien Tan Lap.xlsx'))
    await wizard.chooseFile()
    await wizard.waitForStep('sheets')
    await expect(wizard.byTestId('import-file-name').innerText()).resolves.toBe(
      'DS dang vien Tan Lap.xlsx'
    )
    await expect(wizard.byTestId('import-legacy-note').innerText()).resolves.toContain('TCVN3')
    const sheets = await wizard.byTestId('import-sheets').innerText()
    expect(sheets).toContain('Ấp 3')
    expect(sheets).toContain('Dòng 6–7')
    expect(sheets).toContain('Chi bộ ấp 5')
    await screenshot(e2e.page, '22-nhap-trang-tinh')
  })

  it('shows the column mapping with converted samples and takes a correction', async () => {
    const wizard = new ImportPage(e2e.page)
    await wizard.next()
    await wizard.waitForStep('mapping')
    const table = await wizard.byTestId('import-mapping-0').innerText()
    expect(table).toContain('Nguyễn Văn Dũng')
    expect(table).toContain('Ngày vào Đảng / Dự bị')
    // The empty "Ghi chú" column is not wanted.
    await wizard.byTestId('import-field-0-I').click()
    await e2e.page
      .locator('.el-select-dropdown__item:visible', { hasText: 'Bỏ qua cột này' })
      .first()
      .click()
    await wizard.byTestId('import-mapping-reset-0').waitFor()
    await screenshot(e2e.page, '23-nhap-ghep-cot')
  })

  it('previews: counts, the unit that must be chosen, the bad row', async () => {
    const wizard = new ImportPage(e2e.page)
    await wizard.next()
    await wizard.waitForStep('preview')
    await wizard.byTestId('import-blockers').waitFor()
    await expect(wizard.byTestId('import-blockers').innerText()).resolves.toContain('Chi bộ ấp 5')
    expect(await wizard.count('create')).toBe(5)
    expect(await wizard.count('skip')).toBe(2)
    await expect(wizard.byTestId('import-commit').isDisabled()).resolves.toBe(true)
    await screenshot(e2e.page, '24-nhap-xem-truoc-chua-chon-don-vi')

    await wizard.pickUnit('import-parent-unit', 'tan lap', 'Đảng ủy xã Tân Lập')
    await wizard.byTestId('import-blockers').waitFor({ state: 'detached' })
    expect(await wizard.count('create')).toBe(7)
    expect(await wizard.count('skip')).toBe(0)
    expect(await wizard.count('errors')).toBe(1)
    expect(await wizard.count('units')).toBe(1)
    await expect(wizard.byTestId('import-unit-plan-Chi bộ ấp 5').innerText()).resolves.toContain(
      'Tạo mới "Chi bộ ấp 5" thuộc Đảng ủy xã Tân Lập'
    )
    await expect(wizard.byTestId('import-unit-plan-Chi bộ ấp 3').innerText()).resolves.toBe(
      'Chi bộ Ấp 3'
    )
    const rows = await wizard.byTestId('import-rows').innerText()
    expect(rows).toContain('Nguyễn Văn Dũng')
    expect(rows).toContain('Trần Thị Bích Hằng')
    await screenshot(e2e.page, '25-nhap-xem-truoc')

    await e2e.page.getByRole('tab', { name: /Lỗi và cảnh báo/ }).click()
    const problems = await wizard.problems().innerText()
    expect(problems).toContain('Ấp 3')
    expect(problems).toContain('13')
    expect(problems).toContain('H')
    expect(problems).toContain('Số thẻ đảng viên gồm 8 chữ số.')
    await screenshot(e2e.page, '26-nhap-loi')

    const annotated = join(dir, 'DS_can-sua.xlsx')
    e2e.harness.dialogs.save.push(annotated)
    await wizard.byTestId('import-export-problems').click()
    await wizard.byTestId('import-exported').waitFor()
    expect(existsSync(annotated)).toBe(true)
  })

  it('imports after a confirm, and says what it did', async () => {
    const wizard = new ImportPage(e2e.page)
    await wizard.byTestId('import-commit').click()
    await wizard.confirm()
    await wizard.byTestId('import-done').waitFor()
    await expect(wizard.byTestId('import-done-created').getAttribute('data-count')).resolves.toBe(
      '7'
    )
    await expect(wizard.byTestId('import-done-skipped').getAttribute('data-count')).resolves.toBe(
      '0'
    )
    await expect(wizard.byTestId('import-done-units').getAttribute('data-count')).resolves.toBe('1')
    await screenshot(e2e.page, '27-nhap-xong')
  })

  it('finds the imported people without diacritics, names converted from TCVN3', async () => {
    const people = new PeoplePage(e2e.page)
    await people.byTestId('import-go-people').click()
    await people.byTestId('people-unit-all').click()
    await people.waitForTotal(7)
    await people.search('nguyen van dung')
    await people.waitForTotal(1)
    const row = await people.rows().first().innerText()
    expect(row).toContain('Nguyễn Văn Dũng')
    expect(row).toContain('12/03/1980')
    expect(row).toContain('Chi bộ Ấp 3')
    await people.search('thuy')
    await people.rows().filter({ hasText: 'Phạm Thị Thủy' }).first().waitFor()
    await people.waitForTotal(1)
    await people.search('')
    await people.waitForTotal(7)
    await people.byTestId('people-units-node-Chi bộ ấp 5').waitFor()
    await screenshot(e2e.page, '28-nhap-nguoi-da-nhap')
  })

  it('undoes the whole import from the history, after a confirm; says plainly when it cannot', async () => {
    const wizard = new ImportPage(e2e.page)
    await wizard.go('data')
    await wizard.byTestId('data-import-history').click()
    await wizard.byTestId('import-history-table').waitFor()
    await expect(wizard.byTestId('import-history-table').innerText()).resolves.toContain(
      'DS dang vien Tan Lap.xlsx'
    )
    await screenshot(e2e.page, '29-nhap-lich-su')

    // Someone edits an imported person: undoing would lose that edit, so the core refuses.
    const found = await e2e.harness.core.dispatch('people:list', {
      unitId: null,
      includeSubunits: true,
      q: 'nguyen van dung'
    })
    if (!found.ok) throw new Error(found.error.message)
    const dung = (
      found.value as { rows: ({ id: number; phone: string | null } & Record<string, unknown>)[] }
    ).rows[0]
    const { id, status: _s, statusSince: _ss, unitName: _u, ...fields } = dung
    const edited = await e2e.harness.core.dispatch('people:update', {
      id,
      fields: { ...fields, phone: '0912345678' }
    })
    expect(edited.ok).toBe(true)

    const undo = e2e.page
      .locator('[data-testid^="import-undo-"]:not([data-testid="import-undo-error"])')
      .first()
    await undo.click()
    await e2e.page.locator('.el-message-box').waitFor()
    await screenshot(e2e.page, '30-nhap-hoan-tac-xac-nhan')
    await wizard.confirm()
    await wizard.byTestId('import-undo-error').waitFor()
    const refusal = await wizard.byTestId('import-undo-error').innerText()
    expect(refusal).toContain('Không hoàn tác được')
    expect(refusal).toContain('Nguyễn Văn Dũng')
    await screenshot(e2e.page, '31-nhap-hoan-tac-bi-tu-choi')

    // The edit is taken back; now the import can be undone.
    const reverted = await e2e.harness.core.dispatch('people:update', {
      id,
      fields: { ...fields, phone: null }
    })
    expect(reverted.ok).toBe(true)
    await undo.click()
    await wizard.confirm()
    await e2e.page.locator('[data-testid^="import-undone-"]').waitFor()
    await e2e.page.locator('.el-message', { hasText: 'Đã hoàn tác' }).waitFor()
    await expect(wizard.byTestId('import-undo-error').count()).resolves.toBe(0)
    await screenshot(e2e.page, '32-nhap-da-hoan-tac')

    const people = new PeoplePage(e2e.page)
    await people.go('people')
    await people.byTestId('people-unit-all').click()
    await people.waitForTotal(0)
    await e2e.page.getByText('Chưa có ai trong danh sách.', { exact: false }).waitFor()
    await expect(people.byTestId('people-units-node-Chi bộ ấp 5').count()).resolves.toBe(0)
    await screenshot(e2e.page, '33-nhap-sau-hoan-tac')
    expect(e2e.errors).toEqual([])
  })
})
