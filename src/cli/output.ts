// How the CLI speaks: JSON for scripts (stable field names; exit 0, or 2 with {"error":…}),
// plain Vietnamese lines for people.

export class CliRefusal extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

export const EXIT_OK = 0
export const EXIT_REFUSED = 2

export interface Out {
  json: boolean
  write(text: string): void
  writeError(text: string): void
}

export function printResult(out: Out, value: unknown, human: () => string): void {
  out.write(out.json ? JSON.stringify(value, null, 2) : human())
}

export function printRefusal(out: Out, code: string, message: string): void {
  if (out.json) out.write(JSON.stringify({ error: { code, message } }, null, 2))
  else out.writeError(`Lỗi: ${message}`)
}

/** Left-aligned columns for the terminal. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** A row of a per-unit table rolled up the tree (study coverage, commitments, …). */
interface UnitRow {
  unitId: number
  parentId: number | null
  name: string
  level: string
  depth: number
}

/** Such a row in the JSON output: the unit's name as `unit`, then its counts; no parentId. */
function unitRowJson<R extends UnitRow>(r: R) {
  const { unitId, parentId: _parentId, name, level, depth, ...counts } = r
  return { unitId, unit: name, level, depth, ...counts }
}

/** The rows and total of a roll-up in the JSON output, under `total` and `units`. */
export function rollupJson<R extends UnitRow>(r: { rows: R[]; total: R | null }) {
  return { total: r.total ? unitRowJson(r.total) : null, units: r.rows.map(unitRowJson) }
}

/** The unit's name indented by its depth, for the first column of a table. */
export function indentedName(r: UnitRow): string {
  return '  '.repeat(Math.max(0, r.depth)) + r.name
}
