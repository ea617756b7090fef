// The missing list with one sheet per chi bộ: a committee sends each chi bộ its own list for the
// make-up study. Written with ExcelJS, opened and re-saved by LibreOffice (as a user's office
// suite would), and read back sheet by sheet.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'
import { cli } from '../../helpers/cli'
import { todayIso } from '../../../src/shared/partial-date'
import { cellText, SOFFICE, viaLibreOffice } from '../../helpers/workbook'

const LONG = 'Chi bộ An Hòa 1/2: Trường Trung học phổ thông Nguyễn Trãi'
/** Its sheet: "/" and ":" are not allowed, 31 characters at most (cut at a word). */
const LONG_SHEET = 'Chi bộ An Hòa 1 2 Trường Trung'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.dispose())

async function unit(parentId: number | null, name: string, level = 'Chi bộ'): Promise<number> {
  return (await t.call('units:create', { parentId, name, level })).id
}

/** Adds people to a unit, members or non-members. */
async function people(
  unitId: number,
  names: string[],
  kind: 'member' | 'non_member' = 'member'
): Promise<number[]> {
  const ids: number[] = []
  for (const fullName of names)
    ids.push(
      (
        await t.call(
          'people:create',
          personInput(unitId, {
            fullName,
            kind,
            ...(kind === 'non_member' ? { role: 'Công chức' } : {})
          })
        )
      ).id
    )
  return ids
}

async function attend(hostUnitId: number, present: number[]): Promise<void> {
  const topic = (await t.call('study:listTopics', null)).find((x) => x.year === 2024)!
  const s = await t.call('study:createSession', {
    topicId: topic.id,
    kind: 'cell_meeting',
    heldOn: '2024-05-20',
    hostUnitId,
    title: null,
    points: [],
    extraNonMembers: 0,
    note: null
  })
  await t.call('study:setAttendance', { sessionId: s.id, present, absent: [] })
}

/**
 * A committee with three chi bộ, created in this order: ấp 1 (two missing, one studied), ấp 2
 * (everyone studied), then one with a long name holding "/" and ":" (one missing). The tree is
 * in name order, as on screen ("Chi bộ An Hòa …" before "Chi bộ ấp 1"), not in creation order.
 */
async function committee(): Promise<number> {
  const c = await unit(null, 'Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở')
  const a = await unit(c, 'Chi bộ ấp 1')
  const b = await unit(c, 'Chi bộ ấp 2')
  const long = await unit(c, LONG)
  const [an] = await people(a, ['Nguyễn Văn An', 'Trần Thị Bình'])
  await people(a, ['Lê Văn Cường'], 'non_member')
  const done = await people(b, ['Phạm Văn Dũng', 'Võ Thị Em'])
  await people(long, ['Hồ Văn Giang'])
  await attend(c, [an, ...done])
  return c
}

interface Sheet {
  ws: ExcelJS.Worksheet
  at: (ref: string) => string
  /** Row of the column headers ("STT"). */
  header: number
  /** Column B of the people's rows, between the column numbers and the totals. */
  names: string[]
  /** Every cell's text, for the signers. */
  texts: string[]
}

function read(ws: ExcelJS.Worksheet): Sheet {
  const at = (ref: string) => cellText(ws.getCell(ref).value)
  const header = [...Array(ws.rowCount).keys()]
    .map((i) => i + 1)
    .find((i) => at(`A${i}`) === 'STT')!
  const names: string[] = []
  for (let r = header + 2; !at(`B${r}`).startsWith('Tổng cộng'); r++) names.push(at(`B${r}`))
  const texts = ws
    .getSheetValues()
    .flat()
    .map((v) => cellText(v as ExcelJS.CellValue))
  return { ws, at, header, names, texts }
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(viaLibreOffice(path))
  return wb
}

