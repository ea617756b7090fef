// The proposal list goes down to a chi bộ and comes back filled in: a real .xlsx written by the
// export, edited with ExcelJS as a clerk would in Excel (a form typed without diacritics, rows
// added, a name nobody has), previewed (nothing written), applied in one transaction after a
// backup, and the same through the CLI.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExemplarFields } from '../../../src/shared/api'
import { cli, cliCommittee } from '../../helpers/cli'
import { openTestCore, tempDir, type TestCore } from '../../helpers/core'
import { seedOrg, type Org } from '../../helpers/evaluation'
import { cellText } from '../../helpers/workbook'

let t: TestCore
let o: Org
beforeEach(async () => {
  t = openTestCore()
  o = await seedOrg(t)
})
afterEach(() => t.dispose())

const fields = (f: Partial<ExemplarFields>): ExemplarFields => ({
  kind: 'person',
  personId: null,
  unitId: null,
  name: null,
  field: null,
  sinceYear: null,
  achievement: 'Hiến đất làm đường',
  proposedForm: 'certificate',
  proposingUnitId: o.cellA,
  year: 2025,
  toYear: null,
  movementId: null,
  evidence: null,
  press: [],
  ...f
})

/** Rows of the first sheet as text, and the index (1-based) of the header row. */
async function sheetOf(path: string) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const ws = wb.worksheets[0]
  let header = 0
  ws.eachRow((row, n) => {
    if (!header && cellText(row.getCell(1).value) === 'STT') header = n
  })
  return { wb, ws, header }
}

/** The clerk's edits: An's form typed without diacritics, two rows added, one nobody has, a bad form. */
async function fillIn(path: string, out: string) {
  const { wb, ws, header } = await sheetOf(path)
  const an = ws.getRow(header + 2)
  an.getCell(4).value = 'Hiến 500 m² đất làm đường liên ấp'
  an.getCell(5).value = 'bang khen'
  ws.insertRow(header + 3, [2, 'Trần Thị Bình', '', 'Vận động hội viên giúp hộ nghèo', 'Giấy khen'])
  ws.insertRow(header + 4, [
    3,
    'Tổ tự quản đường hoa',
    'Chi bộ ấp 1',
    'Trồng 2 km đường hoa',
    'biểu dương',
    'Mô hình'
  ])
  ws.insertRow(header + 5, [4, 'Người Không Có', '', 'Không ai', 'Huy chương'])
  await wb.xlsx.writeFile(out)
}

