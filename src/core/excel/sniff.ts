// What a file really is, whatever its name says, and whether it is safe to open. A zip is
// inspected through its central directory before ExcelJS sees it: too many entries, too much
// uncompressed data, a suspicious compression ratio or encryption are refused up front.
import { closeSync, openSync, readSync } from 'node:fs'
import { extname } from 'node:path'
import { CoreError } from '../db/errors'
import { checkOrdinaryFile } from '../files'
import { LIMITS } from './grid'
import { checkEntry, eachEntry, openZip, readEntry, type ZipEntry, type ZipFile } from './zip'

export type FileKind = 'xlsx' | 'csv'

export const REFUSAL = {
  empty: 'Tệp trống (0 byte): không có gì để nhập. Hãy kiểm tra lại tệp nhận được.',
  xls:
    'Tệp này là bảng tính Excel 97-2003 (.xls), định dạng cũ phần mềm không đọc trực tiếp. Hãy mở bằng Excel và Lưu thành .xlsx ' +
    '(Tệp > Lưu thành > Sổ làm việc Excel (*.xlsx)), rồi nhập tệp .xlsx vừa lưu.',
  ods:
    'Tệp này là bảng tính OpenDocument (.ods, của LibreOffice/OpenOffice). Hãy mở bằng LibreOffice Calc hoặc Excel và Lưu thành ' +
    '.xlsx (Excel 2007-365), rồi nhập tệp .xlsx vừa lưu.',
  encrypted:
    'Tệp Excel này được đặt mật khẩu nên không đọc được. Hãy mở bằng Excel (nhập mật khẩu), bỏ mật khẩu (Tệp > Thông tin > ' +
    'Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu: xóa trống), lưu lại rồi nhập.',
  xlsb: 'Tệp này là sổ làm việc nhị phân Excel (.xlsb). Hãy mở bằng Excel và Lưu thành .xlsx, rồi nhập tệp .xlsx.',
  xml2003:
    'Tệp này là bảng tính XML của Excel 2003. Hãy mở bằng Excel và Lưu thành .xlsx, rồi nhập tệp .xlsx.',
  html:
    'Tệp này thực ra là một trang web (HTML) mang đuôi bảng tính, thường do phần mềm khác xuất ra. Hãy mở bằng Excel và Lưu thành ' +
    '.xlsx, rồi nhập tệp .xlsx.',
  // The zip itself is cut short or unreadable: the file did not arrive whole.
  corrupt:
    'Tệp .xlsx bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong hoặc bị cắt mất phần cuối). Hãy xin lại tệp gốc, hoặc mở bằng ' +
    'Excel để sửa rồi lưu lại.',
  // The zip is whole but a part inside does not inflate or is not valid XML: the file arrived as it
  // was made, so fetching it again would not help; Excel can usually repair it.
  damaged:
    'Tệp bị hỏng bên trong, hãy mở bằng Excel và lưu lại (Excel sẽ đề nghị sửa tệp), rồi nhập tệp vừa lưu. Tệp đã nhận trọn vẹn ' +
    'nhưng nội dung bảng tính bên trong sai cấu trúc.'
} as const

export function refuse(code: string, message: string): CoreError {
  return new CoreError(code, message)
}

function notSpreadsheet(what: string): CoreError {
  return refuse(
    'FILE_NOT_SPREADSHEET',
    `Tệp này không phải bảng tính (${what}). Phần mềm nhập danh sách từ tệp Excel (.xlsx) hoặc .csv; hãy chọn đúng tệp danh sách.`
  )
}

function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    const n = readSync(fd, buf, 0, bytes, 0)
    return buf.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

