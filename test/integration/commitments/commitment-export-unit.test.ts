// The commitments of a whole chi bộ in one workbook, printed before the meeting where they are
// signed: one sheet per person with a commitment, in the roster's (name) order, each sheet the
// very page of the single export; read back with ExcelJS, printed to PDF with LibreOffice; a
// failed export leaves nothing; and the CLI.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { cellText, SOFFICE } from '../../helpers/workbook'

const LONG = 'Tôn Nữ Thị Hoàng Phương Thảo Nguyên Khánh'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.dispose())

/**
 * A chi bộ whose people were entered in no particular order: two members with the same name, one
 * with a very long name, one with an apostrophe in it, a non-member, all with a commitment; a member without one, an exempt
 * member without one, one who left the rolls after making one; and a neighbouring chi bộ.
 */
async function seed() {
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
  const other = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 2', level: 'Chi bộ' })
  ).id
  const add = async (
    unitId: number,
    fullName: string,
    extra: Parameters<typeof personInput>[1] = {}
  ) => (await t.call('people:create', personInput(unitId, { fullName, ...extra }))).id
  const ids = {
    long: await add(cell, LONG, { partyCardNumber: '01000003' }),
    cường: await add(cell, 'Lê Văn Cường', {
      kind: 'non_member',
      role: 'Công chức',
      position: 'Công chức văn hóa xã'
    }),
    an: await add(cell, 'Nguyễn Văn An', {
      partyCardNumber: '01000001',
      birthDate: '1970-03-05',
      position: 'Bí thư chi bộ'
    }),
    bình: await add(cell, 'Trần Thị Bình', { partyCardNumber: '01000002' }),
    an2: await add(cell, 'Nguyễn Văn An', { partyCardNumber: '01000004', birthDate: '1988-11-20' }),
    lang: await add(cell, "Điểu K'Lang", { partyCardNumber: '01000007' }),
    miễn: await add(cell, 'Võ Văn Miễn', { partyCardNumber: '01000005' }),
    đi: await add(cell, 'Hồ Văn Đi', { partyCardNumber: '01000006' }),
    khánh: await add(other, 'Bùi Văn Khánh', { partyCardNumber: '02000001' })
  }
  await t.call('people:setStatus', { id: ids.miễn, status: 'exempt', since: '2023-06-01' })
  // Everyone but Bình (who has not made one yet) and the exempt Miễn (not asked).
  const others = [ids.long, ids.cường, ids.an, ids.an2, ids.lang, ids.đi]
  await t.call('commitments:bulk', {
    unitId: cell,
    year: 2024,
    madeOn: '2024-02-15',
    personIds: others
  })
  await t.call('commitments:bulk', { unitId: other, year: 2024, madeOn: '2024-02-15' })
  await t.call('commitments:save', {
    personId: ids.an,
    year: 2024,
    madeOn: '2024-02-20',
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
        heading: 'breakthrough',
        content: 'Số hóa hồ sơ đảng viên',
        tasks: null,
        measures: null,
        deadline: '30/6/2024',
        expected: '100% hồ sơ'
      }
    ]
  })
  await t.call('people:setStatus', { id: ids.đi, status: 'transferred', since: '2024-03-01' })
  return { cell, other, ids }
}

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb
}

/** Everything that makes up a printed page: cells with their values, styles and merges, sizes, print setup. */
function pageOf(ws: ExcelJS.Worksheet) {
  const cells: unknown[] = []
  const heights: (number | undefined)[] = []
  ws.eachRow({ includeEmpty: true }, (row) => {
    heights.push(row.height)
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.push({
        at: cell.address,
        value: cell.value,
        style: cell.style,
        mergedInto: cell.isMerged ? cell.master.address : null
      })
    })
  })
  return {
    rowCount: ws.rowCount,
    cells,
    heights,
    columns: ws.columns.map((c) => ({ width: c.width, hidden: c.hidden })),
    pageSetup: ws.pageSetup,
    views: ws.views
  }
}

const personLine = (ws: ExcelJS.Worksheet) => cellText(ws.getCell('A7').value)

/** Prints a workbook to PDF with LibreOffice (its own profile) and counts the pages. */
function printedPages(path: string): number {
  const out = tempDir('cd05-pdf-')
  const profile = tempDir('cd05-lo-profile-')
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        path
      ],
      { timeout: 120_000, stdio: 'pipe' }
    )
    const pdf = readFileSync(
      join(
        out,
        path
          .split('/')
          .pop()!
          .replace(/\.xlsx$/, '.pdf')
      ),
      'latin1'
    )
    return pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0
  } finally {
    for (const dir of [out, profile]) rmSync(dir, { recursive: true, force: true })
  }
}

