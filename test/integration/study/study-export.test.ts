// The missing list as a party document: written with ExcelJS, opened and re-saved by
// LibreOffice (as a user's office suite would), and read back.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'
import { todayIso } from '../../../src/shared/partial-date'
import { cellText, SOFFICE, viaLibreOffice } from '../../helpers/workbook'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.dispose())

describe.runIf(existsSync(SOFFICE))('study: missing-list export', () => {
  it('opens in LibreOffice with the right people, the header band, and text kept as text', async () => {
    const committee = (
      await t.call('units:create', {
        parentId: null,
        name: 'Đảng ủy xã Tân Lập',
        level: 'Đảng ủy cơ sở'
      })
    ).id
    const cell = (
      await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
    ).id
    const a = await t.call(
      'people:create',
      personInput(cell, {
        fullName: 'Nguyễn Văn An',
        partyCardNumber: '01000001',
        birthDate: '1970-03-05'
      })
    )
    await t.call(
      'people:create',
      personInput(cell, {
        fullName: 'Trần Thị Bình',
        partyCardNumber: '01000002',
        position: '=HYPERLINK("http://x","bấm")'
      })
    )
    await t.call(
      'people:create',
      personInput(cell, {
        fullName: 'Lê Văn Cường',
        kind: 'non_member',
        role: 'Công chức',
        position: '+84 phó trưởng'
      })
    )
    await t.call(
      'people:create',
      personInput(cell, { fullName: 'Phạm Văn Dũng', position: '-1', note: '@x' })
    )
    const topic = (await t.call('study:listTopics', null)).find((x) => x.year === 2024)!
    const s = await t.call('study:createSession', {
      topicId: topic.id,
      kind: 'cell_meeting',
      heldOn: '2024-05-20',
      hostUnitId: cell,
      title: null,
      points: [],
      extraNonMembers: 0,
      note: null
    })
    await t.call('study:setAttendance', { sessionId: s.id, present: [a.id], absent: [] })

    const path = join(t.dir, 'chua-hoc.xlsx')
    const r = await t.callWithFile('study:exportMissing', {
      year: 2024,
      unitId: cell,
      path,
      place: 'Tân Lập'
    })
    expect(r).toEqual({ path, rows: 3 })

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(viaLibreOffice(path))
    const ws = wb.worksheets[0]
    const at = (ref: string) => cellText(ws.getCell(ref).value)
    // Header band: upper organisation over the issuing one, "*"; ĐCSVN over the place-date line.
    expect(at('A1')).toBe('ĐẢNG ỦY XÃ TÂN LẬP')
    expect(at('A2')).toBe('CHI BỘ ẤP 1')
    expect(ws.getCell('A2').font?.bold).toBe(true)
    expect(at('A3')).toBe('*')
    expect(at('E1')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(ws.getCell('E1').font?.bold).toBe(true)
    expect(ws.getCell('E1').font?.underline).toBeTruthy()
    const [y, m, d] = todayIso().split('-')
    expect(at('E2')).toBe(`Tân Lập, ngày ${d} tháng ${m} năm ${y}`)
    expect(ws.getCell('E2').font?.italic).toBe(true)
    expect(ws.getCell('A1').font?.name).toBe('Times New Roman')
    expect(at('A5')).toBe('DANH SÁCH CÁN BỘ, ĐẢNG VIÊN CHƯA HỌC TẬP CHUYÊN ĐỀ NĂM 2024')
    expect(ws.getCell('A5').font?.bold).toBe(true)
    expect(at('A6')).toContain('thực hành tiết kiệm')

    // Column headers, then the row of column numbers, then the people (members first, by given name).
    const headerRow = [...Array(ws.rowCount).keys()]
      .map((i) => i + 1)
      .find((i) => at(`A${i}`) === 'STT')!
    expect(at(`B${headerRow}`)).toBe('Họ và tên')
    expect(
      [1, 2, 3, 4, 5, 6, 7, 8].map((c) => cellText(ws.getRow(headerRow + 1).getCell(c).value))
    ).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    const people = [2, 3, 4].map((k) => at(`B${headerRow + k}`))
    expect(people).toEqual(['Trần Thị Bình', 'Phạm Văn Dũng', 'Lê Văn Cường'])
    expect(at(`D${headerRow + 4}`)).toBe('Quần chúng')
    // Nothing turned into a formula.
    const position = (k: number) => ws.getCell(`F${headerRow + k}`)
    expect(position(2).value).toBe('=HYPERLINK("http://x","bấm")')
    expect(position(2).formula).toBeUndefined()
    expect(position(3).value).toBe('-1')
    expect(position(4).value).toBe('+84 phó trưởng')
    expect(at(`B${headerRow + 5}`)).toBe('Tổng cộng: 3 người')
    // Signers.
    const all = ws
      .getSheetValues()
      .flat()
      .map((v) => cellText(v as ExcelJS.CellValue))
    expect(all).toContain('NGƯỜI LẬP BIỂU')
    expect(all).toContain('T/M CHI BỘ')
    expect(all).toContain('BÍ THƯ')
    // Print setup: A4, header rows repeated, fitted to width.
    expect(ws.pageSetup.paperSize).toBe(9)
    expect(ws.pageSetup.fitToWidth).toBe(1)
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow + 1}`)
  })

  it('asks where to save through the platform and does nothing when cancelled', async () => {
    expect(await t.call('study:exportMissing', { year: 2024, unitId: null })).toBeNull()
    expect(
      (
        await t.refuseWithFile('study:exportMissing', {
          year: 2024,
          unitId: null,
          path: join(t.dir, 'x.pdf')
        })
      ).code
    ).toBe('VALIDATION')
  })
})
