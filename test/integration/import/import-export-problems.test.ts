// The copy of a list with its problems marked is written in slices, like the rest of the import:
// it reports progress, other calls are answered meanwhile, a cancel leaves nothing at the chosen
// path (not even the temporary file written beside it), and the copy read back has the bad cells
// highlighted and a column of messages.
import { existsSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ImportProgress } from '../../../src/shared/api'
import { startCoreWithParent, tempDir, type TestCore } from '../../helpers/import-fixtures'

/** Long enough to take several slices to write, even on a fast machine. */
const ROWS = 20_000
/** Sheet rows above the data: two title rows and the header. */
const HEADER_ROW = 3
const ERROR_ARGB = 'FFFFC7CE'
const WARNING_ARGB = 'FFFFEB9C'

/** Every 3rd person has a card number of 3 digits (an error in G), every 7th an unclear gender (a warning in D). */
const badCard = (i: number) => i % 3 === 0
const oddGender = (i: number) => i % 7 === 0
const sheetRow = (i: number) => HEADER_ROW + i

let fileDir: string
let file: string
let t: TestCore
let parentId: number
let outDir: string

/** A long list where a few thousand rows have problems, written with ExcelJS's streaming writer. */
async function writeListWithProblems(path: string, rows: number): Promise<void> {
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
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng']
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
    'Lan',
    'Long'
  ]
  for (let i = 1; i <= rows; i++) {
    const by = 1950 + (i % 50)
    const row = ws.addRow([
      i,
      // Distinct names (a name may not hold digits).
      `${family[i % 10]} ${middle[Math.floor(i / 10) % 8]} ${given[Math.floor(i / 80) % 12]} ${given[Math.floor(i / 960) % 12]}`,
      new Date(Date.UTC(by, i % 12, 1 + (i % 28))),
      oddGender(i) ? 'Khác' : i % 2 ? 'Nam' : 'Nữ',
      'Xã Tân Hòa',
      `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${by + 25}`,
      badCard(i) ? '123' : String(10_000_000 + i),
      `Chi bộ Ấp ${1 + (i % 5)}`
    ])
    row.getCell(3).numFmt = 'dd/mm/yyyy'
    row.commit()
  }
  ws.commit()
  await wb.commit()
}

beforeAll(async () => {
  fileDir = tempDir('import-export-')
  file = join(fileDir, 'danh-sach-loi.xlsx')
  await writeListWithProblems(file, ROWS)
}, 60_000)
afterAll(() => rmSync(fileDir, { recursive: true, force: true }))

