// `import members FILE --parent NAME`: the CLI's form of the wizard's "create units under" choice.
// The chi bộ a file names, by one sheet each, by a "Chi bộ" column or by a title row, are created
// under the parent on an empty data file; without --parent the refusal says to use it.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/index'
import type { Out } from '../../../src/cli/output'
import { tempDir } from '../../helpers/core'
import { SAMPLE, writeMemberList } from '../../helpers/import-fixtures'

async function cli(...argv: string[]): Promise<{ code: number; json: any }> {
  let stdout = ''
  const out: Out = { json: false, write: (t) => (stdout += t), writeError: () => {} }
  const code = await runCli(argv, out)
  return { code, json: JSON.parse(stdout) }
}

const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên']

/** One sheet per chi bộ, named for it, with no title rows: only the sheet's name tells the unit. */
async function writeSheets(path: string, sheets: Record<string, string[]>): Promise<void> {
  const wb = new ExcelJS.Workbook()
  let card = 10000000
  for (const [name, people] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name)
    ws.addRow(HEADER)
    people.forEach((p, i) => ws.addRow([i + 1, p, `0${i + 1}/02/1980`, String(card++)]))
  }
  await wb.xlsx.writeFile(path)
}

/** One sheet with a "Chi bộ" column. */
async function writeUnitColumn(path: string, rows: [string, string][]): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Danh sách')
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ'])
  rows.forEach(([name, unit], i) => ws.addRow([i + 1, name, `1${i}/03/1975`, unit]))
  await wb.xlsx.writeFile(path)
}

async function setUp(): Promise<{ dir: string; db: string }> {
  const dir = tempDir()
  const db = join(dir, 'a.sqlite')
  expect(
    (
      await cli(
        'units',
        'add',
        '--name',
        'Đảng ủy xã Tân Hòa',
        '--level',
        'Đảng bộ cơ sở',
        '--db',
        db,
        '--json'
      )
    ).code
  ).toBe(0)
  return { dir, db }
}

async function peopleByUnit(db: string): Promise<Record<string, string[]>> {
  const people = (await cli('people', 'list', '--db', db, '--json')).json as {
    fullName: string
    unit: string
  }[]
  const by: Record<string, string[]> = {}
  for (const p of people) (by[p.unit] ??= []).push(p.fullName)
  for (const k of Object.keys(by)) by[k].sort()
  return by
}

async function unitsUnder(db: string, parent: string): Promise<string[]> {
  const units = (await cli('units', 'list', '--db', db, '--json')).json as {
    id: number
    parentId: number | null
    name: string
  }[]
  const p = units.find((u) => u.name === parent)!
  return units
    .filter((u) => u.parentId === p.id)
    .map((u) => u.name)
    .sort()
}

