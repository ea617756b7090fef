import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitHooks } from '../../../src/core/import/commit'
import {
  SAMPLE,
  startCoreWithParent,
  toWindows1258Form,
  utc,
  writeMemberList,
  type TestCore
} from '../../helpers/import-fixtures'

let t: TestCore
let parentId: number

beforeEach(async () => {
  ;({ t, parentId } = await startCoreWithParent())
})
afterEach(() => t.close())

async function allPeople() {
  const list = await t.call('people:list', { unitId: null, includeSubunits: true, limit: 1000 })
  return Promise.all(list.rows.map((r: { id: number }) => t.call('people:get', { id: r.id })))
}

describe('importing a real-looking .xlsx list', () => {
  it('finds the header under title rows, reads merged headers, dates, gender columns and TCVN3 text', async () => {
    const file = join(t.dir, 'ds.xlsx')
    await writeMemberList(file, SAMPLE, { tcvn3Hometown: true })
    const opened = await t.call('import:open', { path: file })
    const sheet = opened.sheets[0]
    expect(sheet.headerRow).toBe(7)
    expect(sheet.unitHint).toBe('Chi bộ ấp 3')
    expect(sheet.dataRows).toBeGreaterThanOrEqual(4)
    const byHeader = Object.fromEntries(
      sheet.columns.map((c: { header: string; field: string }) => [c.header, c.field])
    )
    expect(byHeader['Ngày sinh / Nam']).toBe('birthDateMale')
    expect(byHeader['Ngày sinh / Nữ']).toBe('birthDateFemale')
    expect(byHeader['Ngày vào Đảng / Dự bị']).toBe('partyJoinDate')
    expect(byHeader['Ngày vào Đảng / Chính thức']).toBe('partyOfficialDate')
    expect(byHeader['Số thẻ ĐV']).toBe('partyCardNumber')
    // "Long An" has no accent, so it reads the same in any encoding: three cells converted.
    expect(opened.legacy).toEqual([{ encoding: 'TCVN3 (ABC)', cells: 3 }])

    const preview = await t.call('import:preview', {
      sessionId: opened.sessionId,
      parentUnitId: parentId
    })
    expect(preview.blockers).toEqual([])
    expect(preview.counts).toMatchObject({
      total: 4,
      create: 4,
      update: 0,
      unchanged: 0,
      skip: 0,
      errors: 0,
      unitsCreated: 1
    })
    expect(preview.units).toEqual([
      expect.objectContaining({ name: 'Chi bộ ấp 3', action: 'create', parentId })
    ])

    const summary = await t.call('import:commit', {
      sessionId: opened.sessionId,
      parentUnitId: parentId
    })
    expect(summary).toMatchObject({ created: 4, updated: 0, unitsCreated: 1 })
    expect(summary.backup).toMatch(/_truoc-nhap\.sqlite$/)

    const people = await allPeople()
    const an = people.find((p) => p.fullName === 'Nguyễn Văn An')
    expect(an).toMatchObject({
      gender: 'male',
      birthDate: '1970-03-12',
      partyJoinDate: '1995-05-19',
      partyOfficialDate: '1996-05-19',
      memberType: 'official',
      partyCardNumber: '01234567',
      partyProfileNumber: '00112233',
      nationalId: '079070001234',
      hometown: 'Hồ Chí Minh',
      position: 'Bí thư',
      unitName: 'Chi bộ ấp 3'
    })
    const binh = people.find((p) => p.fullName === 'Trần Thị Bình')
    expect(binh).toMatchObject({
      gender: 'female',
      birthDate: '1985-11-05',
      partyJoinDate: '2010-02-03',
      partyCardNumber: '12345678',
      hometown: 'Tây Ninh'
    })
    const cuong = people.find((p) => p.fullName === 'Lê Văn Cường')
    expect(cuong).toMatchObject({
      birthDate: '1962',
      partyJoinDate: '1990-09',
      memberType: 'probationary',
      hometown: 'Thủ Dầu Một'
    })
    const dung = people.find((p) => p.fullName === 'Phạm Thị Dung')
    expect(dung).toMatchObject({ gender: 'female', birthDate: '1984-11-14', hometown: 'Long An' })
    // Signature names under the list are not people.
    expect(people.map((p) => p.fullName)).not.toContain('Trần Văn Bí')
    expect(people).toHaveLength(4)
  })

  it('importing the same file twice changes nothing; a changed file updates only what changed', async () => {
    const file = join(t.dir, 'ds.xlsx')
    await writeMemberList(file, SAMPLE)
    const first = await t.call('import:open', { path: file })
    await t.call('import:commit', { sessionId: first.sessionId, parentUnitId: parentId })
    const before = await allPeople()

    const again = await t.call('import:open', { path: file })
    const p2 = await t.call('import:preview', {
      sessionId: again.sessionId,
      parentUnitId: parentId
    })
    expect(p2.counts).toMatchObject({ create: 0, update: 0, unchanged: 4, unitsCreated: 0 })
    const s2 = await t.call('import:commit', { sessionId: again.sessionId, parentUnitId: parentId })
    expect(s2).toMatchObject({ created: 0, updated: 0, unchanged: 4, backup: null })
    expect(await allPeople()).toEqual(before)

    const changed = SAMPLE.map((m) =>
      m.profile === '00112234' ? { ...m, hometown: 'Bến Cầu', card: 12345678 } : m
    )
    await writeMemberList(file, changed)
    const third = await t.call('import:open', { path: file })
    const p3 = await t.call('import:preview', {
      sessionId: third.sessionId,
      parentUnitId: parentId,
      filter: 'update'
    })
    expect(p3.counts).toMatchObject({ update: 1, unchanged: 3 })
    expect(p3.rows[0].changes).toEqual([
      { field: 'hometown', label: 'Quê quán', from: 'Tây Ninh', to: 'Bến Cầu' }
    ])
    expect(p3.rows[0].reason).toMatch(/số lý lịch 00112234/)
  })

  it('empties bad cells, keeps warnings, holds back only nameless and duplicate rows, and reports per cell in Vietnamese', async () => {
    const file = join(t.dir, 'loi.xlsx')
    await writeMemberList(file, [
      ...SAMPLE,
      { name: 'Võ Văn Trẻ', birth: utc(2000, 1, 1), male: true, join: utc(2015, 1, 1) },
      { name: 'Đỗ Văn Sai', birth: '31/02/1980', male: true, card: '123' },
      { name: 'Hồ Văn Tương Lai', birth: utc(2099, 1, 1), male: true },
      { name: '', birth: utc(1980, 1, 1), male: true, card: '99999999', profile: '99999999' },
      { name: 'Nguyễn Văn An', birth: utc(1970, 3, 12), male: true, profile: '00112233' }
    ])
    const opened = await t.call('import:open', { path: file })
    const preview = await t.call('import:preview', {
      sessionId: opened.sessionId,
      parentUnitId: parentId,
      filter: 'problems'
    })
    expect(preview.counts.create).toBe(7)
    expect(preview.counts.skip).toBe(2)
    const messages = preview.problems.map(
      (p: { row: number; column: string | null; message: string }) =>
        `${p.row}:${p.column}:${p.message}`
    )
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^13:F:Vào Đảng khi chưa đủ 18 tuổi/),
        expect.stringMatching(/^14:C:Ngày sinh "31\/02\/1980" không phải ngày có thật/),
        expect.stringMatching(/^14:H:Số thẻ đảng viên gồm 8 chữ số/),
        expect.stringMatching(/^15:C:Ngày sinh ở tương lai/),
        expect.stringMatching(/^16:B:Họ và tên không được để trống/),
        expect.stringMatching(/^17:null:Người này đã có ở dòng 9 \(cùng số lý lịch 00112233\)/)
      ])
    )
    const saved = join(t.dir, 'loi_can-sua.xlsx')
    const exported = await t.call('import:exportProblems', {
      sessionId: opened.sessionId,
      path: saved
    })
    expect(exported.rows).toBe(5)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(saved)
    const ws = wb.worksheets[0]
    expect(String(ws.getCell('L14').value)).toMatch(/Lỗi \(cột C\): Ngày sinh/)
    expect((ws.getCell('C14').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE')
    expect(ws.getCell('B9').value).toBe('NGUYỄN VĂN AN')

    const summary = await t.call('import:commit', {
      sessionId: opened.sessionId,
      parentUnitId: parentId
    })
    expect(summary).toMatchObject({ created: 7, skipped: 2 })
    expect(summary.errors.length).toBeGreaterThanOrEqual(5)
    expect(summary.errors[0]).toEqual(
      expect.objectContaining({
        sheet: 'Danh sách',
        row: expect.any(Number),
        message: expect.any(String)
      })
    )
  })

  it('is all or nothing: a failure in the middle of the commit leaves the data untouched', async () => {
    const file = join(t.dir, 'ds.xlsx')
    await writeMemberList(file, SAMPLE)
    const opened = await t.call('import:open', { path: file })
    commitHooks.afterWrites = () => {
      throw new Error('mất điện giả lập')
    }
    try {
      const err = await t.fail('import:commit', {
        sessionId: opened.sessionId,
        parentUnitId: parentId
      })
      // The failure's own text goes to the log, not to the user: a plain Vietnamese refusal.
      expect(err.code).toBe('INTERNAL')
      expect(err.message).toMatch(/^Đã xảy ra lỗi không mong muốn/)
    } finally {
      commitHooks.afterWrites = null
    }
    expect(await allPeople()).toHaveLength(0)
    expect(
      (await t.call('units:list', { includeRetired: true })).map((u: { name: string }) => u.name)
    ).toEqual(['Đảng bộ xã Tân Hòa'])
    expect(await t.call('import:history')).toEqual([])
  })

  it('undoes an import as a whole, and refuses when someone was changed since', async () => {
    const file = join(t.dir, 'ds.xlsx')
    await writeMemberList(file, SAMPLE.slice(0, 2))
    const o1 = await t.call('import:open', { path: file })
    const s1 = await t.call('import:commit', { sessionId: o1.sessionId, parentUnitId: parentId })
    const original = await allPeople()
    // A second import updates one person and adds one.
    await writeMemberList(file, [{ ...SAMPLE[0], position: 'Phó Bí thư' }, SAMPLE[1], SAMPLE[2]])
    const o2 = await t.call('import:open', { path: file })
    const s2 = await t.call('import:commit', { sessionId: o2.sessionId, parentUnitId: parentId })
    expect(s2).toMatchObject({ created: 1, updated: 1 })
    const history = await t.call('import:history')
    expect(history.map((h: { id: number }) => h.id)).toEqual([s2.importId, s1.importId])

    const undone = await t.call('import:undo', { importId: s2.importId })
    expect(undone).toMatchObject({ removedPeople: 1, restoredPeople: 1 })
    expect(await allPeople()).toEqual(original)
    expect((await t.call('import:history'))[0]).toMatchObject({
      undoneAt: expect.any(String),
      canUndo: false
    })

    // Someone edits a person after the first import: undoing it must be refused.
    const an = original.find((p) => p.fullName === 'Nguyễn Văn An')
    const { id, status: _s, statusSince: _ss, unitName: _u, ...fields } = an
    await t.call('people:update', { id, fields: { ...fields, phone: '0912345678' } })
    const err = await t.fail('import:undo', { importId: s1.importId })
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toMatch(/Nguyễn Văn An/)
    expect(await allPeople()).toHaveLength(2)
  })

  it('remembers a corrected mapping for files with the same headers', async () => {
    const file = join(t.dir, 'ds.xlsx')
    await writeMemberList(file, SAMPLE)
    const o1 = await t.call('import:open', { path: file })
    expect(o1.rememberedMapping).toBe(false)
    // The user says column K (Chức vụ) is to be ignored.
    await t.call('import:commit', {
      sessionId: o1.sessionId,
      parentUnitId: parentId,
      sheets: [{ index: 0, mapping: { '10': null } }]
    })
    const o2 = await t.call('import:open', { path: file })
    expect(o2.rememberedMapping).toBe(true)
    expect(o2.sheets[0].columns[10].field).toBeNull()
  })

  it('puts people in the unit the user picks, and in chi bộ named by a "Chi bộ" column', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Sheet1')
    ws.addRow(['Họ tên', 'Năm sinh', 'Nam/Nữ', 'Chi bộ'])
    ws.addRow(['Ngô Văn Một', 1980, 'Nam', 'Ấp 1'])
    ws.addRow(['Ngô Thị Hai', 1981, 'Nữ', 'Chi bộ Ấp 2'])
    ws.addRow(['Ngô Văn Ba', 1982, 'nam', null])
    const file = join(t.dir, 'cot-chi-bo.xlsx')
    await wb.xlsx.writeFile(file)
    const ap1 = (await t.call('units:create', { parentId, name: 'Chi bộ Ấp 1', level: 'Chi bộ' }))
      .id
    const o = await t.call('import:open', { path: file })
    const blocked = await t.call('import:preview', { sessionId: o.sessionId })
    expect(blocked.blockers.length).toBeGreaterThan(0)
    const p = await t.call('import:preview', { sessionId: o.sessionId, unitId: parentId })
    expect(p.blockers).toEqual([])
    expect(p.units).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Ấp 1', action: 'existing', unitId: ap1 }),
        expect.objectContaining({ name: 'Chi bộ Ấp 2', action: 'create', parentId }),
        expect.objectContaining({ name: null, action: 'existing', unitId: parentId })
      ])
    )
    await t.call('import:commit', { sessionId: o.sessionId, unitId: parentId })
    const people = await allPeople()
    expect(
      Object.fromEntries(people.map((x) => [x.fullName, [x.unitName, x.gender, x.birthDate]]))
    ).toEqual({
      'Ngô Văn Một': ['Chi bộ Ấp 1', 'male', '1980'],
      'Ngô Thị Hai': ['Chi bộ Ấp 2', 'female', '1981'],
      'Ngô Văn Ba': ['Đảng bộ xã Tân Hòa', 'male', '1982']
    })
  })
})

