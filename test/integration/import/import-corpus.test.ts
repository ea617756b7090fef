// Every workbook of the shared corpus (Excel, LibreOffice, WPS, Google Sheets, Numbers, broken
// ones) must either import or be refused cleanly, in bounded time. The test lists which.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCore, type TestCore } from '../../helpers/import-fixtures'

const repoRoot = resolve(__dirname, '../../..')
const candidates = [resolve(repoRoot, '../shared/corpus'), resolve(repoRoot, 'shared/corpus')]
const corpus = candidates.find((p) => existsSync(p))

function workbooks(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...workbooks(p))
    else if (/\.(xlsx|xlsm|csv)$/i.test(name)) out.push(p)
  }
  return out.sort()
}

/** Refusals that are answers, not failures: each has a Vietnamese message for the user. */
const CLEAN_REFUSALS = new Set([
  'FILE_NO_DATA',
  'FILE_CORRUPT',
  'FILE_DAMAGED',
  'FILE_NOT_SPREADSHEET',
  'FILE_ENCRYPTED',
  'FILE_ZIP_BOMB',
  'FILE_TOO_LARGE',
  'FILE_XLSB',
  'FILE_ODS',
  'FILE_XLS'
])

describe.skipIf(!corpus)('the spreadsheet corpus', () => {
  let t: TestCore
  let unitId: number
  beforeAll(async () => {
    t = startCore()
    unitId = (await t.call('units:create', { parentId: null, name: 'Đơn vị thử', level: 'Chi bộ' }))
      .id
  })
  afterAll(() => t?.close())

  it('imports or cleanly refuses every workbook', async () => {
    const files = workbooks(corpus!)
    expect(files.length).toBeGreaterThan(50)
    const report: string[] = []
    const tally = { imported: 0, refused: 0 }
    for (const file of files) {
      const name = file.slice(corpus!.length + 1)
      const started = Date.now()
      const opened = await t.core.dispatchTrusted('import:open', { path: file })
      let line: string
      if (opened.ok) {
        const { sessionId } = opened.value as { sessionId: string }
        const committed = await t.core.dispatch('import:commit', { sessionId, unitId })
        if (committed.ok) {
          const s = committed.value as {
            created: number
            updated: number
            unchanged: number
            skipped: number
          }
          line = `imported  ${name}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped} skipped`
          tally.imported++
        } else {
          // A commit may only be refused for a stated reason, never crash.
          expect(committed.error.code, `${name}: ${committed.error.message}`).not.toBe('INTERNAL')
          line = `refused   ${name}: ${committed.error.code} ${committed.error.message.slice(0, 100)}`
          tally.refused++
        }
      } else {
        expect(
          CLEAN_REFUSALS.has(opened.error.code),
          `${name}: ${opened.error.code} ${opened.error.message}`
        ).toBe(true)
        expect(opened.error.message.length).toBeGreaterThan(20)
        line = `refused   ${name}: ${opened.error.code} ${opened.error.message.slice(0, 100)}`
        tally.refused++
      }
      const ms = Date.now() - started
      expect(ms, name).toBeLessThan(30_000)
      report.push(`${line} (${ms} ms)`)
    }
    console.log(
      `Corpus ${corpus}: ${tally.imported} imported, ${tally.refused} refused\n${report.join('\n')}`
    )
    const check = await t.call('db:check')
    expect(check.ok).toBe(true)
  }, 240_000)
})

if (!corpus)
  console.log(`Corpus folder not found (looked in ${candidates.join(', ')}): corpus test skipped.`)
