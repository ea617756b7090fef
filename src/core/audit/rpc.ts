// The audit channels: the log is read and exported, never changed, through the contract.
import { z } from 'zod'
import { AUDIT_ACTIONS } from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { isoDay, paging } from '../rpc/fields'
import { listAudit } from './audit'
import { exportAudit } from './export'

const filter = {
  action: z.enum(AUDIT_ACTIONS).nullable().optional(),
  from: isoDay.nullable().optional(),
  to: isoDay.nullable().optional()
}

export const auditSchemas = {
  'audit:list': z.strictObject({ ...filter, ...paging(500) }),
  'audit:export': z.strictObject(filter)
}

type AuditChannel = keyof typeof auditSchemas

export const auditHandlers: Pick<HandlerMap, AuditChannel> = {
  'audit:list': (ctx, i) => listAudit(ctx.db, i),
  'audit:export': (ctx, i) => exportAudit(ctx, i)
}
