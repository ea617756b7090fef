// Issuing a report freezes what went up: its annex and its text stay as issued when the data
// changes afterwards, issuing again makes version 2, and the issued annex re-exports exactly as
// issued. Drafts keep the office's text per period; a new period starts from the last one's text,
// and the next number is suggested from the last issued.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Annex } from '../../../src/shared/api'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { cellText } from '../../helpers/workbook'

let t: TestCore
let commune: number
let cell: number

const required = (a: Annex) => {
  const s = a.tables.find((x) => x.code === 'study')!
  return s.total.values[s.columns.findIndex((c) => c.code === 'membersRequired')]
}

beforeAll(async () => {
  t = openTestCore()
  commune = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng bộ xã Tân Lập',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  cell = (await t.call('units:create', { parentId: commune, name: 'Chi bộ ấp 1', level: 'Chi bộ' }))
    .id
  await t.call('people:create', personInput(cell, { fullName: 'Nguyễn Văn An' }))
  await t.call('people:create', personInput(cell, { fullName: 'Trần Thị Bình' }))
})
afterAll(() => t.dispose())

/** The first sheet of an issued report's annex as exported, row by row. */
async function issuedAnnexRows(id: number, place?: string): Promise<string[][]> {
  const file = join(tempDir(), 'ban-hanh.xlsx')
  await t.callWithFile('reports:exportIssuedAnnex', { id, ...(place ? { place } : {}), path: file })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const rows: string[][] = []
  wb.worksheets[0].eachRow((r) =>
    rows.push((r.values as ExcelJS.CellValue[]).slice(1).map(cellText))
  )
  return rows
}

/** Every cell's text, for "is this line there". */
const lines = (rows: string[][]) => rows.flat().filter(Boolean)

