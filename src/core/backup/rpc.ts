// The backup channels' input schemas and handlers (backups, restore, the integrity check),
// spread into rpc/schemas.ts and rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import type { HandlerMap } from '../rpc/handlers'
import { listBackups } from './backups'
import { checkIntegrity, makeBackup, restoreBackup, setBackupKeep } from './service'

export const backupSchemas = {
  'backup:list': z.null(),
  'backup:create': z.strictObject({ reason: z.literal('manual').optional() }).nullable(),
  // Without a file name, the user chooses the file (the dialog runs in the handler).
  'backup:restore': z.strictObject({
    fileName: z
      .string()
      .regex(/^[\w.-]+\.sqlite$/)
      .optional()
  }),
  'backup:setKeep': z.strictObject({ keep: z.number().int().min(1).max(200) }),
  'db:check': z.null()
}

type BackupChannel = keyof typeof backupSchemas

export const backupHandlers: Pick<HandlerMap, BackupChannel> = {
  'backup:list': (ctx) => listBackups(ctx.backupDir),
  'backup:create': (ctx) => makeBackup(ctx, 'manual'),
  'backup:restore': (ctx, i) => restoreBackup(ctx, i),
  'backup:setKeep': (ctx, i) => setBackupKeep(ctx, i.keep),
  'db:check': (ctx) => checkIntegrity(ctx.db)
}
