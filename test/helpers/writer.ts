// A child process for the crash test: writes people one transaction at a time through the
// real dispatch and prints the id of each acknowledged write, until it is killed.
import { openCore } from '../../src/core/index'
import { noDialogs } from '../../src/core/platform'
import { emptyPersonFields } from '../../src/shared/person-rules'

const dir = process.argv[2]
const base = Number(process.argv[3] ?? 10_000_000)
const core = openCore({ dataDir: dir, appVersion: 'writer', platform: noDialogs })
const unit = await core.dispatch('units:create', {
  parentId: null,
  name: `Chi bộ ${process.pid}`,
  level: 'Chi bộ'
})
if (!unit.ok) throw new Error(unit.error.message)
const unitId = (unit.value as { id: number }).id
for (let i = 0; ; i++) {
  const r = await core.dispatch('people:create', {
    ...emptyPersonFields(unitId),
    fullName: `Người Thứ ${String(i).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`,
    partyCardNumber: String(base + i),
    note: 'x'.repeat(500)
  })
  if (!r.ok) throw new Error(r.error.message)
  process.stdout.write(`ack ${(r.value as { partyCardNumber: string }).partyCardNumber}\n`)
}