describe('commitments: the commitments of a whole chi bộ in one workbook', () => {
  it('writes one sheet per person with a commitment, in name order, each the page of the single export', async () => {
    const { cell, ids } = await seed()
    const path = join(t.dir, 'chi-bo-ap-1.xlsx')
    // Bình has none yet; Miễn is exempt and has none; Đi left the rolls; Khánh is another chi bộ's.
    expect(
      await t.callWithFile('commitments:exportUnit', {
        unitId: cell,
        year: 2024,
        path,
        place: 'Tân Lập'
      })
    ).toEqual({ path, people: 5, withoutCommitment: 2 })

    const wb = await readBook(path)
    // Members by given name (the two Ans in the order they were entered), then the non-member;
    // the long name cut at a whole word within Excel's 31 characters, the second An numbered,
    // the apostrophe one that Excel reads in a print title (it cannot be doubled there).
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn An (2)',
      'Điểu K’Lang',
      'Tôn Nữ Thị Hoàng Phương Thảo',
      'Lê Văn Cường'
    ])
    const order = [ids.an, ids.an2, ids.lang, ids.long, ids.cường]
    expect(wb.worksheets.map(personLine)).toEqual([
      'Họ và tên: Nguyễn Văn An          Ngày sinh: 05/03/1970',
      'Họ và tên: Nguyễn Văn An          Ngày sinh: 20/11/1988',
      "Họ và tên: Điểu K'Lang          Ngày sinh: ……………",
      `Họ và tên: ${LONG}          Ngày sinh: ……………`,
      'Họ và tên: Lê Văn Cường          Ngày sinh: ……………'
    ])

    // Each sheet is, cell by cell and in its print setup, the single export of that person.
    for (const [k, personId] of order.entries()) {
      const single = join(t.dir, `single-${personId}.xlsx`)
      await t.callWithFile('commitments:export', {
        personId,
        year: 2024,
        path: single,
        place: 'Tân Lập'
      })
      const one = (await readBook(single)).worksheets[0]
      const sheet = wb.worksheets[k]
      expect(pageOf(sheet), `sheet ${sheet.name}`).toEqual(pageOf(one))
    }
    // What that page is (the single export's own test has the rest): fitted to one A4 page.
    const first = wb.worksheets[0]
    expect(first.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1
    })
    expect(first.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/)
    expect(cellText(first.getCell('D2').value)).toBe('Tân Lập, ngày 20 tháng 02 năm 2024')
    expect(cellText(wb.worksheets[1].getCell('D2').value)).toBe(
      'Tân Lập, ngày 15 tháng 02 năm 2024'
    )
    expect(cellText(wb.worksheets[4].getCell('A9').value)).toBe('Đối tượng: Công chức')
  })

  it.runIf(existsSync(SOFFICE))('prints one page per person, even a long commitment', async () => {
    const { cell, ids } = await seed()
    const measures =
      'Thường xuyên tự học, tự rèn luyện; gương mẫu trong công việc và sinh hoạt; báo cáo chi bộ hằng tháng.'
    const items = Array.from({ length: 60 }, (_, k) => ({
      heading: 'duty' as const,
      content: `Nhiệm vụ thứ ${k + 1} của năm`,
      tasks: measures,
      measures,
      deadline: 'Cả năm',
      expected: measures
    }))
    await t.call('commitments:save', { personId: ids.an, year: 2024, madeOn: null, items })
    const path = join(t.dir, 'in.xlsx')
    await t.callWithFile('commitments:exportUnit', { unitId: cell, year: 2024, path })
    expect(printedPages(path)).toBe(5)
  })

  it('leaves nothing behind when the file cannot be written; refuses a unit with no commitment', async () => {
    const { cell } = await seed()
    const out = join(t.dir, 'out')
    mkdirSync(out)
    // A folder where the file should go: the workbook is written beside it, then cannot take its place.
    mkdirSync(join(out, 'chi-bo.xlsx'))
    expect(
      (
        await t.refuseWithFile('commitments:exportUnit', {
          unitId: cell,
          year: 2024,
          path: join(out, 'chi-bo.xlsx')
        })
      ).code
    ).toBe('WRITE_FAILED')
    expect(
      (
        await t.refuseWithFile('commitments:exportUnit', {
          unitId: cell,
          year: 2024,
          path: join(out, 'khong-co', 'chi-bo.xlsx')
        })
      ).code
    ).toBe('WRITE_FAILED')
    expect(readdirSync(out)).toEqual(['chi-bo.xlsx'])
    expect(readdirSync(join(out, 'chi-bo.xlsx'))).toEqual([])

    // Cancelled: nothing; not an .xlsx; a year nobody committed for; a unit that does not exist.
    expect(await t.call('commitments:exportUnit', { unitId: cell, year: 2024 })).toBeNull()
    expect(
      (
        await t.refuseWithFile('commitments:exportUnit', {
          unitId: cell,
          year: 2024,
          path: join(out, 'x.txt')
        })
      ).code
    ).toBe('VALIDATION')
    const none = await t.refuseWithFile('commitments:exportUnit', {
      unitId: cell,
      year: 2025,
      path: join(out, 'x.xlsx')
    })
    expect(none).toMatchObject({
      code: 'NO_COMMITMENT',
      message: 'Chưa ai trong "Chi bộ ấp 1" lập cam kết năm 2025.'
    })
    expect(
      (
        await t.refuseWithFile('commitments:exportUnit', {
          unitId: 999,
          year: 2024,
          path: join(out, 'x.xlsx')
        })
      ).code
    ).toBe('NOT_FOUND')
    // The channel's schema: the page cannot name a file; a unit id that is not one.
    expect(
      (
        await t.refuse('commitments:exportUnit', {
          unitId: cell,
          year: 2024,
          path: join(out, 'x.xlsx')
        })
      ).code
    ).toBe('INVALID_INPUT')
    expect(
      (await t.refuse('commitments:exportUnit', { unitId: 'Chi bộ ấp 1', year: 2024 })).code
    ).toBe('INVALID_INPUT')
    expect(readdirSync(out)).toEqual(['chi-bo.xlsx'])
  })
})

