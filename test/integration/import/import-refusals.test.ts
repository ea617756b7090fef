// Files that must be refused with a clear message (never a crash, a hang or a partial import).
import { execFileSync } from 'node:child_process'
import { readFileSync, truncateSync, writeFileSync, statSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LIMITS } from '../../../src/core/excel/grid'
import { SAMPLE, startCore, writeMemberList, type TestCore } from '../../helpers/import-fixtures'

let t: TestCore
beforeEach(() => {
  t = startCore()
})
afterEach(() => t.close())

async function refused(path: string): Promise<{ code: string; message: string }> {
  const started = Date.now()
  const err = await t.fail('import:open', { path })
  expect(Date.now() - started).toBeLessThan(20_000)
  const people = await t.call('people:list', { unitId: null, includeSubunits: true })
  expect(people.total).toBe(0)
  return err
}

/** A minimal zip writer: entries stored or deflated; sizes in the directory can be overridden. */
function zip(
  entries: { name: string; data: Buffer; deflate?: boolean; claimSize?: number }[]
): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const body = e.deflate ? deflateRawSync(e.data, { level: 9 }) : e.data
    const name = Buffer.from(e.name)
    const crc = crc32(e.data)
    const size = e.claimSize ?? e.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(e.deflate ? 8 : 0, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(e.deflate ? 8 : 0, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += 30 + name.length + body.length
  }
  const dir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, dir, end])
}

