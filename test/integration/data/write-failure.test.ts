// A file that cannot be written is refused in Vietnamese, saying what to do, never with the
// system's English words ("ENOENT: no such file or directory, open …").
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.dispose())

describe('a file that cannot be written', () => {
  it('is refused in Vietnamese for every export', async () => {
    const unitId = (
      await t.call('units:create', { parentId: null, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
    ).id
    const personId = (await t.call('people:create', personInput(unitId))).id
    await t.call('commitments:bulk', { unitId, year: 2024, madeOn: '2024-02-15' })
    const path = join(t.dir, 'khong-co-thu-muc', 'tep.xlsx')
    const refusals = [
      await t.refuseWithFile('commitments:export', { personId, year: 2024, path }),
      await t.refuseWithFile('study:exportMissing', { year: 2024, unitId, path }),
      await t.refuseWithFile('evaluation:export', { year: 2024, unitId, path })
    ]
    for (const e of refusals) {
      expect(e.message).toContain('thư mục không còn tồn tại')
      expect(e.message).not.toMatch(/ENOENT|no such file|open '/)
    }
  })
})
