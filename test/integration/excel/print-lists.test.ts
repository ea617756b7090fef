// The exports of what the screen shows: the people list as filtered, the coverage table per
// unit (Học tập), the commitment status per unit (Cam kết). Each is written through the
// party-document writer, read back, then printed through LibreOffice: every page A4 in its
// orientation, no two words printed over one another. The pages are saved as PNG under
// test-results/screenshots/pdf-lists/ to be looked at.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { A4, overlaps, pagesOf, printTools, savePageImages, toPdf } from '../../helpers/pdf'

const LONG_CELL = 'Chi bộ Khu phố Tân Lập Thượng và Khu dân cư Bình Minh mở rộng'
const LONG_POSITION =
  'Phó Bí thư Chi bộ, Trưởng ban công tác Mặt trận khu dân cư, Tổ trưởng tổ tự quản'
const NAMES = [
  'Tôn Nữ Thị Hoàng Phương Thảo Nguyên',
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em'
]

let t: TestCore
let out: string
let pdfDir: string
let committee: number
let cellA: number
const file = (name: string) => join(out, `${name}.xlsx`)
const EXPORTS = [
  { name: 'danh-sach-nguoi', orientation: 'landscape' as const },
  { name: 'hoc-tap-don-vi', orientation: 'portrait' as const },
  { name: 'cam-ket-don-vi', orientation: 'portrait' as const }
]

/** Every non-empty cell's text of the first sheet, row by row. */
async function readBack(name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file(name))
  const rows: string[][] = []
  wb.worksheets[0].eachRow((row) => {
    const values: string[] = []
    row.eachCell((c) => values.push(String(c.value ?? '')))
    rows.push(values)
  })
  return rows
}

beforeAll(async () => {
  t = openTestCore()
  out = tempDir('cd05-lists-')
  pdfDir = tempDir('cd05-lists-pdf-')
  committee = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng ủy xã Tân Lập Thượng',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  cellA = (await t.call('units:create', { parentId: committee, name: LONG_CELL, level: 'Chi bộ' }))
    .id
  const cellB = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 2', level: 'Chi bộ' })
  ).id
  const ids: number[] = []
  for (const [i, fullName] of NAMES.entries())
    ids.push(
      (
        await t.call(
          'people:create',
          personInput(i < 4 ? cellA : cellB, {
            fullName,
            gender: i % 2 ? 'male' : 'female',
            birthDate: `19${70 + i}-0${1 + i}-1${i}`,
            memberType: 'official',
            partyCardNumber: `0100000${i}`,
            position: i % 2 === 0 ? LONG_POSITION : 'Đảng viên'
          })
        )
      ).id
    )
  await t.call('people:setStatus', { id: ids[5], status: 'transferred', since: '2024-02-01' })
  const topic = (await t.call('study:listTopics', null)).find((x) => x.year === 2024)!
  const s = await t.call('study:createSession', {
    topicId: topic.id,
    kind: 'cell_meeting',
    heldOn: '2024-03-10',
    hostUnitId: cellA,
    title: null,
    points: [],
    extraNonMembers: 0,
    note: null
  })
  await t.call('study:setAttendance', { sessionId: s.id, present: ids.slice(0, 3), absent: [] })
  await t.call('commitments:bulk', { unitId: cellA, year: 2024, madeOn: '2024-02-15' })

  // The list as the screen filters it: the committee and its chi bộ, on the rolls only.
  const filter = {
    unitId: committee,
    includeSubunits: true,
    statuses: ['active', 'exempt', 'suspended', 'temporary'] as const
  }
  await t.callWithFile('people:export', {
    selection: { filter: { ...filter, statuses: [...filter.statuses] } },
    path: file('danh-sach-nguoi'),
    place: 'Tân Lập'
  })
  await t.callWithFile('study:exportCoverage', {
    year: 2024,
    unitId: null,
    path: file('hoc-tap-don-vi'),
    place: 'Tân Lập'
  })
  await t.callWithFile('commitments:exportStatus', {
    year: 2024,
    unitId: committee,
    path: file('cam-ket-don-vi'),
    place: 'Tân Lập'
  })
}, 120_000)

afterAll(() => {
  t.dispose()
  rmSync(out, { recursive: true, force: true })
  rmSync(pdfDir, { recursive: true, force: true })
})

