// The list of sub-units late with their annex: a province with four communes (one whose records
// it keeps, one that sent on time, one that sent after the due date, one that sent nothing),
// exported through the CLI and through dispatch with the path asked of the platform port (as
// the page does), read back, signed by the province's own signer, recorded in the audit log and
// printed to A4 by LibreOffice with no word printed over another.
import { basename, join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { A4, overlaps, pagesOf, printTools, savePageImages, toPdf } from '../../helpers/pdf'
import { receivedOn } from '../../helpers/reports'
import { cellText } from '../../helpers/workbook'

const PROVINCE = 'Đảng bộ tỉnh Tây Ninh'
const YEAR = { kind: 'year', year: 2026 } as const
let t: TestCore
let ids: Record<'top' | 'a' | 'b' | 'c' | 'd', number>
const dir = tempDir()

async function rowsOf(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const all: string[][] = []
  wb.worksheets[0].eachRow((row) =>
    all.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellText))
  )
  return all
}

/** A commune's annex as it would send it (written here, matched back by its path in the tree). */
async function receiveAnnexOf(unitId: number, day: string) {
  const file = join(dir, `phu-luc-${unitId}.xlsx`)
  await t.callWithFile('reports:exportAnnex', { unitId, period: YEAR, path: file })
  const p = (await t.callWithFile('reports:previewReceived', { parentId: ids.top, path: file }))!
  expect(p.unitId).toBe(unitId)
  await t.call('reports:receive', { token: p.token, unitId })
  receivedOn(t, unitId, day)
}

beforeAll(async () => {
  t = openTestCore({ dir })
  const top = (await t.call('units:create', { parentId: null, name: PROVINCE, level: 'Tỉnh ủy' }))
    .id
  const commune = async (name: string) =>
    (await t.call('units:create', { parentId: top, name, level: 'Đảng ủy cơ sở' })).id
  ids = {
    top,
    a: await commune('Đảng bộ xã An Hòa'),
    b: await commune('Đảng bộ xã Bình Minh'),
    c: await commune('Đảng bộ xã Cẩm Giang'),
    d: await commune('Đảng bộ phường Long Hoa thuộc thị xã Hòa Thành')
  }
  // An Hòa's records are kept here: it has nothing to send.
  await t.call('people:create', personInput(ids.a, { fullName: 'Nguyễn Văn An' }))
  await receiveAnnexOf(ids.b, '2026-12-01')
  await receiveAnnexOf(ids.c, '2026-12-09')
  await t.call('units:update', {
    id: top,
    signer: { line: 'T/M Ban Thường vụ', title: 'Phó bí thư', name: 'Trần Văn Tỉnh' }
  })
})
afterAll(() => t?.dispose())

