// The propaganda and press commands in-process over a real data file: kinds typed in Vietnamese
// with or without diacritics, counts rolled up, the window warning, refusals with exit code 2.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/core'
import { cli, cliCommittee } from '../../helpers/cli'

describe('cli: propaganda and press', () => {
  it('lists the anniversaries, adds activities by Vietnamese kind names, lists and counts them up the tree', async () => {
    const db = join(tempDir(), 'a.sqlite')
    await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1', 'Chi bộ ấp 2'])

    const years = await cli('propaganda', 'anniversaries', '--year', '2026', '--db', db)
    expect(years.code).toBe(0)
    expect(years.stdout).toContain(
      'Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026)'
    )
    const json = JSON.parse(
      (await cli('propaganda', 'anniversaries', '--year', '2026', '--db', db, '--json')).stdout
    )
    const hcm = json.find((a: { date: string }) => a.date === '1890-05-19')

    const a = await cli(
      'propaganda',
      'add',
      '--kind',
      'toa dam',
      '--date',
      '19/05/2026',
      '--unit',
      'chi bo ap 1',
      '--anniversary',
      String(hcm.id),
      '--points',
      '2',
      '--members',
      '30',
      '--others',
      '15',
      '--items',
      '3',
      '--db',
      db,
      '--json'
    )
    expect(a.code).toBe(0)
    expect(JSON.parse(a.stdout)).toMatchObject({
      kind: 'conference',
      startsOn: '2026-05-19',
      members: 30,
      nonMembers: 15,
      news: 3,
      anniversaryId: hcm.id
    })
    const b = await cli(
      'propaganda',
      'add',
      '--kind',
      'HỘI THI',
      '--date',
      '02/09/2026',
      '--unit',
      'Chi bộ ấp 2',
      '--attendances',
      '400',
      '--db',
      db
    )
    expect(b.code).toBe(0)
    expect(b.stdout).toContain('Hội thi, 02/09/2026, Chi bộ ấp 2')
    await cli(
      'propaganda',
      'add',
      '--kind',
      'pano',
      '--date',
      '10/12/2025',
      '--unit',
      'Chi bộ ấp 2',
      '--panels',
      '5',
      '--db',
      db
    )

    const list = await cli(
      'propaganda',
      'list',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--from',
      '01/01/2026',
      '--to',
      '31/12/2026',
      '--db',
      db
    )
    expect(list.stdout).toContain('2 hoạt động từ 01/01/2026 đến 31/12/2026.')
    const counts = JSON.parse(
      (
        await cli(
          'propaganda',
          'counts',
          '--unit',
          'Đảng ủy xã Tân Lập',
          '--from',
          '01/01/2026',
          '--to',
          '30/06/2026',
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    expect(counts.total).toMatchObject({
      unit: 'Đảng ủy xã Tân Lập',
      counts: { activities: 1, members: 30, nonMembers: 15, attendances: 0, news: 3 }
    })
    const year = JSON.parse(
      (await cli('propaganda', 'counts', '--year', '2026', '--db', db, '--json')).stdout
    )
    expect(year.total.counts).toMatchObject({ activities: 2, attendances: 400, members: 30 })
    expect(
      year.units.find((u: { unit: string }) => u.unit === 'Chi bộ ấp 2').counts.activities
    ).toBe(1)

    const bad = await cli(
      'propaganda',
      'add',
      '--kind',
      'họp mặt',
      '--date',
      '01/01/2026',
      '--unit',
      'Chi bộ ấp 1',
      '--db',
      db
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--kind: "họp mặt" không hợp lệ')
    expect(
      (
        await cli(
          'propaganda',
          'add',
          '--kind',
          'hội nghị',
          '--date',
          '05/2026',
          '--unit',
          'Chi bộ ấp 1',
          '--db',
          db
        )
      ).code
    ).toBe(2)
  })

  it('adds and lists press works, warning about one outside the window', async () => {
    const db = join(tempDir(), 'a.sqlite')
    await cli(
      'units',
      'add',
      '--name',
      'Đảng ủy xã Tân Lập',
      '--level',
      'Đảng ủy cơ sở',
      '--db',
      db
    )
    const ok = JSON.parse(
      (
        await cli(
          'press',
          'add',
          '--title',
          'Người giữ lửa ở ấp 1',
          '--authors',
          'Nguyễn Thị Hoa; Lê Hồng',
          '--date',
          '15/11/2025',
          '--category',
          'truyen hinh',
          '--unit',
          'Đảng ủy xã Tân Lập',
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    expect(ok).toMatchObject({
      awardYear: 2026,
      category: 'television',
      stage: 'submitted',
      warning: null
    })
    expect(ok.authors.map((a: { name: string }) => a.name)).toEqual(['Nguyễn Thị Hoa', 'Lê Hồng'])
    const late = await cli(
      'press',
      'add',
      '--title',
      'Bài muộn',
      '--authors',
      'A',
      '--date',
      '02/11/2025',
      '--category',
      'báo in',
      '--year',
      '2025',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--stage',
      'chung khảo',
      '--result',
      'giải B',
      '--db',
      db
    )
    expect(late.code).toBe(0)
    expect(late.stdout).toContain(
      'Cảnh báo: Tác phẩm đăng ngày 2/11/2025, ngoài thời gian xét giải năm 2025'
    )
    const list = await cli('press', 'list', '--db', db)
    expect(list.stdout).toContain('Giải B')
    expect(list.stdout).toContain('2 tác phẩm.')
    expect(
      (
        await cli(
          'press',
          'add',
          '--title',
          'x',
          '--authors',
          'A',
          '--date',
          '02/11/2025',
          '--category',
          'tạp chí',
          '--unit',
          '1',
          '--db',
          db
        )
      ).code
    ).toBe(2)
  })
})
