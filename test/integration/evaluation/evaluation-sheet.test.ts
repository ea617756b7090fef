// The evaluation sheet down the tree and back up: exported as a party document (checked cell
// by cell: header band, columns, totals, signers, print settings), filled by a chi bộ with
// ExcelJS, and once re-saved by LibreOffice, then imported back (only ratings and notes, after
// a backup, in one transaction). Also the CLI's `evaluation export` and `evaluation import`.
import { existsSync, readdirSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { todayIso } from '../../../src/shared/partial-date'
import { openTestCore, type TestCore } from '../../helpers/core'
import { seedOrg, type Org } from '../../helpers/evaluation'
import { cli } from '../../helpers/cli'
import { cellText, SOFFICE, viaLibreOffice } from '../../helpers/workbook'

let t: TestCore
let o: Org
beforeEach(async () => {
  t = openTestCore()
  o = await seedOrg(t)
})
afterEach(() => t.dispose())

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb
}

async function read(path: string): Promise<ExcelJS.Worksheet> {
  return (await readBook(path)).worksheets[0]
}

function rowOf(ws: ExcelJS.Worksheet, col: string, value: string): number {
  for (let r = 1; r <= ws.rowCount; r++)
    if (cellText(ws.getCell(`${col}${r}`).value) === value) return r
  throw new Error(`no "${value}" in column ${col}`)
}

async function rateCellA(): Promise<void> {
  const id = o.ids
  await t.call('evaluation:save', {
    year: 2024,
    unitId: o.cellA,
    entries: [
      { personId: id['Nguyễn Văn An'], self: 'HTXSNV', proposed: 'HTXSNV' },
      { personId: id['Trần Thị Bình'], self: 'HTTNV', proposed: 'HTTNV' },
      { personId: id['Lê Văn Cường'], self: 'HTTNV', proposed: 'HTNV', note: '=SUM(A1:A9)' },
      {
        personId: id['Phạm Thị Dung'],
        self: 'not_rated',
        proposed: 'not_rated',
        decided: 'not_rated',
        reason: 'exempt'
      },
      { personId: id['Hồ Thị Giang'], self: 'HTTNV', proposed: 'HTTNV' }
    ]
  })
}

