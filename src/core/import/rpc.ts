// Schemas and handlers of the import channels, spread into the rpc maps.
import { z } from 'zod'
import { IMPORT_FIELDS, PERSON_KINDS } from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { closeSession, commitImport, exportProblems, importHistory, openImport, previewImport, undoImportById } from './service'

const id = z.number().int().positive()
const sessionId = z.string().min(1).max(100)
const path = z.string().min(1).max(4096)

const previewInput = z.object({
  sessionId,
  sheets: z
    .array(
      z.object({
        index: z.number().int().min(0).max(10_000),
        include: z.boolean().optional(),
        mapping: z.record(z.string().regex(/^\d{1,4}$/), z.enum(IMPORT_FIELDS).nullable()).optional()
      })
    )
    .max(1000)
    .optional(),
  unitId: id.nullable().optional(),
  parentUnitId: id.nullable().optional(),
  unitChoices: z.array(z.object({ name: z.string().max(300), unitId: id.nullable() })).max(10_000).optional(),
  kind: z.enum(PERSON_KINDS).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(2000).optional(),
  filter: z.enum(['create', 'update', 'unchanged', 'skip', 'problems']).optional()
})

export const importSchemas = {
  'import:open': z.object({ path: path.optional(), chooseFile: z.boolean().optional() }).refine((v) => !!v.path || v.chooseFile === true),
  'import:preview': previewInput,
  'import:commit': previewInput,
  'import:history': z.null(),
  'import:undo': z.object({ importId: id }),
  'import:exportProblems': z.object({ sessionId, path: path.optional() }),
  'import:close': z.object({ sessionId })
}

type ImportChannel = keyof typeof importSchemas

export const importHandlers: Pick<HandlerMap, ImportChannel> = {
  'import:open': (ctx, i) => openImport(ctx, i),
  'import:preview': (ctx, i) => previewImport(ctx, i),
  'import:commit': (ctx, i) => commitImport(ctx, i),
  'import:history': (ctx) => importHistory(ctx),
  'import:undo': (ctx, i) => undoImportById(ctx, i.importId),
  'import:exportProblems': (ctx, i) => exportProblems(ctx, i),
  'import:close': (_ctx, i) => closeSession(i.sessionId)
}
