// The inspection commands in-process over a real data file: the plan, an inspection carried to
// its conclusion, recommendations with their ids under --json, one done, the late ones by date,
// counts rolled up, and refusals (a step out of order) with exit code 2.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/core'
import { cli, cliCommittee } from '../../helpers/cli'

describe('cli: inspections', () => {
  it('plans, carries an inspection to its conclusion, follows its recommendations and counts them', async () => {
    const db = join(tempDir(), 'a.sqlite')
    await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1', 'Chi bộ ấp 2'])
    const run = (...args: string[]) => cli('inspections', ...args, '--db', db)
    const json = async (...args: string[]) => {
      const r = await run(...args, '--json')
      expect(r.code, r.stdout).toBe(0)
      return JSON.parse(r.stdout)
    }

    const item = await json(
      'plan',
      'add',
      '--kind',
      'inspection',
      '--unit',
      'chi bo ap 1;Chi bộ ấp 2',
      '--content',
      'Việc thực hiện Chuyên đề năm 2026',
      '--quarter',
      '2',
      '--year',
      '2026'
    )
    expect(item).toMatchObject({
      year: 2026,
      quarter: 2,
      targetNames: ['Chi bộ ấp 1', 'Chi bộ ấp 2']
    })
    const listed = await run('plan', 'list', '--year', '2026')
    expect(listed.stdout).toContain('Quý 2/2026')
    expect(listed.stdout).toContain('1 mục trong kế hoạch kiểm tra, giám sát năm 2026')

    const i = await json(
      'add',
      '--kind',
      'inspection',
      '--unit',
      'Chi bộ ấp 1',
      '--content',
      'Việc thực hiện Chuyên đề',
      '--from',
      '04/05/2026',
      '--to',
      '08/05/2026',
      '--decision',
      '05-QĐ/ĐU',
      '--decision-date',
      '02/04/2026',
      '--plan',
      String(item.id),
      '--members',
      '25'
    )
    expect(i).toMatchObject({
      id: expect.any(Number),
      unitName: 'Đảng ủy xã Tân Lập',
      startsOn: '2026-05-04',
      decisionNumber: '05-QĐ/ĐU',
      status: 'planned'
    })

    const skip = await run('status', String(i.id), 'concluded')
    expect(skip.code).toBe(2)
    expect(skip.stderr + skip.stdout).toContain('Bước tiếp theo là “Đã thông báo”')
    for (const step of ['notified', 'tự kiểm tra', 'at_work', 'results_adopted']) {
      const r = await run('status', String(i.id), step)
      expect(r.code, r.stderr).toBe(0)
    }
    const notice = await run(
      'document',
      String(i.id),
      '--kind',
      'kết luận',
      '--number',
      '12-TB/ĐU',
      '--date',
      '20/06/2026'
    )
    expect(notice.stdout).toContain('Thông báo kết luận số 12-TB/ĐU, ngày 20/06/2026')
    expect((await run('status', String(i.id), 'concluded')).code).toBe(0)

    const a = await json(
      'recommend',
      String(i.id),
      '--unit',
      'Chi bộ ấp 1',
      '--text',
      'Bổ sung kế hoạch làm theo',
      '--due',
      '31/07/2026',
      '--date',
      '20/06/2026'
    )
    const b = await json(
      'recommend',
      String(i.id),
      '--unit',
      'Chi bộ ấp 2',
      '--text',
      'Hoàn thiện sổ cam kết',
      '--due',
      '31/08/2026',
      '--date',
      '20/06/2026'
    )
    expect(a.id).toEqual(expect.any(Number))
    expect(b.id).not.toBe(a.id)
    const d = await run(
      'done',
      String(a.id),
      '--date',
      '25/07/2026',
      '--note',
      'Đã ban hành kế hoạch'
    )
    expect(d.stdout).toContain('đã thực hiện ngày 25/07/2026')

    const lateNow = await json('late', '--date', '01/09/2026')
    expect(lateNow.map((r: { id: number }) => r.id)).toEqual([b.id])
    expect(await json('late', '--unit', 'Chi bộ ấp 1', '--date', '01/09/2026')).toEqual([])
    const text = await run('late', '--date', '01/09/2026')
    expect(text.stdout).toContain('1 kiến nghị quá hạn tính đến ngày 01/09/2026')

    const counts = await json(
      'counts',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--from',
      '01/01/2026',
      '--to',
      '30/09/2026'
    )
    expect(counts.total.counts).toEqual({
      inspections: 1,
      supervisions: 0,
      organisations: 1,
      members: 25,
      recommendations: 2,
      done: 1,
      late: 1
    })
    const human = await run(
      'counts',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--from',
      '01/01/2026',
      '--to',
      '30/09/2026'
    )
    expect(human.stdout).toContain('Số liệu kiểm tra, giám sát từ 01/01/2026 đến 30/09/2026')

    const bad = await run(
      'add',
      '--kind',
      'audit',
      '--unit',
      'Chi bộ ấp 1',
      '--content',
      'x',
      '--from',
      '01/01/2026',
      '--to',
      '02/01/2026'
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr + bad.stdout).toContain('--kind: "audit" không hợp lệ')
  })
})
