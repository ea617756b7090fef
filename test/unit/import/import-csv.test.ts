import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, parseCsv, readCsv } from '../../../src/core/excel/read-csv'
import { toWindows1258Form } from '../../helpers/import-fixtures'

const TEXT =
  'Họ và tên,Quê quán\r\nNguyễn Thị Hằng,"Hòa Thành, Tây Ninh"\r\nĐặng Văn Ước,"Gò ""Dầu"""\r\n'

describe('CSV encodings', () => {
  it.each([
    ['UTF-8 (BOM)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
    ['UTF-8', Buffer.from(TEXT)],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf16le')])],
    ['UTF-16LE', iconv.encode(TEXT, 'utf16le')],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf16be')])],
    ['Windows-1258', iconv.encode(toWindows1258Form(TEXT), 'windows-1258')]
  ])('%s', (encoding, bytes) => {
    const decoded = decodeText(bytes)
    expect(decoded.encoding).toBe(encoding)
    expect(decoded.text.replace(/^\uFEFF/, '').normalize('NFC')).toBe(TEXT)
  })

  it('reads a semicolon CSV from Windows-1258 into NFC cells, keeping ="0123" zeros', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'))
    const file = join(dir, 'a.csv')
    writeFileSync(
      file,
      iconv.encode(
        toWindows1258Form('Họ và tên;Số thẻ\r\nPhạm Văn Đồng;="01234567"\r\n'),
        'windows-1258'
      )
    )
    const { sheet, encoding } = readCsv(file)
    expect(encoding).toBe('Windows-1258')
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ['Họ và tên', 'Số thẻ'],
      ['Phạm Văn Đồng', '01234567']
    ])
  })

  it('parses quotes, doubled quotes and line breaks inside quotes', () => {
    const rows: string[][] = []
    parseCsv('a,"b ""c""","d\ne"\nf,,g', ',', (r) => rows.push(r))
    expect(rows).toEqual([
      ['a', 'b "c"', 'd\ne'],
      ['f', '', 'g']
    ])
  })
})