/** OLE compound file: an encrypted OOXML workbook, an old .xls, or some other Office file. */
function classifyCompoundFile(path: string, size: number): never {
  const data = readHead(path, Math.min(size, 32 * 1024 * 1024))
  const has = (name: string) => data.includes(Buffer.from(name, 'utf16le'))
  if (has('EncryptionInfo') || has('EncryptedPackage'))
    throw refuse('FILE_ENCRYPTED', REFUSAL.encrypted)
  if (has('Workbook') || has('Book')) throw refuse('FILE_XLS', REFUSAL.xls)
  if (has('WordDocument')) throw notSpreadsheet('tài liệu Word .doc')
  if (has('PowerPoint Document')) throw notSpreadsheet('tệp PowerPoint .ppt')
  throw notSpreadsheet('tệp Office dạng cũ không phải bảng tính')
}

const bomb = () =>
  refuse(
    'FILE_ZIP_BOMB',
    'Một thành phần của tệp lớn bất thường khi giải nén; có thể là tệp độc hại. Phần mềm từ chối đọc.'
  )

/** The entries by name, refusing encryption, too many entries, too much data or a suspicious ratio on the way. */
async function listZip(zip: ZipFile): Promise<Map<string, ZipEntry>> {
  if (zip.entryCount > LIMITS.maxZipEntries) {
    throw refuse(
      'FILE_ZIP_BOMB',
      `Tệp nén chứa quá nhiều thành phần (${zip.entryCount}); có thể là tệp độc hại. Phần mềm từ chối đọc.`
    )
  }
  const raw = new Map<string, ZipEntry>()
  let total = 0
  await eachEntry(zip, (e) => {
    if (e.isEncrypted()) throw refuse('FILE_ENCRYPTED', REFUSAL.encrypted)
    total += e.uncompressedSize
    const ratio =
      e.compressedSize > 0
        ? e.uncompressedSize / e.compressedSize
        : e.uncompressedSize > 0
          ? Infinity
          : 1
    if (
      total > LIMITS.maxUncompressedBytes ||
      (e.uncompressedSize > 10 * 1024 * 1024 && ratio > LIMITS.maxRatio)
    ) {
      const mb = Math.round(total / 1024 / 1024)
      throw refuse(
        'FILE_ZIP_BOMB',
        `Tệp này bất thường: khi giải nén sẽ chiếm khoảng ${mb} MB (nén ${Number.isFinite(ratio) ? Math.round(ratio) : '∞'} lần), có thể là tệp độc hại ("bom nén"). Phần mềm từ chối đọc.`
      )
    }
    raw.set(e.fileName, e)
  })
  return raw
}

/** What inspectFile found: the kind, and for a workbook the inflated size of its worksheets. */
export interface FileInspection {
  kind: FileKind
  /** Bytes of worksheet XML (the measure of reading progress); null for CSV. */
  sheetBytes: number | null
}

async function classifyZip(path: string): Promise<FileInspection> {
  let zip: ZipFile
  try {
    zip = await openZip(path)
  } catch {
    throw refuse('FILE_CORRUPT', REFUSAL.corrupt)
  }
  try {
    const raw = await listZip(zip)
    const names = new Set(Array.from(raw.keys()).map((n) => n.replace(/^\/+/, '')))
    const mimetype = raw.get('mimetype')
    if (mimetype) {
      const text = (await readEntry(zip, mimetype, 4096, bomb)).toString('latin1')
      if (text.includes('opendocument.spreadsheet')) throw refuse('FILE_ODS', REFUSAL.ods)
      if (text.includes('opendocument'))
        throw notSpreadsheet('tài liệu OpenDocument không phải bảng tính')
    }
    if (names.has('xl/workbook.bin')) throw refuse('FILE_XLSB', REFUSAL.xlsb)
    if (!names.has('xl/workbook.xml')) {
      if (Array.from(names).some((n) => n.startsWith('word/')))
        throw notSpreadsheet('tài liệu Word .docx')
      if (Array.from(names).some((n) => n.startsWith('ppt/')))
        throw notSpreadsheet('tệp PowerPoint .pptx')
      if (names.has('content.xml')) throw refuse('FILE_ODS', REFUSAL.ods)
      throw notSpreadsheet('tệp nén .zip không chứa bảng tính')
    }
    // Parts ExcelJS holds whole in memory: prove their real size before it reads them. The
    // directory was read whole, so a part that does not inflate is damage inside, not a cut.
    for (const [name, entry] of raw) {
      if (
        /^xl\/(sharedStrings|styles|workbook)\.xml$|^xl\/_rels\/|^\[Content_Types\]\.xml$/.test(
          name
        )
      ) {
        await checkEntry(zip, entry, LIMITS.maxCachedPartBytes, path, bomb).catch((e: unknown) => {
          throw e instanceof CoreError ? e : refuse('FILE_DAMAGED', REFUSAL.damaged)
        })
      }
    }
    let sheetBytes = 0
    for (const [name, entry] of raw)
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) sheetBytes += entry.uncompressedSize
    return { kind: 'xlsx', sheetBytes }
  } catch (e) {
    if (e instanceof CoreError) throw e
    throw refuse('FILE_CORRUPT', REFUSAL.corrupt)
  } finally {
    zip.close()
  }
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true
  let control = 0
  let zeros = 0
  for (const b of head) {
    if (b === 0) zeros++
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a)) control++
  }
  // UTF-16 without a BOM has a zero in every other byte; other binaries have scattered controls.
  if (zeros > head.length / 4 && zeros < head.length * 0.6) return true
  return zeros === 0 && control <= head.length / 100
}

