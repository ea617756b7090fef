// The "Miễn sinh hoạt" column of a member list: members it marks are created or become exempt
// (with the day and the note in their status history), those it cannot move are warned about,
// undo puts everything back, and exempt members are not asked to study.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  ImportPreview,
  ImportSummary,
  Person,
  PersonStatusEntry
} from '../../../src/shared/api'
import { todayIso } from '../../../src/shared/partial-date'
import { startCoreWithParent, utc, type TestCore } from '../../helpers/import-fixtures'

let t: TestCore
let parentId: number

beforeEach(async () => {
  ;({ t, parentId } = await startCoreWithParent())
})
afterEach(() => t.close())

interface Row {
  name: string
  profile: string
  /** The "Miễn sinh hoạt" cell: a mark, a date, a year or a note; absent: empty. */
  exempt?: string | number | Date
}

const AN = { name: 'Nguyễn Văn An', profile: '00000001' }
const BINH = { name: 'Trần Thị Bình', profile: '00000002' }
const CUONG = { name: 'Lê Văn Cường', profile: '00000003' }
const DUNG = { name: 'Phạm Thị Dung', profile: '00000004' }
const EM = { name: 'Hoàng Văn Em', profile: '00000005' }

/** A list of the chi bộ with a "Miễn sinh hoạt" column (a column the file may also lack). */
async function writeList(
  path: string,
  rows: Row[],
  exemptHeader: string | null = 'Miễn sinh hoạt'
): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Danh sách')
  ws.getCell('A1').value = 'DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3'
  ws.getRow(3).values = [
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Số lý lịch',
    ...(exemptHeader ? [exemptHeader] : [])
  ]
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i)
    row.values = [i + 1, r.name, `0${1 + i}/05/1970`, r.profile]
    if (exemptHeader && r.exempt !== undefined) {
      row.getCell(5).value = r.exempt
      if (r.exempt instanceof Date) row.getCell(5).numFmt = 'dd/mm/yyyy'
    }
  })
  await wb.xlsx.writeFile(path)
}

async function open(
  rows: Row[],
  options: { file?: string; header?: string | null } = {}
): Promise<string> {
  const path = join(t.dir, options.file ?? 'ds.xlsx')
  await writeList(path, rows, options.header === undefined ? 'Miễn sinh hoạt' : options.header)
  return (await t.call('import:open', { path })).sessionId
}

async function importList(
  rows: Row[],
  options: { file?: string; header?: string | null; kind?: 'member' | 'non_member' } = {}
): Promise<ImportSummary> {
  const sessionId = await open(rows, options)
  return t.call('import:commit', { sessionId, parentUnitId: parentId, kind: options.kind })
}

async function person(name: string): Promise<Person & { history: PersonStatusEntry[] }> {
  const list = await t.call('people:list', {
    unitId: null,
    includeSubunits: true,
    q: name,
    statuses: ['active', 'exempt', 'suspended', 'temporary', 'transferred']
  })
  const p: Person = await t.call('people:get', { id: list.rows[0].id })
  return { ...p, history: await t.call('people:statusHistory', { id: p.id }) }
}

const statusOf = async (name: string) => {
  const p = await person(name)
  return {
    status: p.status,
    statusSince: p.statusSince,
    history: p.history.map((h) => ({ status: h.status, since: h.since, note: h.note }))
  }
}

