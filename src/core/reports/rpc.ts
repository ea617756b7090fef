// The reports channels' input schemas and handlers, spread into rpc/schemas.ts and
// rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import { REPORT_PERIOD_KINDS } from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { filePath, id, isoDay, place, year } from '../rpc/fields'
import { computeAnnex } from './annex'
import { exportAnnex } from './annex-export'
import { getPeriods, savePeriods } from './periods'

const monthDay = z.string().regex(/^\d{2}-\d{2}$/)
const periodSetting = z.object({ from: monthDay, to: monthDay, due: monthDay })

const period = z.union([
  z.object({ kind: z.enum(REPORT_PERIOD_KINDS), year }),
  z.object({ kind: z.literal('custom'), from: isoDay, to: isoDay })
])

const annexInput = { unitId: id, period }

export const reportSchemas = {
  'reports:getPeriods': z.null(),
  'reports:savePeriods': z.object({ h1: periodSetting, year: periodSetting }),
  'reports:annex': z.object(annexInput),
  'reports:exportAnnex': z.object({
    ...annexInput,
    place: place.optional(),
    path: filePath.optional()
  })
}

type ReportsChannel = keyof typeof reportSchemas

export const reportHandlers: Pick<HandlerMap, ReportsChannel> = {
  'reports:getPeriods': (ctx) => getPeriods(ctx.db),
  'reports:savePeriods': (ctx, i) => savePeriods(ctx.db, i),
  'reports:annex': (ctx, i) => computeAnnex(ctx.db, i),
  'reports:exportAnnex': (ctx, i) => exportAnnex(ctx, i)
}