/** Decides what the file is; throws a CoreError with a Vietnamese message when it is refused. */
export async function sniffFile(path: string): Promise<FileKind> {
  return (await inspectFile(path)).kind
}

/** sniffFile, telling also how much worksheet XML a workbook holds. */
export async function inspectFile(path: string): Promise<FileInspection> {
  // A NUL in the name, a folder, a pipe or a device is refused by name before anything is read.
  const size = checkOrdinaryFile(path).size
  if (size === 0) throw refuse('FILE_EMPTY', REFUSAL.empty)
  if (size > LIMITS.maxFileBytes) {
    throw refuse(
      'FILE_TOO_BIG',
      `Tệp quá lớn (${Math.round(size / 1024 / 1024)} MB; tối đa ${LIMITS.maxFileBytes / 1024 / 1024} MB) để là một danh sách. Hãy tách thành nhiều tệp.`
    )
  }
  const head = readHead(path, 4096)
  if (head[0] === 0x50 && head[1] === 0x4b) return classifyZip(path)
  if (head.subarray(0, 8).equals(CFB_MAGIC)) classifyCompoundFile(path, size)
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') throw notSpreadsheet('tài liệu PDF')
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG')
    throw notSpreadsheet('ảnh PNG')
  if (head[0] === 0xff && head[1] === 0xd8) throw notSpreadsheet('ảnh JPEG')
  if (
    head.subarray(0, 4).toString('latin1') === 'Rar!' ||
    (head[0] === 0x1f && head[1] === 0x8b) ||
    head.subarray(0, 2).toString('latin1') === '7z'
  ) {
    throw notSpreadsheet('tệp nén')
  }
  if (!looksLikeText(head)) throw notSpreadsheet('dữ liệu nhị phân không rõ loại')
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 2000)
    .toLowerCase()
  if (text.startsWith('<?xml') && text.includes('urn:schemas-microsoft-com:office:spreadsheet'))
    throw refuse('FILE_XML2003', REFUSAL.xml2003)
  if (
    text.startsWith('<!doctype html') ||
    text.startsWith('<html') ||
    /^<\?xml[^>]*>\s*<html/.test(text) ||
    text.startsWith('<table')
  ) {
    throw refuse('FILE_HTML', REFUSAL.html)
  }
  if (text.startsWith('{\\rtf')) throw notSpreadsheet('tài liệu RTF')
  const ext = extname(path).toLowerCase()
  if (ext === '.xlsx' || ext === '.xls' || ext === '.ods') {
    // A text file named like a workbook: read it as CSV only if it looks delimited.
    if (!/[,;\t]/.test(text)) throw notSpreadsheet('tệp văn bản mang đuôi bảng tính')
  }
  return { kind: 'csv', sheetBytes: null }
}
