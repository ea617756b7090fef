// The unit channels' input schemas and handlers, spread into rpc/schemas.ts and rpc/handlers.ts
// (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import type { HandlerMap } from '../rpc/handlers'
import { id, isoDay, text } from '../rpc/fields'
import { mergeUnits } from './merge'
import {
  createUnit,
  listUnits,
  moveUnit,
  restoreUnit,
  retireUnit,
  unitHistory,
  updateUnit
} from './units'

// Generous, like the names: the domain rule refuses a signer line too long to print.
const signerSetting = z.strictObject({
  line: text(5000).nullable(),
  title: text(5000).nullable(),
  name: text(5000).nullable()
})

export const unitSchemas = {
  'units:list': z.strictObject({ includeRetired: z.boolean() }),
  // Generous limits: the domain rule refuses a name over 200 characters with a sentence on the
  // field; this only keeps absurd payloads out.
  'units:create': z.strictObject({
    parentId: id.nullable(),
    name: text(5000),
    level: text(5000),
    signer: signerSetting.optional()
  }),
  'units:update': z.strictObject({
    id,
    name: text(5000).optional(),
    level: text(5000).optional(),
    signer: signerSetting.optional()
  }),
  'units:move': z.strictObject({ id, parentId: id.nullable() }),
  'units:retire': z.strictObject({ id, on: isoDay.optional() }),
  'units:restore': z.strictObject({ id }),
  'units:history': z.strictObject({ id }),
  'units:merge': z.strictObject({ id, intoId: id, on: isoDay.optional() })
}

type UnitChannel = keyof typeof unitSchemas

export const unitHandlers: Pick<HandlerMap, UnitChannel> = {
  'units:list': (ctx, i) => listUnits(ctx.db, i.includeRetired),
  'units:create': (ctx, i) => createUnit(ctx.db, i),
  'units:update': (ctx, i) => updateUnit(ctx.db, i),
  'units:move': (ctx, i) => moveUnit(ctx.db, i.id, i.parentId),
  'units:retire': (ctx, i) => retireUnit(ctx.db, i.id, i.on),
  'units:restore': (ctx, i) => restoreUnit(ctx.db, i.id),
  'units:history': (ctx, i) => unitHistory(ctx.db, i.id),
  'units:merge': (ctx, i) => mergeUnits(ctx, i)
}
