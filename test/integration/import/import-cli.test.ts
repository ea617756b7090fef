import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/index'
import { commitHooks } from '../../../src/core/import/commit'
import type { Out } from '../../../src/cli/output'
import { tempDir } from '../../helpers/core'
import { SAMPLE, writeMemberList } from '../../helpers/import-fixtures'

async function cli(...argv: string[]): Promise<{ code: number; json: any }> {
  let stdout = ''
  const out: Out = { json: false, write: (t) => (stdout += t), writeError: () => {} }
  const code = await runCli(argv, out)
  return { code, json: JSON.parse(stdout) }
}

describe('cli: import members', () => {
  it('previews with --dry-run, imports, and changes nothing the second time', async () => {
    const dir = tempDir()
    const db = join(dir, 'a.sqlite')
    const file = join(dir, 'danh-sach.xlsx')
    await writeMemberList(
      file,
      [...SAMPLE, { name: 'Võ Văn Lỗi', birth: '01/01/1980', card: '12345' }],
      { tcvn3Hometown: true }
    )
    expect(
      (
        await cli(
          'units',
          'add',
          '--name',
          'Chi bộ Ấp 3',
          '--level',
          'Chi bộ',
          '--db',
          db,
          '--json'
        )
      ).code
    ).toBe(0)

    const dry = await cli(
      'import',
      'members',
      file,
      '--unit',
      'chi bo ap 3',
      '--dry-run',
      '--db',
      db,
      '--json'
    )
    expect(dry.code).toBe(0)
    expect(dry.json).toMatchObject({
      dryRun: true,
      importId: null,
      created: 5,
      updated: 0,
      unchanged: 0
    })
    expect(dry.json.errors).toEqual([
      expect.objectContaining({
        sheet: 'Danh sách',
        column: 'H',
        message: expect.stringContaining('8 chữ số'),
        outcome: 'dropped',
        value: '12345'
      })
    ])
    expect((await cli('people', 'list', '--db', db, '--json')).json).toEqual([])

    const real = await cli('import', 'members', file, '--unit', 'Chi bộ Ấp 3', '--db', db, '--json')
    expect(real.json).toMatchObject({ dryRun: false, created: 5, skipped: 0 })
    expect(real.json.importId).toBeGreaterThan(0)
    const people = (await cli('people', 'list', '--db', db, '--json')).json
    expect(people.map((p: { fullName: string }) => p.fullName).sort()).toEqual([
      'Lê Văn Cường',
      'Nguyễn Văn An',
      'Phạm Thị Dung',
      'Trần Thị Bình',
      'Võ Văn Lỗi'
    ])
    const an = people.find((p: { fullName: string }) => p.fullName === 'Nguyễn Văn An')
    expect(an).toMatchObject({
      gender: 'male',
      birthDate: '1970-03-12',
      partyJoinDate: '1995-05-19',
      partyCardNumber: '01234567',
      hometown: 'Hồ Chí Minh',
      unit: 'Chi bộ Ấp 3'
    })
    const cuong = people.find((p: { fullName: string }) => p.fullName === 'Lê Văn Cường')
    expect(cuong).toMatchObject({ birthDate: '1962', partyJoinDate: '1990-09' })

    const again = await cli(
      'import',
      'members',
      file,
      '--unit',
      'Chi bộ Ấp 3',
      '--db',
      db,
      '--json'
    )
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: 5 })
  })

  it('says DISK_FULL when the disk fills during the write, as the app does, and leaves nothing written', async () => {
    const dir = tempDir()
    const db = join(dir, 'a.sqlite')
    const file = join(dir, 'danh-sach.xlsx')
    await writeMemberList(file, SAMPLE)
    expect(
      (
        await cli(
          'units',
          'add',
          '--name',
          'Chi bộ Ấp 3',
          '--level',
          'Chi bộ',
          '--db',
          db,
          '--json'
        )
      ).code
    ).toBe(0)
    // What better-sqlite3 throws when SQLite cannot grow the file (SQLITE_FULL), inside the transaction.
    commitHooks.afterWrites = () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
    }
    try {
      const r = await cli('import', 'members', file, '--unit', 'Chi bộ Ấp 3', '--db', db, '--json')
      expect(r.code).toBe(2)
      expect(r.json.error.code).toBe('DISK_FULL')
      expect(r.json.error.message).toMatch(/Ổ đĩa đã đầy/)
    } finally {
      commitHooks.afterWrites = null
    }
    expect((await cli('people', 'list', '--db', db, '--json')).json).toEqual([])
  })

  it('refuses a file that is not a spreadsheet with exit 2', async () => {
    const dir = tempDir()
    const r = await cli(
      'import',
      'members',
      join(__dirname, 'import-cli.test.ts'),
      '--db',
      join(dir, 'a.sqlite'),
      '--json'
    )
    expect(r.code).toBe(2)
    expect(r.json.error.code).toMatch(/^FILE_/)
    expect(r.json.error.message).toMatch(/[ạảãáàâăđêôơư]/)
  })
})
