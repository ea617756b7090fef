// A copy of the received list with the bad cells highlighted and a column of messages, so the
// sender can fix the file and send it again.
import ExcelJS from 'exceljs'
import type { ImportExportProblemsInput, ImportProblem } from '../../shared/api'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import { DateCell, decodeRef, type CellValue } from './grid'
import { sessionProblems } from './service'

const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }
const WARNING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } }

function toExcel(v: CellValue): ExcelJS.CellValue {
  if (v instanceof DateCell) return new Date(Date.UTC(v.year, v.month - 1, v.day))
  return v
}

export async function exportProblems(ctx: CoreContext, input: ImportExportProblemsInput): Promise<{ path: string; rows: number } | null> {
  const { s, grid, problems, layouts } = await sessionProblems(ctx, input.sessionId)
  let path = input.path ?? null
  if (!path) {
    path = await ctx.platform.chooseSaveFile({
      title: 'Lưu danh sách kèm các lỗi cần sửa',
      defaultName: s.fileName.replace(/\.[^.]+$/, '') + '_can-sua.xlsx',
      filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
    })
  }
  if (!path) return null
  if (!/\.xlsx$/i.test(path)) path += '.xlsx'

  const bySheetRow = new Map<string, ImportProblem[]>()
  for (const p of problems) {
    const k = `${p.sheet}\u0000${p.row}`
    const list = bySheetRow.get(k)
    if (list) list.push(p)
    else bySheetRow.set(k, [p])
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false })
  try {
    grid.sheets.forEach((sheet, i) => {
      const ws = wb.addWorksheet(sheet.name.slice(0, 31) || `Trang ${i + 1}`)
      const layout = layouts[i]
      let width = 0
      for (const r of sheet.rows) width = Math.max(width, r.cells.length)
      width = Math.max(width, layout.labels.length)
      const msgCol = width + 1
      for (const m of sheet.merges) {
        if (m.bottom < (layout.headerRow ?? 0) + 1) {
          try {
            ws.mergeCells(m.top, m.left + 1, m.bottom, m.right + 1)
          } catch {
            // overlapping or odd ranges: leave unmerged
          }
        }
      }
      for (const r of sheet.rows) {
        const row = ws.getRow(r.r)
        r.cells.forEach((v, c) => {
          if (v === null || v === undefined) return
          const cell = row.getCell(c + 1)
          cell.value = toExcel(v)
          if (v instanceof DateCell) cell.numFmt = 'dd/mm/yyyy'
          else if (typeof v === 'string' && /^0\d+$/.test(v)) cell.numFmt = '@'
        })
        if (layout.headerRow === r.r) {
          const h = row.getCell(msgCol)
          h.value = 'Lỗi / cảnh báo cần sửa'
          h.font = { bold: true, color: { argb: 'FFC00000' } }
        }
        const list = bySheetRow.get(`${sheet.name}\u0000${r.r}`)
        if (list) {
          for (const p of list) {
            if (!p.column) continue
            const ref = decodeRef(`${p.column}1`)
            if (!ref) continue
            const cell = row.getCell(ref.col + 1)
            if (p.severity === 'error' || cell.fill !== ERROR_FILL) cell.fill = p.severity === 'error' ? ERROR_FILL : WARNING_FILL
          }
          const m = row.getCell(msgCol)
          m.value = list.map((p) => `${p.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}${p.column ? ` (cột ${p.column})` : ''}: ${p.message}`).join('\n')
          m.alignment = { wrapText: true, vertical: 'top' }
          m.font = { color: { argb: list.some((p) => p.severity === 'error') ? 'FFC00000' : 'FF9C5700' } }
        }
        row.commit()
      }
      ws.getColumn(msgCol).width = 60
      ws.commit()
    })
    await wb.commit()
  } catch (e) {
    throw new CoreError('EXPORT_FAILED', `Không ghi được tệp ${path}: ${(e as Error).message}`)
  }
  return { path, rows: bySheetRow.size }
}
