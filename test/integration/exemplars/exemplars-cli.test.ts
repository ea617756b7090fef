// The exemplars and awards commands over the same dispatch: --json output, the two warnings of a
// reward, the counts rolled up, and exit 2 with a Vietnamese message on a refusal.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, cliCommittee } from '../../helpers/cli'
import { tempDir } from '../../helpers/core'

describe('cli: exemplars and awards', () => {
  it('adds a person, a model and a collective, rewards them, lists and counts', async () => {
    const db = join(tempDir(), 'a.sqlite')
    await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1'])
    await cli(
      'people',
      'add',
      '--name',
      'Nguyễn Văn An',
      '--unit',
      'Chi bộ ấp 1',
      '--card',
      '01000001',
      '--db',
      db
    )

    const person = await cli(
      'exemplars',
      'add',
      '--kind',
      'person',
      '--person',
      '01000001',
      '--year',
      '2025',
      '--achievement',
      'Hiến đất làm đường',
      '--db',
      db,
      '--json'
    )
    expect(person.code).toBe(0)
    const p = JSON.parse(person.stdout)
    expect(p).toMatchObject({
      kind: 'person',
      displayName: 'Nguyễn Văn An',
      proposingUnitName: 'Chi bộ ấp 1',
      year: 2025,
      status: 'proposed'
    })
    const m = JSON.parse(
      (
        await cli(
          'exemplars',
          'add',
          '--kind',
          'model',
          '--name',
          'Dân vận khéo',
          '--unit',
          'chi bo ap 1',
          '--year',
          '2025',
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    expect(m).toMatchObject({
      kind: 'model',
      name: 'Dân vận khéo',
      proposingUnitName: 'Chi bộ ấp 1'
    })
    const c = JSON.parse(
      (
        await cli(
          'exemplars',
          'add',
          '--kind',
          'unit',
          '--unit',
          'Chi bộ ấp 1',
          '--year',
          '2025',
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    expect(c).toMatchObject({ kind: 'unit', displayName: 'Chi bộ ấp 1' })

    const noName = await cli(
      'exemplars',
      'add',
      '--kind',
      'model',
      '--unit',
      'Chi bộ ấp 1',
      '--year',
      '2025',
      '--db',
      db,
      '--json'
    )
    expect(noName.code).toBe(2)
    expect(JSON.parse(noName.stdout).error.message).toContain('--name')

    const ok = await cli(
      'awards',
      'add',
      '--number',
      '12-QĐ/ĐU',
      '--date',
      '19/05/2025',
      '--issuer',
      'Đảng ủy xã Tân Lập',
      '--form',
      'GIAY KHEN',
      '--recipients',
      `${p.id},${m.id}`,
      '--occasion',
      '19/5',
      '--db',
      db,
      '--json'
    )
    expect(ok.code).toBe(0)
    const a = JSON.parse(ok.stdout)
    expect(a.warnings).toEqual([])
    expect(a.award).toMatchObject({
      number: '12-QĐ/ĐU',
      date: '2025-05-19',
      form: 'certificate',
      issuerLevel: 'Đảng ủy cơ sở'
    })
    const again = await cli(
      'awards',
      'add',
      '--number',
      '13',
      '--date',
      '20/05/2025',
      '--issuer',
      'Đảng ủy xã Tân Lập',
      '--form',
      'bằng khen',
      '--recipients',
      String(p.id),
      '--occasion',
      '19/5',
      '--db',
      db
    )
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(
      'Cảnh báo: Đảng ủy xã Tân Lập (cấp Đảng ủy cơ sở) theo quy định chỉ tặng biểu dương, giấy khen'
    )
    expect(again.stdout).toContain('Cảnh báo: Nguyễn Văn An đã được khen năm 2025')
    const badForm = await cli(
      'awards',
      'add',
      '--number',
      '14',
      '--date',
      '20/05/2025',
      '--issuer',
      'UBND tỉnh',
      '--form',
      'huân chương',
      '--recipients',
      String(c.id),
      '--db',
      db
    )
    expect(badForm.code).toBe(2)
    expect(badForm.stderr).toContain('không phải hình thức khen thưởng')

    const list = JSON.parse(
      (
        await cli(
          'exemplars',
          'list',
          '--unit',
          'Đảng ủy xã Tân Lập',
          '--status',
          'rewarded',
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    expect(list.rows.map((r: { id: number }) => r.id).sort()).toEqual([p.id, m.id].sort())
    expect((await cli('awards', 'list', '--db', db)).stdout).toContain('12-QĐ/ĐU')

    const counts = JSON.parse(
      (
        await cli(
          'exemplars',
          'counts',
          '--unit',
          'Đảng ủy xã Tân Lập',
          '--year',
          '2025',
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    expect(counts.total).toMatchObject({
      unit: 'Đảng ủy xã Tân Lập',
      persons: 1,
      collectives: 1,
      models: 1,
      awards_certificate: 2,
      awards_merit: 1
    })
    expect(counts.byLevel).toEqual([
      {
        level: 'Đảng ủy cơ sở',
        counts: { praise: 0, certificate: 2, merit: 1, emblem: 0, flag: 0 }
      }
    ])
    expect(
      (
        await cli(
          'exemplars',
          'counts',
          '--unit',
          'Đảng ủy xã Tân Lập',
          '--year',
          '2025',
          '--db',
          db
        )
      ).stdout
    ).toContain('  Chi bộ ấp 1')
    const file = join(tempDir(), 'dn.xlsx')
    const exp = JSON.parse(
      (
        await cli(
          'exemplars',
          'proposals',
          '--unit',
          'Chi bộ ấp 1',
          '--year',
          '2025',
          '--out',
          file,
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    // The person and the model are rewarded already; the chi bộ itself is still proposed.
    expect(exp).toMatchObject({ unit: 'Chi bộ ấp 1', path: file, rows: 1 })
    expect((await cli('--help')).stdout).toContain('awards add --number SỐ')
  })
})
