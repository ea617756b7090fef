// The data key and how a password or a recovery key opens it. The data file is encrypted
// (SQLCipher scheme) with a random 32-byte data key; that key is stored only wrapped, twice:
// once by a key derived from the password, once by a key derived from the recovery key
// (scrypt, then AES-256-GCM, whose tag refuses a wrong password before the data file is
// touched). The wrapped copies, salts and KDF parameters sit beside the data file in
// `chuyen-de.key.json`; nothing in it opens the data without the password or the recovery key.
import { createCipheriv, createDecipheriv, randomBytes, randomInt, scryptSync } from 'node:crypto'
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { CoreError } from '../db/errors'
import { createExclusive } from '../files'

/** scrypt parameters: N = 2^15 takes about 0.1 s and 32 MB, slow enough against guessing. */
const KDF = { name: 'scrypt', N: 32768, r: 8, p: 1, keyLength: 32 } as const

interface Wrapped {
  salt: string
  iv: string
  tag: string
  key: string
}

export interface KeyFile {
  version: 1
  cipher: 'sqlcipher'
  kdf: typeof KDF
  password: Wrapped
  recovery: Wrapped
}

/** The key file beside a data file: chuyen-de.sqlite → chuyen-de.key.json. */
export function keyFilePath(dbPath: string): string {
  return join(dirname(dbPath), `${basename(dbPath).replace(/\.sqlite$/, '')}.key.json`)
}

export function readKeyFile(dbPath: string): KeyFile | null {
  const path = keyFilePath(dbPath)
  if (!existsSync(path)) return null
  let parsed: KeyFile
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as KeyFile
  } catch {
    throw new CoreError(
      'KEY_FILE',
      `Tệp khóa ${basename(path)} bị hỏng; không mở được dữ liệu đã mã hóa.`
    )
  }
  if (
    parsed.version !== 1 ||
    parsed.kdf?.name !== 'scrypt' ||
    !parsed.password ||
    !parsed.recovery
  ) {
    throw new CoreError(
      'KEY_FILE',
      `Tệp khóa ${basename(path)} không đúng dạng; không mở được dữ liệu đã mã hóa.`
    )
  }
  return parsed
}

/** Writes the key file whole or not at all (a partial file then a rename). */
export function writeKeyFile(dbPath: string, file: KeyFile, path = keyFilePath(dbPath)): void {
  const partial = `${path}.partial`
  rmSync(partial, { force: true })
  createExclusive(partial)
  writeFileSync(partial, `${JSON.stringify(file, null, 2)}\n`)
  renameSync(partial, path)
}

export function removeKeyFile(dbPath: string): void {
  rmSync(keyFilePath(dbPath), { force: true })
}

function derive(secret: string, salt: Buffer, kdf: KeyFile['kdf']): Buffer {
  // maxmem: scrypt needs 128 * N * r bytes; Node's default cap (32 MB) is just under that.
  return scryptSync(secret.normalize('NFC'), salt, kdf.keyLength, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r
  })
}

function wrap(dataKey: Buffer, secret: string): Wrapped {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', derive(secret, salt, KDF), iv)
  const key = Buffer.concat([cipher.update(dataKey), cipher.final()])
  return {
    salt: salt.toString('hex'),
    iv: iv.toString('hex'),
    tag: cipher.getAuthTag().toString('hex'),
    key: key.toString('hex')
  }
}

function unwrap(w: Wrapped, secret: string, kdf: KeyFile['kdf']): Buffer | null {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      derive(secret, Buffer.from(w.salt, 'hex'), kdf),
      Buffer.from(w.iv, 'hex')
    )
    decipher.setAuthTag(Buffer.from(w.tag, 'hex'))
    return Buffer.concat([decipher.update(Buffer.from(w.key, 'hex')), decipher.final()])
  } catch {
    return null
  }
}

/** Letters and digits that cannot be mistaken for one another when copied by hand. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A recovery key: 6 groups of 5 characters (150 bits), e.g. "K7QXM-…". */
function newRecoveryKey(): string {
  const groups: string[] = []
  for (let g = 0; g < 6; g++) {
    let s = ''
    for (let i = 0; i < 5; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]
    groups.push(s)
  }
  return groups.join('-')
}

/** What the user types is read leniently: case, spaces and dashes do not matter. */
function normalizeRecoveryKey(text: string): string {
  const bare = text.toUpperCase().replace(/[^A-Z0-9]/g, '')
  return bare.match(/.{1,5}/g)?.join('-') ?? ''
}

const MIN_PASSWORD_LENGTH = 8

function checkNewPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    const message = `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`
    throw new CoreError('WEAK_PASSWORD', message, { next: message })
  }
}

/** A new data key, wrapped by the password and by a new recovery key (returned to show once). */
export function newKeyFile(password: string): {
  file: KeyFile
  dataKey: Buffer
  recoveryKey: string
} {
  checkNewPassword(password)
  const dataKey = randomBytes(32)
  const recoveryKey = newRecoveryKey()
  const file: KeyFile = {
    version: 1,
    cipher: 'sqlcipher',
    kdf: KDF,
    password: wrap(dataKey, password),
    recovery: wrap(dataKey, recoveryKey)
  }
  return { file, dataKey, recoveryKey }
}

/** The data key, from the password or the recovery key; null when neither matches. */
export function openDataKey(file: KeyFile, secret: string): Buffer | null {
  return (
    unwrap(file.password, secret, file.kdf) ??
    unwrap(file.recovery, normalizeRecoveryKey(secret), file.kdf)
  )
}
