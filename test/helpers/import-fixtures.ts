// Builders for import tests: real .xlsx files written with ExcelJS, and a core on a temp folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { openCore, type Core } from '../../src/core/index'
import { noDialogs } from '../../src/core/platform'
import { encodeTcvn3 } from '../../src/core/excel/legacy-encoding'

/** Import tests name their files: both calls go through the trusted door (the CLI's). */
export interface TestCore {
  core: Core
  dir: string
  call<T = any>(channel: string, input?: unknown): Promise<T>
  fail(channel: string, input?: unknown): Promise<{ code: string; message: string }>
  close(): void
}

export function tempDir(prefix = 'import-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function startCore(): TestCore {
  const dir = tempDir()
  const core = openCore({ dataDir: dir, appVersion: 'test', platform: noDialogs })
  return {
    core,
    dir,
    async call(channel, input = null) {
      const r = await core.dispatchTrusted(channel, input)
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
      return r.value as never
    },
    async fail(channel, input = null) {
      const r = await core.dispatchTrusted(channel, input)
      if (r.ok) throw new Error(`${channel} should have failed`)
      return r.error
    },
    close() {
      core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export interface Member {
  name: string
  /** Date for a real date cell, string for text, number for a serial or a year. */
  birth?: Date | string | number
  male?: boolean
  join?: Date | string | number
  official?: Date | string | number
  card?: string | number
  profile?: string
  cccd?: string
  hometown?: string
  position?: string
}

export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

/**
 * A list as offices make them: organisation band and title rows, a header merged over two rows
 * ("Ngày sinh" over "Nam | Nữ", "Ngày vào Đảng" over "Dự bị | Chính thức"), a row of column
 * numbers, the data, a total row and a signature block. Optionally the hometown column is typed
 * in TCVN3 with a .VnTime font.
 */
export async function writeMemberList(
  path: string,
  members: Member[],
  options: { title?: string; tcvn3Hometown?: boolean; sheetName?: string } = {}
): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(options.sheetName ?? 'Danh sách')
  ws.getCell('A1').value = 'ĐẢNG BỘ XÃ TÂN HÒA'
  ws.getCell('F1').value = 'ĐẢNG CỘNG SẢN VIỆT NAM'
  ws.getCell('A2').value = 'CHI BỘ ẤP 3'
  ws.getCell('F2').value = 'Tân Hòa, ngày 10 tháng 5 năm 2024'
  ws.getCell('A4').value = options.title ?? 'DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3 NĂM 2024'
  ws.mergeCells('A4:J4')
  const top = [
    'STT',
    'Họ và tên',
    'Ngày sinh',
    null,
    'Quê quán',
    'Ngày vào Đảng',
    null,
    'Số thẻ ĐV',
    'Số lý lịch',
    'CCCD',
    'Chức vụ'
  ]
  const sub = [null, null, 'Nam', 'Nữ', null, 'Dự bị', 'Chính thức', null, null, null, null]
  ws.getRow(6).values = top
  ws.getRow(7).values = sub
  for (const c of [1, 2, 5, 8, 9, 10, 11]) ws.mergeCells(6, c, 7, c)
  ws.mergeCells(6, 3, 6, 4)
  ws.mergeCells(6, 6, 6, 7)
  ws.getRow(8).values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
  let r = 9
  members.forEach((m, i) => {
    const row = ws.getRow(r++)
    row.getCell(1).value = i + 1
    row.getCell(2).value = m.name
    const birthCell = row.getCell(m.male === false ? 4 : 3)
    if (m.birth !== undefined) {
      birthCell.value = m.birth
      if (m.birth instanceof Date) birthCell.numFmt = 'dd/mm/yyyy'
    }
    if (m.hometown) {
      const cell = row.getCell(5)
      cell.value = options.tcvn3Hometown ? encodeTcvn3(m.hometown) : m.hometown
      if (options.tcvn3Hometown) cell.font = { name: '.VnTime', size: 13 }
    }
    for (const [col, v] of [
      [6, m.join],
      [7, m.official]
    ] as const) {
      if (v === undefined) continue
      row.getCell(col).value = v
      if (v instanceof Date) row.getCell(col).numFmt = 'dd/mm/yyyy'
    }
    if (m.card !== undefined) row.getCell(8).value = m.card
    if (m.profile !== undefined) row.getCell(9).value = m.profile
    if (m.cccd !== undefined) row.getCell(10).value = m.cccd
    if (m.position !== undefined) row.getCell(11).value = m.position
  })
  ws.getRow(r++).values = [null, 'Tổng cộng: ' + members.length + ' đảng viên']
  r++
  ws.getRow(r++).values = [null, 'NGƯỜI LẬP BIỂU', null, null, null, null, 'T/M CHI BỘ']
  ws.getRow(r++).values = [null, null, null, null, null, null, 'BÍ THƯ']
  ws.getRow(r + 2).values = [null, 'Lê Văn Lập', null, null, null, null, 'Trần Văn Bí']
  await wb.xlsx.writeFile(path)
}

export const SAMPLE: Member[] = [
  {
    name: 'NGUYỄN VĂN AN',
    birth: utc(1970, 3, 12),
    male: true,
    join: utc(1995, 5, 19),
    official: utc(1996, 5, 19),
    card: '01234567',
    profile: '00112233',
    cccd: '079070001234',
    hometown: 'Hồ Chí Minh',
    position: 'Bí thư'
  },
  {
    name: 'Trần  Thị Bình',
    birth: '05/11/1985',
    male: false,
    join: '3/2/2010',
    official: '03/02/2011',
    card: 12345678,
    profile: '00112234',
    hometown: 'Tây Ninh'
  },
  {
    name: 'Lê Văn Cường',
    birth: 1962,
    male: true,
    join: '09/1990',
    card: '22345678',
    hometown: 'Thủ Dầu Một'
  },
  {
    name: 'Phạm Thị Dung',
    birth: 31000,
    male: false,
    join: utc(2005, 12, 1),
    profile: '00112236',
    hometown: 'Long An'
  }
]

/** As Windows writes Vietnamese in code page 1258: â ê ô ă ơ ư precomposed, tones as combining marks. */
export function toWindows1258Form(s: string): string {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g
  return s
    .normalize('NFD')
    .replace(/(\p{L})([\u0300-\u036f]+)/gu, (_m, base: string, marks: string) => {
      const tones = marks.match(TONES)?.join('') ?? ''
      return (base + marks.replace(TONES, '')).normalize('NFC') + tones
    })
}

/**
 * A long list written with ExcelJS's streaming writer (as the import benchmark does): title rows,
 * one header row, `rows` distinct people with dates, cards and a unit column, a totals row and a
 * signature line.
 */
export async function writeLargeList(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true
  })
  const ws = wb.addWorksheet('Danh sách')
  ws.addRow(['ĐẢNG BỘ XÃ TÂN HÒA']).commit()
  ws.addRow(['DANH SÁCH ĐẢNG VIÊN NĂM 2024']).commit()
  ws.addRow([
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Quê quán',
    'Ngày vào Đảng',
    'Số thẻ ĐV',
    'Chi bộ'
  ]).commit()
  const family = [
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Hoàng',
    'Huỳnh',
    'Phan',
    'Vũ',
    'Võ',
    'Đặng',
    'Bùi',
    'Đỗ',
    'Hồ',
    'Ngô',
    'Dương'
  ]
  const middle = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Đức']
  const given = [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Giang',
    'Hà',
    'Hải',
    'Hằng',
    'Hòa',
    'Hùng',
    'Hương',
    'Khánh',
    'Lan',
    'Long',
    'Mai',
    'Nam',
    'Nga',
    'Phúc',
    'Quang',
    'Sơn',
    'Tâm',
    'Thảo',
    'Trung',
    'Tuấn',
    'Uyên',
    'Việt',
    'Xuân',
    'Yến'
  ]
  for (let i = 1; i <= rows; i++) {
    const name = `${family[i % 15]} ${middle[Math.floor(i / 15) % 8]} ${given[Math.floor(i / 120) % 28]} ${given[Math.floor(i / 3360) % 28]}`
    const by = 1950 + (i % 50)
    const row = ws.addRow([
      i,
      name,
      new Date(Date.UTC(by, i % 12, 1 + (i % 28))),
      i % 2 ? 'Nam' : 'Nữ',
      `Xã ${given[i % given.length]}`,
      `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${by + 25}`,
      String(10_000_000 + i),
      `Chi bộ Ấp ${1 + (i % 5)}`
    ])
    row.getCell(3).numFmt = 'dd/mm/yyyy'
    row.commit()
  }
  ws.addRow([null, `Tổng cộng: ${rows} đảng viên`]).commit()
  ws.addRow([null, 'NGƯỜI LẬP BIỂU', null, null, null, 'T/M CHI BỘ']).commit()
  ws.commit()
  await wb.commit()
}

/** A fresh core with the root unit most import tests import under. */
export async function startCoreWithParent(): Promise<{ t: TestCore; parentId: number }> {
  const t = startCore()
  const parentId = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng bộ xã Tân Hòa',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  return { t, parentId }
}