beforeEach(async () => {
  ;({ t, parentId } = await startCoreWithParent())
  outDir = tempDir('import-export-out-')
})
afterEach(() => {
  t.close()
  rmSync(outDir, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls import:progress until `until` holds, keeping every answer seen. */
async function waitForProgress(
  id: string,
  until: (p: ImportProgress) => boolean,
  seen: ImportProgress[] = []
): Promise<ImportProgress> {
  for (let i = 0; i < 5000; i++) {
    const r = await t.core.dispatch('import:progress', { sessionId: id })
    if (r.ok) {
      seen.push(r.value as ImportProgress)
      if (until(r.value as ImportProgress)) return r.value as ImportProgress
    }
    await sleep(1)
  }
  throw new Error('progress never got there')
}

function track<T>(p: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false
  const promise = p.finally(() => (done = true))
  return { promise, settled: () => done }
}

/** Opens the list and previews it as the wizard does before the user asks for the copy. */
async function openWithPreview(): Promise<string> {
  const opened = await t.call('import:open', { path: file })
  const preview = await t.call('import:preview', {
    sessionId: opened.sessionId,
    parentUnitId: parentId,
    limit: 1
  })
  expect(preview.counts.total).toBe(ROWS)
  expect(preview.counts.errors).toBe(Math.floor(ROWS / 3))
  return opened.sessionId
}

const writingNow = (p: ImportProgress) =>
  p.phase === 'exporting' && p.total !== null && p.done > 0 && p.done < p.total

const fillOf = (cell: ExcelJS.Cell) =>
  (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null

describe('saving the list with its problems marked', () => {
  it('writes in slices that report progress, answers other calls meanwhile, and saves the marked copy', async () => {
    const sessionId = await openWithPreview()
    const saved = join(outDir, 'danh-sach_can-sua.xlsx')
    const exporting = track(
      t.core.dispatchTrusted('import:exportProblems', { sessionId, path: saved })
    )

    const seen: ImportProgress[] = []
    const midway = await waitForProgress(sessionId, writingNow, seen)
    expect(midway.total).toBe(HEADER_ROW + ROWS)
    expect(midway.message).toMatch(/^Đang ghi tệp kèm lỗi… [\d.]+ dòng$/)

    // Another channel is answered while the copy is being written.
    const units = await t.call('units:list', { includeRetired: false })
    expect(units.map((u: { name: string }) => u.name)).toEqual(['Đảng bộ xã Tân Hòa'])
    expect(exporting.settled()).toBe(false)

    await waitForProgress(sessionId, (p) => p.phase === 'done', seen)
    const r = await exporting.promise
    // A list this long was let go after the preview: it is read again first, with its own progress.
    const phases = seen.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1])
    expect(phases.slice(phases.indexOf('reading'))).toEqual(['reading', 'exporting', 'done'])
    // Then written in several slices, each reported.
    const written = seen.filter(writingNow).map((p) => p.done)
    expect(new Set(written).size).toBeGreaterThanOrEqual(2)
    expect(written).toEqual([...written].sort((a, b) => a - b))
    expect(r).toEqual({
      ok: true,
      value: {
        path: saved,
        rows: Math.floor(ROWS / 3) + Math.floor(ROWS / 7) - Math.floor(ROWS / 21)
      }
    })
    expect(await t.call('import:progress', { sessionId })).toMatchObject({ phase: 'done' })
    expect(readdirSync(outDir)).toEqual(['danh-sach_can-sua.xlsx'])

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(saved)
    const ws = wb.worksheets[0]
    expect(ws.name).toBe('Danh sách')
    expect(ws.getCell('I3').value).toBe('Lỗi / cảnh báo cần sửa')
    expect(ws.getColumn(9).width).toBe(60)
    expect(ws.getCell('A1').value).toBe('ĐẢNG BỘ XÃ TÂN HÒA')

    // Every row is copied, the last one too.
    expect(ws.getCell(`A${sheetRow(ROWS)}`).value).toBe(ROWS)
    expect(ws.getCell(`G${sheetRow(ROWS - 1)}`).value).toBe(String(10_000_000 + ROWS - 1))

    // An error: its cell in red, its message beside the row.
    const bad = sheetRow(3)
    expect(ws.getCell(`G${bad}`).value).toBe('123')
    expect(fillOf(ws.getCell(`G${bad}`))).toBe(ERROR_ARGB)
    expect(String(ws.getCell(`I${bad}`).value)).toMatch(/^Lỗi \(cột G\): /)
    // A warning: its cell in yellow.
    const odd = sheetRow(7)
    expect(fillOf(ws.getCell(`D${odd}`))).toBe(WARNING_ARGB)
    expect(String(ws.getCell(`I${odd}`).value)).toMatch(/^Cảnh báo \(cột D\): /)
    // Both on one row: both cells, both messages.
    const both = sheetRow(21)
    expect(fillOf(ws.getCell(`G${both}`))).toBe(ERROR_ARGB)
    expect(fillOf(ws.getCell(`D${both}`))).toBe(WARNING_ARGB)
    expect(String(ws.getCell(`I${both}`).value).split('\n')).toHaveLength(2)
    // A good row: nothing marked.
    const good = sheetRow(1)
    expect(fillOf(ws.getCell(`G${good}`))).toBeNull()
    expect(ws.getCell(`I${good}`).value).toBeNull()

    await t.call('import:close', { sessionId })
  }, 60_000)

  it('cancels while writing: CANCELLED, nothing at the path, no temporary file, and the session still usable', async () => {
    const sessionId = await openWithPreview()
    const saved = join(outDir, 'danh-sach_can-sua.xlsx')
    const exporting = track(
      t.core.dispatchTrusted('import:exportProblems', { sessionId, path: saved })
    )
    await waitForProgress(sessionId, writingNow)
    expect(await t.call('import:cancel', { sessionId })).toBeNull()

    const r = await exporting.promise
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toEqual({
      code: 'CANCELLED',
      message: 'Đã hủy việc lưu tệp kèm lỗi; không có tệp nào được ghi.'
    })
    expect(existsSync(saved)).toBe(false)
    expect(readdirSync(outDir)).toEqual([])

    // Asked again, the same session writes the whole copy.
    const again = await t.call('import:exportProblems', { sessionId, path: saved })
    expect(again.path).toBe(saved)
    expect(readdirSync(outDir)).toEqual(['danh-sach_can-sua.xlsx'])
    await t.call('import:close', { sessionId })
  }, 60_000)

  it('leaves a file already at the path as it was when the new copy is cancelled', async () => {
    const sessionId = await openWithPreview()
    const saved = join(outDir, 'cu.xlsx')
    writeFileSync(saved, 'bản cũ')
    const exporting = track(
      t.core.dispatchTrusted('import:exportProblems', { sessionId, path: saved })
    )
    await waitForProgress(sessionId, writingNow)
    await t.call('import:cancel', { sessionId })
    expect((await exporting.promise).ok).toBe(false)
    expect(readFileSync(saved, 'utf8')).toBe('bản cũ')
    expect(readdirSync(outDir)).toEqual(['cu.xlsx'])
    await t.call('import:close', { sessionId })
  }, 60_000)

  it('refuses a folder it cannot write with EXPORT_FAILED, and returns null when no place is chosen', async () => {
    const sessionId = await openWithPreview()
    const nowhere = join(outDir, 'khong-co', 'ds.xlsx')
    const err = await t.fail('import:exportProblems', { sessionId, path: nowhere })
    expect(err.code).toBe('EXPORT_FAILED')
    expect(err.message).toContain(`Không ghi được tệp ${nowhere}`)
    expect(readdirSync(outDir)).toEqual([])
    // The test platform has no dialog: as if the user closed it.
    expect(await t.call('import:exportProblems', { sessionId })).toBeNull()
    await t.call('import:close', { sessionId })
  }, 60_000)
})