describe('the list of sub-units late with their annex', () => {
  it('lists the late ones with the day sent and the days late, signed by the unit, and records the export', async () => {
    const file = join(dir, 'cham-gui.xlsx')
    const r = await t.callWithFile('reports:exportLate', {
      unitId: ids.top,
      period: YEAR,
      today: '2026-12-15',
      place: 'Tây Ninh',
      path: file
    })
    expect(r?.path).toBe(file)
    const rows = await rowsOf(file)
    const text = rows.map((x) => x.join(' | ')).join('\n')
    expect(text).toContain('Danh sách đơn vị chậm gửi báo cáo năm 2026'.toLocaleUpperCase('vi'))
    expect(text).toContain('Hạn gửi: 05/12/2026 – tính đến ngày 15/12/2026')
    expect(text).toContain('Tây Ninh, ngày 15 tháng 12 năm 2026')
    // In the tree's order (by name); the days late counted from the due date.
    const body = rows.filter((x) => /^\d+$/.test(x[0]) && x[1] !== '2').map((x) => x.slice(0, 5))
    expect(body).toEqual([
      ['1', 'Đảng bộ phường Long Hoa thuộc thị xã Hòa Thành', '–', '10', 'Chưa gửi'],
      ['2', 'Đảng bộ xã Cẩm Giang', '09/12/2026', '4', 'Gửi sau hạn']
    ])
    // Neither the commune that sent on time nor the one whose records are kept here.
    expect(text).not.toContain('Bình Minh')
    expect(text).not.toContain('An Hòa')
    expect(text).toContain('T/M BAN THƯỜNG VỤ')
    expect(text).toContain('PHÓ BÍ THƯ')
    expect(text).toContain('Trần Văn Tỉnh')
    expect(text).toContain('NGƯỜI LẬP BIỂU')

    const log = await t.call('audit:list', { action: 'export' })
    expect(log.rows[0]).toMatchObject({
      description: 'Xuất Danh sách đơn vị chậm gửi báo cáo (2 dòng) ra tệp cham-gui.xlsx.',
      detail: { what: 'report-late', path: file, rows: 2 }
    })
  })

  it('asks the platform for the file when the page calls it, and writes nothing when cancelled', async () => {
    const chosen = join(dir, 'tu-hop-thoai.xlsx')
    const asked: string[] = []
    // The same data file, opened by a core whose dialog answers as a user would: once, then cancel.
    t.dispose()
    const page = openTestCore({
      dir,
      platform: {
        chooseOpenFile: () => Promise.resolve(null),
        chooseSaveFile: (o) => {
          asked.push(o.defaultName)
          return Promise.resolve(asked.length === 1 ? chosen : null)
        }
      }
    })
    try {
      const input = { unitId: ids.top, period: YEAR, today: '2026-12-15' }
      expect(await page.call('reports:exportLate', input)).toMatchObject({ path: chosen })
      expect(await page.call('reports:exportLate', input)).toBeNull()
      expect(asked).toEqual([
        'don-vi-cham-gui-bao-cao-nam-2026.xlsx',
        'don-vi-cham-gui-bao-cao-nam-2026.xlsx'
      ])
      expect((await rowsOf(chosen)).some((x) => x[1] === 'Đảng bộ xã Cẩm Giang')).toBe(true)
    } finally {
      page.core.close()
      t = openTestCore({ dir })
    }
  })

  it('refuses, before asking for a file, when nobody is late yet', async () => {
    const early = await t.refuseWithFile('reports:exportLate', {
      unitId: ids.top,
      period: YEAR,
      today: '2026-12-05',
      path: join(dir, 'khong.xlsx')
    })
    expect(early.message).toBe(
      'Chưa đến hạn gửi phụ lục báo cáo năm 2026 (hạn 05/12/2026): chưa có đơn vị nào chậm.'
    )
  })

  it('prints the list and saves it through the CLI', async () => {
    const db = join(dir, 'chuyen-de.sqlite')
    const listed = await cli(
      'reports',
      'late',
      '--unit',
      PROVINCE,
      '--period',
      'year',
      '--year',
      '2026',
      '--today',
      '15/12/2026',
      '--db',
      db
    )
    expect(listed.stderr).toBe('')
    expect(listed.code).toBe(0)
    expect(listed.stdout).toContain(
      'Đơn vị chậm gửi phụ lục báo cáo năm 2026 về Đảng bộ tỉnh Tây Ninh (hạn 05/12/2026):'
    )
    expect(listed.stdout).toMatch(/Đảng bộ xã Cẩm Giang\s+09\/12\/2026/)
    expect(listed.stdout).toMatch(/Long Hoa thuộc thị xã Hòa Thành\s+chưa gửi/)
    const file = join(dir, 'cli-cham-gui.xlsx')
    const saved = await cli(
      'reports',
      'late',
      '--unit',
      PROVINCE,
      '--period',
      'year',
      '--year',
      '2026',
      '--today',
      '15/12/2026',
      '--out',
      file,
      '--db',
      db
    )
    expect(saved.stdout).toContain(`Đã lưu danh sách đơn vị chậm gửi báo cáo vào ${file}.`)
    expect((await rowsOf(file)).filter((x) => /^\d+$/.test(x[0]) && x[1] !== '2')).toHaveLength(2)
  })

  it.runIf(printTools)('prints on A4 with no word over another', { timeout: 180_000 }, async () => {
    const file = join(dir, 'cham-gui.xlsx')
    const out = tempDir('cd05-pdf-')
    toPdf([file], out)
    const pages = pagesOf(join(out, basename(file).replace(/\.xlsx$/, '.pdf')))
    expect(pages).toHaveLength(1)
    const [w, h] = A4.portrait
    expect(Math.abs(pages[0].width - w)).toBeLessThan(2)
    expect(Math.abs(pages[0].height - h)).toBeLessThan(2)
    expect(overlaps(pages[0].words).map(([a, b]) => `"${a.text}" / "${b.text}"`)).toEqual([])
    const words = pages[0].words.map((x) => x.text).join(' ')
    expect(words).toContain('Long Hoa thuộc thị xã Hòa Thành')
    expect(words).toContain('Tỉnh')
    savePageImages(join(out, 'cham-gui.pdf'), 'reports-late')
  })
})