describe('evaluation sheet: export', () => {
  it("writes a chi bộ's sheet with the header band, the columns, totals that reconcile, signers and print settings", async () => {
    await rateCellA()
    const path = join(t.dir, 'chi-bo-ap-1.xlsx')
    expect(
      await t.callWithFile('evaluation:export', {
        year: 2024,
        unitId: o.cellA,
        path,
        place: 'Tân Lập'
      })
    ).toEqual({ path, rows: 6 })
    const ws = await read(path)
    const at = (ref: string) => cellText(ws.getCell(ref).value)
    // Header band: left the upper organisation over the issuing one and "*"; right ĐCSVN over the place-date line.
    expect(at('A1')).toBe('ĐẢNG ỦY XÃ TÂN LẬP')
    expect(ws.getCell('A1').font?.bold).toBeFalsy()
    expect(at('A2')).toBe('CHI BỘ ẤP 1')
    expect(ws.getCell('A2').font?.bold).toBe(true)
    expect(at('A3')).toBe('*')
    expect(at('E1')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(ws.getCell('E1').font).toMatchObject({
      bold: true,
      underline: true,
      name: 'Times New Roman'
    })
    const [y, m, d] = todayIso().split('-')
    expect(at('E2')).toBe(`Tân Lập, ngày ${d} tháng ${m} năm ${y}`)
    expect(ws.getCell('E2').font?.italic).toBe(true)
    expect(at('A5')).toBe('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2024')
    expect(ws.getCell('A5').font).toMatchObject({ bold: true, size: 14 })
    expect(at('A6')).toBe('(Theo QĐ 124-QĐ/TW; HD 25-HD/BTCTW)')

    // Two header rows (the three ratings under one group), then the column numbers.
    const h = rowOf(ws, 'A', 'STT')
    expect(['A', 'B', 'C', 'D', 'E', 'H', 'I', 'J'].map((c) => at(`${c}${h}`))).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Chức vụ',
      'Xếp loại chất lượng',
      'Kết quả thực hiện cam kết',
      'Ghi chú',
      'Mã'
    ])
    expect(['E', 'F', 'G'].map((c) => at(`${c}${h + 1}`))).toEqual([
      'Tự xếp loại',
      'Chi bộ đề xuất',
      'Cấp ủy quyết định'
    ])
    expect(ws.getColumn(10).hidden).toBe(true)
    expect([...'ABCDEFGHIJ'].map((c) => at(`${c}${h + 2}`))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      ''
    ])
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${h}:${h + 2}`
    })

    // One row per member, by given name; text stays text.
    const first = h + 3
    const names = [0, 1, 2, 3, 4, 5].map((k) => at(`B${first + k}`))
    expect(names).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
      'Phạm Thị Dung',
      'Võ Văn Em',
      'Hồ Thị Giang'
    ])
    expect(ws.getCell(`A${first}`).value).toBe(1)
    expect(at(`C${first}`)).toBe('05/03/1970')
    expect(at(`C${first + 2}`)).toBe('1990')
    expect(ws.getCell(`D${first + 1}`).value).toBe('=HYPERLINK("http://x","bấm")')
    expect(ws.getCell(`D${first + 1}`).formula).toBeUndefined()
    expect(ws.getCell(`D${first + 2}`).value).toBe('-1')
    expect(ws.getCell(`I${first + 2}`).value).toBe('=SUM(A1:A9)')
    expect(['E', 'F', 'G'].map((c) => at(`${c}${first}`))).toEqual(['HTXSNV', 'HTXSNV', ''])
    expect(['E', 'F', 'G'].map((c) => at(`${c}${first + 3}`))).toEqual([
      'Không xếp loại',
      'Không xếp loại',
      'Không xếp loại'
    ])
    expect(at(`I${first + 3}`)).toBe('Miễn công tác và sinh hoạt đảng')
    expect(at(`H${first}`)).toBe('Chưa lập cam kết')
    expect(at(`J${first}`)).toBe(String(o.ids['Nguyễn Văn An']))
    expect(ws.getCell(`B${first}`).font?.name).toBe('Times New Roman')
    expect(ws.getCell(`B${first}`).border?.left?.style).toBe('thin')

    // Totals per level, with the share of those given a level, and the rest, so they add up.
    const tot = first + 6
    expect(at(`B${tot}`)).toBe('Tổng số đảng viên trong danh sách')
    expect(['E', 'F', 'G'].map((c) => ws.getCell(`${c}${tot}`).value)).toEqual([6, 6, 6])
    expect(at(`B${tot + 1}`)).toBe('Hoàn thành xuất sắc nhiệm vụ (HTXSNV)')
    expect(['E', 'F', 'G'].map((c) => at(`${c}${tot + 1}`))).toEqual([
      '1 (25,0%)',
      '1 (25,0%)',
      '0'
    ])
    expect(['E', 'F', 'G'].map((c) => at(`${c}${tot + 2}`))).toEqual([
      '3 (75,0%)',
      '2 (50,0%)',
      '0'
    ])
    expect(['E', 'F', 'G'].map((c) => at(`${c}${tot + 3}`))).toEqual(['0 (0,0%)', '1 (25,0%)', '0'])
    expect(at(`B${tot + 5}`)).toBe('Không xếp loại')
    expect(['E', 'F', 'G'].map((c) => ws.getCell(`${c}${tot + 5}`).value)).toEqual([1, 1, 1])
    expect(at(`B${tot + 6}`)).toBe('Chưa ghi mức xếp loại')
    expect(['E', 'F', 'G'].map((c) => ws.getCell(`${c}${tot + 6}`).value)).toEqual([1, 1, 5])
    expect(ws.getCell(`B${tot}`).font?.bold).toBe(true)

    // Notes: abbreviations and the rule; then the signers. The app's own words (how to send the
    // sheet back, the quota warning) are on a sheet of their own, never printed with it.
    const all = ws
      .getSheetValues()
      .flat()
      .map((v) => cellText(v as ExcelJS.CellValue))
    expect(all.some((v) => v.startsWith('Viết tắt: HTXSNV – Hoàn thành xuất sắc nhiệm vụ'))).toBe(
      true
    )
    expect(all.some((v) => v.startsWith('Lưu ý:') || v.startsWith('Chi bộ điền'))).toBe(false)
    const help = (await readBook(path)).getWorksheet('Hướng dẫn')!
    const helpText = help
      .getSheetValues()
      .flat()
      .map((v) => cellText(v as ExcelJS.CellValue))
    expect(
      helpText.some((v) =>
        v.startsWith(
          'Lưu ý: Đảng ủy xã Tân Lập: 1 đảng viên HTXSNV (chi bộ đề xuất), vượt mức tối đa 0'
        )
      )
    ).toBe(true)
    expect(
      helpText.some((v) => v.startsWith('Chi bộ điền các cột xếp loại chất lượng và Ghi chú'))
    ).toBe(true)
    const signers = rowOf(ws, 'A', 'NGƯỜI LẬP BIỂU')
    expect(at(`F${signers}`)).toBe('T/M CHI BỘ')
    expect(at(`F${signers + 1}`)).toBe('BÍ THƯ')
    // The rating columns offer the levels as a drop-down list.
    const dv = (
      ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model
    expect(Object.values(dv)[0].formulae[0]).toBe('"HTXSNV,HTTNV,HTNV,KHTNV,Không xếp loại"')
  })

  it("groups a committee's sheet by chi bộ with a sub-heading and totals per chi bộ and overall", async () => {
    await rateCellA()
    const path = join(t.dir, 'dang-uy.xlsx')
    await t.callWithFile('evaluation:export', { year: 2024, unitId: o.committee, path })
    const ws = await read(path)
    const at = (ref: string) => cellText(ws.getCell(ref).value)
    expect(at('A1')).toBe('HUYỆN ỦY TÂN BIÊN')
    expect(at('A2')).toBe('ĐẢNG ỦY XÃ TÂN LẬP')
    expect(at('E2')).toBe(
      `……, ngày ${todayIso().slice(8)} tháng ${todayIso().slice(5, 7)} năm ${todayIso().slice(0, 4)}`
    )
    const heading = rowOf(ws, 'A', 'Chi bộ ấp 1')
    expect(ws.getCell(`A${heading}`).font?.bold).toBe(true)
    expect(ws.getCell(`A${heading}`).isMerged).toBe(true)
    expect(at(`B${heading + 1}`)).toBe('Nguyễn Văn An')
    expect(at(`B${heading + 7}`)).toBe('Cộng Chi bộ ấp 1: 6 đảng viên')
    expect(at(`F${heading + 7}`)).toBe(
      'HTXSNV: 1\nHTTNV: 2\nHTNV: 1\nKHTNV: 0\nKhông XL: 1\nChưa ghi: 1'
    )
    const second = rowOf(ws, 'A', 'Chi bộ ấp 2')
    expect(second).toBe(heading + 8)
    expect(ws.getCell(`A${second + 1}`).value).toBe(7)
    expect(at(`B${second + 5}`)).toBe('Cộng Chi bộ ấp 2: 4 đảng viên')
    expect(at(`B${second + 6}`)).toBe('Tổng số đảng viên trong danh sách')
    expect(ws.getCell(`E${second + 6}`).value).toBe(10)
    const signers = rowOf(ws, 'A', 'NGƯỜI LẬP BIỂU')
    expect(at(`F${signers}`)).toBe('T/M ĐẢNG ỦY')
  })

  it('asks where to save and does nothing when cancelled', async () => {
    expect(await t.call('evaluation:export', { year: 2024, unitId: o.cellA })).toBeNull()
    expect(
      (
        await t.refuseWithFile('evaluation:export', {
          year: 2024,
          unitId: o.cellA,
          path: join(t.dir, 'x.pdf')
        })
      ).code
    ).toBe('VALIDATION')
  })
})

/** What a chi bộ secretary does in Excel: fills the proposals, a decision, notes; edits things they should not. */
async function fillAsCell(path: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const ws = wb.worksheets[0]
  const row = (name: string) => rowOf(ws, 'B', name)
  ws.getCell(`F${row('Nguyễn Văn An')}`).value = 'HTTNV'
  ws.getCell(`G${row('Nguyễn Văn An')}`).value = 'Hoàn thành tốt nhiệm vụ'
  ws.getCell(`E${row('Võ Văn Em')}`).value = 'Không xếp loại'
  ws.getCell(`F${row('Võ Văn Em')}`).value = 'kxl'
  ws.getCell(`I${row('Võ Văn Em')}`).value = 'Mới kết nạp chưa đủ 6 tháng. Kết nạp 01/9/2024'
  ws.getCell(`I${row('Hồ Thị Giang')}`).value = 'Gương mẫu'
  ws.getCell(`F${row('Lê Văn Cường')}`).value = 'Rất tốt'
  // Edits outside ratings and notes: reported, not imported.
  ws.getCell(`D${row('Trần Thị Bình')}`).value = 'Phó bí thư'
  ws.getCell(`K${row('Trần Thị Bình')}`).value = 'thêm cột'
  ws.getCell(`K${rowOf(ws, 'A', 'STT')}`).value = 'Điện thoại'
  // A member the chi bộ added by hand, without the Mã: matched by name and birth date.
  const extra = rowOf(ws, 'B', 'Hồ Thị Giang') + 1
  ws.spliceRows(extra, 0, [7, 'Người Lạ Mặt', '01/01/1990', '', 'HTTNV', 'HTTNV', '', '', '', null])
  await wb.xlsx.writeFile(out)
}

describe('evaluation sheet: import back', () => {
  for (const roundTrip of [false, true]) {
    it.runIf(!roundTrip || existsSync(SOFFICE))(
      `imports the ratings and notes of a filled sheet${roundTrip ? ' re-saved by LibreOffice' : ''}`,
      async () => {
        await rateCellA()
        const sent = join(t.dir, 'gui-xuong.xlsx')
        await t.callWithFile('evaluation:export', {
          year: 2024,
          unitId: o.cellA,
          path: sent,
          place: 'Tân Lập'
        })
        let filled = join(t.dir, 'da-dien.xlsx')
        await fillAsCell(sent, filled)
        if (roundTrip) {
          filled = viaLibreOffice(filled)
          // LibreOffice keeps the title, the page set-up, the repeated header rows and the hidden Mã column.
          const ws = await read(filled)
          expect(cellText(ws.getCell('A5').value)).toBe(
            'BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2024'
          )
          expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 })
          const h = rowOf(ws, 'A', 'STT')
          expect(ws.pageSetup.printTitlesRow).toBe(`${h}:${h + 2}`)
          expect(ws.getColumn(10).hidden).toBe(true)
        }

        const preview = (await t.callWithFile('evaluation:previewImport', {
          year: 2024,
          path: filled
        }))!
        const change = (name: string) => preview.changes.find((c) => c.fullName === name)
        expect(change('Nguyễn Văn An')).toMatchObject({
          matchedBy: 'id',
          fields: [
            { field: 'proposed', from: 'HTXSNV', to: 'HTTNV' },
            { field: 'decided', from: null, to: 'HTTNV' }
          ]
        })
        expect(change('Võ Văn Em')!.fields.map((f) => [f.field, f.to])).toEqual([
          ['self', 'Không xếp loại'],
          ['proposed', 'Không xếp loại'],
          ['reason', 'Mới kết nạp chưa đủ 6 tháng'],
          ['note', 'Kết nạp 01/9/2024']
        ])
        expect(change('Hồ Thị Giang')!.fields).toEqual([
          { field: 'note', label: 'Ghi chú', from: null, to: 'Gương mẫu' }
        ])
        expect(change('Lê Văn Cường')).toBeUndefined()
        expect(preview.changes).toHaveLength(3)
        expect(preview.unchanged).toBe(3)
        expect(preview.notMatched).toEqual([
          expect.objectContaining({
            name: 'Người Lạ Mặt',
            reason: 'Không có đảng viên nào trùng họ tên và ngày sinh.'
          })
        ])
        const ignored = preview.ignored.map((i) => i.message).join('\n')
        expect(ignored).toContain('"Rất tốt" không phải mức xếp loại')
        expect(ignored).toContain('Chức vụ "Phó bí thư" khác dữ liệu ("=HYPERLINK')
        expect(ignored).toContain('Cột K "Điện thoại" (1 ô có dữ liệu)')
        expect(preview.fileYear).toBe(2024)
        // Nothing written by the preview.
        const before = await t.call('evaluation:sheet', { year: 2024, unitId: o.cellA })
        expect(before.rows.find((r) => r.fullName === 'Nguyễn Văn An')!.decided).toBeNull()

        const result = await t.call('evaluation:applyImport', {
          year: 2024,
          token: preview.token,
          fingerprint: preview.fingerprint
        })
        expect(result.backup).toMatch(/_truoc-nhap\.sqlite$/)
        expect(readdirSync(join(t.dir, 'backups'))).toContain(result.backup)
        const s = await t.call('evaluation:sheet', { year: 2024, unitId: o.cellA })
        const by = (n: string) => s.rows.find((r) => r.fullName === n)!
        expect(by('Nguyễn Văn An')).toMatchObject({
          self: 'HTXSNV',
          proposed: 'HTTNV',
          decided: 'HTTNV'
        })
        expect(by('Võ Văn Em')).toMatchObject({
          self: 'not_rated',
          proposed: 'not_rated',
          reason: 'new_member',
          note: 'Kết nạp 01/9/2024'
        })
        expect(by('Hồ Thị Giang').note).toBe('Gương mẫu')
        expect(by('Lê Văn Cường')).toMatchObject({ proposed: 'HTNV', note: '=SUM(A1:A9)' })
        expect(by('Phạm Thị Dung')).toMatchObject({ decided: 'not_rated', reason: 'exempt' })
        expect(by('Trần Thị Bình').position).toBe('=HYPERLINK("http://x","bấm")')

        // Imported again: nothing changes, no backup.
        const again = await t.callWithFile('evaluation:previewImport', { year: 2024, path: filled })
        expect(again!.changes).toEqual([])
        expect(
          (
            await t.call('evaluation:applyImport', {
              year: 2024,
              token: again!.token,
              fingerprint: again!.fingerprint
            })
          ).backup
        ).toBeNull()
      }
    )
  }

  it('falls back to name and birth date when the Mã column is gone, and refuses another year or a changed file', async () => {
    const sent = join(t.dir, 'gui.xlsx')
    await t.callWithFile('evaluation:export', { year: 2024, unitId: o.cellB, path: sent })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(sent)
    const ws = wb.worksheets[0]
    ws.spliceColumns(10, 1)
    ws.getCell(`F${rowOf(ws, 'B', 'Đỗ Thị Lan')}`).value = 'HTXSNV'
    const filled = join(t.dir, 'dien.xlsx')
    await wb.xlsx.writeFile(filled)
    const preview = (await t.callWithFile('evaluation:previewImport', {
      year: 2024,
      path: filled
    }))!
    expect(preview.changes).toEqual([
      expect.objectContaining({ fullName: 'Đỗ Thị Lan', matchedBy: 'name' })
    ])
    expect(
      (await t.refuseWithFile('evaluation:previewImport', { year: 2023, path: filled })).code
    ).toBe('YEAR_MISMATCH')
    utimesSync(filled, new Date(), new Date(Date.now() + 5000))
    expect(
      (
        await t.refuse('evaluation:applyImport', {
          year: 2024,
          token: preview.token,
          fingerprint: preview.fingerprint
        })
      ).code
    ).toBe('CONFLICT')
    expect(
      (
        await t.refuseWithFile('evaluation:previewImport', {
          year: 2024,
          path: join(t.dir, 'khong-co.xlsx')
        })
      ).code
    ).toBe('NOT_FOUND')
    expect(await t.call('evaluation:previewImport', { year: 2024 })).toBeNull()
  })
})

describe('cli: evaluation', () => {
  it("exports a unit's sheet and imports a filled one, printing what changed, unchanged, not matched, ignored", async () => {
    await rateCellA()
    t.core.close()
    const db = t.core.dbPath
    const file = join(t.dir, 'cli.xlsx')
    const exp = await cli(
      'evaluation',
      'export',
      '--year',
      '2024',
      '--unit',
      'Chi bộ ấp 1',
      '--out',
      file,
      '--place',
      'Tân Lập',
      '--db',
      db,
      '--json'
    )
    expect(exp.code).toBe(0)
    expect(JSON.parse(exp.stdout)).toMatchObject({
      year: 2024,
      unit: 'Chi bộ ấp 1',
      path: file,
      rows: 6
    })
    const filled = join(t.dir, 'cli-filled.xlsx')
    await fillAsCell(file, filled)
    const dry = await cli('evaluation', 'import', filled, '--year', '2024', '--dry-run', '--db', db)
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('Thay đổi: 3 người; không đổi: 3; không khớp: 1; bỏ qua: 3')
    const r = await cli('evaluation', 'import', filled, '--year', '2024', '--db', db, '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.changed.map((c: { fullName: string }) => c.fullName).sort()).toEqual([
      'Hồ Thị Giang',
      'Nguyễn Văn An',
      'Võ Văn Em'
    ])
    expect(json).toMatchObject({
      dryRun: false,
      unchanged: 3,
      notMatched: [{ name: 'Người Lạ Mặt' }]
    })
    expect(json.ignored).toHaveLength(3)
    expect(json.backup).toMatch(/_truoc-nhap\.sqlite$/)
    const totals = await cli(
      'evaluation',
      'totals',
      '--unit',
      'Chi bộ ấp 1',
      '--year',
      '2024',
      '--db',
      db
    )
    expect(totals.stdout).toContain('HTTNV')
    const bad = await cli('evaluation', 'import', filled, '--year', '2023', '--db', db, '--json')
    expect(bad.code).toBe(2)
    expect(JSON.parse(bad.stdout).error.code).toBe('YEAR_MISMATCH')
  })
})
