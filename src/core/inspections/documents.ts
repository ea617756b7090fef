// An inspection's documents as dated entries (decision, self-review report received, minutes,
// results report, conclusion notice with its number …), each with an optional file. The file is
// copied into the attachments folder beside the data file (backup/attachments.ts) and so travels
// with every backup; the place the user picked it from is never remembered.
import { copyFileSync, existsSync } from 'node:fs'
import type { DocumentInput, InspectionDocument } from '../../shared/api'
import { INSPECTION_DOCUMENT_KINDS } from '../../shared/api'
import { attachmentPath, removeAttachment, storeAttachment } from '../backup/attachments'
import type { CoreContext } from '../context'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { checkDay, optional, refuseIf, type Errors } from './checks'

interface Row {
  id: number
  inspection_id: number
  kind: InspectionDocument['kind']
  number: string | null
  dated_on: string
  title: string | null
  file_name: string | null
  file_hash: string | null
  file_size: number | null
  note: string | null
}

const toDocument = (r: Row): InspectionDocument => ({
  id: r.id,
  inspectionId: r.inspection_id,
  kind: r.kind,
  number: r.number,
  datedOn: r.dated_on,
  title: r.title,
  fileName: r.file_name,
  fileSize: r.file_size,
  note: r.note
})

function documentRow(db: Database, id: number): Row {
  const r = db.prepare('SELECT * FROM inspection_documents WHERE id = ?').get(id) as Row | undefined
  if (!r) throw notFound('văn bản này')
  return r
}

export function listDocuments(db: Database, inspectionId: number): InspectionDocument[] {
  return (
    db
      .prepare('SELECT * FROM inspection_documents WHERE inspection_id = ? ORDER BY dated_on, id')
      .all(inspectionId) as Row[]
  ).map(toDocument)
}

export async function addDocument(
  ctx: CoreContext,
  input: DocumentInput
): Promise<InspectionDocument | null> {
  const errors: Errors = {}
  if (!INSPECTION_DOCUMENT_KINDS.includes(input.kind)) errors.kind = 'Loại văn bản không hợp lệ.'
  checkDay(errors, 'datedOn', input.datedOn, 'Ngày văn bản')
  if (!ctx.db.prepare('SELECT 1 FROM inspections WHERE id = ?').get(input.inspectionId))
    errors.inspectionId = 'Cuộc kiểm tra, giám sát không tồn tại.'
  refuseIf(errors)
  let source: string | null = null
  if (input.attach) {
    source = await ctx.platform.chooseOpenFile({
      title: 'Chọn tệp văn bản để đính kèm',
      filters: [
        {
          name: 'Văn bản',
          extensions: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png']
        },
        { name: 'Mọi tệp', extensions: ['*'] }
      ]
    })
    if (source === null) return null
  }
  // Copied before the row is written: a row never names a file that is not there.
  const file = source === null ? null : storeAttachment(ctx.dbPath, source)
  return inTransaction(ctx.db, () => {
    const id = ctx.db
      .prepare(
        `INSERT INTO inspection_documents(inspection_id, kind, number, dated_on, title, file_name, file_hash, file_size, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        input.inspectionId,
        input.kind,
        optional(input.number),
        input.datedOn,
        optional(input.title),
        file?.fileName ?? null,
        file?.hash ?? null,
        file?.size ?? null,
        optional(input.note),
        nowIso()
      ).lastInsertRowid
    return toDocument(documentRow(ctx.db, Number(id)))
  })
}

export function deleteDocument(ctx: CoreContext, id: number): null {
  const r = inTransaction(ctx.db, () => {
    const row = documentRow(ctx.db, id)
    ctx.db.prepare('DELETE FROM inspection_documents WHERE id = ?').run(id)
    return row
  })
  // The copy goes only when no other document holds the same bytes; backups keep theirs.
  if (
    r.file_hash &&
    !ctx.db.prepare('SELECT 1 FROM inspection_documents WHERE file_hash = ?').get(r.file_hash)
  )
    removeAttachment(ctx.dbPath, r.file_hash, r.file_name!)
  return null
}

/** The kept copy of a document's file, or a refusal saying it is missing and how to get it back. */
function documentFilePath(ctx: CoreContext, id: number): { path: string; name: string } {
  const r = documentRow(ctx.db, id)
  if (!r.file_hash || !r.file_name)
    throw new CoreError('NO_FILE', 'Văn bản này không có tệp đính kèm.')
  const path = attachmentPath(ctx.dbPath, r.file_hash, r.file_name)
  if (!existsSync(path))
    throw new CoreError(
      'FILE_MISSING',
      `Không tìm thấy tệp “${r.file_name}” trong thư mục tệp đính kèm; hãy khôi phục một bản sao lưu có tệp này, hoặc đính kèm lại.`
    )
  return { path, name: r.file_name }
}

/** Saves a copy of a document's file where the user chooses; null when cancelled. */
export async function saveDocumentFile(
  ctx: CoreContext,
  input: { id: number }
): Promise<{ path: string } | null> {
  const kept = documentFilePath(ctx, input.id)
  const target = await ctx.platform.chooseSaveFile({
    title: 'Lưu bản sao tệp đính kèm',
    defaultName: kept.name,
    filters: [{ name: 'Mọi tệp', extensions: ['*'] }]
  })
  if (target === null) return null
  copyFileSync(kept.path, target)
  return { path: target }
}
