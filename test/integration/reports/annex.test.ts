// The report's statistical annex computed on a known data set: every figure of every table for a
// commune and its two chi bộ, in the year and in the half-year (a session after the half-year is
// left out of it, and so is whoever studied only there), shares from the totals, people apart
// from attendances, nobody counted twice, and the period settings with their refusals; then the
// annex as the .xlsx that goes up, read back and printed to PDF.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import type { Annex, AnnexTable } from '../../../src/shared/api'
import { openTestCore, tempDir, type TestCore } from '../../helpers/core'
import { A4, overlaps, pagesOf, printTools, savePageImages, toPdf } from '../../helpers/pdf'
import { cellText } from '../../helpers/workbook'
import { seedTanLap } from './tan-lap-fixture'

let t: TestCore
let commune: number
let cellA: number
let cellB: number

/** A table's figures as { row name: { column code: value } }, total included. */
function figures(table: AnnexTable): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {}
  for (const r of [...table.rows, table.total])
    out[r.name] = Object.fromEntries(table.columns.map((c, k) => [c.code, r.values[k]]))
  return out
}
const table = (a: Annex, code: AnnexTable['code']) => a.tables.find((x) => x.code === code)!

beforeAll(async () => {
  t = openTestCore()
  ;({ commune, cellA, cellB } = await seedTanLap(t))
})

afterAll(() => t.dispose())

describe('the annex of a year report', () => {
  let annex: Annex
  beforeAll(async () => {
    annex = await t.call('reports:annex', { unitId: commune, period: { kind: 'year', year: 2026 } })
  })

  it('is about the unit and the year as the settings define it, with one row per active chi bộ', () => {
    expect(annex.unit).toMatchObject({
      id: commune,
      name: 'Đảng bộ xã Tân Lập',
      parentName: 'Đảng bộ tỉnh Tây Ninh',
      path: ['Đảng bộ tỉnh Tây Ninh', 'Đảng bộ xã Tân Lập']
    })
    expect(annex.period).toEqual({
      kind: 'year',
      year: 2026,
      from: '2026-01-01',
      to: '2026-11-30',
      due: '2026-12-05',
      label: 'năm 2026'
    })
    expect(annex.tables.map((x) => x.code)).toEqual([
      'study',
      'commitments',
      'exemplars',
      'propaganda',
      'inspections'
    ])
    // The retired chi bộ with nothing counted is not a row.
    for (const x of annex.tables)
      expect(x.rows.map((r) => r.name)).toEqual(['Chi bộ ấp 1', 'Chi bộ ấp 2'])
  })

  it('counts study: sessions, points, people once each, attendances apart, shares from the totals', () => {
    expect(figures(table(annex, 'study'))).toEqual({
      'Chi bộ ấp 1': {
        sessions: 1,
        points: 1,
        attendees: 5,
        membersRequired: 3,
        membersStudied: 3,
        membersPercent: 100,
        nonMembersStudied: 2,
        nonMemberAttendances: 8,
        commitmentsRequired: 5,
        commitmentsMade: 3,
        commitmentsPercent: 60
      },
      'Chi bộ ấp 2': {
        sessions: 0,
        points: 0,
        attendees: 1,
        membersRequired: 2,
        membersStudied: 1,
        membersPercent: 50,
        nonMembersStudied: 0,
        nonMemberAttendances: 0,
        commitmentsRequired: 2,
        commitmentsMade: 1,
        commitmentsPercent: 50
      },
      // The commune's own member (Bảy) and its own conference are in its total only.
      'Đảng bộ xã Tân Lập': {
        sessions: 2,
        points: 2,
        attendees: 7,
        membersRequired: 6,
        membersStudied: 5,
        membersPercent: 83.33,
        nonMembersStudied: 2,
        nonMemberAttendances: 38,
        commitmentsRequired: 8,
        commitmentsMade: 4,
        commitmentsPercent: 50
      }
    })
  })

  it('counts commitment results and the decided ratings of the members on the rolls', () => {
    expect(figures(table(annex, 'commitments'))['Đảng bộ xã Tân Lập']).toEqual({
      completedWell: 1,
      completed: 1,
      notCompleted: 1,
      notJudged: 1,
      members: 6,
      rated: 4,
      rated_HTXSNV: 1,
      percent_HTXSNV: 25,
      rated_HTTNV: 2,
      percent_HTTNV: 50,
      rated_HTNV: 1,
      percent_HTNV: 25,
      rated_KHTNV: 0,
      percent_KHTNV: 0,
      notRated: 2
    })
    expect(figures(table(annex, 'commitments'))['Chi bộ ấp 2']).toMatchObject({
      notCompleted: 1,
      members: 2,
      rated: 1,
      percent_HTNV: 100,
      notRated: 1
    })
  })

  it('counts models, exemplars and rewards, and the propaganda of the whole year', () => {
    expect(figures(table(annex, 'exemplars'))['Chi bộ ấp 1']).toEqual({
      models: 1,
      modelsSpread: 0,
      persons: 1,
      collectives: 0,
      awards_praise: 0,
      awards_certificate: 2,
      awards_merit: 0,
      awards_emblem: 0,
      awards_flag: 0
    })
    expect(figures(table(annex, 'propaganda'))).toEqual({
      'Chi bộ ấp 1': {
        activities: 1,
        points: 1,
        members: 10,
        nonMembers: 20,
        attendances: 35,
        news: 2,
        articles: 0,
        reports: 0,
        panels: 0,
        works: 0,
        awarded: 0
      },
      'Chi bộ ấp 2': {
        activities: 1,
        points: 0,
        members: 0,
        nonMembers: 0,
        attendances: 0,
        news: 0,
        articles: 0,
        reports: 0,
        panels: 3,
        works: 0,
        awarded: 0
      },
      'Đảng bộ xã Tân Lập': {
        activities: 2,
        points: 1,
        members: 10,
        nonMembers: 20,
        attendances: 35,
        news: 2,
        articles: 0,
        reports: 0,
        panels: 3,
        works: 1,
        awarded: 1
      }
    })
  })
})