describe('new people marked in the "Miễn sinh hoạt" column', () => {
  it('are created exempt since the day, month or year written (or the day of the import), with the file and note in their history', async () => {
    const summary = await importList([
      { ...AN, exempt: 'x' },
      { ...BINH, exempt: utc(2019, 3, 15) },
      { ...CUONG, exempt: 2018 },
      { ...DUNG, exempt: 'QĐ 12/QĐ-ĐU' },
      { ...EM },
      { name: 'Võ Thị Giang', profile: '00000006', exempt: 'không' },
      { name: 'Đỗ Văn Hải', profile: '00000007', exempt: '03/2021' }
    ])
    expect(summary).toMatchObject({ created: 7, warnings: [] })
    const today = todayIso()
    const note = 'Theo danh sách nhập từ tệp ds.xlsx'
    expect(await statusOf(AN.name)).toEqual({
      status: 'exempt',
      statusSince: today,
      history: [{ status: 'exempt', since: today, note }]
    })
    expect(await statusOf(BINH.name)).toEqual({
      status: 'exempt',
      statusSince: '2019-03-15',
      history: [{ status: 'exempt', since: '2019-03-15', note }]
    })
    expect(await statusOf(CUONG.name)).toEqual({
      status: 'exempt',
      statusSince: '2018-01-01',
      history: [{ status: 'exempt', since: '2018-01-01', note }]
    })
    expect(await statusOf(DUNG.name)).toEqual({
      status: 'exempt',
      statusSince: today,
      history: [{ status: 'exempt', since: today, note: `${note}: QĐ 12/QĐ-ĐU` }]
    })
    expect(await statusOf('Đỗ Văn Hải')).toMatchObject({
      status: 'exempt',
      statusSince: '2021-03-01'
    })
    expect(await statusOf(EM.name)).toEqual({ status: 'active', statusSince: null, history: [] })
    expect(await statusOf('Võ Thị Giang')).toEqual({
      status: 'active',
      statusSince: null,
      history: []
    })
  })

  it('are not among those who must study the topic', async () => {
    await importList([{ ...AN, exempt: 'x' }, { ...BINH, exempt: 2018 }, CUONG, DUNG])
    const coverage = await t.call('study:coverage', { year: 2024, unitId: null })
    expect(coverage.total).toMatchObject({
      required: 2,
      members: expect.objectContaining({ required: 2 })
    })
  })

  it('the same file imported again changes nothing, and undo removes them with their history', async () => {
    const rows = [{ ...AN, exempt: 'x' }, { ...BINH, exempt: utc(2019, 3, 15) }, CUONG]
    const first = await importList(rows)
    const again = await importList(rows)
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, backup: null })
    expect((await person(AN.name)).history).toHaveLength(1)

    // Undo is not refused: the people are as the import wrote them, exempt included.
    expect(await t.call('import:undo', { importId: first.importId })).toMatchObject({
      removedPeople: 3
    })
    expect(
      (
        await t.call('people:list', {
          unitId: null,
          includeSubunits: true,
          statuses: ['active', 'exempt']
        })
      ).total
    ).toBe(0)
  })

  it('of a list of non-members are warned about and left active', async () => {
    const sessionId = await open([{ ...AN, exempt: 'x' }, BINH])
    const preview: ImportPreview = await t.call('import:preview', {
      sessionId,
      parentUnitId: parentId,
      kind: 'non_member'
    })
    expect(preview.counts).toMatchObject({ create: 2, warnings: 1 })
    expect(preview.problems).toEqual([
      {
        sheet: 'Danh sách',
        row: 4,
        column: 'E',
        field: 'exempt',
        severity: 'warning',
        message: 'Miễn sinh hoạt chỉ áp dụng cho đảng viên; đã bỏ qua.',
        outcome: 'dropped',
        value: expect.anything()
      }
    ])
    await t.call('import:commit', { sessionId, parentUnitId: parentId, kind: 'non_member' })
    expect(await statusOf(AN.name)).toEqual({ status: 'active', statusSince: null, history: [] })
  })
})

