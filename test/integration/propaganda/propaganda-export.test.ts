// The section's printed lists: the year's anniversaries and a period's activities, exported
// through the CLI (and through dispatch with the path asked of the platform port, as the page
// does), read back with ExcelJS, re-saved by LibreOffice and printed to PDF with no two words
// printed over each other on A4.
import { basename, join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { cli, cliCommittee } from '../../helpers/cli'
import { openTestCore, tempDir, type TestCore } from '../../helpers/core'
import { A4, overlaps, pagesOf, savePageImages, toPdf } from '../../helpers/pdf'
import { cellText, viaLibreOffice } from '../../helpers/workbook'

async function rowsOf(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const all: string[][] = []
  wb.worksheets[0].eachRow((row) =>
    // Array.from: empty cells are holes in row.values, which map would skip.
    all.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellText))
  )
  return all
}

function expectPrintedClean(xlsx: string, orientation: 'portrait' | 'landscape', name: string) {
  const out = tempDir('cd05-pdf-')
  toPdf([xlsx], out)
  const pdf = join(out, basename(xlsx).replace(/\.xlsx$/, '.pdf'))
  const pages = pagesOf(pdf)
  expect(pages.length).toBeGreaterThan(0)
  for (const page of pages) {
    const [w, h] = A4[orientation]
    expect(Math.abs(page.width - w)).toBeLessThan(2)
    expect(Math.abs(page.height - h)).toBeLessThan(2)
    const bad = overlaps(page.words)
    expect(bad.map(([a, b]) => `"${a.text}" in đè lên "${b.text}"`)).toEqual([])
  }
  savePageImages(pdf, name)
  return pages.flatMap((p) => p.words.map((w) => w.text)).join(' ')
}

let t: TestCore | null = null
afterEach(() => {
  t?.dispose()
  t = null
})

const LONG_TITLE =
  'Hội nghị học tập, quán triệt Chuyên đề năm 2026 gắn với tuyên truyền kỷ niệm các ngày lễ lớn của đất nước và của tỉnh cho cán bộ, đảng viên và quần chúng nhân dân trên địa bàn xã'

