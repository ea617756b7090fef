// Where an export goes and how it is written, for the list exports (people, coverage, commitment
// status): the file the user chooses through the platform's dialog (the page never sends a path;
// the CLI and tests answer the dialog through the trusted door); an .xlsx, written whole or not at all.
import { basename } from 'node:path'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import { writePartyDocument, type PartyDocument } from './party-document'

/** The file the user chooses (null when cancelled). */
export async function xlsxTarget(
  ctx: CoreContext,
  title: string,
  defaultName: string
): Promise<string | null> {
  const chosen = await ctx.platform.chooseSaveFile({
    title,
    defaultName,
    filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }]
  })
  if (chosen && !/\.xlsx$/i.test(basename(chosen)))
    throw new CoreError('VALIDATION', 'Tên tệp phải có đuôi .xlsx.')
  return chosen
}

/** Writes the documents through the party-document writer; a failure is said in Vietnamese. */
export async function saveDocuments(
  path: string,
  docs: PartyDocument | PartyDocument[]
): Promise<void> {
  try {
    await writePartyDocument(path, docs)
  } catch (e) {
    throw new CoreError('WRITE_FAILED', `Không ghi được tệp ${path}: ${(e as Error).message}`)
  }
}