describe('cli: commitments export --unit', () => {
  it('saves a chi bộ’s commitments in one workbook and says who was left out', async () => {
    // A database of its own beside the test core's, removed with it.
    const dir = join(t.dir, 'cli')
    mkdirSync(dir)
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
      'Trần Thị Bình',
      '--unit',
      'Chi bộ ấp 1',
      '--card',
      '01000002',
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
    await cli('commitments', 'bulk', '--year', '2024', '--unit', 'Chi bộ ấp 1', '--db', db)
    await cli(
      'people',
      'add',
      '--name',
      'Lê Văn Cường',
      '--unit',
      'Chi bộ ấp 1',
      '--card',
      '01000003',
      '--db',
      db
    )

    const out = join(dir, 'chi-bo.xlsx')
    const json = await cli(
      'commitments',
      'export',
      '--unit',
      'chi bo ap 1',
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
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({
      unit: 'Chi bộ ấp 1',
      year: 2024,
      path: out,
      people: 2,
      withoutCommitment: 1
    })
    const wb = await readBook(out)
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình'])
    expect(cellText(wb.worksheets[0].getCell('D2').value)).toMatch(/^Tân Lập, ngày/)

    const human = await cli(
      'commitments',
      'export',
      '--unit',
      'Chi bộ ấp 1',
      '--year',
      '2024',
      '--out',
      out,
      '--db',
      db
    )
    expect(human.stdout).toBe(
      `Đã lưu 2 bản cam kết năm 2024 của Chi bộ ấp 1 vào ${out} (mỗi người một trang tính).\n1 người chưa có bản cam kết nên không có trong tệp.\n`
    )

    const both = await cli(
      'commitments',
      'export',
      '01000001',
      '--unit',
      'Chi bộ ấp 1',
      '--year',
      '2024',
      '--out',
      out,
      '--json',
      '--db',
      db
    )
    expect(both.code).toBe(2)
    expect(JSON.parse(both.stdout).error.code).toBe('USAGE')
    const noOut = await cli(
      'commitments',
      'export',
      '--unit',
      'Chi bộ ấp 1',
      '--year',
      '2024',
      '--json',
      '--db',
      db
    )
    expect(JSON.parse(noOut.stdout).error.message).toBe('Thiếu tùy chọn --out.')
    const unknown = await cli(
      'commitments',
      'export',
      '--unit',
      'Chi bộ ấp 9',
      '--year',
      '2024',
      '--out',
      out,
      '--json',
      '--db',
      db
    )
    expect(JSON.parse(unknown.stdout).error.code).toBe('NOT_FOUND')
    expect((await cli('--help')).stdout).toContain(
      'commitments export --unit ĐƠN_VỊ --out TỆP.xlsx'
    )
  })
})
