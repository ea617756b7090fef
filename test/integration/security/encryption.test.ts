// Encryption at rest and the app lock, on real files: with a password set, the data file, its
// -wal and every backup hold no plaintext; the core starts locked and opens with the password or
// the recovery key; a wrong password leaves the file's bytes as they were; changing and removing
// the password re-key the file; restore takes an encrypted backup (and an older plain one).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { keyFilePath } from '../../../src/core/security/key-file'

const CCCD = '079123456789'
/** Written after the password is set, so it can only be in the -wal or a later backup. */
const CCCD_LATER = '079987654321'
const NAME = 'Trần Thị Bảo Mật'
const PASSWORD = 'mật khẩu thử 123'

let open: TestCore[] = []
afterEach(() => {
  for (const t of open) t.dispose()
  open = []
})

function start(dir: string, password?: string): TestCore {
  const t = openTestCore({ dir, password })
  open.push(t)
  return t
}

function close(t: TestCore): void {
  t.core.close()
  open = open.filter((x) => x !== t)
}

async function seed(t: TestCore): Promise<void> {
  const unit = await t.call('units:create', {
    parentId: null,
    name: 'Chi bộ Bảo Mật',
    level: 'Chi bộ'
  })
  await t.call('people:create', personInput(unit.id, { fullName: NAME, nationalId: CCCD }))
}

/** True when the bytes hold the CCCD or the name (UTF-8, as SQLite stores text). */
function holdsPlaintext(path: string): boolean {
  const bytes = readFileSync(path)
  return [CCCD, CCCD_LATER, NAME].some((s) => bytes.includes(Buffer.from(s)))
}

function dataFiles(dir: string): string[] {
  const main = join(dir, 'chuyen-de.sqlite')
  const backups = existsSync(join(dir, 'backups'))
    ? readdirSync(join(dir, 'backups')).map((f) => join(dir, 'backups', f))
    : []
  return [main, `${main}-wal`, ...backups].filter((p) => existsSync(p))
}

