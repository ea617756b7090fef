// The section's documents out: the year's plan and the recommendations list as party-format
// .xlsx (read back, re-saved through LibreOffice, printed to PDF with no two words overlapping),
// and the decision forming the team and the conclusion notice as .docx drafts opened by
// LibreOffice, converted to PDF and read back. Page images are saved under
// test-results/screenshots/pdf/ to be looked at.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { A4, overlaps, pagesOf, printTools, savePageImages, toPdf } from '../../helpers/pdf'
import { cellText, viaLibreOffice } from '../../helpers/workbook'

const LONG_CONTENT =
  'Việc lãnh đạo, chỉ đạo và tổ chức thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị và Chuyên đề năm 2026 về xây dựng văn hóa, con người Việt Nam phát triển toàn diện'

let t: TestCore
let out: string
let pdfDir: string
const files: Record<string, string> = {}

beforeAll(async () => {
  t = openTestCore()
  out = tempDir('cd05-insp-out-')
  pdfDir = tempDir('cd05-insp-pdf-')
  const unit = async (parentId: number | null, name: string, level: string) =>
    (await t.call('units:create', { parentId, name, level })).id
  const district = await unit(null, 'Đảng bộ tỉnh Tây Ninh', 'Đảng bộ tỉnh')
  const committee = await unit(district, 'Đảng ủy xã Tân Lập Thượng', 'Đảng ủy cơ sở')
  const cellA = await unit(
    committee,
    'Chi bộ Khu phố Tân Lập Thượng và Khu dân cư Bình Minh',
    'Chi bộ'
  )
  const cellB = await unit(committee, 'Chi bộ ấp 2', 'Chi bộ')
  const head = await t.call(
    'people:create',
    personInput(cellB, { fullName: 'Tôn Nữ Thị Hoàng Phương' })
  )
  for (const [quarter, target] of [
    [1, cellA],
    [2, cellB],
    [3, cellA]
  ])
    await t.call('inspections:createPlanItem', {
      year: 2026,
      kind: quarter === 3 ? 'supervision' : 'inspection',
      mode: quarter === 3 ? 'ongoing' : 'thematic',
      unitId: committee,
      targetUnitIds: [target],
      content: LONG_CONTENT,
      quarter,
      month: null,
      note: null
    })
  const i = await t.call('inspections:create', {
    kind: 'inspection',
    mode: 'thematic',
    planItemId: null,
    unitId: committee,
    content: LONG_CONTENT,
    decisionNumber: '15-QĐ/ĐU',
    decisionDate: '2026-04-02',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    startsOn: '2026-05-04',
    endsOn: '2026-05-08',
    team: [
      { role: 'head', personId: head.id, name: '' },
      { role: 'member', personId: null, name: 'Nguyễn Hoàng Trường Giang' },
      { role: 'secretary', personId: null, name: 'Lê Thị Thu' }
    ],
    targets: [
      { unitId: cellA, members: 31 },
      { unitId: cellB, members: 18 }
    ],
    note: null
  })
  await t.call('inspections:saveFindings', {
    inspectionId: i.id,
    findings: [
      {
        kind: 'strength',
        text: 'Chi bộ ban hành kế hoạch thực hiện Chuyên đề kịp thời, sát thực tế địa phương.'
      },
      {
        kind: 'shortcoming',
        text: 'Việc đăng ký làm theo của một số đảng viên còn chung chung, chưa gắn với nhiệm vụ được giao.'
      }
    ]
  })
  await t.call('inspections:addDocument', {
    inspectionId: i.id,
    kind: 'conclusion',
    number: '21-TB/ĐU',
    datedOn: '2026-06-20',
    title: null,
    note: null
  })
  const rec = (unitId: number, text: string, dueOn: string) =>
    t.call('inspections:createRecommendation', {
      inspectionId: i.id,
      unitId,
      text,
      dueOn,
      madeOn: '2026-06-20'
    })
  const a = await rec(
    cellA,
    'Bổ sung kế hoạch làm theo của chi bộ, cụ thể hóa thành việc làm của từng đảng viên, hoàn thành trong quý III',
    '2026-07-31'
  )
  await rec(
    cellB,
    'Hoàn thiện sổ theo dõi việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu',
    '2026-08-31'
  )
  await rec(cellB, 'Tổ chức sinh hoạt chuyên đề theo đúng hướng dẫn', '2026-12-31')
  await t.call('inspections:setRecommendationDone', {
    id: a.id,
    doneOn: '2026-07-20',
    note: 'Chi bộ đã ban hành Kế hoạch số 09-KH/CB ngày 20/7/2026'
  })

  files.plan = join(out, 'ke-hoach.xlsx')
  files.recs = join(out, 'kien-nghi.xlsx')
  files.decision = join(out, 'quyet-dinh.docx')
  files.conclusion = join(out, 'ket-luan.docx')
  await t.callWithFile('inspections:exportPlan', {
    year: 2026,
    unitId: committee,
    today: '2026-07-15',
    path: files.plan,
    place: 'Tân Lập'
  })
  await t.callWithFile('inspections:exportRecommendations', {
    year: 2026,
    unitId: committee,
    asOf: '2026-09-01',
    path: files.recs,
    place: 'Tân Lập'
  })
  await t.callWithFile('inspections:exportDraft', {
    id: i.id,
    draft: 'decision',
    path: files.decision,
    place: 'Tân Lập'
  })
  await t.callWithFile('inspections:exportDraft', {
    id: i.id,
    draft: 'conclusion',
    path: files.conclusion,
    place: 'Tân Lập'
  })
  if (!printTools) return
  toPdf(Object.values(files), pdfDir)
  for (const name of ['ke-hoach', 'kien-nghi', 'quyet-dinh', 'ket-luan'])
    savePageImages(join(pdfDir, `${name}.pdf`), `inspections-${name}`)
}, 240_000)