describe('people on file marked in a later list', () => {
  it('an active member becomes exempt (shown in the preview); a temporary one too; undo puts status, since and history back', async () => {
    await importList([AN, BINH, CUONG], { file: 'ds1.xlsx', header: null })
    await t.call('people:setStatus', {
      id: (await person(BINH.name)).id,
      status: 'temporary',
      since: '2023-01-10',
      note: 'Đi làm xa'
    })

    const sessionId = await open([{ ...AN, exempt: 'x' }, { ...BINH, exempt: 'QĐ 5' }, CUONG], {
      file: 'ds2.xlsx'
    })
    const preview: ImportPreview = await t.call('import:preview', {
      sessionId,
      parentUnitId: parentId,
      filter: 'update'
    })
    expect(preview.counts).toMatchObject({ create: 0, update: 2, unchanged: 1, warnings: 0 })
    expect(preview.rows.map((r) => [r.fullName, r.changes])).toEqual([
      [
        AN.name,
        [
          {
            field: 'status',
            label: 'Trạng thái',
            from: 'Đang sinh hoạt',
            to: 'Miễn công tác và sinh hoạt'
          }
        ]
      ],
      [
        BINH.name,
        [
          {
            field: 'status',
            label: 'Trạng thái',
            from: 'Sinh hoạt tạm thời',
            to: 'Miễn công tác và sinh hoạt'
          }
        ]
      ]
    ])
    const summary = await t.call('import:commit', { sessionId, parentUnitId: parentId })
    expect(summary).toMatchObject({ created: 0, updated: 2, unchanged: 1 })

    const today = todayIso()
    const temporary = { status: 'temporary', since: '2023-01-10', note: 'Đi làm xa' }
    expect(await statusOf(AN.name)).toEqual({
      status: 'exempt',
      statusSince: today,
      history: [{ status: 'exempt', since: today, note: 'Theo danh sách nhập từ tệp ds2.xlsx' }]
    })
    expect(await statusOf(BINH.name)).toEqual({
      status: 'exempt',
      statusSince: today,
      history: [
        { status: 'exempt', since: today, note: 'Theo danh sách nhập từ tệp ds2.xlsx: QĐ 5' },
        temporary
      ]
    })
    expect(await statusOf(CUONG.name)).toEqual({ status: 'active', statusSince: null, history: [] })

    expect(await t.call('import:undo', { importId: summary.importId })).toMatchObject({
      restoredPeople: 2,
      removedPeople: 0
    })
    expect(await statusOf(AN.name)).toEqual({ status: 'active', statusSince: null, history: [] })
    expect(await statusOf(BINH.name)).toEqual({
      status: 'temporary',
      statusSince: '2023-01-10',
      history: [temporary]
    })
  })

  it('undo is refused when the status was changed by hand after the import', async () => {
    await importList([AN, BINH], { file: 'ds1.xlsx', header: null })
    const summary = await importList([{ ...AN, exempt: 'x' }, BINH], { file: 'ds2.xlsx' })
    await t.call('people:setStatus', { id: (await person(AN.name)).id, status: 'active' })
    const refusal = await t.fail('import:undo', { importId: summary.importId })
    expect(refusal.message).toMatch(/1 người đã được sửa sau lần nhập này \(Nguyễn Văn An\)/)
  })

  it('an empty cell leaves an exempt member exempt', async () => {
    await importList([{ ...AN, exempt: utc(2020, 6, 1) }, BINH])
    const again = await importList([AN, { ...BINH, exempt: '' }], { file: 'ds-moi.xlsx' })
    expect(again).toMatchObject({ updated: 0, unchanged: 2 })
    expect(await statusOf(AN.name)).toMatchObject({ status: 'exempt', statusSince: '2020-06-01' })
  })

  it('a member who left the rolls or is suspended is not moved by a mark: the row gets a warning', async () => {
    await importList([AN, BINH, CUONG], { header: null })
    await t.call('people:setStatus', {
      id: (await person(AN.name)).id,
      status: 'transferred',
      since: '2024-01-02'
    })
    await t.call('people:setStatus', {
      id: (await person(BINH.name)).id,
      status: 'suspended',
      since: '2024-01-03'
    })

    const sessionId = await open([{ ...AN, exempt: 'x' }, { ...BINH, exempt: '✓' }, CUONG], {
      file: 'ds2.xlsx'
    })
    const preview: ImportPreview = await t.call('import:preview', {
      sessionId,
      parentUnitId: parentId
    })
    expect(preview.counts).toMatchObject({ update: 0, unchanged: 3, warnings: 2 })
    expect(preview.problems.map((p) => [p.row, p.column, p.severity, p.message])).toEqual([
      [
        4,
        'E',
        'warning',
        'Người này đang ở trạng thái "Đã chuyển đi"; không chuyển sang miễn sinh hoạt theo danh sách (nếu cần, hãy đổi trạng thái bằng tay).'
      ],
      [
        5,
        'E',
        'warning',
        'Người này đang ở trạng thái "Đình chỉ sinh hoạt"; không chuyển sang miễn sinh hoạt theo danh sách (nếu cần, hãy đổi trạng thái bằng tay).'
      ]
    ])
    const summary = await t.call('import:commit', { sessionId, parentUnitId: parentId })
    expect(summary.warnings).toHaveLength(2)
    expect(await statusOf(AN.name)).toMatchObject({
      status: 'transferred',
      statusSince: '2024-01-02'
    })
    expect(await statusOf(BINH.name)).toMatchObject({
      status: 'suspended',
      statusSince: '2024-01-03'
    })
  })

  it('lists problems in the order of the file: what matching finds about a row comes with that row', async () => {
    await importList([AN], { header: null })
    await t.call('people:setStatus', {
      id: (await person(AN.name)).id,
      status: 'transferred',
      since: '2024-01-02'
    })
    // Row 4: a warning from matching (An left the rolls); row 5: a warning of the cell (a date to come).
    const sessionId = await open(
      [
        { ...AN, exempt: 'x' },
        { ...DUNG, exempt: '01/01/2099' }
      ],
      { file: 'ds2.xlsx' }
    )
    const preview: ImportPreview = await t.call('import:preview', {
      sessionId,
      parentUnitId: parentId
    })
    expect(preview.problems.map((p) => [p.row, p.severity])).toEqual([
      [4, 'warning'],
      [5, 'warning']
    ])
    expect(preview.counts.warnings).toBe(2)
  })

  it('a re-import of the marking list changes nothing the second time', async () => {
    await importList([AN, BINH], { file: 'ds1.xlsx', header: null })
    const rows = [{ ...AN, exempt: 'Miễn' }, BINH]
    expect(await importList(rows, { file: 'ds2.xlsx' })).toMatchObject({ updated: 1, unchanged: 1 })
    expect(await importList(rows, { file: 'ds2.xlsx' })).toMatchObject({
      updated: 0,
      unchanged: 2,
      backup: null
    })
    expect((await person(AN.name)).history).toHaveLength(1)
  })
})