describe('the annex of a year report: inspection', () => {
  it('counts the concluded inspection, what it covered and its recommendations at the period end', async () => {
    const annex = await t.call('reports:annex', {
      unitId: commune,
      period: { kind: 'year', year: 2026 }
    })
    const f = figures(table(annex, 'inspections'))
    // Held by the commune: in its total only; what it covered and recommended is at chi bộ ấp 1.
    expect(f['Đảng bộ xã Tân Lập']).toEqual({
      inspections: 1,
      supervisions: 0,
      organisations: 1,
      members: 12,
      recommendations: 2,
      done: 1,
      late: 1
    })
    expect(f['Chi bộ ấp 1']).toEqual({
      inspections: 0,
      supervisions: 0,
      organisations: 1,
      members: 12,
      recommendations: 2,
      done: 1,
      late: 1
    })
    expect(f['Chi bộ ấp 2'].recommendations).toBe(0)
  })
})

describe('the annex of the half-year', () => {
  it('leaves out what happened after the half-year and the ratings table', async () => {
    const h1 = await t.call('reports:annex', {
      unitId: commune,
      period: { kind: 'h1', year: 2026 }
    })
    expect(h1.period).toMatchObject({ from: '2026-01-01', to: '2026-05-31', due: '2026-06-05' })
    expect(h1.tables.map((x) => x.code)).toEqual([
      'study',
      'exemplars',
      'propaganda',
      'inspections'
    ])
    // The inspection was concluded in October.
    expect(figures(table(h1, 'inspections'))['Đảng bộ xã Tân Lập'].inspections).toBe(0)
    const study = figures(table(h1, 'study'))
    expect(study['Đảng bộ xã Tân Lập']).toMatchObject({
      sessions: 1,
      points: 2,
      attendees: 5,
      membersStudied: 4,
      membersPercent: 66.67,
      nonMembersStudied: 1,
      nonMemberAttendances: 31
    })
    expect(study['Chi bộ ấp 1']).toMatchObject({
      sessions: 0,
      points: 1,
      membersStudied: 2,
      membersPercent: 66.67,
      nonMemberAttendances: 1
    })
    expect(figures(table(h1, 'propaganda'))['Đảng bộ xã Tân Lập']).toMatchObject({
      activities: 1,
      panels: 0
    })
  })

  it("follows the office's own dates, and a custom range is taken as given", async () => {
    await t.call('reports:savePeriods', {
      h1: { from: '01-01', to: '06-15', due: '06-20' },
      year: { from: '01-01', to: '12-15', due: '12-20' }
    })
    const h1 = await t.call('reports:annex', {
      unitId: commune,
      period: { kind: 'h1', year: 2026 }
    })
    expect(h1.period).toMatchObject({ to: '2026-06-15', due: '2026-06-20' })
    const custom = await t.call('reports:annex', {
      unitId: commune,
      period: { kind: 'custom', from: '2026-07-01', to: '2026-07-31' }
    })
    expect(custom.period).toMatchObject({
      year: 2026,
      due: null,
      label: 'từ 01/07/2026 đến 31/07/2026'
    })
    expect(figures(table(custom, 'study'))['Đảng bộ xã Tân Lập']).toMatchObject({
      sessions: 1,
      attendees: 3,
      nonMemberAttendances: 7
    })
  })
})

