// Schemas and handlers of the import channels, spread into the rpc maps.
import { z } from 'zod'
import { IMPORT_FIELDS, PERSON_KINDS } from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { id, paging, text } from '../rpc/fields'
import { commitImport, importHistory, undoImportById } from './commit'
import { openImport, sheetLayout } from './open'
import { exportProblems, previewImport } from './preview'

const sessionId = z.string().min(1).max(100)
/** Excel's last row. */
const headerRow = z.number().int().min(1).max(1_048_576)
const sheetIndex = z.number().int().min(0).max(10_000)

const previewInput = z.strictObject({
  sessionId,
  sheets: z
    .array(
      z.strictObject({
        index: sheetIndex,
        include: z.boolean().optional(),
        headerRow: headerRow.optional(),
        mapping: z
          .record(z.string().regex(/^\d{1,4}$/), z.enum(IMPORT_FIELDS).nullable())
          .optional()
      })
    )
    .max(1000)
    .optional(),
  unitId: id.nullable().optional(),
  parentUnitId: id.nullable().optional(),
  unitChoices: z
    .array(
      z.strictObject({
        name: text(300),
        unitId: id.nullable(),
        createName: z.string().trim().min(1).max(300).optional()
      })
    )
    .max(10_000)
    .optional(),
  kind: z.enum(PERSON_KINDS).optional(),
  ...paging(2000),
  filter: z.enum(['create', 'update', 'unchanged', 'skip', 'problems']).optional()
})

export const importSchemas = {
  // The file is always chosen in the handler (the native dialog): the page names none.
  'import:open': z.strictObject({
    requestId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,100}$/)
      .optional()
  }),
  'import:preview': previewInput,
  'import:commit': previewInput.extend({ dryRun: z.boolean().optional() }),
  'import:history': z.null(),
  'import:undo': z.strictObject({ importId: id }),
  'import:exportProblems': z.strictObject({ sessionId }),
  'import:close': z.strictObject({ sessionId }),
  'import:progress': z.strictObject({ sessionId }),
  'import:cancel': z.strictObject({ sessionId }),
  'import:layout': z.strictObject({ sessionId, index: sheetIndex, headerRow: headerRow.nullable() })
}

type ImportChannel = keyof typeof importSchemas

export const importHandlers: Pick<HandlerMap, ImportChannel> = {
  'import:open': (ctx, i) => openImport(ctx, i),
  'import:preview': (ctx, i) => previewImport(ctx, i),
  'import:commit': (ctx, i) => commitImport(ctx, i),
  'import:history': (ctx) => importHistory(ctx),
  'import:undo': (ctx, i) => undoImportById(ctx, i.importId),
  'import:exportProblems': (ctx, i) => exportProblems(ctx, i),
  'import:close': (ctx, i) => ctx.imports.close(i.sessionId),
  'import:progress': (ctx, i) => ctx.imports.progress(i.sessionId),
  'import:cancel': (ctx, i) => ctx.imports.cancel(i.sessionId),
  'import:layout': (ctx, i) => sheetLayout(ctx, i)
}
