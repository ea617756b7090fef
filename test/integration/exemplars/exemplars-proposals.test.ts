// "Danh sách đề nghị khen thưởng" through dispatch: written by the party-document writer, read
// back with ExcelJS, re-saved by LibreOffice (still readable) and printed to PDF by it with no two
// words overlapping (long names and achievements wrap inside rows as tall as their text).
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExemplarFields } from '../../../src/shared/api'
import { openTestCore, tempDir, type TestCore } from '../../helpers/core'
import { seedOrg, type Org } from '../../helpers/evaluation'
import { overlaps, pagesOf, savePageImages, toPdf } from '../../helpers/pdf'
import { cellText, viaLibreOffice } from '../../helpers/workbook'

let t: TestCore
let o: Org
beforeEach(async () => {
  t = openTestCore()
  o = await seedOrg(t)
})
afterEach(() => t.dispose())

const LONG =
  'Vận động nhân dân hiến hơn 2.000 m² đất mở rộng đường liên ấp, tổ chức tổ tự quản giữ gìn vệ sinh môi trường, giúp 12 hộ nghèo thoát nghèo bền vững trong hai năm liên tiếp'

const fields = (f: Partial<ExemplarFields>): ExemplarFields => ({
  kind: 'person',
  personId: null,
  unitId: null,
  name: null,
  field: null,
  sinceYear: null,
  achievement: LONG,
  proposingUnitId: o.cellA,
  year: 2025,
  toYear: null,
  movementId: null,
  evidence: null,
  press: [],
  proposedForm: null,
  ...f
})

describe('exemplars: proposal list', () => {
  it('exports the not yet rewarded exemplars of a unit, reads back after LibreOffice, and prints without overprint', async () => {
    const an = await t.call('exemplars:create', fields({ personId: o.ids['Nguyễn Văn An'] }))
    await t.call(
      'exemplars:create',
      fields({
        kind: 'model',
        name: 'Mô hình "Tuyến đường nở hoa, thắp sáng đường quê" của Chi bộ ấp 1',
        unitId: o.cellA,
        // The longest form name, in the narrow "Hình thức đề nghị" column: it wraps, never overprints.
        proposedForm: 'emblem'
      })
    )
    await t.call(
      'exemplars:create',
      fields({ kind: 'unit', unitId: o.cellB, proposingUnitId: o.cellB })
    )
    const rewarded = await t.call(
      'exemplars:create',
      fields({ personId: o.ids['Trần Thị Bình'], achievement: 'Đã khen' })
    )
    await t.call('exemplars:setStatus', {
      id: rewarded.id,
      status: 'rewarded',
      date: '2025-05-19',
      unitId: o.committee,
      note: null
    })

    const dir = tempDir()
    const file = join(dir, 'de-nghi.xlsx')
    const r = await t.callWithFile('exemplars:exportProposals', {
      unitId: o.committee,
      year: 2025,
      path: file,
      place: 'Tân Lập'
    })
    expect(r?.rows).toBe(3)
    for (const path of [file, viaLibreOffice(file)]) {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(path)
      const ws = wb.worksheets[0]
      const all: string[][] = []
      ws.eachRow((row) => all.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText)))
      const text = all.map((x) => x.join('|')).join('\n')
      expect(text).toContain('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG')
      const header = all.findIndex((x) => x[0] === 'STT')
      expect(all[header].slice(0, 6)).toEqual([
        'STT',
        'Họ và tên / tên tập thể',
        'Chức vụ, đơn vị',
        'Tóm tắt thành tích',
        'Hình thức đề nghị',
        'Ghi chú'
      ])
      expect(all[header + 1].slice(0, 6)).toEqual(['1', '2', '3', '4', '5', '6'])
      expect(all[header + 2].slice(0, 4)).toEqual([
        '1',
        'Nguyễn Văn An',
        'Bí thư chi bộ, Chi bộ ấp 1',
        LONG
      ])
      expect(all[header + 2][6]).toBe(String(an.id))
      expect(all[header + 3][4]).toBe('Giấy chứng nhận và biểu trưng')
      expect(text).not.toContain('Trần Thị Bình')
      expect(text).toContain('Chi bộ ấp 2')
    }

    const pdfDir = join(dir, 'pdf')
    toPdf([file], pdfDir)
    const pages = pagesOf(join(pdfDir, 'de-nghi.pdf'))
    expect(pages.flatMap((p) => p.words).map((w) => w.text)).toContain('ĐỀ')
    for (const page of pages)
      for (const [a, b] of overlaps(page.words)) expect.fail(`"${a.text}" in đè lên "${b.text}"`)
    savePageImages(join(pdfDir, 'de-nghi.pdf'), 'exemplars-proposals')
  })
})
