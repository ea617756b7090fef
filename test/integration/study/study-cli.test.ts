import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/core'
import { cli, cliCommittee } from '../../helpers/cli'

describe('cli: study', () => {
  it('adds and lists sessions, records attendance from a sheet and by card, and reports coverage per unit', async () => {
    const dir = tempDir()
    const db = join(dir, 'a.sqlite')
    await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1', 'Chi bộ ấp 2'])
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
    await cli(
      'people',
      'add',
      '--name',
      'Trần Thị Bình',
      '--unit',
      'Chi bộ ấp 1',
      '--card',
      '01000002',
      '--db',
      db
    )
    await cli(
      'people',
      'add',
      '--name',
      'Lê Văn Cường',
      '--unit',
      'Chi bộ ấp 2',
      '--kind',
      'non_member',
      '--db',
      db
    )
    await cli(
      'people',
      'add',
      '--name',
      'Lê Văn Cường',
      '--unit',
      'Chi bộ ấp 1',
      '--card',
      '01000003',
      '--db',
      db
    )

    const added = await cli(
      'study',
      'sessions',
      'add',
      '--year',
      '2024',
      '--kind',
      'chi-bo',
      '--date',
      '20/05/2024',
      '--unit',
      'Đảng ủy xã Tân Lập',
      '--points',
      'Hội trường xã:45;Ấp 2:30',
      '--extra',
      '12',
      '--db',
      db,
      '--json'
    )
    expect(added.code).toBe(0)
    const session = JSON.parse(added.stdout)
    expect(session).toMatchObject({
      year: 2024,
      kind: 'cell_meeting',
      heldOn: '2024-05-20',
      extraNonMembers: 12
    })
    expect(session.points).toEqual([
      { name: 'Hội trường xã', unitId: null, attendees: 45 },
      { name: 'Ấp 2', unitId: null, attendees: 30 }
    ])
    const list = await cli('study', 'sessions', 'list', '--year', '2024', '--db', db)
    expect(list.stdout).toContain('Sinh hoạt chi bộ')

    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('DS')
    ws.addRow(['STT', 'Họ và tên', 'Số thẻ đảng viên'])
    ws.addRow([1, 'Nguyễn Văn An', null])
    ws.addRow([2, 'Lê Văn Cường', null])
    ws.addRow([3, 'Ai Đó', null])
    const file = join(dir, 'dd.xlsx')
    await wb.xlsx.writeFile(file)
    const dry = await cli(
      'study',
      'attend',
      String(session.id),
      '--file',
      file,
      '--dry-run',
      '--db',
      db
    )
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('1 dòng khớp, 1 cần chọn, 1 không khớp')
    const att = JSON.parse(
      (await cli('study', 'attend', String(session.id), '--file', file, '--db', db, '--json'))
        .stdout
    )
    expect(att.committed).toBe(1)
    expect(att.ambiguous[0].candidates).toHaveLength(2)
    const byCard = await cli(
      'study',
      'attend',
      String(session.id),
      '--people',
      '01000003',
      '--db',
      db
    )
    expect(byCard.code).toBe(0)

    const cov = JSON.parse(
      (await cli('study', 'coverage', '--year', '2024', '--db', db, '--json')).stdout
    )
    expect(
      cov.units.map(
        (u: {
          unit: string
          required: number
          studied: number
          missing: number
          percent: number
        }) => [u.unit, u.required, u.studied, u.missing, u.percent]
      )
    ).toEqual([
      ['Đảng ủy xã Tân Lập', 4, 2, 2, 50],
      ['Chi bộ ấp 1', 3, 2, 1, 66.7],
      ['Chi bộ ấp 2', 1, 0, 1, 0]
    ])
    const one = JSON.parse(
      (
        await cli(
          'study',
          'coverage',
          '--year',
          '2024',
          '--unit',
          'chi bo ap 2',
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    expect(one.units).toHaveLength(1)
    expect(one.units[0].nonMembers).toEqual({ required: 1, studied: 0, missing: 1, percent: 0 })

    const bad = await cli('study', 'attend', String(session.id), '--db', db, '--json')
    expect(bad.code).toBe(2)
    expect(JSON.parse(bad.stdout).error.code).toBe('USAGE')
    const out = join(dir, 'chua-hoc.xlsx')
    const exp = await cli(
      'study',
      'missing',
      '--year',
      '2024',
      '--out',
      out,
      '--place',
      'Tân Lập',
      '--db',
      db
    )
    expect(exp.stdout).toContain('2 người chưa học')
  })
})
