// Files attached to records (an inspection's self-review report, its conclusion notice …) are
// kept beside the data file, in a folder named after it ("du-lieu.sqlite" → "du-lieu.tep-dinh-kem"),
// as copies: the original may be moved or deleted by the user, the copy stays.
//
// Each copy is named by its content's SHA-256 (plus the original extension), so the same name
// always means the same bytes. That lets a backup carry the folder as a sibling folder of its
// .sqlite ("sao-luu_…_thu-cong.tep-dinh-kem"), and a restore put back every file the backup holds
// without ever overwriting a different file: files the restored data does not name are left
// (harmless), files it names come back.
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { CoreError } from '../db/errors'
import { checkOrdinaryFile, ensurePrivateDir, restrictFile } from '../files'

const FOLDER_SUFFIX = '.tep-dinh-kem'
/** Larger files are refused: a scanned notice is a few MB; a video has no place here. */
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024

const STORED_NAME = /^[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/

/** The attachments folder that goes with a data (or backup) file. */
function attachmentsDirFor(dataFile: string): string {
  const name = basename(dataFile)
  const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name
  return join(dirname(dataFile), `${stem}${FOLDER_SUFFIX}`)
}

export interface StoredFile {
  hash: string
  /** The name the user knew it by. */
  fileName: string
  size: number
}

function storedName(hash: string, fileName: string): string {
  const ext = extname(fileName).toLowerCase()
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? `${hash}${ext}` : hash
}

/** Where the copy of an attached file is. */
export function attachmentPath(dataFile: string, hash: string, fileName: string): string {
  return join(attachmentsDirFor(dataFile), storedName(hash, fileName))
}

/** Copies the file at `source` into the attachments folder of `dataFile`. */
export function storeAttachment(dataFile: string, source: string): StoredFile {
  const st = checkOrdinaryFile(source, 'tệp đính kèm')
  if (st.size > MAX_ATTACHMENT_BYTES)
    throw new CoreError(
      'TOO_LARGE',
      `Tệp “${basename(source)}” lớn hơn 50 MB; hãy đính kèm bản nhỏ hơn (ví dụ bản quét PDF nén).`
    )
  const fileName = basename(source)
  const bytes = readFileSync(source)
  const hash = createHash('sha256').update(bytes).digest('hex')
  const dir = attachmentsDirFor(dataFile)
  ensurePrivateDir(dir)
  const target = join(dir, storedName(hash, fileName))
  if (!existsSync(target)) {
    // Copied under a temporary name, then renamed: the folder never holds half a file.
    const partial = `${target}.partial`
    copyFileSync(source, partial)
    restrictFile(partial)
    renameSync(partial, target)
  }
  return { hash, fileName, size: st.size }
}

/** Removes a stored copy no record names any more. */
export function removeAttachment(dataFile: string, hash: string, fileName: string): void {
  rmSync(attachmentPath(dataFile, hash, fileName), { force: true })
}

function storedFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return []
  return readdirSync(dir).filter((n) => STORED_NAME.test(n))
}

/**
 * Copies the attachments of `dataFile` into the folder that goes with `backupFile`, written as
 * `<folder>.partial` and renamed; returns the folder made, or null when there is nothing to carry.
 */
export function copyAttachmentsForBackup(dataFile: string, backupFile: string): string | null {
  const files = storedFiles(attachmentsDirFor(dataFile))
  if (files.length === 0) return null
  const target = attachmentsDirFor(backupFile)
  const partial = `${target}.partial`
  rmSync(partial, { recursive: true, force: true })
  ensurePrivateDir(partial)
  try {
    for (const f of files) copyFileSync(join(attachmentsDirFor(dataFile), f), join(partial, f))
    renameSync(partial, target)
  } catch (e) {
    rmSync(partial, { recursive: true, force: true })
    throw e
  }
  return target
}

/** Puts back into the attachments of `dataFile` every file the backup `backupFile` carries. */
export function restoreAttachments(backupFile: string, dataFile: string): number {
  const from = attachmentsDirFor(backupFile)
  const files = storedFiles(from)
  if (files.length === 0) return 0
  const dir = attachmentsDirFor(dataFile)
  ensurePrivateDir(dir)
  let restored = 0
  for (const f of files) {
    const target = join(dir, f)
    if (existsSync(target)) continue // same name, same bytes
    copyFileSync(join(from, f), `${target}.partial`)
    renameSync(`${target}.partial`, target)
    restored++
  }
  return restored
}

/** Removes the attachments folder that goes with a backup being pruned. */
export function removeBackupAttachments(backupFile: string): void {
  rmSync(attachmentsDirFor(backupFile), { recursive: true, force: true })
}