describe('exemplars: the proposal list imported back', () => {
  it('shows the hình thức đề nghị in the export, previews the filled list, then writes it in one go', async () => {
    const an = await t.call('exemplars:create', fields({ personId: o.ids['Nguyễn Văn An'] }))
    const dir = tempDir()
    const sent = join(dir, 'gui-xuong.xlsx')
    await t.callWithFile('exemplars:exportProposals', { unitId: o.cellA, year: 2025, path: sent })
    const { ws, header } = await sheetOf(sent)
    expect(cellText(ws.getRow(header + 2).getCell(2).value)).toBe('Nguyễn Văn An')
    expect(cellText(ws.getRow(header + 2).getCell(5).value)).toBe('Giấy khen')

    const back = join(dir, 'gui-len.xlsx')
    await fillIn(sent, back)
    const preview = (await t.callWithFile('exemplars:previewProposals', {
      unitId: o.cellA,
      year: 2025,
      path: back
    }))!
    expect(preview.unitName).toBe('Chi bộ ấp 1')
    expect(preview.fileYear).toBe(2025)
    expect(
      preview.rows.map((r) => [r.action, r.kind, r.name, r.matchedBy, r.proposedForm, r.changes])
    ).toEqual([
      [
        'update',
        'person',
        'Nguyễn Văn An',
        'id',
        'merit',
        ['Tóm tắt thành tích', 'Hình thức đề nghị']
      ],
      ['add', 'person', 'Trần Thị Bình', 'name', 'certificate', []],
      ['add', 'model', 'Tổ tự quản đường hoa', 'new', 'praise', []]
    ])
    expect(preview.notMatched).toEqual([
      expect.objectContaining({
        name: 'Người Không Có',
        reason: expect.stringContaining('Mô hình')
      })
    ])
    expect(preview.ignored[0].message).toContain('"Huy chương" không phải hình thức khen thưởng')
    // The preview wrote nothing.
    expect((await t.call('exemplars:list', { unitId: o.cellA, year: 2025 })).total).toBe(1)

    const r = await t.call('exemplars:applyProposals', {
      unitId: o.cellA,
      year: 2025,
      token: preview.token,
      fingerprint: preview.fingerprint
    })
    expect([r.added, r.updated]).toEqual([2, 1])
    expect(r.backup).toMatch(/_truoc-nhap\.sqlite$/)
    const list = await t.call('exemplars:list', { unitId: o.cellA, year: 2025 })
    expect(list.total).toBe(3)
    const byName = new Map(list.rows.map((e) => [e.displayName, e]))
    expect(byName.get('Nguyễn Văn An')).toMatchObject({
      id: an.id,
      proposedForm: 'merit',
      achievement: 'Hiến 500 m² đất làm đường liên ấp'
    })
    expect(byName.get('Trần Thị Bình')).toMatchObject({
      personId: o.ids['Trần Thị Bình'],
      proposingUnitId: o.cellA,
      status: 'proposed'
    })
    expect(byName.get('Tổ tự quản đường hoa')).toMatchObject({ kind: 'model', unitId: o.cellA })

    // The same file again: everything is already on file, nothing is added twice.
    const again = (await t.callWithFile('exemplars:previewProposals', {
      unitId: o.cellA,
      year: 2025,
      path: back
    }))!
    expect(again.rows).toEqual([])
    expect(again.unchanged).toBe(3)
  })

  it('refuses a list of another year, a file changed since the preview, and a sheet that is not a list', async () => {
    await t.call('exemplars:create', fields({ personId: o.ids['Nguyễn Văn An'] }))
    const dir = tempDir()
    const sent = join(dir, 'gui-xuong.xlsx')
    await t.callWithFile('exemplars:exportProposals', { unitId: o.cellA, year: 2025, path: sent })
    expect(
      (
        await t.refuseWithFile('exemplars:previewProposals', {
          unitId: o.cellA,
          year: 2024,
          path: sent
        })
      ).code
    ).toBe('YEAR_MISMATCH')

    const back = join(dir, 'gui-len.xlsx')
    await fillIn(sent, back)
    const preview = (await t.callWithFile('exemplars:previewProposals', {
      unitId: o.cellA,
      year: 2025,
      path: back
    }))!
    await fillIn(back, back)
    const changed = await t.refuse('exemplars:applyProposals', {
      unitId: o.cellA,
      year: 2025,
      token: preview.token,
      fingerprint: preview.fingerprint
    })
    expect(changed.code).toBe('CONFLICT')

    const other = join(dir, 'khac.xlsx')
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Trang 1').addRow(['Họ và tên', 'Ngày sinh'])
    await wb.xlsx.writeFile(other)
    const e = await t.refuseWithFile('exemplars:previewProposals', {
      unitId: o.cellA,
      year: 2025,
      path: other
    })
    expect(e.code).toBe('NO_HEADER')
    expect(e.message).toContain('Tóm tắt thành tích')
  })

  it('imports through the CLI: exemplars import-proposals FILE --unit NAME --year Y', async () => {
    const dir = tempDir()
    const db = join(dir, 'a.sqlite')
    await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1'])
    for (const [name, card] of [
      ['Nguyễn Văn An', '01000001'],
      ['Trần Thị Bình', '01000002']
    ])
      await cli(
        'people',
        'add',
        '--name',
        name,
        '--unit',
        'Chi bộ ấp 1',
        '--card',
        card,
        '--db',
        db
      )
    const added = await cli(
      'exemplars',
      'add',
      '--kind',
      'person',
      '--person',
      '01000001',
      '--year',
      '2025',
      '--propose',
      'giay khen',
      '--db',
      db,
      '--json'
    )
    expect(JSON.parse(added.stdout).proposedForm).toBe('certificate')
    const sent = join(dir, 'gui-xuong.xlsx')
    const exported = await cli(
      'exemplars',
      'proposals',
      '--unit',
      'Chi bộ ấp 1',
      '--year',
      '2025',
      '--out',
      sent,
      '--db',
      db
    )
    expect(exported.code).toBe(0)
    const back = join(dir, 'gui-len.xlsx')
    await fillIn(sent, back)
    const args = ['exemplars', 'import-proposals', back, '--unit', 'Chi bộ ấp 1', '--year', '2025']
    const dry = await cli(...args, '--dry-run', '--db', db)
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('sẽ thêm 2 đề nghị, sẽ sửa 1')
    expect(dry.stdout).toContain('Không nhập dòng')
    const run = await cli(...args, '--db', db, '--json')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ added: 2, updated: 1, dryRun: false })
    const list = await cli('exemplars', 'list', '--unit', 'Chi bộ ấp 1', '--db', db, '--json')
    expect(JSON.parse(list.stdout).total).toBe(3)

    const missing = await cli('exemplars', 'import-proposals', '--unit', 'Chi bộ ấp 1', '--db', db)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Thiếu tên tệp')
  })
})