describe('propaganda exports', () => {
  // Four LibreOffice runs (two re-saves, two prints): slow on a shared machine.
  it(
    'prints the year’s anniversaries and the activity list through the CLI; both read back after LibreOffice and print without overprint',
    { timeout: 300_000 },
    async () => {
      const dir = tempDir()
      const db = join(dir, 'a.sqlite')
      await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1', 'Chi bộ ấp 2'])
      const years = JSON.parse(
        (await cli('propaganda', 'anniversaries', '--year', '2026', '--db', db, '--json')).stdout
      )
      const hcm = years.find((a: { date: string }) => a.date === '1890-05-19')
      const add = (...args: string[]) => cli('propaganda', 'add', ...args, '--db', db)
      expect(
        (
          await add(
            '--kind',
            'hội nghị',
            '--date',
            '15/05/2026',
            '--unit',
            'Chi bộ ấp 1',
            '--anniversary',
            String(hcm.id),
            '--title',
            LONG_TITLE,
            '--points',
            '2',
            '--members',
            '30',
            '--others',
            '15',
            '--items',
            '3'
          )
        ).code
      ).toBe(0)
      expect(
        (
          await add(
            '--kind',
            'pano',
            '--date',
            '01/02/2026',
            '--end',
            '10/02/2026',
            '--unit',
            'Chi bộ ấp 2',
            '--attendances',
            '400',
            '--panels',
            '6'
          )
        ).code
      ).toBe(0)
      // Outside the period: not listed.
      await add(
        '--kind',
        'hội thi',
        '--date',
        '05/09/2025',
        '--unit',
        'Chi bộ ấp 2',
        '--members',
        '9'
      )

      const years2026 = join(dir, 'ngay-ky-niem.xlsx')
      const a = await cli(
        'propaganda',
        'export-anniversaries',
        '--year',
        '2026',
        '--place',
        'Tân Lập',
        '--out',
        years2026,
        '--db',
        db,
        '--json'
      )
      expect(a.code).toBe(0)
      expect(JSON.parse(a.stdout)).toMatchObject({ year: 2026, rows: years.length })
      for (const path of [years2026, viaLibreOffice(years2026)]) {
        const all = await rowsOf(path)
        const text = all.map((x) => x.join('|')).join('\n')
        expect(text).toContain('DANH SÁCH CÁC NGÀY KỶ NIỆM NĂM 2026')
        const header = all.findIndex((x) => x[0] === 'STT')
        expect(all[header].slice(0, 7)).toEqual([
          'STT',
          'Thời gian',
          'Ngày kỷ niệm',
          'Số năm',
          'Năm chẵn',
          'Hoạt động đã ghi',
          'Ghi chú'
        ])
        const hcmRow = all.find((x) => x[2]?.includes('Ngày sinh Chủ tịch Hồ Chí Minh'))!
        expect(hcmRow.slice(1, 6)).toEqual([
          '19/05/2026',
          'Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026)',
          '136',
          '',
          '1'
        ])
        expect(hcmRow[7]).toBe(String(hcm.id))
        const party = all.find((x) => x[2]?.includes('Ngày thành lập Đảng'))!
        expect(party[4]).toBe('')
        const resistance = all.find((x) => x[2]?.includes('toàn quốc kháng chiến'))!
        expect(resistance.slice(3, 5)).toEqual(['80', 'Tròn 10 năm'])
        expect(text).toContain('T/M ĐẢNG ỦY')
      }
      const printedYears = expectPrintedClean(years2026, 'portrait', 'propaganda-anniversaries')
      expect(printedYears).toContain('136')

      const list = join(dir, 'hoat-dong.xlsx')
      const b = await cli(
        'propaganda',
        'export-activities',
        '--unit',
        'Đảng ủy xã Tân Lập',
        '--year',
        '2026',
        '--out',
        list,
        '--db',
        db,
        '--json'
      )
      expect(b.code).toBe(0)
      expect(JSON.parse(b.stdout)).toMatchObject({ from: '2026-01-01', to: '2026-12-31', rows: 2 })
      for (const path of [list, viaLibreOffice(list)]) {
        const all = await rowsOf(path)
        const text = all.map((x) => x.join('|')).join('\n')
        expect(text).toContain('DANH SÁCH HOẠT ĐỘNG TUYÊN TRUYỀN')
        expect(text).toContain('Từ ngày 01/01/2026 đến ngày 31/12/2026')
        const header = all.findIndex((x) => x[0] === 'STT')
        const first = all.findIndex((x, n) => n > header && x[0] === '1' && x[1] !== '2')
        // Oldest first: the panels in February, then the conference in May.
        expect(all[first].slice(0, 11)).toEqual([
          '1',
          '01/02/2026 – 10/02/2026',
          'Pano, áp phích, băng rôn',
          '',
          'Chi bộ ấp 2',
          '0',
          '0',
          '0',
          '400',
          '6',
          ''
        ])
        expect(all[first + 1].slice(2, 10)).toEqual([
          'Hội nghị, tọa đàm',
          `${LONG_TITLE}\nKỷ niệm: Ngày sinh Chủ tịch Hồ Chí Minh`,
          'Chi bộ ấp 1',
          '2',
          '30',
          '15',
          '0',
          '3'
        ])
        const total = all.find((x) => x.some((c) => c.startsWith('Tổng cộng')))!
        expect(total.slice(3, 10)).toEqual([
          'Tổng cộng: 2 hoạt động',
          '',
          '2',
          '30',
          '15',
          '400',
          '9'
        ])
        expect(text).not.toContain('Hội thi')
      }
      const printed = expectPrintedClean(list, 'landscape', 'propaganda-activities')
      expect(printed).toContain('TUYÊN')
    }
  )

  it('asks the platform where to save when no path is given (the page sends none) and writes nothing when cancelled', async () => {
    const dir = tempDir()
    let asked: string | null = null
    let answer: string | null = null
    t = openTestCore({
      platform: {
        chooseOpenFile: () => Promise.resolve(null),
        chooseSaveFile: (o) => {
          asked = o.defaultName
          return Promise.resolve(answer)
        }
      }
    })
    expect(
      (await t.refuse('propaganda:exportAnniversaries', { year: 2026, unitId: null })).message
    ).toContain('Chưa có đơn vị nào')
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng ủy xã Tân Lập',
      level: 'Đảng ủy cơ sở'
    })
    expect(await t.call('propaganda:exportAnniversaries', { year: 2026, unitId: null })).toBeNull()
    expect(asked).toBe('ngay-ky-niem-2026.xlsx')
    answer = join(dir, 'chon.xlsx')
    const r = await t.call('propaganda:exportActivities', {
      unitId: null,
      from: '2026-01-01',
      to: '2026-06-30'
    })
    expect(asked).toBe('hoat-dong-tuyen-truyen-2026-01-01-2026-06-30.xlsx')
    expect(r).toEqual({ path: answer, rows: 0 })
    const all = await rowsOf(answer)
    expect(all.flat()).toContain('Tổng cộng: 0 hoạt động')
    answer = join(dir, 'sai.pdf')
    expect(
      (await t.refuse('propaganda:exportAnniversaries', { year: 2026, unitId: null })).message
    ).toBe('Tên tệp phải có đuôi .xlsx.')
  })
})
