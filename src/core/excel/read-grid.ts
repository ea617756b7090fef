// The one way a received spreadsheet is read: sniffed first (refusing .xls, .ods, encrypted,
// broken or hostile files with a Vietnamese message), then an .xlsx or a .csv read into a grid of
// plain cell values, with legacy TCVN3/VNI text converted. Member lists and attendee sheets go
// through it; with a job, the read runs in slices that report progress and can be cancelled.
import type { Grid } from './grid'
import { rowsText, type PhasedJob } from '../jobs/job'
import { runSliced } from '../jobs/slices'
import { readCsvSteps } from './read-csv'
import { readXlsx } from './read-xlsx'
import { inspectFile } from './sniff'

/** Reads a file into a grid (refusing what cannot be read); with a job, in slices it reports and can stop. */
export async function readGrid(
  path: string,
  job: PhasedJob<'reading'> | null = null
): Promise<Grid> {
  const { kind, sheetBytes } = await inspectFile(path)
  job?.begin('reading', sheetBytes || null)
  if (kind === 'csv') {
    const { sheet, encoding } = await runSliced(
      readCsvSteps(path, job),
      job,
      0,
      (n) => `Đang đọc tệp… ${rowsText(n)}`
    )
    return { format: 'csv', encoding, sheets: [sheet] }
  }
  const pace = job
    ? async (bytes: number, rows: number) => {
        job.report(bytes, `Đang đọc tệp… ${rowsText(rows)}`)
        await job.checkpoint()
      }
    : undefined
  return { format: 'xlsx', encoding: null, sheets: await readXlsx(path, pace) }
}
