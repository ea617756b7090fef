// The printed commitment: a one-page party document, read back with ExcelJS; and the CLI.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { cli } from '../../helpers/cli'
import { cellText } from '../../helpers/workbook'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.dispose())

describe('commitments: the printed commitment', () => {
  it('writes one A4 page in the party format: header band, title, details, items by heading, signers; text stays text', async () => {
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
    const an = await t.call(
      'people:create',
      personInput(cell, {
        fullName: 'Nguyễn Văn An',
        partyCardNumber: '01000001',
        birthDate: '1970-03-05',
        position: 'Bí thư chi đoàn'
      })
    )
    await t.call('commitments:save', {
      personId: an.id,
      year: 2024,
      madeOn: '2024-02-15',
      items: [
        {
          heading: 'topic',
          content: 'Tiết kiệm điện, nước ở cơ quan',
          tasks: '=1+1',
          measures: 'Tắt đèn khi ra về',
          deadline: 'Cả năm',
          expected: '-5% điện năng'
        },
        {
          heading: 'politics',
          content: 'Kiên định lập trường',
          tasks: 'Học nghị quyết',
          measures: null,
          deadline: 'Thường xuyên',
          expected: null
        },
        {
          heading: 'breakthrough',
          content: 'Số hóa hồ sơ đảng viên',
          tasks: null,
          measures: null,
          deadline: '30/6/2024',
          expected: '100% hồ sơ'
        }
      ]
    })
    const path = join(t.dir, 'cam-ket.xlsx')
    expect(
      await t.callWithFile('commitments:export', {
        personId: an.id,
        year: 2024,
        path,
        place: 'Tân Lập'
      })
    ).toEqual({ path })

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path)
    expect(wb.worksheets).toHaveLength(1)
    const ws = wb.worksheets[0]
    const at = (ref: string) => cellText(ws.getCell(ref).value)
    // Header band.
    expect(at('A1')).toBe('ĐẢNG ỦY XÃ TÂN LẬP')
    expect(at('A2')).toBe('CHI BỘ ẤP 1')
    expect(ws.getCell('A2').font?.bold).toBe(true)
    expect(at('A3')).toBe('*')
    expect(at('D1')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(ws.getCell('D1').font?.underline).toBeTruthy()
    expect(at('D2')).toBe('Tân Lập, ngày 15 tháng 02 năm 2024')
    expect(ws.getCell('A1').font?.name).toBe('Times New Roman')
    // Title, the year's topic, the person's details in plain left-aligned lines.
    expect(at('A5')).toBe('BẢN CAM KẾT TU DƯỠNG, RÈN LUYỆN, PHẤN ĐẤU NĂM 2024')
    expect(ws.getCell('A5').font?.bold).toBe(true)
    expect(at('A6')).toContain('thực hành tiết kiệm')
    expect(at('A7')).toBe('Họ và tên: Nguyễn Văn An          Ngày sinh: 05/03/1970')
    expect(ws.getCell('A7').alignment?.horizontal).toBe('left')
    expect(ws.getCell('A7').font?.italic).toBeFalsy()
    expect(at('A8')).toBe('Chức vụ: Bí thư chi đoàn')
    expect(at('A9')).toContain('Số thẻ đảng viên: 01000001')
    expect(at('A10')).toBe('Sinh hoạt tại: Chi bộ ấp 1')

    // Items under their headings, in the printed order.
    const rows = [...Array(ws.rowCount).keys()].map((i) => i + 1)
    const header = rows.find((r) => at(`A${r}`) === 'STT')!
    expect([2, 3, 4, 5, 6].map((c) => cellText(ws.getRow(header).getCell(c).value))).toEqual([
      'Nội dung cam kết',
      'Nhiệm vụ cụ thể',
      'Biện pháp thực hiện',
      'Thời hạn',
      'Kết quả dự kiến'
    ])
    const body = rows
      .filter((r) => r > header + 1)
      .map((r) => [at(`A${r}`), at(`B${r}`)])
      .filter(([a]) => a)
    expect(body.slice(0, 6)).toEqual([
      ['I', 'VỀ TƯ TƯỞNG CHÍNH TRỊ'],
      ['1', 'Kiên định lập trường'],
      ['II', 'VỀ HỌC TẬP VÀ LÀM THEO CHUYÊN ĐỀ NĂM 2024'],
      ['1', 'Tiết kiệm điện, nước ở cơ quan'],
      ['III', 'NỘI DUNG ĐỘT PHÁ'],
      ['1', 'Số hóa hồ sơ đảng viên']
    ])
    const headingRow = rows.find((r) => at(`A${r}`) === 'II')!
    expect(ws.getCell(`B${headingRow}`).font?.bold).toBe(true)
    expect(ws.getCell(`B${headingRow}`).isMerged).toBe(true)
    const topicRow = headingRow + 1
    // Nothing typed turns into a formula.
    expect(ws.getCell(`C${topicRow}`).value).toBe('=1+1')
    expect(ws.getCell(`C${topicRow}`).formula).toBeUndefined()
    expect(ws.getCell(`F${topicRow}`).value).toBe('-5% điện năng')
    // Signers: the chi bộ and the person, with their name.
    const all = rows.flatMap((r) =>
      [1, 2, 3, 4, 5, 6].map((c) => cellText(ws.getRow(r).getCell(c).value))
    )
    expect(all).toEqual(
      expect.arrayContaining([
        'XÁC NHẬN CỦA CHI BỘ',
        'T/M CHI BỘ',
        'BÍ THƯ',
        'NGƯỜI CAM KẾT',
        'Nguyễn Văn An'
      ])
    )
    // A4, fitted to one page.
    expect(ws.pageSetup.paperSize).toBe(9)
    expect(ws.pageSetup.orientation).toBe('portrait')
    expect(ws.pageSetup.fitToPage).toBe(true)
    expect(ws.pageSetup.fitToWidth).toBe(1)
    expect(ws.pageSetup.fitToHeight).toBe(1)

    // Nobody to print for someone without one; the dialog cancelled: nothing written.
    const bình = await t.call('people:create', personInput(cell, { fullName: 'Trần Thị Bình' }))
    expect(
      (
        await t.refuseWithFile('commitments:export', {
          personId: bình.id,
          year: 2024,
          path: join(t.dir, 'x.xlsx')
        })
      ).code
    ).toBe('NO_COMMITMENT')
    expect(await t.call('commitments:export', { personId: an.id, year: 2024 })).toBeNull()
    expect(
      (
        await t.refuseWithFile('commitments:export', {
          personId: an.id,
          year: 2024,
          path: join(t.dir, 'x.txt')
        })
      ).code
    ).toBe('VALIDATION')
  })
})

