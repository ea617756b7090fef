// Files a user chose for a preview, by token: applying names the file by the preview's token, so
// the page never holds (nor can forge) a path. The newest few are kept, as a user previews one
// sheet at a time. Used by every preview-then-apply import of a sheet sent back.
import { randomBytes } from 'node:crypto'

const chosenFiles = new Map<string, string>()
const KEEP_CHOSEN = 20

/** Remembers a chosen file and returns its token. */
export function rememberChosen(path: string): string {
  const token = randomBytes(16).toString('hex')
  chosenFiles.set(token, path)
  for (const old of chosenFiles.keys()) {
    if (chosenFiles.size <= KEEP_CHOSEN) break
    chosenFiles.delete(old)
  }
  return token
}

/** The file a token names; undefined when it is unknown or too old. */
export function chosenFile(token: string): string | undefined {
  return chosenFiles.get(token)
}
