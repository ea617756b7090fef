// The import wizard, in the words of its screens.
import ExcelJS from 'exceljs'
import type { Locator } from 'playwright-core'
import { encodeTcvn3 } from '../../../src/core/excel/legacy-encoding'
import { AppPage } from './app-page'

export class ImportPage extends AppPage {
  /** Where the wizard is: file, sheets, mapping, preview or import. */
  async step(): Promise<string | null> {
    return this.byTestId('import-steps').getAttribute('data-step')
  }

  async waitForStep(step: string): Promise<void> {
    await this.page.locator(`[data-testid="import-steps"][data-step="${step}"]`).waitFor()
    await this.byTestId('import-progress').waitFor({ state: 'hidden' })
  }

  async chooseFile(): Promise<void> {
    await this.byTestId('import-choose').click()
  }

  async next(): Promise<void> {
    await this.byTestId('import-next').click()
  }

  async count(key: string): Promise<number> {
    return Number(await this.byTestId(`import-count-${key}`).getAttribute('data-count'))
  }

  /** Picks a unit in one of the wizard's unit selects, typing part of its name without diacritics. */
  async pickUnit(testid: string, typed: string, name: string): Promise<void> {
    await this.byTestId(testid).click()
    await this.page.keyboard.type(typed)
    await this.page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click()
    await this.byTestId('import-progress').waitFor({ state: 'hidden' })
  }

  async confirm(): Promise<void> {
    await this.page.locator('.el-message-box__btns .el-button--primary:visible').click()
    await this.page.locator('.el-message-box').waitFor({ state: 'hidden' })
  }

  problems(): Locator {
    return this.byTestId('import-problems')
  }
}

/** What an office really receives: typed long ago, merged headers, mixed dates, totals, signatures. */
export interface MessyMember {
  name: string
  birth: Date | number | string
  gender: 'Nam' | 'Nữ'
  join?: Date | string
  official?: Date | string
  card: string
  position?: string
}

/**
 * One sheet per chi bộ: organisation band and title rows, "Ngày vào Đảng" merged over "Dự bị |
 * Chính thức", a row of column numbers, the data, a totals row and a signature block. With `tcvn3`
 * the names are typed in TCVN3 with the .VnTime font.
 */
function addMessySheet(
  wb: ExcelJS.Workbook,
  sheetName: string,
  cell: string,
  members: MessyMember[],
  tcvn3: boolean
): void {
  const ws = wb.addWorksheet(sheetName)
  ws.getCell('A1').value = 'ĐẢNG BỘ XÃ TÂN LẬP'
  ws.getCell('A1').font = { bold: true }
  ws.getCell('F1').value = 'ĐẢNG CỘNG SẢN VIỆT NAM'
  ws.getCell('A2').value = cell.toLocaleUpperCase('vi')
  ws.getCell('F2').value = 'Tân Lập, ngày 10 tháng 5 năm 2024'
  ws.getCell('A4').value = `DANH SÁCH ĐẢNG VIÊN ${cell.toLocaleUpperCase('vi')}`
  ws.mergeCells('A4:I4')
  ws.getRow(6).values = [
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Chức vụ',
    'Ngày vào Đảng',
    null,
    'Số thẻ ĐV',
    'Ghi chú'
  ]
  ws.getRow(7).values = [null, null, null, null, null, 'Dự bị', 'Chính thức', null, null]
  for (const c of [1, 2, 3, 4, 5, 8, 9]) ws.mergeCells(6, c, 7, c)
  ws.mergeCells(6, 6, 6, 7)
  ws.getRow(8).values = [1, 2, 3, 4, 5, 6, 7, 8, 9]
  let r = 9
  members.forEach((m, i) => {
    const row = ws.getRow(r++)
    row.getCell(1).value = i + 1
    const name = row.getCell(2)
    name.value = tcvn3 ? encodeTcvn3(m.name) : m.name
    if (tcvn3) name.font = { name: '.VnTime', size: 13 }
    const birth = row.getCell(3)
    birth.value = m.birth
    if (m.birth instanceof Date) birth.numFmt = 'dd/mm/yyyy'
    row.getCell(4).value = m.gender
    if (m.position) row.getCell(5).value = m.position
    for (const [col, v] of [
      [6, m.join],
      [7, m.official]
    ] as const) {
      if (v === undefined) continue
      row.getCell(col).value = v
      if (v instanceof Date) row.getCell(col).numFmt = 'dd/mm/yyyy'
    }
    row.getCell(8).value = m.card
  })
  ws.getRow(r++).values = [null, `Tổng cộng: ${members.length} đảng viên`]
  r++
  ws.getRow(r++).values = [null, 'NGƯỜI LẬP BIỂU', null, null, null, 'T/M CHI BỘ']
  ws.getRow(r++).values = [null, null, null, null, null, 'BÍ THƯ']
  ws.getRow(r + 2).values = [null, 'Lê Văn Lập', null, null, null, 'Trần Văn Bí']
}

export async function writeMessyWorkbook(
  path: string,
  sheets: { name: string; cell: string; members: MessyMember[]; tcvn3: boolean }[]
): Promise<void> {
  const wb = new ExcelJS.Workbook()
  for (const s of sheets) addMessySheet(wb, s.name, s.cell, s.members, s.tcvn3)
  await wb.xlsx.writeFile(path)
}