/** A complete party document: header band, title, column numbers, totals, signers, A4 print setup. */
function expectDocument(
  s: Sheet,
  upper: string | null,
  issuer: string,
  title: string,
  signer: string
): void {
  const band = upper ? [upper, issuer, '*'] : [issuer, '*']
  expect(band.map((_, i) => s.at(`A${i + 1}`))).toEqual(band)
  expect(s.ws.getCell(`A${band.length - 1}`).font?.bold).toBe(true)
  expect(s.at('E1')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM')
  const [y, m, d] = todayIso().split('-')
  expect(s.at('E2')).toBe(`Tân Lập, ngày ${d} tháng ${m} năm ${y}`)
  expect(s.texts).toContain(title)
  expect(s.at(`B${s.header}`)).toBe('Họ và tên')
  expect(
    [1, 2, 3, 4, 5, 6, 7, 8].map((c) => cellText(s.ws.getRow(s.header + 1).getCell(c).value))
  ).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
  expect(s.at(`B${s.header + 2 + s.names.length}`)).toBe(`Tổng cộng: ${s.names.length} người`)
  for (const line of ['NGƯỜI LẬP BIỂU', signer, 'BÍ THƯ']) expect(s.texts).toContain(line)
  expect(s.ws.getCell('A1').font?.name).toBe('Times New Roman')
  expect(s.ws.pageSetup.paperSize).toBe(9)
  expect(s.ws.pageSetup.orientation).toBe('landscape')
  expect(s.ws.pageSetup.fitToWidth).toBe(1)
  expect(s.ws.pageSetup.printTitlesRow).toBe(`${s.header}:${s.header + 1}`)
}

describe.runIf(existsSync(SOFFICE))('study: missing list, one sheet per chi bộ', () => {
  it('writes the summary, then a complete document for each chi bộ with people missing, in tree order', async () => {
    const c = await committee()
    const path = join(t.dir, 'chua-hoc.xlsx')
    expect(
      await t.callWithFile('study:exportMissing', {
        year: 2024,
        unitId: c,
        path,
        place: 'Tân Lập',
        perUnit: true
      })
    ).toEqual({ path, rows: 3 })
    expect(existsSync(`${path}.${process.pid}.partial`)).toBe(false)

    const wb = await readBack(path)
    // Nothing for ấp 2, where everyone studied.
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Chưa học 2024', LONG_SHEET, 'Chi bộ ấp 1'])

    const summary = read(wb.worksheets[0])
    expectDocument(
      summary,
      null,
      'ĐẢNG ỦY XÃ TÂN LẬP',
      'DANH SÁCH CÁN BỘ, ĐẢNG VIÊN CHƯA HỌC TẬP CHUYÊN ĐỀ NĂM 2024',
      'T/M ĐẢNG ỦY'
    )
    expect(summary.names).toEqual(['Hồ Văn Giang', 'Trần Thị Bình', 'Lê Văn Cường'])

    const cell = read(wb.getWorksheet('Chi bộ ấp 1')!)
    expectDocument(
      cell,
      'ĐẢNG ỦY XÃ TÂN LẬP',
      'CHI BỘ ẤP 1',
      'DANH SÁCH CÁN BỘ, ĐẢNG VIÊN CHI BỘ ẤP 1 CHƯA HỌC TẬP CHUYÊN ĐỀ NĂM 2024',
      'T/M CHI BỘ'
    )
    expect(cell.names).toEqual(['Trần Thị Bình', 'Lê Văn Cường'])
    expect(cell.at(`D${cell.header + 3}`)).toBe('Quần chúng')
    expect(cell.at(`D${cell.header + 4}`)).toBe('ĐV: 1; QC: 1')

    const long = read(wb.getWorksheet(LONG_SHEET)!)
    const upperLong = LONG.toLocaleUpperCase('vi')
    expectDocument(
      long,
      'ĐẢNG ỦY XÃ TÂN LẬP',
      upperLong,
      `DANH SÁCH CÁN BỘ, ĐẢNG VIÊN ${upperLong} CHƯA HỌC TẬP CHUYÊN ĐỀ NĂM 2024`,
      'T/M CHI BỘ'
    )
    expect(long.names).toEqual(['Hồ Văn Giang'])
  })

  it('gives units of the same name, or alike in their first 31 characters, sheets of their own; no apostrophe in a sheet name', async () => {
    for (const name of ['Đảng ủy xã Tân Lập', 'Đảng ủy xã Tân Phú']) {
      const c = await unit(null, name, 'Đảng ủy cơ sở')
      await people(await unit(c, 'Chi bộ ấp 1'), [`Bí thư ${name}`])
      await people(await unit(c, `${LONG} ${name}`), [`Đảng viên ${name}`])
    }
    // An apostrophe inside the name: ExcelJS would write print titles Excel cannot read.
    const buon = await unit(null, "Chi bộ buôn K'Lang")
    await people(buon, ['Y Kông'])
    const path = join(t.dir, 'toan-bo.xlsx')
    await t.callWithFile('study:exportMissing', {
      year: 2024,
      unitId: null,
      path,
      place: 'Tân Lập',
      perUnit: true
    })

    const wb = await readBack(path)
    // Roots by name too: "Chi bộ buôn …" before "Đảng ủy …".
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      'Chưa học 2024',
      'Chi bộ buôn K’Lang',
      LONG_SHEET,
      'Chi bộ ấp 1',
      'Chi bộ An Hòa 1 2 Trường (2)',
      'Chi bộ ấp 1 (2)'
    ])
    const lang = read(wb.getWorksheet('Chi bộ buôn K’Lang')!)
    expectDocument(
      lang,
      null,
      "CHI BỘ BUÔN K'LANG",
      "DANH SÁCH CÁN BỘ, ĐẢNG VIÊN CHI BỘ BUÔN K'LANG CHƯA HỌC TẬP CHUYÊN ĐỀ NĂM 2024",
      'T/M CHI BỘ'
    )
    expect(lang.names).toEqual(['Y Kông'])
    const second = read(wb.getWorksheet('Chi bộ ấp 1 (2)')!)
    expectDocument(
      second,
      'ĐẢNG ỦY XÃ TÂN PHÚ',
      'CHI BỘ ẤP 1',
      'DANH SÁCH CÁN BỘ, ĐẢNG VIÊN CHI BỘ ẤP 1 CHƯA HỌC TẬP CHUYÊN ĐỀ NĂM 2024',
      'T/M CHI BỘ'
    )
    expect(second.names).toEqual(['Bí Thư Đảng Ủy Xã Tân Phú'])
  })
})

describe('study: missing list per chi bộ from the command line', () => {
  it('writes the summary and a sheet per chi bộ with --per-unit, and refuses it without a file', async () => {
    await committee()
    t.core.close()
    const db = t.core.dbPath

    const out = join(t.dir, 'chua-hoc.xlsx')
    const r = await cli(
      'study',
      'missing',
      '--year',
      '2024',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--out',
      out,
      '--place',
      'Tân Lập',
      '--per-unit',
      '--db',
      db
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      'Đã lưu danh sách 3 người chưa học (trang tổng hợp, rồi mỗi chi bộ một trang tính)'
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Chưa học 2024', LONG_SHEET, 'Chi bộ ấp 1'])
    expect(read(wb.worksheets[1]).names).toEqual(['Hồ Văn Giang'])
    expect(read(wb.worksheets[2]).names).toEqual(['Trần Thị Bình', 'Lê Văn Cường'])

    const bad = await cli('study', 'missing', '--year', '2024', '--per-unit', '--db', db, '--json')
    expect(bad.code).toBe(2)
    expect(JSON.parse(bad.stdout).error.code).toBe('USAGE')
  })
})
