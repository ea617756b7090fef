import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/core'
import { cli } from '../../helpers/cli'

describe('cli', () => {
  it('adds units and people and lists them as JSON with stable field names', async () => {
    const db = join(tempDir(), 'a.sqlite')
    expect(
      (
        await cli(
          'units',
          'add',
          '--name',
          'Đảng ủy xã Tân Lập',
          '--level',
          'Đảng ủy cơ sở',
          '--db',
          db,
          '--json'
        )
      ).code
    ).toBe(0)
    expect(
      (
        await cli(
          'units',
          'add',
          '--name',
          'Chi bộ Ấp 3',
          '--level',
          'Chi bộ',
          '--parent',
          'dang uy xa tan lap',
          '--db',
          db
        )
      ).code
    ).toBe(0)
    const added = await cli(
      'people',
      'add',
      '--name',
      'NGUYỄN VĂN DŨNG',
      '--unit',
      'chi bo ap 3',
      '--birth',
      '12/03/1980',
      '--gender',
      'nam',
      '--card',
      '01234567',
      '--db',
      db,
      '--json'
    )
    expect(added.code).toBe(0)
    const units = JSON.parse((await cli('units', 'list', '--db', db, '--json')).stdout)
    expect(units).toEqual([
      {
        id: 1,
        parentId: null,
        name: 'Đảng ủy xã Tân Lập',
        level: 'Đảng ủy cơ sở',
        retiredOn: null,
        peopleCount: 0
      },
      { id: 2, parentId: 1, name: 'Chi bộ Ấp 3', level: 'Chi bộ', retiredOn: null, peopleCount: 1 }
    ])
    const people = JSON.parse(
      (
        await cli(
          'people',
          'list',
          '--unit',
          'Đảng ủy xã Tân Lập',
          '--q',
          'nguyen van dung',
          '--db',
          db,
          '--json'
        )
      ).stdout
    )
    expect(people).toHaveLength(1)
    expect(people[0]).toMatchObject({
      fullName: 'Nguyễn Văn Dũng',
      gender: 'male',
      birthDate: '1980-03-12',
      partyCardNumber: '01234567',
      partyJoinDate: null,
      partyOfficialDate: null,
      partyProfileNumber: null,
      nationalId: null,
      ethnicity: null,
      religion: null,
      hometown: null,
      position: null,
      unit: 'Chi bộ Ấp 3',
      status: 'active'
    })
    const human = await cli('people', 'list', '--db', db)
    expect(human.stdout).toContain('Nguyễn Văn Dũng')
    expect(human.stdout).toContain('Đang sinh hoạt')
  })

  it('refuses with exit 2 and a JSON error', async () => {
    const db = join(tempDir(), 'a.sqlite')
    const r = await cli('people', 'add', '--name', 'X', '--unit', 'không có', '--db', db, '--json')
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'NOT_FOUND', message: 'Không tìm thấy đơn vị "không có".' }
    })
    const bad = await cli('units', 'add', '--name', 'A', '--db', db, '--json')
    expect(JSON.parse(bad.stdout).error.code).toBe('USAGE')
    const unknown = await cli('people', 'list', '--bogus', '--db', db, '--json')
    expect(unknown.code).toBe(2)
    expect(JSON.parse(unknown.stdout).error.message).toContain('--bogus')
    expect((await cli('frobnicate', '--db', db, '--json')).code).toBe(2)
  })

  it('backs up and checks', async () => {
    const dir = tempDir()
    const db = join(dir, 'a.sqlite')
    const b = JSON.parse((await cli('backup', '--db', db, '--json')).stdout)
    expect(existsSync(b.path)).toBe(true)
    expect(b.path.startsWith(join(dir, 'backups'))).toBe(true)
    expect(JSON.parse((await cli('check', '--db', db, '--json')).stdout).ok).toBe(true)
  })

  it('runs as `npm run cli` with exit codes', () => {
    const db = join(tempDir(), 'a.sqlite')
    const root = resolve(__dirname, '../../..')
    const ok = spawnSync('npm', ['run', '-s', 'cli', '--', 'units', 'list', '--db', db, '--json'], {
      cwd: root,
      encoding: 'utf8'
    })
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout)).toEqual([])
    const refused = spawnSync(
      'npm',
      ['run', '-s', 'cli', '--', 'people', 'add', '--db', db, '--json'],
      { cwd: root, encoding: 'utf8' }
    )
    expect(refused.status).toBe(2)
    expect(JSON.parse(refused.stdout).error.code).toBe('USAGE')
  })
})