afterAll(() => {
  t.dispose()
  rmSync(out, { recursive: true, force: true })
  rmSync(pdfDir, { recursive: true, force: true })
})

async function sheetText(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const ws = wb.worksheets[0]
  const rows: string[][] = []
  ws.eachRow((row) =>
    rows.push(Array.from({ length: ws.columnCount }, (_, c) => cellText(row.getCell(c + 1).value)))
  )
  return rows
}

/** The PDF's text with lines joined, so a sentence wrapped over two lines still reads whole. */
const pdfText = (name: string) =>
  execFileSync('pdftotext', [join(pdfDir, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' '
  )

describe('inspections: documents out', () => {
  it('writes the plan and the recommendations as party sheets that read back and survive LibreOffice', async () => {
    for (const path of [files.plan, viaLibreOffice(files.plan)]) {
      const rows = await sheetText(path)
      const flat = rows.map((r) => r.join('|'))
      expect(flat.some((r) => r.includes('KẾ HOẠCH KIỂM TRA, GIÁM SÁT NĂM 2026'))).toBe(true)
      expect(flat.some((r) => r.includes('ĐẢNG CỘNG SẢN VIỆT NAM'))).toBe(true)
      const items = rows.filter((r) => /^\d+$/.test(r[0]) && r[1] === LONG_CONTENT)
      expect(items.map((r) => [r[4], r[6]])).toEqual([
        ['Quý 1', 'Chậm so với kế hoạch'],
        ['Quý 2', 'Chậm so với kế hoạch'],
        ['Quý 3', 'Chưa tiến hành']
      ])
      expect(items[2][2]).toBe('Giám sát thường xuyên')
    }
    for (const path of [files.recs, viaLibreOffice(files.recs)]) {
      const rows = await sheetText(path)
      const recs = rows.filter(
        (r) => /^[123]$/.test(r[0]) && r.length > 4 && r[3].includes('/2026')
      )
      expect(recs.map((r) => [r[2], r[3], r[4], r[5]])).toEqual([
        [
          'Chi bộ Khu phố Tân Lập Thượng và Khu dân cư Bình Minh',
          '31/07/2026',
          'Đã thực hiện',
          '20/07/2026'
        ],
        ['Chi bộ ấp 2', '31/08/2026', 'Quá hạn', ''],
        ['Chi bộ ấp 2', '31/12/2026', 'Đang thực hiện', '']
      ])
      expect(rows.map((r) => r.join('|')).join('\n')).toContain(
        'Tổng cộng: 3 kiến nghị: 1 đã thực hiện, 1 đang thực hiện, 1 quá hạn'
      )
    }
  })

  it.runIf(printTools)('prints the sheets on landscape A4 with no two words overlapping', () => {
    const problems: string[] = []
    for (const name of ['ke-hoach', 'kien-nghi']) {
      for (const [k, p] of pagesOf(join(pdfDir, `${name}.pdf`)).entries()) {
        const [w, h] = A4.landscape
        if (Math.abs(p.width - w) > 1 || Math.abs(p.height - h) > 1)
          problems.push(`${name} p.${k + 1}: ${p.width}×${p.height}`)
        for (const [a, b] of overlaps(p.words))
          problems.push(`${name} p.${k + 1}: "${a.text}" overlaps "${b.text}"`)
      }
    }
    expect(problems).toEqual([])
    expect(pdfText('kien-nghi')).toMatch(/T\/M ĐẢNG ỦY/)
  })

  it.runIf(printTools)(
    'writes the decision and the conclusion notice as .docx drafts LibreOffice opens, on portrait A4',
    () => {
      for (const name of ['quyet-dinh', 'ket-luan']) {
        const pages = pagesOf(join(pdfDir, `${name}.pdf`))
        expect(pages.length, name).toBeGreaterThan(0)
        for (const p of pages) {
          expect(Math.abs(p.width - A4.portrait[0])).toBeLessThan(2)
          expect(Math.abs(p.height - A4.portrait[1])).toBeLessThan(2)
          expect(overlaps(p.words), name).toEqual([])
        }
      }
      const decision = pdfText('quyet-dinh')
      expect(decision).toMatch(/ĐẢNG BỘ TỈNH TÂY NINH/)
      expect(decision).toMatch(/ĐẢNG ỦY XÃ TÂN LẬP THƯỢNG/)
      expect(decision).toMatch(/ĐẢNG CỘNG SẢN VIỆT NAM/)
      expect(decision).toMatch(/Số 15-QĐ\/ĐU/)
      expect(decision).toMatch(/Tân Lập, ngày 02 tháng 04 năm 2026/)
      expect(decision).toMatch(/QUYẾT ĐỊNH/)
      expect(decision).toMatch(/đối với .* về việc lãnh đạo, chỉ đạo/)
      expect(decision).toMatch(/Tôn Nữ Thị Hoàng Phương – Trưởng đoàn/)
      expect(decision).toMatch(/Lê Thị Thu – Thư ký/)
      expect(decision).toMatch(/T\/M ĐẢNG ỦY/)
      const conclusion = pdfText('ket-luan')
      expect(conclusion).toMatch(/Số 21-TB\/ĐU/)
      expect(conclusion).toMatch(/THÔNG BÁO KẾT LUẬN/)
      expect(conclusion).toMatch(/Ưu điểm/)
      expect(conclusion).toMatch(/chưa gắn với nhiệm vụ được giao/)
      expect(conclusion).toMatch(/thời hạn 31\/08\/2026/)
      expect(conclusion).toMatch(/Nơi nhận:/)
    }
  )
})
