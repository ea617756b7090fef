// Import speed: a 50,000-row member list (15 columns, title rows above the header) imported into
// an empty database, against a bare ExcelJS streaming read of the same file; then the same file
// imported again (nothing changes). Each phase runs in its own process so its peak RSS is its own.
// Targets (2 cores): whole import ≤ 1.3 × bare read; peak RSS ≤ 350 MB; re-import ≤ first import.
// The whole CLI process (start to exit) is measured beside them, with its ratio to the bare read.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'

const ROWS = 50_000
const self = fileURLToPath(import.meta.url)

async function generate(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true
  })
  const ws = wb.addWorksheet('Danh sách')
  ws.addRow([
    'ĐẢNG BỘ XÃ TÂN HÒA',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    'ĐẢNG CỘNG SẢN VIỆT NAM'
  ]).commit()
  ws.addRow(['CHI BỘ ẤP 3']).commit()
  ws.addRow([]).commit()
  ws.addRow(['DANH SÁCH ĐẢNG VIÊN NĂM 2024']).commit()
  ws.addRow([]).commit()
  ws.addRow([
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Dân tộc',
    'Tôn giáo',
    'Quê quán',
    'Nơi thường trú',
    'Ngày vào Đảng',
    'Ngày chính thức',
    'Số thẻ ĐV',
    'Số lý lịch',
    'Số CCCD',
    'Chức vụ',
    'Chi bộ'
  ]).commit()
  const family = [
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Hoàng',
    'Huỳnh',
    'Phan',
    'Vũ',
    'Võ',
    'Đặng',
    'Bùi',
    'Đỗ',
    'Hồ',
    'Ngô',
    'Dương'
  ]
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
    'Hương',
    'Khánh',
    'Lan',
    'Long',
    'Mai',
    'Nam',
    'Nga',
    'Phúc',
    'Quang',
    'Sơn',
    'Tâm',
    'Thảo',
    'Trung',
    'Tuấn',
    'Uyên',
    'Việt',
    'Xuân',
    'Yến'
  ]
  const positions = ['Đảng viên', 'Bí thư', 'Phó Bí thư', 'Chi ủy viên', null]
  for (let i = 1; i <= ROWS; i++) {
    // Distinct names (15 × 8 × 28 × 28 combinations), so no row is the same person twice.
    const name = `${family[i % 15]} ${middle[Math.floor(i / 15) % 8]} ${given[Math.floor(i / 120) % 28]} ${given[Math.floor(i / 3360) % 28]}`
    const by = 1950 + (i % 50)
    const row = ws.addRow([
      i,
      name,
      i % 4 === 0 ? by : new Date(Date.UTC(by, i % 12, 1 + (i % 28))),
      i % 2 ? 'Nam' : 'Nữ',
      'Kinh',
      i % 10 === 0 ? 'Phật giáo' : 'Không',
      `Xã ${given[i % given.length]}, huyện ${family[i % family.length]}`,
      `Ấp ${1 + (i % 9)}`,
      `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${by + 25}`,
      new Date(Date.UTC(by + 26, i % 12, 1 + (i % 28))),
      String(10_000_000 + i),
      String(i).padStart(8, '0'),
      '0' + String(79_000_000_000 + i),
      positions[i % positions.length],
      `Chi bộ Ấp ${1 + (i % 20)}`
    ])
    row.getCell(3).numFmt = 'dd/mm/yyyy'
    row.getCell(10).numFmt = 'dd/mm/yyyy'
    row.commit()
  }
  ws.addRow([null, `Tổng cộng: ${ROWS} đảng viên`]).commit()
  ws.addRow([
    null,
    'NGƯỜI LẬP BIỂU',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    'T/M CHI BỘ'
  ]).commit()
  ws.commit()
  await wb.commit()
}

async function bareRead(path: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore'
  })
  let cells = 0
  for await (const ws of reader) {
    for await (const row of ws) {
      row.eachCell(() => {
        cells++
      })
    }
  }
  return cells
}

async function importTwice(path: string, dataDir: string): Promise<Record<string, number>> {
  const { openCore } = await import('../src/core/index')
  const { noDialogs } = await import('../src/core/platform')
  const core = openCore({ dataDir, appVersion: 'bench', platform: noDialogs })
  // --password (passed to this phase as BENCH_PASSWORD=1): the import into an encrypted file.
  if (process.env.BENCH_PASSWORD === '1') {
    const r = await core.dispatch('app:setPassword', { next: 'mật khẩu đo tốc độ' })
    if (!r.ok) throw new Error(r.error.message)
  }
  const call = async (channel: string, input: unknown) => {
    const r = await core.dispatchTrusted(channel, input)
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
    return r.value as Record<string, unknown>
  }
  const parent = (await call('units:create', {
    parentId: null,
    name: 'Đảng bộ xã Tân Hòa',
    level: 'Đảng ủy cơ sở'
  })) as { id: number }
  const once = async () => {
    const t0 = performance.now()
    const opened = (await call('import:open', { path })) as { sessionId: string }
    const t1 = performance.now()
    const preview = (await call('import:preview', {
      sessionId: opened.sessionId,
      parentUnitId: parent.id,
      limit: 50
    })) as { counts: Record<string, number> }
    const t2 = performance.now()
    const summary = (await call('import:commit', {
      sessionId: opened.sessionId,
      parentUnitId: parent.id
    })) as Record<string, number>
    const t3 = performance.now()
    return {
      open: t1 - t0,
      preview: t2 - t1,
      commit: t3 - t2,
      total: t3 - t0,
      created: summary.created,
      unchanged: summary.unchanged,
      errors: preview.counts.errors
    }
  }
  const first = await once()
  const second = await once()
  core.close()
  return {
    firstOpen: first.open,
    firstPreview: first.preview,
    firstCommit: first.commit,
    first: first.total,
    created: first.created,
    errors: first.errors,
    secondOpen: second.open,
    secondPreview: second.preview,
    secondCommit: second.commit,
    second: second.total,
    unchanged: second.unchanged
  }
}