describe('importing CSV', () => {
  it.each([
    [
      'UTF-8 with BOM',
      (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]),
      'UTF-8 (BOM)'
    ],
    ['UTF-8', (s: string) => Buffer.from(s, 'utf8'), 'UTF-8'],
    [
      'UTF-16LE with BOM',
      (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf16le')]),
      'UTF-16LE'
    ],
    [
      'Windows-1258',
      (s: string) => iconv.encode(toWindows1258Form(s), 'windows-1258'),
      'Windows-1258'
    ]
  ])('reads %s', async (_label, encode, encoding) => {
    const text =
      'Họ và tên;Ngày sinh;Giới tính;Số thẻ đảng viên;Quê quán\r\nNguyễn Thị Hằng;12/03/1975;Nữ;01234567;"Hòa Thành; Tây Ninh"\r\nĐặng Văn Ước;1968;Nam;;Gò Dầu\r\n'
    const file = join(t.dir, 'ds.csv')
    writeFileSync(file, encode(text))
    const o = await t.call('import:open', { path: file })
    expect(o).toMatchObject({ format: 'csv', encoding })
    await t.call('import:commit', { sessionId: o.sessionId, unitId: parentId })
    const people = await allPeople()
    expect(
      people.map((p) => [p.fullName, p.birthDate, p.gender, p.partyCardNumber, p.hometown])
    ).toEqual(
      expect.arrayContaining([
        ['Nguyễn Thị Hằng', '1975-03-12', 'female', '01234567', 'Hòa Thành; Tây Ninh'],
        ['Đặng Văn Ước', '1968', 'male', null, 'Gò Dầu']
      ])
    )
    expect(people[0].fullName).toBe(people[0].fullName.normalize('NFC'))
  })
})

it('a dry-run commit tells what the commit would do and writes nothing; the real one follows', async () => {
  const file = join(t.dir, 'ds.xlsx')
  await writeMemberList(file, SAMPLE)
  const opened = await t.call('import:open', { path: file })
  const dry = await t.call('import:commit', {
    sessionId: opened.sessionId,
    unitId: parentId,
    parentUnitId: parentId,
    dryRun: true
  })
  // The unit the user names takes the people (it overrides the chi bộ named in the title).
  expect(dry).toMatchObject({ importId: null, backup: null, created: 4, unitsCreated: 0 })
  expect(await allPeople()).toHaveLength(0)
  const real = await t.call('import:commit', {
    sessionId: opened.sessionId,
    unitId: parentId,
    parentUnitId: parentId
  })
  expect(real).toMatchObject({ created: 4 })
  expect(real.importId).toBeGreaterThan(0)
  expect(existsSync(join(t.dir, 'backups'))).toBe(true)
})