describe('refusals', () => {
  it('refuses period settings that are not days, or that end before they start, in Vietnamese', async () => {
    const bad = await t.refuse('reports:savePeriods', {
      h1: { from: '01-01', to: '02-30', due: '06-05' },
      year: { from: '01-01', to: '11-30', due: '12-05' }
    })
    expect(bad.message).toBe('Ngày cuối kỳ phải là ngày/tháng có thật.')
    const reversed = await t.refuse('reports:savePeriods', {
      h1: { from: '06-01', to: '01-31', due: '06-05' },
      year: { from: '01-01', to: '11-30', due: '12-05' }
    })
    expect(reversed.fields).toEqual({ 'h1.to': 'Ngày cuối kỳ không được trước ngày đầu kỳ.' })
    const custom = await t.refuse('reports:annex', {
      unitId: commune,
      period: { kind: 'custom', from: '2026-07-31', to: '2026-07-01' }
    })
    expect(custom.message).toBe('Ngày cuối kỳ không được trước ngày đầu kỳ.')
  })

  it('keeps 29 February of a setting in a leap year and ends on the 28th otherwise', async () => {
    await t.call('reports:savePeriods', {
      h1: { from: '01-01', to: '02-29', due: '03-05' },
      year: { from: '01-01', to: '11-30', due: '12-05' }
    })
    const leap = await t.call('reports:annex', {
      unitId: commune,
      period: { kind: 'h1', year: 2028 }
    })
    expect(leap.period.to).toBe('2028-02-29')
    const plain = await t.call('reports:annex', {
      unitId: commune,
      period: { kind: 'h1', year: 2026 }
    })
    expect(plain.period.to).toBe('2026-02-28')
  })
})

