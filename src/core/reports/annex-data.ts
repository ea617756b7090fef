// The machine-readable side of an annex: a hidden sheet naming the unit, its path in the tree and
// the period, with every figure by a stable code, written by the annex export and read back by
// the level above (received.ts). Its first cell says what the file is and which layout it has.
import type { Annex } from '../../shared/api'
import type { DocValue, HiddenData } from '../excel/party-document'

/** The hidden sheet's name and what its first cell says: how a reader knows the file. */
export const ANNEX_DATA_SHEET = 'SoLieu'
export const ANNEX_DATA_KIND = 'chuyen-de-05/phu-luc-bao-cao/1'

/** Every figure by its code, with who and when it is about: what `reports receive` reads. */
export function annexData(annex: Annex, appVersion: string): HiddenData {
  const rows: DocValue[][] = [
    ['Loại tệp', ANNEX_DATA_KIND],
    ['Phiên bản phần mềm', appVersion],
    ['Mã đơn vị', annex.unit.id],
    ['Đơn vị', annex.unit.name],
    ['Đường dẫn', annex.unit.path.join(' / ')],
    ['Kỳ', annex.period.kind],
    ['Năm', annex.period.year],
    ['Từ ngày', annex.period.from],
    ['Đến ngày', annex.period.to],
    [],
    ['Mã đơn vị', 'Đơn vị', 'Mã số liệu', 'Giá trị']
  ]
  for (const t of annex.tables)
    for (const r of [t.total, ...t.rows])
      t.columns.forEach((c, k) => rows.push([r.unitId, r.name, `${t.code}.${c.code}`, r.values[k]]))
  return { sheetName: ANNEX_DATA_SHEET, rows }
}