describe('cli: import members --parent', () => {
  it('creates one chi bộ per sheet under the parent; without --parent the refusal names the option', async () => {
    const { dir, db } = await setUp()
    const file = join(dir, 'ba-chi-bo.xlsx')
    await writeSheets(file, {
      'Chi bộ ấp 1': ['Nguyễn Văn An', 'Trần Thị Bình'],
      'Chi bộ ấp 2': ['Lê Văn Cường'],
      'Chi bộ ấp 3': ['Phạm Thị Dung', 'Võ Văn Em', 'Đỗ Thị Gấm']
    })

    const refused = await cli('import', 'members', file, '--db', db, '--json')
    expect(refused.code).toBe(2)
    expect(refused.json.error.code).toBe('IMPORT_BLOCKED')
    expect(refused.json.error.message).toMatch(/--parent/)
    expect(refused.json.error.message).toMatch(/Chi bộ ấp 1/i)

    const dry = await cli(
      'import',
      'members',
      file,
      '--parent',
      'dang uy xa tan hoa',
      '--dry-run',
      '--db',
      db,
      '--json'
    )
    expect(dry.json).toMatchObject({ dryRun: true, created: 6, unitsCreated: 3 })
    expect(await unitsUnder(db, 'Đảng ủy xã Tân Hòa')).toEqual([])

    const r = await cli(
      'import',
      'members',
      file,
      '--parent',
      'Đảng ủy xã Tân Hòa',
      '--db',
      db,
      '--json'
    )
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({ created: 6, skipped: 0, unitsCreated: 3 })
    expect(await unitsUnder(db, 'Đảng ủy xã Tân Hòa')).toEqual([
      'Chi bộ ấp 1',
      'Chi bộ ấp 2',
      'Chi bộ ấp 3'
    ])
    expect(await peopleByUnit(db)).toEqual({
      'Chi bộ ấp 1': ['Nguyễn Văn An', 'Trần Thị Bình'],
      'Chi bộ ấp 2': ['Lê Văn Cường'],
      'Chi bộ ấp 3': ['Phạm Thị Dung', 'Võ Văn Em', 'Đỗ Thị Gấm']
    })

    // The same file again: the chi bộ are found under the parent, not made twice.
    const again = await cli(
      'import',
      'members',
      file,
      '--parent',
      'Đảng ủy xã Tân Hòa',
      '--db',
      db,
      '--json'
    )
    expect(again.json).toMatchObject({ created: 0, unchanged: 6, unitsCreated: 0 })
  })

  it('creates the chi bộ of a "Chi bộ" column; --unit takes the people whose row names none', async () => {
    const { dir, db } = await setUp()
    const file = join(dir, 'cot-chi-bo.xlsx')
    await writeUnitColumn(file, [
      ['Nguyễn Văn An', 'Chi bộ Cơ quan Đảng - Đoàn thể xã'],
      ['Trần Thị Bình', 'CHI BỘ CÔNG AN XÃ'],
      ['Lê Văn Cường', 'Chi bộ Cơ quan Đảng - Đoàn thể xã'],
      ['Phạm Thị Dung', '']
    ])

    const refused = await cli(
      'import',
      'members',
      file,
      '--parent',
      'Đảng ủy xã Tân Hòa',
      '--db',
      db,
      '--json'
    )
    expect(refused.code).toBe(2)
    expect(refused.json.error.message).toMatch(/--unit/)
    expect(refused.json.error.message).not.toMatch(/--parent/)

    expect(
      (
        await cli(
          'units',
          'add',
          '--name',
          'Chi bộ ấp 5',
          '--level',
          'Chi bộ',
          '--parent',
          'Đảng ủy xã Tân Hòa',
          '--db',
          db,
          '--json'
        )
      ).code
    ).toBe(0)
    const r = await cli(
      'import',
      'members',
      file,
      '--parent',
      'Đảng ủy xã Tân Hòa',
      '--unit',
      'Chi bộ ấp 5',
      '--db',
      db,
      '--json'
    )
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({ created: 4, unitsCreated: 2 })
    expect(await unitsUnder(db, 'Đảng ủy xã Tân Hòa')).toEqual(
      ['Chi bộ ấp 5', 'Chi bộ Cơ quan Đảng - Đoàn thể xã', 'Chi bộ công an xã'].sort()
    )
    expect(await peopleByUnit(db)).toEqual({
      'Chi bộ Cơ quan Đảng - Đoàn thể xã': ['Lê Văn Cường', 'Nguyễn Văn An'],
      'Chi bộ công an xã': ['Trần Thị Bình'],
      'Chi bộ ấp 5': ['Phạm Thị Dung']
    })
  })

  it('creates the chi bộ named in a title row under the parent', async () => {
    const { dir, db } = await setUp()
    const file = join(dir, 'tieu-de.xlsx')
    await writeMemberList(file, SAMPLE)

    const refused = await cli('import', 'members', file, '--db', db, '--json')
    expect(refused.code).toBe(2)
    expect(refused.json.error.message).toMatch(/--parent/)

    const r = await cli(
      'import',
      'members',
      file,
      '--parent',
      'Đảng ủy xã Tân Hòa',
      '--db',
      db,
      '--json'
    )
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({ created: SAMPLE.length, unitsCreated: 1 })
    expect(await unitsUnder(db, 'Đảng ủy xã Tân Hòa')).toEqual(['Chi bộ ấp 3'])
    expect(Object.keys(await peopleByUnit(db))).toEqual(['Chi bộ ấp 3'])
  })
})
