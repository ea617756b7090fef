// A file cut short and a whole file with a broken part inside are told apart: the first did not
// arrive whole (fetch it again), the second arrived as it was made (Excel can repair and save it).
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SAMPLE, startCore, writeMemberList, type TestCore } from '../../helpers/import-fixtures'

let t: TestCore
beforeEach(() => {
  t = startCore()
})
afterEach(() => t.close())

const DOWNLOAD = /có thể tải về chưa xong hoặc bị cắt mất phần cuối/
const DAMAGED = /^Tệp bị hỏng bên trong, hãy mở bằng Excel và lưu lại/

/** A good member list, rebuilt with one part replaced. */
async function withPart(
  name: string,
  part: string,
  edit: (xml: string) => string
): Promise<string> {
  const ok = join(t.dir, 'ok.xlsx')
  await writeMemberList(ok, SAMPLE)
  const z = await JSZip.loadAsync(readFileSync(ok))
  z.file(part, edit(await z.file(part)!.async('string')))
  const path = join(t.dir, name)
  writeFileSync(path, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
  return path
}

describe('damaged or cut short', () => {
  it('a workbook cut short anywhere is an unfinished download', async () => {
    for (const keep of [0.2, 0.5, 0.9, 0.999]) {
      const f = join(t.dir, `cut-${keep}.xlsx`)
      await writeMemberList(f, SAMPLE)
      truncateSync(f, Math.floor(statSync(f).size * keep))
      const err = await t.fail('import:open', { path: f })
      expect(err, `kept ${keep}`).toMatchObject({
        code: 'FILE_CORRUPT',
        message: expect.stringMatching(DOWNLOAD)
      })
    }
  })

  it('a whole workbook whose worksheet XML is broken is damaged inside', async () => {
    const f = await withPart('sheet.xlsx', 'xl/worksheets/sheet1.xml', (x) =>
      x.replace('</sheetData>', '<row r="999"><c r="A999"></sheetData>')
    )
    const err = await t.fail('import:open', { path: f })
    expect(err).toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(DAMAGED) })
    expect(err.message).not.toMatch(/tải về/)
  })

  it('a whole workbook whose workbook part is not XML is damaged inside', async () => {
    const f = await withPart(
      'book.xlsx',
      'xl/workbook.xml',
      (x) => x.slice(0, Math.floor(x.length / 2)) + '<<&&'
    )
    const err = await t.fail('import:open', { path: f })
    expect(err).toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(DAMAGED) })
  })

  it('a whole zip with a part whose compressed data is damaged is damaged inside', async () => {
    const ok = join(t.dir, 'ok.xlsx')
    await writeMemberList(ok, SAMPLE)
    const bytes = readFileSync(ok)
    // Overwrite the middle of the shared strings' compressed data; the directory stays intact.
    const z = await JSZip.loadAsync(bytes)
    expect(z.file('xl/sharedStrings.xml')).not.toBeNull()
    const name = Buffer.from('xl/sharedStrings.xml')
    const at = bytes.indexOf(name)
    const dataStart = at + name.length + bytes.readUInt16LE(at - 2)
    const compressed = bytes.readUInt32LE(at - 12)
    bytes.fill(0xff, dataStart + 2, dataStart + Math.max(3, Math.floor(compressed / 2)))
    const f = join(t.dir, 'inflate.xlsx')
    writeFileSync(f, bytes)
    const err = await t.fail('import:open', { path: f })
    expect(err).toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(DAMAGED) })
  })
})
