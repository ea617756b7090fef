// A child process for the disk-full test, run inside its own mount namespace on a small tmpfs
// (DIR): a write fails on a full disk, then backups are made as the space changes. Prints one
// JSON line of what it saw.
import { appendFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openCore } from '../../src/core/index'
import { noDialogs } from '../../src/core/platform'

const dir = process.argv[2]
const core = openCore({ dataDir: dir, appVersion: 'disk-full', platform: noDialogs })
const db = core.ctx.db
const unit = await core.dispatch('units:create', {
  parentId: null,
  name: 'Chi bộ A',
  level: 'Chi bộ'
})
if (!unit.ok) throw new Error(unit.error.message)
// About 2 MB of people, folded into the main file.
const insert = db.prepare(
  `INSERT INTO people(unit_id, kind, full_name, name_key, sort_key, note, status, created_at, updated_at)
   VALUES (?, 'member', ?, ?, ?, ?, 'active', '2026-01-01', '2026-01-01')`
)
db.transaction(() => {
  for (let i = 0; i < 800; i++)
    insert.run(
      (unit.value as { id: number }).id,
      `Người ${i}`,
      `nguoi ${i}`,
      `${i}`,
      'y'.repeat(2500)
    )
}).immediate()
db.pragma('wal_checkpoint(TRUNCATE)')
const walSize = () =>
  statSync(join(dir, 'chuyen-de.sqlite-wal'), { throwIfNoEntry: false })?.size ?? 0

// A file of the user's, taking 1 MB.
writeFileSync(join(dir, 'filler'), Buffer.alloc(1024 * 1024))
// One big write that cannot fit (an import, say): it fails with SQLITE_FULL after growing the
// WAL until the disk is full.
let writeError = ''
try {
  db.transaction(() => {
    for (let i = 0; i < 100_000; i++)
      db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run(`k${i}`, 'z'.repeat(2000))
  }).immediate()
} catch (e) {
  writeError = (e as { code?: string }).code ?? String(e)
}
const walAfterFailure = walSize()
// The failed write's frames are dead weight in the WAL: the backup must reclaim them.
const first = await core.dispatch('backup:create', null)
const walAfterBackup = walSize()
// Now the disk is really full (the user's file grows to take everything)...
let filled = 0
try {
  for (;;) {
    appendFileSync(join(dir, 'filler'), Buffer.alloc(64 * 1024))
    filled++
  }
} catch {
  // ENOSPC: full.
}
const whileFull = await core.dispatch('backup:create', null)
// ...until the user deletes it.
rmSync(join(dir, 'filler'))
const afterFreeing = await core.dispatch('backup:create', null)
const partialsLeft = readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.partial'))
process.stdout.write(
  JSON.stringify({
    writeError,
    walAfterFailure,
    walAfterBackup,
    first,
    filled,
    whileFull,
    afterFreeing,
    partialsLeft
  }) + '\n'
)
core.close()
