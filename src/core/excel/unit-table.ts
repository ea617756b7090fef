// A table of counts per unit, down the tree, as a party document: the coverage of the year's
// topic and the commitment status print alike. Each unit's name is indented by its depth (as on
// screen), the units at the top of the scope are bold, and the scope's total closes the table.
import { formatPercent } from '../../shared/numbers'
import type { DocColumn, DocRow, DocValue, PartyDocument } from './party-document'

export interface UnitTableRow {
  name: string
  depth: number
}

export interface UnitTableColumn<R> {
  header: string
  width: number
  value: (row: R) => number | null
  /** A share in percent: written as on screen ("88,6%"), a dash when there is nothing to count. */
  percent?: boolean
}

export interface UnitTableSpec<R extends UnitTableRow> {
  /** The issuing unit and its parent (for the header band); null: the organisation at large. */
  org: { name: string; parentName: string | null } | null
  /** The issuing unit's signature lines, e.g. ["T/M ĐẢNG ỦY", "BÍ THƯ"]. */
  signerLines: string[]
  place: string
  date: string
  sheetName: string
  title: string
  subtitles: string[]
  rows: R[]
  total: R | null
  columns: UnitTableColumn<R>[]
  notes?: string[]
}

/** Non-breaking spaces: a leading ordinary space may be dropped by a spreadsheet on edit. */
const indent = (depth: number) => '\u00a0'.repeat(Math.max(0, depth) * 4)

export function unitTableDocument<R extends UnitTableRow>(spec: UnitTableSpec<R>): PartyDocument {
  const cell = (c: UnitTableColumn<R>, r: R): DocValue => {
    const v = c.value(r)
    return c.percent ? formatPercent(v) : v
  }
  const columns: DocColumn[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Đơn vị', width: 36 },
    ...spec.columns.map((c): DocColumn => ({
      header: c.header,
      width: c.width,
      align: 'right',
      numFmt: '#,##0'
    }))
  ]
  const rows: DocRow[] = spec.rows.map((r, i) => {
    const values = [i + 1, `${indent(r.depth)}${r.name}`, ...spec.columns.map((c) => cell(c, r))]
    return r.depth === 0 && spec.rows.length > 1 ? { values, bold: true as const } : values
  })
  return {
    sheetName: spec.sheetName,
    upperOrg: spec.org?.parentName ?? null,
    issuingOrg: spec.org?.name ?? 'Tổ chức đảng',
    place: spec.place,
    date: spec.date,
    title: spec.title,
    subtitles: spec.subtitles,
    columns,
    rows,
    ...(spec.total
      ? { totals: [null, 'Tổng cộng', ...spec.columns.map((c) => cell(c, spec.total!))] }
      : {}),
    notes: spec.notes,
    signers: [{ lines: ['NGƯỜI LẬP BIỂU'] }, { lines: spec.signerLines }],
    orientation: 'portrait'
  }
}
