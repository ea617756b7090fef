// A child process for the backup tests, killed with SIGKILL by the parent at a chosen moment:
//   wal DIR COUNT   adds COUNT people in one transaction, with the WAL never checkpointed, then
//                   waits to be killed (the rows then live only in DIR's -wal file);
//   backup DIR MB   fills the file to about MB megabytes, then makes backups until killed.
import { openCore } from '../../src/core/index'
import { noDialogs } from '../../src/core/platform'

const [mode, dir, amount] = process.argv.slice(2)
const core = openCore({ dataDir: dir, appVersion: 'backup-child', platform: noDialogs })
const db = core.ctx.db
// Nothing moves from the WAL into the main file until this process is gone.
db.pragma('wal_autocheckpoint = 0')

function addPeople(count: number, note: string, cardBase: number): void {
  const unit = db
    .prepare(
      "INSERT INTO units(parent_id, name, name_key, level, path, created_at) VALUES (NULL, ?, ?, 'Chi bộ', '/', '2026-01-01') RETURNING id"
    )
    .get(`Chi bộ ${cardBase}`, `chi bo ${cardBase}`) as { id: number }
  db.prepare("UPDATE units SET path = '/' || id || '/' WHERE id = ?").run(unit.id)
  const insert = db.prepare(
    `INSERT INTO people(unit_id, kind, full_name, name_key, sort_key, national_id, note, status, created_at, updated_at)
     VALUES (?, 'member', ?, ?, ?, ?, ?, 'active', '2026-01-01', '2026-01-01')`
  )
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = String(cardBase + i).padStart(12, '0')
      insert.run(unit.id, `Người Ghi Sau ${i}`, `nguoi ghi sau ${i}`, `sau ${i}`, id, note)
    }
  }).immediate()
}

if (mode === 'wal') {
  addPeople(Number(amount), '', 79_000_000_000)
  process.stdout.write('written\n')
  setInterval(() => {}, 1000)
} else if (mode === 'backup') {
  const note = 'x'.repeat(2000)
  addPeople(Math.ceil((Number(amount) * 1024 * 1024) / 2200), note, 1_000_000)
  db.pragma('wal_checkpoint(TRUNCATE)')
  for (;;) {
    process.stdout.write('backing up\n')
    const r = await core.dispatch('backup:create', { reason: 'manual' })
    if (!r.ok) throw new Error(r.error.message)
  }
} else {
  throw new Error(`unknown mode ${mode}`)
}