describe('refusals', () => {
  it('an empty file', async () => {
    const f = join(t.dir, 'rong.xlsx')
    writeFileSync(f, '')
    expect(await refused(f)).toMatchObject({
      code: 'FILE_EMPTY',
      message: expect.stringMatching(/Tệp trống/)
    })
  })

  it('files that are not spreadsheets', async () => {
    const pdf = join(t.dir, 'a.xlsx')
    writeFileSync(pdf, '%PDF-1.4\n%âãÏÓ\n1 0 obj\n')
    expect(await refused(pdf)).toMatchObject({
      code: 'FILE_NOT_SPREADSHEET',
      message: expect.stringMatching(/PDF/)
    })
    const bin = join(t.dir, 'b.csv')
    writeFileSync(bin, Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)))
    expect((await refused(bin)).code).toBe('FILE_NOT_SPREADSHEET')
    const docx = join(t.dir, 'c.xlsx')
    writeFileSync(
      docx,
      zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.from('<w/>') }
      ])
    )
    expect(await refused(docx)).toMatchObject({
      code: 'FILE_NOT_SPREADSHEET',
      message: expect.stringMatching(/Word/)
    })
    const html = join(t.dir, 'd.xls')
    writeFileSync(html, '<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>')
    expect(await refused(html)).toMatchObject({
      code: 'FILE_HTML',
      message: expect.stringMatching(/Lưu thành/)
    })
  })

  it('a password-protected workbook (OLE file with an EncryptionInfo stream)', async () => {
    const f = join(t.dir, 'mat-khau.xlsx')
    const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    writeFileSync(
      f,
      Buffer.concat([
        head,
        Buffer.alloc(1024),
        Buffer.from('EncryptionInfo', 'utf16le'),
        Buffer.alloc(64),
        Buffer.from('EncryptedPackage', 'utf16le')
      ])
    )
    expect(await refused(f)).toMatchObject({
      code: 'FILE_ENCRYPTED',
      message: expect.stringMatching(/mật khẩu/)
    })
  })

  it('a zip bomb (by ratio, and by declared size) and too many entries', async () => {
    const bomb = join(t.dir, 'bom.xlsx')
    writeFileSync(
      bomb,
      zip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024), deflate: true }
      ])
    )
    expect(statSync(bomb).size).toBeLessThan(200_000)
    expect(await refused(bomb)).toMatchObject({
      code: 'FILE_ZIP_BOMB',
      message: expect.stringMatching(/độc hại/)
    })
    const liar = join(t.dir, 'noi-doi.xlsx')
    writeFileSync(
      liar,
      zip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        {
          name: 'xl/sharedStrings.xml',
          data: Buffer.from('<sst/>'),
          deflate: true,
          claimSize: 0xfffffff0
        }
      ])
    )
    expect(await refused(liar)).toMatchObject({ code: 'FILE_ZIP_BOMB' })
    const many = join(t.dir, 'nhieu.xlsx')
    writeFileSync(
      many,
      zip(
        Array.from({ length: LIMITS.maxZipEntries + 1 }, (_, i) => ({
          name: `x/${i}`,
          data: Buffer.from('')
        }))
      )
    )
    expect(await refused(many)).toMatchObject({ code: 'FILE_ZIP_BOMB' })
  })

  it('a truncated workbook and one with invalid XML', async () => {
    const f = join(t.dir, 'cut.xlsx')
    await writeMemberList(f, SAMPLE)
    truncateSync(f, Math.floor(statSync(f).size / 2))
    expect(await refused(f)).toMatchObject({
      code: 'FILE_CORRUPT',
      message: expect.stringMatching(/tải về chưa xong hoặc bị cắt mất phần cuối/)
    })

    const bad = join(t.dir, 'bad-xml.xlsx')
    const ok = join(t.dir, 'ok.xlsx')
    await writeMemberList(ok, SAMPLE)
    // Rebuild the same package with a broken worksheet.
    const JSZip = (await import('jszip')).default
    const z = await JSZip.loadAsync(readFileSync(ok))
    const sheet = await z.file('xl/worksheets/sheet1.xml')!.async('string')
    z.file(
      'xl/worksheets/sheet1.xml',
      sheet.replace(
        '<sheetData>',
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</is></row>'
      )
    )
    writeFileSync(bad, await z.generateAsync({ type: 'nodebuffer' }))
    // The zip is whole: damage inside, not an unfinished download.
    const damaged = await refused(bad)
    expect(damaged).toMatchObject({
      code: 'FILE_DAMAGED',
      message: expect.stringMatching(/^Tệp bị hỏng bên trong, hãy mở bằng Excel và lưu lại/)
    })
    expect(damaged.message).not.toMatch(/tải về/)
  })

  it('an enormous sheet is refused before it fills the memory', async () => {
    const f = join(t.dir, 'lon.xlsx')
    await writeMemberList(
      f,
      Array.from({ length: 60 }, (_, i) => ({
        ...SAMPLE[2],
        name: `Lê Văn Số ${'I'.repeat((i % 5) + 1)}`,
        card: undefined
      }))
    )
    const saved = LIMITS.maxRows
    LIMITS.maxRows = 40
    try {
      expect(await refused(f)).toMatchObject({
        code: 'FILE_TOO_LARGE',
        message: expect.stringMatching(/quá lớn/)
      })
    } finally {
      LIMITS.maxRows = saved
    }
  })

  it('sheets with no data', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Trống')
    const ws = wb.addWorksheet('Chỉ tiêu đề')
    ws.addRow(['DANH SÁCH ĐẢNG VIÊN'])
    ws.addRow(['STT', 'Họ và tên', 'Ngày sinh'])
    const f = join(t.dir, 'khong-du-lieu.xlsx')
    await wb.xlsx.writeFile(f)
    expect(await refused(f)).toMatchObject({
      code: 'FILE_NO_DATA',
      message: expect.stringMatching(/Không tìm thấy danh sách/)
    })
    const csv = join(t.dir, 'chi-tieu-de.csv')
    writeFileSync(csv, 'a,b,c\n1,2,3\n')
    expect((await refused(csv)).code).toBe('FILE_NO_DATA')
  })
})

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find((p) =>
  existsSync(p)
)

describe.skipIf(!soffice)('old and foreign formats made by LibreOffice', () => {
  it('refuses .xls (Excel 97-2003) and .ods with what to do', async () => {
    const src = join(t.dir, 'goc.xlsx')
    await writeMemberList(src, SAMPLE)
    for (const fmt of ['xls', 'ods']) {
      execFileSync(
        soffice!,
        [
          '--headless',
          `-env:UserInstallation=file://${t.dir}/lo-profile`,
          '--convert-to',
          fmt,
          '--outdir',
          t.dir,
          src
        ],
        { stdio: 'ignore', timeout: 90_000 }
      )
    }
    expect(await refused(join(t.dir, 'goc.xls'))).toMatchObject({
      code: 'FILE_XLS',
      message: expect.stringMatching(/Lưu thành \.xlsx/)
    })
    expect(await refused(join(t.dir, 'goc.ods'))).toMatchObject({
      code: 'FILE_ODS',
      message: expect.stringMatching(/\.xlsx/)
    })
  }, 120_000)
})
if (!soffice) console.log('LibreOffice (soffice) not found: the .xls/.ods refusal test is skipped.')
