// The reports commands in-process over a real data file: the periods, the annex printed and as
// JSON, saved as .xlsx with --out, and refusals with exit code 2.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/core'
import { cli, cliCommittee } from '../../helpers/cli'

describe('cli: reports', () => {
  it('prints the periods and the annex of a committee, as text, as JSON and as a workbook', async () => {
    const dir = tempDir()
    const db = join(dir, 'a.sqlite')
    await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1', 'Chi bộ ấp 2'])
    await cli(
      'propaganda',
      'add',
      '--kind',
      'hoi nghi',
      '--date',
      '10/04/2026',
      '--unit',
      'chi bo ap 1',
      '--members',
      '12',
      '--db',
      db
    )

    const periods = await cli('reports', 'periods', '--db', db)
    expect(periods.code).toBe(0)
    expect(periods.stdout).toContain('6 tháng đầu năm (h1)')
    expect(periods.stdout).toContain('31/05')

    const text = await cli(
      'reports',
      'annex',
      '--unit',
      'dang uy xa tan lap',
      '--period',
      'h1',
      '--year',
      '2026',
      '--db',
      db
    )
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(
      'Phụ lục số liệu báo cáo 6 tháng đầu năm 2026 của Đảng ủy xã Tân Lập'
    )
    expect(text.stdout).toContain('(từ 01/01/2026 đến 31/05/2026, hạn gửi 05/06/2026)')
    expect(text.stdout).toContain('Biểu 3. Hoạt động tuyên truyền')
    expect(text.stdout).toContain('Tổng cộng (Đảng ủy xã Tân Lập)')

    const json = JSON.parse(
      (
        await cli(
          'reports',
          'annex',
          '--unit',
          'Đảng ủy xã Tân Lập',
          '--period',
          '01/04/2026:30/04/2026',
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    expect(json.period).toMatchObject({ kind: 'custom', from: '2026-04-01', to: '2026-04-30' })
    const propaganda = json.tables.find((t: { code: string }) => t.code === 'propaganda')
    expect(propaganda.rows.map((r: { name: string }) => r.name)).toEqual([
      'Chi bộ ấp 1',
      'Chi bộ ấp 2'
    ])
    expect(propaganda.total.values.slice(0, 3)).toEqual([1, 0, 12])

    const file = join(dir, 'phu-luc.xlsx')
    const saved = await cli(
      'reports',
      'annex',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--period',
      'year',
      '--year',
      '2026',
      '--out',
      file,
      '--db',
      db
    )
    expect(saved.code).toBe(0)
    expect(saved.stdout).toContain(`Đã lưu phụ lục số liệu của Đảng ủy xã Tân Lập vào ${file}.`)
    expect(existsSync(file)).toBe(true)
  })

  it('refuses a period it cannot read, with exit code 2 and a Vietnamese message', async () => {
    const db = join(tempDir(), 'a.sqlite')
    await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1'])
    const bad = await cli(
      'reports',
      'annex',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--period',
      'q3',
      '--db',
      db
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      '--period: "q3" không hợp lệ; dùng h1 (6 tháng đầu năm), year (cả năm)'
    )
    const reversed = await cli(
      'reports',
      'annex',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--period',
      '30/04/2026:01/04/2026',
      '--db',
      db
    )
    expect(reversed.code).toBe(2)
    expect(reversed.stderr).toContain('Ngày cuối kỳ không được trước ngày đầu kỳ.')
  })

  it("receives a commune's annex into the province file, dry run first, and says who has sent", async () => {
    const dir = tempDir()
    const communeDb = join(dir, 'xa.sqlite')
    await cli(
      'units',
      'add',
      '--name',
      'Đảng bộ tỉnh Tây Ninh',
      '--level',
      'Tỉnh ủy',
      '--db',
      communeDb
    )
    await cli(
      'units',
      'add',
      '--name',
      'Đảng bộ xã Bình Minh',
      '--level',
      'Đảng ủy cơ sở',
      '--parent',
      'Đảng bộ tỉnh Tây Ninh',
      '--db',
      communeDb
    )
    await cli(
      'propaganda',
      'add',
      '--kind',
      'hội thi',
      '--date',
      '02/03/2026',
      '--unit',
      'Đảng bộ xã Bình Minh',
      '--db',
      communeDb
    )
    const file = join(dir, 'xa-binh-minh.xlsx')
    expect(
      (
        await cli(
          'reports',
          'annex',
          '--unit',
          'Đảng bộ xã Bình Minh',
          '--period',
          'h1',
          '--year',
          '2026',
          '--out',
          file,
          '--db',
          communeDb
        )
      ).code
    ).toBe(0)

    const db = join(dir, 'tinh.sqlite')
    await cli('units', 'add', '--name', 'Đảng bộ tỉnh Tây Ninh', '--level', 'Tỉnh ủy', '--db', db)
    for (const name of ['Đảng bộ xã An Hòa', 'Đảng bộ xã Bình Minh'])
      await cli(
        'units',
        'add',
        '--name',
        name,
        '--level',
        'Đảng ủy cơ sở',
        '--parent',
        'Đảng bộ tỉnh Tây Ninh',
        '--db',
        db
      )

    const dry = await cli('reports', 'receive', file, '--dry-run', '--db', db)
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain(
      'Phụ lục 6 tháng đầu năm 2026 của Đảng bộ xã Bình Minh (Đảng bộ tỉnh Tây Ninh / Đảng bộ xã Bình Minh), tệp xa-binh-minh.xlsx.'
    )
    expect(dry.stdout).toContain('Hoạt động tuyên truyền: 1')
    expect(dry.stdout).toContain('(--dry-run: chưa lưu gì.)')
    const before = await cli(
      'reports',
      'status',
      '--unit',
      'Đảng bộ tỉnh Tây Ninh',
      '--period',
      'h1',
      '--year',
      '2026',
      '--db',
      db,
      '--json'
    )
    expect(JSON.parse(before.stdout).rows.map((r: { received: unknown }) => r.received)).toEqual([
      null,
      null
    ])

    const done = await cli('reports', 'receive', file, '--db', db)
    expect(done.stdout).toContain('Đã lưu là phụ lục của Đảng bộ xã Bình Minh.')
    const after = await cli(
      'reports',
      'status',
      '--unit',
      'Đảng bộ tỉnh Tây Ninh',
      '--period',
      'h1',
      '--year',
      '2026',
      '--db',
      db
    )
    expect(after.stdout).toContain(
      'Phụ lục 6 tháng đầu năm 2026 gửi về Đảng bộ tỉnh Tây Ninh (hạn 05/06/2026):'
    )
    expect(after.stdout).toMatch(/Đảng bộ xã Bình Minh\s+\d\d\/\d\d\/\d{4}\s+xa-binh-minh\.xlsx/)
    const annex = JSON.parse(
      (
        await cli(
          'reports',
          'annex',
          '--unit',
          'Đảng bộ tỉnh Tây Ninh',
          '--period',
          'h1',
          '--year',
          '2026',
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    const propaganda = annex.tables.find((t: { code: string }) => t.code === 'propaganda')
    expect(propaganda.total.values[0]).toBe(1)

    const unknown = await cli('reports', 'receive', file, '--db', join(dir, 'trong.sqlite'))
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain(
      'Không tìm thấy đơn vị "Đảng bộ tỉnh Tây Ninh / Đảng bộ xã Bình Minh" trong tệp dữ liệu này: dùng --unit ĐƠN_VỊ để chỉ rõ.'
    )
  })

  it('issues a report and lists what was issued', async () => {
    const db = join(tempDir(), 'a.sqlite')
    await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1'])
    const none = await cli('reports', 'issued', '--unit', 'Đảng ủy xã Tân Lập', '--db', db)
    expect(none.stdout).toContain('Đảng ủy xã Tân Lập chưa ban hành báo cáo nào.')
    const r = await cli(
      'reports',
      'issue',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--period',
      'h1',
      '--year',
      '2026',
      '--number',
      '05-BC/ĐU',
      '--date',
      '03/06/2026',
      '--db',
      db
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      'Đã ban hành báo cáo 6 tháng đầu năm 2026 của Đảng ủy xã Tân Lập, số 05-BC/ĐU ngày 03/06/2026 (lần 1)'
    )
    const list = await cli('reports', 'issued', '--unit', 'Đảng ủy xã Tân Lập', '--db', db)
    expect(list.stdout).toMatch(/05-BC\/ĐU\s+03\/06\/2026\s+6 tháng đầu năm 2026\s+1/)
    const noNumber = await cli(
      'reports',
      'issue',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--period',
      'h1',
      '--db',
      db
    )
    expect(noNumber.code).toBe(2)
    expect(noNumber.stderr).toContain('--number')
  })
})