describe('the annex as a party-format workbook', () => {
  let file: string
  let wb: ExcelJS.Workbook
  beforeAll(async () => {
    await t.call('reports:savePeriods', {
      h1: { from: '01-01', to: '05-31', due: '06-05' },
      year: { from: '01-01', to: '11-30', due: '12-05' }
    })
    file = join(tempDir(), 'phu-luc.xlsx')
    expect(
      await t.callWithFile('reports:exportAnnex', {
        unitId: commune,
        period: { kind: 'year', year: 2026 },
        place: 'Tân Lập',
        path: file
      })
    ).toEqual({ path: file })
    wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
  })

  it('has one sheet per table in the statistics style, then the figures on a hidden sheet', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Biểu 01 Học tập', 'visible'],
      ['Biểu 02 Cam kết, xếp loại', 'visible'],
      ['Biểu 03 Điển hình, khen thưởng', 'visible'],
      ['Biểu 04 Tuyên truyền', 'visible'],
      ['Biểu 05 Kiểm tra, giám sát', 'visible'],
      ['SoLieu', 'hidden']
    ])
    const rows: string[][] = []
    wb.worksheets[0].eachRow((r) =>
      rows.push((r.values as ExcelJS.CellValue[]).slice(1).map(cellText))
    )
    const text = rows.map((r) => r.join(' | ')).join('\n')
    expect(text).toContain('ĐẢNG BỘ TỈNH TÂY NINH')
    expect(text).toContain('KẾT QUẢ HỌC TẬP, QUÁN TRIỆT CHUYÊN ĐỀ')
    expect(text).toContain('Biểu số 01 – Phụ lục báo cáo năm 2026 (từ 01/01/2026 đến 30/11/2026)')
    expect(text).toContain(
      'Đơn vị báo cáo: Đảng bộ xã Tân Lập – Đơn vị nhận báo cáo: Đảng bộ tỉnh Tây Ninh'
    )
    expect(text).toContain('Đơn vị tính: buổi, điểm, người, %, lượt, bản')
    // The column numbers, each share with its formula.
    const numbers = rows.find((r) => r[0] === '1' && r[1] === '2')!
    expect(numbers).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8 = 7/6',
      '9',
      '10',
      '11',
      '12',
      '13 = 12/11'
    ])
    const a = rows.find((r) => r[1] === 'Chi bộ ấp 1')!
    expect(a).toEqual([
      '1',
      'Chi bộ ấp 1',
      '1',
      '1',
      '5',
      '3',
      '3',
      '100',
      '2',
      '8',
      '5',
      '3',
      '60'
    ])
    const total = rows.find((r) => r.includes('Tổng cộng'))!
    // "Tổng cộng" spans the STT and Đơn vị cells (ExcelJS reads the merged value in both).
    expect(total.slice(0, 2)).toEqual(['Tổng cộng', 'Tổng cộng'])
    expect(total.slice(2)).toEqual(['2', '2', '7', '6', '5', '83.33', '2', '38', '8', '4', '50'])
  })

  it('names the unit, its place in the tree and the period on the hidden sheet, and every figure by its code', () => {
    const data: string[][] = []
    wb.getWorksheet('SoLieu')!.eachRow((r) =>
      data.push((r.values as ExcelJS.CellValue[]).slice(1).map(cellText))
    )
    expect(data.slice(0, 9)).toEqual([
      ['Loại tệp', 'chuyen-de-05/phu-luc-bao-cao/1'],
      ['Phiên bản phần mềm', 'test'],
      ['Mã đơn vị', String(commune)],
      ['Đơn vị', 'Đảng bộ xã Tân Lập'],
      ['Đường dẫn', 'Đảng bộ tỉnh Tây Ninh / Đảng bộ xã Tân Lập'],
      ['Kỳ', 'year'],
      ['Năm', '2026'],
      ['Từ ngày', '2026-01-01'],
      ['Đến ngày', '2026-11-30']
    ])
    const figure = (unitId: number, code: string) =>
      data.find((r) => r[0] === String(unitId) && r[2] === code)?.[3]
    expect(figure(commune, 'study.membersStudied')).toBe('5')
    expect(figure(commune, 'study.membersPercent')).toBe('83.33')
    expect(figure(cellB, 'commitments.rated_HTNV')).toBe('1')
    expect(figure(cellA, 'exemplars.awards_certificate')).toBe('2')
    expect(figure(commune, 'propaganda.awarded')).toBe('1')
  })

  it.runIf(printTools)(
    'prints every table on A4 landscape with no two words overlapping',
    () => {
      const pdfDir = tempDir()
      toPdf([file], pdfDir)
      const pdf = join(pdfDir, 'phu-luc.pdf')
      const pages = pagesOf(pdf)
      expect(pages).toHaveLength(5)
      for (const [i, p] of pages.entries()) {
        expect([Math.round(p.width), Math.round(p.height)]).toEqual(A4.landscape)
        for (const [a, b] of overlaps(p.words))
          expect.fail(`p.${i + 1}: "${a.text}" in đè lên "${b.text}"`)
      }
      const words = pages.flatMap((p) => p.words.map((w) => w.text)).join(' ')
      expect(words).toContain('NGƯỜI LẬP BIỂU')
      expect(words).toContain('T/M ĐẢNG ỦY')
      savePageImages(pdf, 'reports-annex')
    },
    120_000
  )
})