describe('exports of what the screen shows', () => {
  it('writes the people list as filtered: the same people, in the list’s order', async () => {
    const listed = await t.call('people:list', {
      unitId: committee,
      includeSubunits: true,
      statuses: ['active', 'exempt', 'suspended', 'temporary']
    })
    const rows = await readBack('danh-sach-nguoi')
    const all = rows.map((r) => r.join(' | ')).join('\n')
    expect(all).toMatch(/DANH SÁCH ĐẢNG VIÊN ĐẢNG ỦY XÃ TÂN LẬP THƯỢNG/)
    expect(all).toContain('(Người còn trong danh sách)')
    // The body rows, in order: STT, name … as the list returns them (the one who left is not there).
    const body = rows.filter((r) => /^\d+$/.test(r[0]) && NAMES.includes(r[1]))
    expect(body.map((r) => r[1])).toEqual(listed.rows.map((p) => p.fullName))
    expect(body.map((r) => r[1])).not.toContain('Hoàng Văn Em')
    const first = body.find((r) => r[1] === NAMES[0])!
    expect(first).toEqual(
      expect.arrayContaining([
        'Nữ',
        '10/01/1970',
        'Đảng viên chính thức',
        '01000000',
        LONG_POSITION,
        LONG_CELL,
        'Đang sinh hoạt'
      ])
    )
    expect(all).toContain('Tổng cộng: 5 người')
  })

  it('writes the ticked people only', async () => {
    const listed = await t.call('people:list', { unitId: cellA, includeSubunits: false })
    const ids = listed.rows.slice(0, 2).map((p) => p.id)
    const r = await t.callWithFile('people:export', { selection: { ids }, path: file('chon') })
    expect(r?.rows).toBe(2)
  })

  it('writes the coverage and the commitment status per unit, down the tree, with totals', async () => {
    const cov = (await readBack('hoc-tap-don-vi')).map((r) => r.join(' | '))
    const unitRow = (rows: string[], name: string) => rows.find((r) => r.includes(name))!
    // Studied: three of the four in the long chi bộ; one of one in ấp 2 still to study.
    expect(unitRow(cov, LONG_CELL)).toMatch(/\| 4 \| 3 \| 1 \| 75%/)
    expect(unitRow(cov, 'Chi bộ ấp 2')).toMatch(/\| 1 \| 0 \| 1 \| 0%/)
    expect(unitRow(cov, 'Tổng cộng')).toMatch(/Tổng cộng \| 5 \| 3 \| 2 \| 60%/)
    const status = (await readBack('cam-ket-don-vi')).map((r) => r.join(' | '))
    expect(status.join('\n')).toMatch(/TÌNH HÌNH LẬP BẢN CAM KẾT NĂM 2024 THEO ĐƠN VỊ/)
    expect(unitRow(status, LONG_CELL)).toMatch(/\| 4 \| 4 \| 0 \| 100%/)
    expect(unitRow(status, 'Chi bộ ấp 2')).toMatch(/\| 1 \| 0 \| 1 \| 0%/)
  })
})

describe.runIf(printTools)('printed through LibreOffice', () => {
  it('prints every page on A4 in its orientation with no two words overlapping', () => {
    toPdf(
      EXPORTS.map((e) => file(e.name)),
      pdfDir
    )
    const problems: string[] = []
    for (const e of EXPORTS) {
      const pdf = join(pdfDir, `${e.name}.pdf`)
      savePageImages(pdf, `list-${e.name}`)
      const pages = pagesOf(pdf)
      expect(pages.length, e.name).toBeGreaterThan(0)
      const [w, h] = A4[e.orientation]
      pages.forEach((p, i) => {
        if (Math.abs(p.width - w) > 1 || Math.abs(p.height - h) > 1)
          problems.push(`${e.name} p.${i + 1}: ${p.width}×${p.height}, not ${w}×${h}`)
        for (const [a, b] of overlaps(p.words))
          problems.push(`${e.name} p.${i + 1}: "${a.text}" overlaps "${b.text}"`)
      })
      const words = pages.flatMap((p) => p.words.map((x) => x.text)).join(' ')
      // The whole of the long cells is printed, and the signers.
      expect(words, e.name).toContain('mở rộng')
      expect(words, e.name).toContain('BÍ THƯ')
    }
    expect(problems).toEqual([])
  }, 240_000)
})