describe('drafts and issued reports', () => {
  it('keeps the text of a period, and starts the next period from it', async () => {
    const empty = await t.call('reports:getDraft', {
      unitId: commune,
      period: { kind: 'h1', year: 2026 }
    })
    expect(empty).toEqual({
      narrative: {},
      updatedAt: null,
      startedFrom: null,
      suggestedNumber: null
    })
    const saved = await t.call('reports:saveDraft', {
      unitId: commune,
      period: { kind: 'h1', year: 2026 },
      narrative: { study: '  Đảng ủy đã tổ chức học tập chuyên đề năm 2026.  ', lessons: '   ' }
    })
    expect(saved.narrative).toEqual({ study: 'Đảng ủy đã tổ chức học tập chuyên đề năm 2026.' })
    expect(saved.updatedAt).not.toBeNull()
    const year = await t.call('reports:getDraft', {
      unitId: commune,
      period: { kind: 'year', year: 2026 }
    })
    // The year's report starts from the half-year's text.
    expect(year).toMatchObject({
      narrative: { study: 'Đảng ủy đã tổ chức học tập chuyên đề năm 2026.' },
      updatedAt: null,
      startedFrom: '6 tháng đầu năm 2026'
    })
    const next = await t.call('reports:getDraft', {
      unitId: commune,
      period: { kind: 'h1', year: 2027 }
    })
    expect(next).toMatchObject({
      narrative: { study: 'Đảng ủy đã tổ chức học tập chuyên đề năm 2026.' },
      updatedAt: null,
      startedFrom: '6 tháng đầu năm 2026'
    })
  })

  it('freezes an issued report: later changes to the data do not change it', async () => {
    const first = await t.call('reports:issue', {
      unitId: commune,
      period: { kind: 'h1', year: 2026 },
      number: '05-BC/ĐU',
      issuedOn: '2026-06-03',
      narrative: { study: 'Đã học tập đầy đủ.' },
      place: '  Tân Lập '
    })
    expect(first).toMatchObject({
      version: 1,
      number: '05-BC/ĐU',
      issuedOn: '2026-06-03',
      periodLabel: '6 tháng đầu năm 2026',
      unitName: 'Đảng bộ xã Tân Lập',
      place: 'Tân Lập'
    })
    expect(required(first.annex)).toBe(2)

    await t.call('people:create', personInput(cell, { fullName: 'Lê Văn Cường' }))
    const now = await t.call('reports:annex', {
      unitId: commune,
      period: { kind: 'h1', year: 2026 }
    })
    expect(required(now)).toBe(3)
    expect(required((await t.call('reports:getIssued', { id: first.id })).annex)).toBe(2)

    const again = await t.call('reports:issue', {
      unitId: commune,
      period: { kind: 'h1', year: 2026 },
      number: '06-BC/ĐU',
      issuedOn: '2026-06-10',
      narrative: {}
    })
    expect([again.version, required(again.annex)]).toEqual([2, 3])
    expect(
      (await t.call('reports:listIssued', { unitId: commune })).map((r) => [r.number, r.version])
    ).toEqual([
      ['06-BC/ĐU', 2],
      ['05-BC/ĐU', 1]
    ])
    expect(
      (await t.call('reports:getDraft', { unitId: commune, period: { kind: 'year', year: 2026 } }))
        .suggestedNumber
    ).toBe('07-BC/ĐU')
  })

  it('records each issue in the audit log: the unit, the period, the number and the version', async () => {
    const log = await t.call('audit:list', { action: 'reports.issue' })
    expect(log.rows.map((e) => [e.description, e.detail])).toEqual([
      [
        'Ban hành báo cáo 6 tháng đầu năm 2026 của Đảng bộ xã Tân Lập, số 06-BC/ĐU (lần 2).',
        {
          unit: 'Đảng bộ xã Tân Lập',
          period: '6 tháng đầu năm 2026',
          number: '06-BC/ĐU',
          version: 2
        }
      ],
      [
        'Ban hành báo cáo 6 tháng đầu năm 2026 của Đảng bộ xã Tân Lập, số 05-BC/ĐU (lần 1).',
        {
          unit: 'Đảng bộ xã Tân Lập',
          period: '6 tháng đầu năm 2026',
          number: '05-BC/ĐU',
          version: 1
        }
      ]
    ])
  })

  it('re-exports an issued annex exactly as issued, dated the day of issue, at the place kept', async () => {
    const [second, first] = await t.call('reports:listIssued', { unitId: commune })
    expect([first.place, second.place]).toEqual(['Tân Lập', null])
    // The place typed at export time does not change what was issued.
    const rows = await issuedAnnexRows(first.id, 'Xã Khác')
    const text = rows.map((r) => r.join(' | ')).join('\n')
    expect(text).toContain('Tân Lập, ngày 03 tháng 06 năm 2026')
    expect(text).not.toContain('Xã Khác')
    const total = rows.find((r) => r[0] === 'Tổng cộng')!
    // Sessions, points, attendees, then members required: 2 as issued (3 today).
    expect(total.slice(2, 6)).toEqual(['0', '0', '0', '2'])
  })

  it('keeps a place left blank at issue as blank, and lets reports issued before the place was kept take the one given', async () => {
    const [second, first] = await t.call('reports:listIssued', { unitId: commune })
    // Issued with no place: dots to write it by hand, whatever is typed later.
    expect(lines(await issuedAnnexRows(second.id, 'Tân Lập'))).toContain(
      '……, ngày 10 tháng 06 năm 2026'
    )
    expect((await t.call('reports:getIssued', { id: second.id })).annex.place).toBeNull()
    // A report issued before the place was kept: its snapshot has no place at all.
    const db = t.core.ctx.db
    const { annex } = db.prepare('SELECT annex FROM report_issues WHERE id = ?').get(first.id) as {
      annex: string
    }
    const old = JSON.parse(annex) as { place?: string | null }
    delete old.place
    db.prepare('UPDATE report_issues SET annex = ? WHERE id = ?').run(JSON.stringify(old), first.id)
    expect((await t.call('reports:listIssued', { unitId: commune }))[1].place).toBeNull()
    expect(lines(await issuedAnnexRows(first.id, 'Xã Cũ'))).toContain(
      'Xã Cũ, ngày 03 tháng 06 năm 2026'
    )
    expect(lines(await issuedAnnexRows(first.id))).toContain('……, ngày 03 tháng 06 năm 2026')
  })

  it('refuses an issue without a number, and a text part too long, in Vietnamese', async () => {
    const noNumber = await t.refuse('reports:issue', {
      unitId: commune,
      period: { kind: 'year', year: 2026 },
      number: '  ',
      issuedOn: '2026-12-01',
      narrative: {}
    })
    expect(noNumber.message).toBe('Cần số báo cáo (ví dụ 05-BC/ĐU).')
    const long = await t.refuse('reports:saveDraft', {
      unitId: commune,
      period: { kind: 'year', year: 2026 },
      narrative: { lessons: 'x'.repeat(20_001) }
    })
    expect(long.message).toBe('Một phần của báo cáo dài quá 20.000 ký tự: hãy rút gọn.')
    expect(await t.call('reports:listIssued', { unitId: commune })).toHaveLength(2)
    // A refused issue leaves no entry.
    expect((await t.call('audit:list', { action: 'reports.issue' })).total).toBe(2)
  })
})
