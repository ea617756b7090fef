// The reports commands in-process over a real data file: the periods, the annex printed and as
// JSON, saved as .xlsx with --out, and refusals with exit code 2.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/core'
import { cli, cliCommittee } from '../../helpers/cli'

const COMMITTEE = 'Đảng ủy xã Tân Lập'

/**
 * A data file in a fresh folder, with `run` calling the CLI on it. With `cells`, the commune
 * committee made through the CLI as a user would, with those chi bộ under it.
 */
async function dataFile(cells?: string[], name = 'a.sqlite') {
  const dir = tempDir()
  const db = join(dir, name)
  if (cells) await cliCommittee(db, COMMITTEE, cells)
  return { dir, db, run: (...args: string[]) => cli(...args, '--db', db) }
}

describe('cli: reports', () => {
  it('says in reports status which chi bộ are kept here with nobody imported yet', async () => {
    const { run } = await dataFile(['Chi bộ ấp 1'])
    const r = await run(
      'reports',
      'status',
      '--unit',
      COMMITTEE,
      '--period',
      'year',
      '--year',
      '2026',
      '--today',
      '10/12/2026'
    )
    expect(r.code).toBe(0)
    // A chi bộ keeps no file of its own: not awaited, not late, but said to be empty.
    expect(r.stdout).toMatch(/Chi bộ ấp 1\s+–\s+có, chưa có người/)
    expect(r.stdout).not.toContain('trễ')
  })

  it('prints the periods and the annex of a committee, as text, as JSON and as a workbook', async () => {
    const { dir, run } = await dataFile(['Chi bộ ấp 1', 'Chi bộ ấp 2'])
    await run(
      'propaganda',
      'add',
      '--kind',
      'hoi nghi',
      '--date',
      '10/04/2026',
      '--unit',
      'chi bo ap 1',
      '--members',
      '12'
    )

    const periods = await run('reports', 'periods')
    expect(periods.code).toBe(0)
    expect(periods.stdout).toContain('6 tháng đầu năm (h1)')
    expect(periods.stdout).toContain('31/05')

    const text = await run(
      'reports',
      'annex',
      '--unit',
      'dang uy xa tan lap',
      '--period',
      'h1',
      '--year',
      '2026'
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
        await run(
          'reports',
          'annex',
          '--unit',
          'Đảng ủy xã Tân Lập',
          '--period',
          '01/04/2026:30/04/2026',
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
    const saved = await run(
      'reports',
      'annex',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--period',
      'year',
      '--year',
      '2026',
      '--out',
      file
    )
    expect(saved.code).toBe(0)
    expect(saved.stdout).toContain(`Đã lưu phụ lục số liệu của Đảng ủy xã Tân Lập vào ${file}.`)
    expect(existsSync(file)).toBe(true)
  })

  it('refuses a period it cannot read, with exit code 2 and a Vietnamese message', async () => {
    const { run } = await dataFile(['Chi bộ ấp 1'])
    const bad = await run('reports', 'annex', '--unit', 'Đảng ủy xã Tân Lập', '--period', 'q3')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      '--period: "q3" không hợp lệ; dùng h1 (6 tháng đầu năm), year (cả năm)'
    )
    const reversed = await run(
      'reports',
      'annex',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--period',
      '30/04/2026:01/04/2026'
    )
    expect(reversed.code).toBe(2)
    expect(reversed.stderr).toContain('Ngày cuối kỳ không được trước ngày đầu kỳ.')
  })

  it("receives a commune's annex into the province file, dry run first, and says who has sent", async () => {
    // The commune keeps its own file, under the province as it knows it.
    const commune = await dataFile(undefined, 'xa.sqlite')
    const province = await dataFile(undefined, 'tinh.sqlite')
    const { dir, run } = province
    for (const f of [commune, province])
      await f.run('units', 'add', '--name', 'Đảng bộ tỉnh Tây Ninh', '--level', 'Tỉnh ủy')
    await commune.run(
      'units',
      'add',
      '--name',
      'Đảng bộ xã Bình Minh',
      '--level',
      'Đảng ủy cơ sở',
      '--parent',
      'Đảng bộ tỉnh Tây Ninh'
    )
    await commune.run(
      'propaganda',
      'add',
      '--kind',
      'hội thi',
      '--date',
      '02/03/2026',
      '--unit',
      'Đảng bộ xã Bình Minh'
    )
    const file = join(dir, 'xa-binh-minh.xlsx')
    expect(
      (
        await commune.run(
          'reports',
          'annex',
          '--unit',
          'Đảng bộ xã Bình Minh',
          '--period',
          'h1',
          '--year',
          '2026',
          '--out',
          file
        )
      ).code
    ).toBe(0)

    for (const name of ['Đảng bộ xã An Hòa', 'Đảng bộ xã Bình Minh'])
      await run(
        'units',
        'add',
        '--name',
        name,
        '--level',
        'Đảng ủy cơ sở',
        '--parent',
        'Đảng bộ tỉnh Tây Ninh'
      )

    const dry = await run('reports', 'receive', file, '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain(
      'Phụ lục 6 tháng đầu năm 2026 của Đảng bộ xã Bình Minh (Đảng bộ tỉnh Tây Ninh / Đảng bộ xã Bình Minh), tệp xa-binh-minh.xlsx.'
    )
    expect(dry.stdout).toContain('Hoạt động tuyên truyền: 1')
    expect(dry.stdout).toContain('(--dry-run: chưa lưu gì.)')
    const before = await run(
      'reports',
      'status',
      '--unit',
      'Đảng bộ tỉnh Tây Ninh',
      '--period',
      'h1',
      '--year',
      '2026',
      '--json'
    )
    expect(JSON.parse(before.stdout).rows.map((r: { received: unknown }) => r.received)).toEqual([
      null,
      null
    ])

    const done = await run('reports', 'receive', file)
    expect(done.stdout).toContain('Đã lưu là phụ lục của Đảng bộ xã Bình Minh.')
    const after = await run(
      'reports',
      'status',
      '--unit',
      'Đảng bộ tỉnh Tây Ninh',
      '--period',
      'h1',
      '--year',
      '2026'
    )
    expect(after.stdout).toContain(
      'Phụ lục 6 tháng đầu năm 2026 gửi về Đảng bộ tỉnh Tây Ninh (hạn 05/06/2026):'
    )
    expect(after.stdout).toMatch(/Đảng bộ xã Bình Minh\s+\d\d\/\d\d\/\d{4}\s+xa-binh-minh\.xlsx/)
    const annex = JSON.parse(
      (
        await run(
          'reports',
          'annex',
          '--unit',
          'Đảng bộ tỉnh Tây Ninh',
          '--period',
          'h1',
          '--year',
          '2026',
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
    const { run } = await dataFile(['Chi bộ ấp 1'])
    const none = await run('reports', 'issued', '--unit', 'Đảng ủy xã Tân Lập')
    expect(none.stdout).toContain('Đảng ủy xã Tân Lập chưa ban hành báo cáo nào.')
    const r = await run(
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
      '03/06/2026'
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      'Đã ban hành báo cáo 6 tháng đầu năm 2026 của Đảng ủy xã Tân Lập, số 05-BC/ĐU ngày 03/06/2026 (lần 1)'
    )
    const list = await run('reports', 'issued', '--unit', 'Đảng ủy xã Tân Lập')
    expect(list.stdout).toMatch(/05-BC\/ĐU\s+03\/06\/2026\s+6 tháng đầu năm 2026\s+1/)
    const noNumber = await run('reports', 'issue', '--unit', 'Đảng ủy xã Tân Lập', '--period', 'h1')
    expect(noNumber.code).toBe(2)
    expect(noNumber.stderr).toContain('--number')
  })
})