describe('cli: commitments', () => {
  it('reports status per unit, makes a chi bộ’s commitments in bulk, exports one', async () => {
    const dir = tempDir()
    const db = join(dir, 'a.sqlite')
    await cli(
      'units',
      'add',
      '--name',
      'Đảng ủy xã Tân Lập',
      '--level',
      'Đảng ủy cơ sở',
      '--db',
      db
    )
    await cli(
      'units',
      'add',
      '--name',
      'Chi bộ ấp 1',
      '--level',
      'Chi bộ',
      '--parent',
      'Đảng ủy xã Tân Lập',
      '--db',
      db
    )
    await cli(
      'people',
      'add',
      '--name',
      'Nguyễn Văn An',
      '--unit',
      'Chi bộ ấp 1',
      '--card',
      '01000001',
      '--db',
      db
    )
    await cli(
      'people',
      'add',
      '--name',
      'Lê Văn Cường',
      '--unit',
      'Chi bộ ấp 1',
      '--kind',
      'non_member',
      '--db',
      db
    )

    const before = JSON.parse(
      (
        await cli(
          'commitments',
          'status',
          '--year',
          '2024',
          '--unit',
          'Chi bộ ấp 1',
          '--json',
          '--db',
          db
        )
      ).stdout
    )
    expect(before.units).toEqual([
      expect.objectContaining({ unit: 'Chi bộ ấp 1', required: 2, made: 0, missing: 2 })
    ])
    const bulk = await cli(
      'commitments',
      'bulk',
      '--year',
      '2024',
      '--unit',
      'chi bo ap 1',
      '--date',
      '15/02/2024',
      '--db',
      db
    )
    expect(bulk.code).toBe(0)
    expect(bulk.stdout).toContain('đã lập 2 bản cam kết từ mẫu gợi ý có sẵn')
    const after = JSON.parse(
      (await cli('commitments', 'status', '--year', '2024', '--json', '--db', db)).stdout
    )
    expect(after.total).toMatchObject({
      unit: 'Đảng ủy xã Tân Lập',
      required: 2,
      made: 2,
      missing: 0,
      percent: 100
    })
    const human = await cli('commitments', 'status', '--year', '2024', '--db', db)
    expect(human.stdout).toContain('Chi bộ ấp 1')

    const out = join(dir, 'an.xlsx')
    const exp = await cli(
      'commitments',
      'export',
      '01000001',
      '--year',
      '2024',
      '--out',
      out,
      '--place',
      'Tân Lập',
      '--json',
      '--db',
      db
    )
    expect(exp.code).toBe(0)
    expect(JSON.parse(exp.stdout)).toMatchObject({ year: 2024, path: out })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(cellText(wb.worksheets[0].getCell('A5').value)).toBe(
      'BẢN CAM KẾT TU DƯỠNG, RÈN LUYỆN, PHẤN ĐẤU NĂM 2024'
    )

    const refused = await cli(
      'commitments',
      'export',
      '999',
      '--year',
      '2024',
      '--out',
      out,
      '--json',
      '--db',
      db
    )
    expect(refused.code).toBe(2)
    expect(JSON.parse(refused.stdout).error.code).toBe('NOT_FOUND')
    expect((await cli('--help')).stdout).toContain('commitments bulk --unit')
  })
})