/**
 * The whole command-line process, start to exit, as a user runs it (`npm run cli` runs this
 * launcher): `import members FILE --parent PARENT` into a fresh data file, the chi bộ of the file's
 * column created under PARENT. Peak RSS from GNU time when it is installed.
 */
function cliImport(
  path: string,
  dataDir: string
): { wall: number; peakRssMb: number | null; created: number } {
  const launcher = join(self, '../../scripts/cli.mjs')
  const db = join(dataDir, 'cli.sqlite')
  const run = (args: string[]) =>
    spawnSync(process.execPath, [launcher, ...args, '--db', db, '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    })
  // Untimed: builds the bundle if it is missing or stale, and makes the parent unit.
  const made = run(['units', 'add', '--name', 'Đảng bộ xã Tân Hòa', '--level', 'Đảng ủy cơ sở'])
  if (made.status !== 0) throw new Error(`cli units add failed:\n${made.stderr}${made.stdout}`)
  const gnuTime = existsSync('/usr/bin/time')
  const args = [
    launcher,
    'import',
    'members',
    path,
    '--parent',
    'Đảng bộ xã Tân Hòa',
    '--db',
    db,
    '--json'
  ]
  const t0 = performance.now()
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb=%M', process.execPath, ...args], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
      })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const wall = performance.now() - t0
  if (r.status !== 0) throw new Error(`cli import failed:\n${r.stderr}`)
  const rss = /peak-rss-kb=(\d+)/.exec(r.stderr)
  return {
    wall,
    peakRssMb: rss ? Number(rss[1]) / 1024 : null,
    created: JSON.parse(r.stdout).created
  }
}

function phase(name: string, args: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, [...process.execArgv, self, '--phase', name, ...args], {
    encoding: 'utf8',
    maxBuffer: 10 * 1024 * 1024
  })
  if (r.status !== 0) throw new Error(`phase ${name} failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!)
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--phase')
  if (i >= 0) {
    const name = process.argv[i + 1]
    const path = process.argv[i + 2]
    let out: Record<string, number> = {}
    if (name === 'generate') await generate(path)
    else if (name === 'read') {
      const t0 = performance.now()
      const cells = await bareRead(path)
      out = { read: performance.now() - t0, cells }
    } else if (name === 'import') out = await importTwice(path, process.argv[i + 3])
    out.peakRssMb = process.resourceUsage().maxRSS / 1024
    console.log(JSON.stringify(out))
    return
  }
  if (process.argv.includes('--password')) process.env.BENCH_PASSWORD = '1'
  console.log(
    process.env.BENCH_PASSWORD === '1'
      ? 'data file encrypted (--password; the CLI line stays plain)'
      : 'data file plain (add --password to encrypt it)'
  )
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'))
  try {
    const file = join(dir, 'danh-sach-50000.xlsx')
    const tg = performance.now()
    phase('generate', [file])
    if (!existsSync(file)) throw new Error('no file generated')
    console.log(
      `Generated ${ROWS.toLocaleString('en')} rows × 15 columns in ${((performance.now() - tg) / 1000).toFixed(1)} s`
    )
    // Read twice and keep the faster: the first run also warms the disk cache.
    const reads = [phase('read', [file]), phase('read', [file])]
    const read = reads.reduce((a, b) => (a.read <= b.read ? a : b))
    const imp = phase('import', [file, join(dir, 'data')])
    const cli = cliImport(file, dir)
    const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`
    const ratio = imp.first / read.read
    console.log(
      `Bare ExcelJS streaming read:  ${f(read.read)}  (${read.cells.toLocaleString('en')} cells, peak RSS ${read.peakRssMb.toFixed(0)} MB)`
    )
    console.log(
      `Import into empty database:   ${f(imp.first)}  (open ${f(imp.firstOpen)}, preview ${f(imp.firstPreview)}, commit ${f(imp.firstCommit)}; ${imp.created} created, ${imp.errors} errors)`
    )
    console.log(
      `Re-import of the same file:   ${f(imp.second)}  (open ${f(imp.secondOpen)}, preview ${f(imp.secondPreview)}, commit ${f(imp.secondCommit)}; ${imp.unchanged} unchanged)`
    )
    console.log(`Peak RSS of the import process: ${imp.peakRssMb.toFixed(0)} MB`)
    console.log(
      `CLI process, start to exit:    ${f(cli.wall)}  (npm run cli -- import members; ${cli.created} created${cli.peakRssMb !== null ? `, peak RSS ${cli.peakRssMb.toFixed(0)} MB` : ''}; ÷ bare read ${(cli.wall / read.read).toFixed(2)})`
    )
    console.log('')
    console.log(
      `import / bare read = ${ratio.toFixed(2)}  (target ≤ 1.30: ${ratio <= 1.3 ? 'met' : 'NOT met'})`
    )
    console.log(
      `peak RSS = ${imp.peakRssMb.toFixed(0)} MB  (target ≤ 350 MB: ${imp.peakRssMb <= 350 ? 'met' : 'NOT met'})`
    )
    console.log(
      `re-import / import = ${(imp.second / imp.first).toFixed(2)}  (target ≤ 1.00: ${imp.second <= imp.first ? 'met' : 'NOT met'})`
    )
    console.log(
      `CLI process / bare read = ${(cli.wall / read.read).toFixed(2)}  (the import's phases plus starting, opening the data file and printing)`
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