describe('encryption at rest', () => {
  it('the file, its -wal and every backup hold no plaintext once a password is set', async () => {
    const dir = tempDir()
    const t = start(dir)
    await seed(t)
    // The check can fail: a plain file shows the CCCD.
    expect(
      holdsPlaintext(join(dir, 'chuyen-de.sqlite')) ||
        holdsPlaintext(join(dir, 'chuyen-de.sqlite-wal'))
    ).toBe(true)
    const set = await t.call('app:setPassword', { next: PASSWORD })
    expect(set.recoveryKey).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){5}$/)
    // The backups taken before the password (plain until then) are sealed with the file.
    const before = readdirSync(join(dir, 'backups'))
    expect(before.length).toBeGreaterThanOrEqual(1)
    // Writes after the password land in the -wal: it must be sealed too.
    const unit = await t.call('units:create', {
      parentId: null,
      name: 'Chi bộ Sau',
      level: 'Chi bộ'
    })
    await t.call(
      'people:create',
      personInput(unit.id, { fullName: `${NAME} Hai`, nationalId: CCCD_LATER })
    )
    expect(existsSync(join(dir, 'chuyen-de.sqlite-wal'))).toBe(true)
    await t.call('backup:create', null)
    const files = dataFiles(dir)
    expect(files.length).toBeGreaterThanOrEqual(4)
    for (const f of files) expect(holdsPlaintext(f), f).toBe(false)
    // The key file holds salts and wrapped keys, no secret and no data.
    const keyFile = readFileSync(keyFilePath(join(dir, 'chuyen-de.sqlite')), 'utf8')
    expect(keyFile).not.toContain(PASSWORD)
    expect(keyFile).not.toContain(set.recoveryKey)
    // Without the key SQLite cannot read the file at all.
    const raw = new BetterSqlite3(join(dir, 'chuyen-de.sqlite'), { readonly: true })
    expect(() => raw.prepare('SELECT count(*) FROM people').get()).toThrow()
    raw.close()
  })

  it('starts locked, refuses everything but app:info/lockState/unlock, and opens with the password or the recovery key', async () => {
    const dir = tempDir()
    const first = start(dir)
    await seed(first)
    const { recoveryKey } = await first.call('app:setPassword', { next: PASSWORD })
    close(first)

    const t = start(dir)
    expect(await t.call('app:lockState', null)).toEqual({
      locked: true,
      passwordSet: true,
      idleMinutes: null
    })
    expect((await t.refuse('people:list', { unitId: null })).code).toBe('LOCKED')
    expect((await t.refuse('backup:create', null)).code).toBe('LOCKED')
    expect((await t.call('app:info', null)).dbPath).toBe(join(dir, 'chuyen-de.sqlite'))
    const state = await t.call('app:unlock', { secret: PASSWORD })
    expect(state.locked).toBe(false)
    expect(state.idleMinutes).toBe(10)
    const units = await t.call('units:list', { includeRetired: false })
    expect(units.map((u) => u.name)).toContain('Chi bộ Bảo Mật')

    // Locking closes the file; the recovery key (typed in lower case, without dashes) opens it.
    expect((await t.call('app:lock', null)).locked).toBe(true)
    expect((await t.refuse('units:list', { includeRetired: false })).code).toBe('LOCKED')
    expect(
      (await t.call('app:unlock', { secret: recoveryKey.toLowerCase().replaceAll('-', ' ') }))
        .locked
    ).toBe(false)
    expect((await t.call('units:list', { includeRetired: false })).length).toBeGreaterThan(0)
    close(t)

    // The CLI's way: the password given at start (CD05_PASSWORD).
    const direct = start(dir, PASSWORD)
    expect((await direct.call('app:lockState', null)).locked).toBe(false)
  })

  it('refuses a wrong password without touching the file', async () => {
    const dir = tempDir()
    const first = start(dir)
    await seed(first)
    await first.call('app:setPassword', { next: PASSWORD })
    close(first)
    const main = join(dir, 'chuyen-de.sqlite')
    const bytes = readFileSync(main)
    const t = start(dir)
    const err = await t.refuse('app:unlock', { secret: 'sai mật khẩu' })
    expect(err.code).toBe('WRONG_PASSWORD')
    expect(err.message).toBe('Mật khẩu hoặc khóa khôi phục không đúng.')
    expect((await t.call('app:lockState', null)).locked).toBe(true)
    expect(readFileSync(main).equals(bytes)).toBe(true)
    expect(existsSync(`${main}-wal`)).toBe(false)
    close(t)
    expect(() => openTestCore({ dir, password: 'sai mật khẩu' })).toThrow(/không đúng/)
    expect(readFileSync(main).equals(bytes)).toBe(true)
  })

  it('changing the password re-keys the file; removing it decrypts the file', async () => {
    const dir = tempDir()
    const t = start(dir)
    await seed(t)
    await t.call('app:setPassword', { next: PASSWORD })
    const main = join(dir, 'chuyen-de.sqlite')
    const keyBefore = readFileSync(keyFilePath(main), 'utf8')
    // Each refusal names the form's field, for the dialog to put the cursor back in it.
    expect(
      await t.refuse('app:setPassword', { current: 'sai mật khẩu', next: 'mật khẩu mới 456' })
    ).toMatchObject({
      code: 'WRONG_PASSWORD',
      fields: { current: 'Mật khẩu hiện tại không đúng.' }
    })
    expect(await t.refuse('app:setPassword', { current: PASSWORD, next: 'ngắn' })).toMatchObject({
      code: 'WEAK_PASSWORD',
      fields: { next: 'Mật khẩu phải có ít nhất 8 ký tự.' }
    })
    await t.call('app:setPassword', { current: PASSWORD, next: 'mật khẩu mới 456' })
    expect(readFileSync(keyFilePath(main), 'utf8')).not.toBe(keyBefore)
    expect(existsSync(`${keyFilePath(main)}.new`)).toBe(false)
    close(t)
    // The old password no longer opens; the new one does, and the data is whole.
    const again = start(dir)
    expect((await again.refuse('app:unlock', { secret: PASSWORD })).code).toBe('WRONG_PASSWORD')
    await again.call('app:unlock', { secret: 'mật khẩu mới 456' })
    expect(
      (await again.call('units:list', { includeRetired: false })).map((u) => u.name)
    ).toContain('Chi bộ Bảo Mật')
    // Each change was preceded by a backup.
    expect(
      readdirSync(join(dir, 'backups')).filter((f) => f.includes('_truoc-doi-mat-khau'))
    ).toHaveLength(2)

    await again.call('app:removePassword', { current: 'mật khẩu mới 456' })
    expect(existsSync(keyFilePath(main))).toBe(false)
    close(again)
    const plain = start(dir)
    expect((await plain.call('app:lockState', null)).locked).toBe(false)
    expect((await plain.call('units:list', { includeRetired: false })).length).toBeGreaterThan(0)
    close(plain)
    const raw = new BetterSqlite3(main, { readonly: true })
    expect(raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 })
    raw.close()
    // The backups followed each key: now plain, every one readable without a key.
    const backups = readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))
    expect(backups.length).toBeGreaterThanOrEqual(3)
    for (const f of backups) {
      const b = new BetterSqlite3(join(dir, 'backups', f), { readonly: true })
      expect(b.prepare('SELECT count(*) AS n FROM people').get(), f).toEqual({ n: 1 })
      b.close()
    }
  })

  it('restores an encrypted backup with the current key, and one made before the password (sealed since)', async () => {
    const dir = tempDir()
    const t = start(dir)
    await seed(t)
    const plainBackup = await t.call('backup:create', null)
    expect(holdsPlaintext(plainBackup.path)).toBe(true)
    await t.call('app:setPassword', { next: PASSWORD })
    expect(holdsPlaintext(plainBackup.path)).toBe(false)
    const sealed = await t.call('backup:create', null)
    expect(holdsPlaintext(sealed.path)).toBe(false)
    await t.call('units:create', { parentId: null, name: 'Chi bộ Thêm Sau', level: 'Chi bộ' })

    await t.call('backup:restore', { fileName: sealed.fileName })
    expect(
      (await t.call('units:list', { includeRetired: false })).map((u) => u.name)
    ).not.toContain('Chi bộ Thêm Sau')
    expect(holdsPlaintext(join(dir, 'chuyen-de.sqlite'))).toBe(false)

    await t.call('backup:restore', { fileName: plainBackup.fileName })
    expect((await t.call('units:list', { includeRetired: false })).map((u) => u.name)).toContain(
      'Chi bộ Bảo Mật'
    )
    // The plain backup came back encrypted, like the data file it replaced.
    close(t)
    expect(holdsPlaintext(join(dir, 'chuyen-de.sqlite'))).toBe(false)
    const again = start(dir)
    expect((await again.call('app:lockState', null)).locked).toBe(true)
    await again.call('app:unlock', { secret: PASSWORD })
    expect(
      (await again.call('units:list', { includeRetired: false })).map((u) => u.name)
    ).toContain('Chi bộ Bảo Mật')
  })
})
