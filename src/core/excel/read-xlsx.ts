// Reads an .xlsx into the neutral grid: the fast reader first (read-xlsx-fast.ts), and ExcelJS's
// own streaming reader (read-xlsx-exceljs.ts) for any workbook the fast one does not take.
import { CoreError } from '../db/errors'
import type { GridSheet } from './grid'
import { readXlsxExcelJS } from './read-xlsx-exceljs'
import { readXlsxFast } from './read-xlsx-fast'
import type { ReadPace } from './sheet-builder'

/** Reads every worksheet of an .xlsx file (already checked by sniffFile), in the workbook's tab order. */
export async function readXlsx(path: string, pace?: ReadPace): Promise<GridSheet[]> {
  try {
    return await readXlsxFast(path, pace)
  } catch (e) {
    if (e instanceof CoreError) throw e
    // Anything the fast reader does not take, ExcelJS reads (or refuses) as before.
  }
  return readXlsxExcelJS(path, pace)
}
