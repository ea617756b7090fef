// Issue #10, point 3: identifiers decide first. Two rows alike in name and birth date with
// different card numbers are two people (both imported, with a warning); the same card twice is one
// person; name and birth date decide alone only when no identifier differs. The same rule inside a
// file and against the data file.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../../src/shared/api'
import {
  startCoreWithParent,
  utc,
  writeMemberList,
  type TestCore
} from '../../helpers/import-fixtures'

const HUNG = { name: 'Nguyễn Văn Hùng', birth: utc(1980, 3, 12), male: true }

describe('import: the same name and birth date', () => {
  let t: TestCore
  let parentId: number
  beforeEach(async () => ({ t, parentId } = await startCoreWithParent()))
  afterEach(() => t.close())

  async function preview(
    name: string,
    members: Parameters<typeof writeMemberList>[1]
  ): Promise<{ sessionId: string; p: ImportPreview }> {
    const file = join(t.dir, name)
    await writeMemberList(file, members)
    const { sessionId } = await t.call('import:open', { path: file })
    return {
      sessionId,
      p: await t.call('import:preview', { sessionId, parentUnitId: parentId, limit: 100 })
    }
  }

  it('different cards: two people and a warning; the same card twice: one person', async () => {
    const { sessionId, p } = await preview('a.xlsx', [
      { ...HUNG, card: '01234567' },
      { ...HUNG, card: '01234999' },
      { ...HUNG, card: '01234567' },
      { name: 'Trần Văn Ba', birth: utc(1975, 1, 1), male: true },
      { name: 'Trần Văn Ba', birth: utc(1975, 1, 1), male: true }
    ])
    expect(p.counts).toMatchObject({ total: 5, create: 3, skip: 2 })
    expect(p.problems.map((x) => [x.row, x.severity, x.outcome, x.message])).toEqual([
      [
        10,
        'warning',
        'kept',
        'Cùng họ tên và ngày sinh với dòng 9 nhưng khác số thẻ đảng viên 01234567 và 01234999: nhập thành hai người; hãy kiểm tra lại.'
      ],
      [11, 'error', 'row', 'Người này đã có ở dòng 9 (cùng số thẻ 01234567).'],
      [13, 'error', 'row', 'Người này đã có ở dòng 12 (cùng họ tên và ngày sinh).']
    ])
    const done = await t.call('import:commit', { sessionId, parentUnitId: parentId })
    expect(done).toMatchObject({ created: 3, skipped: 2 })
    const hung = await t.call('people:list', {
      unitId: null,
      includeSubunits: true,
      q: 'nguyen van hung'
    })
    expect(hung.total).toBe(2)
  })

  it('a row without a card is the person with the card (nothing tells them apart), inside the file and against the data', async () => {
    const first = await preview('b.xlsx', [{ ...HUNG, card: '01234567' }, { ...HUNG }])
    expect(first.p.counts).toMatchObject({ create: 1, skip: 1 })
    await t.call('import:commit', { sessionId: first.sessionId, parentUnitId: parentId })

    // Against the data file, the same rule: a different card is a new person (with a warning), the
    // same card or no card is the person already there.
    const again = await preview('c.xlsx', [
      { ...HUNG, card: '01234777', position: 'Chi ủy viên' },
      { ...HUNG, card: '01234567' }
    ])
    expect(again.p.counts).toMatchObject({ create: 1, unchanged: 1, skip: 0 })
    expect(again.p.problems).toEqual([
      expect.objectContaining({
        row: 9,
        severity: 'warning',
        message: expect.stringMatching(
          /^Cùng họ tên và ngày sinh với "Nguyễn Văn Hùng" đã có trong dữ liệu nhưng khác số thẻ đảng viên 01234567 và 01234777/
        )
      }),
      // The two rows of this file are alike too, and told apart by their cards.
      expect.objectContaining({
        row: 10,
        severity: 'warning',
        message: expect.stringContaining(
          'với dòng 9 nhưng khác số thẻ đảng viên 01234777 và 01234567'
        )
      })
    ])
    const noCard = await preview('d.xlsx', [{ ...HUNG, position: 'Bí thư' }])
    expect(noCard.p.counts).toMatchObject({ create: 0, update: 1 })
    expect(noCard.p.rows[0].reason).toBe('Khớp theo họ tên và ngày sinh.')
  })
})
