// The reports channels' input schemas and handlers, spread into rpc/schemas.ts and
// rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import { REPORT_PERIOD_KINDS, REPORT_SECTIONS } from '../../shared/api'
import { auditedExport } from '../audit/audit'
import type { HandlerMap } from '../rpc/handlers'
import { id, isoDay, place, year } from '../rpc/fields'
import { computeAnnex } from './annex'
import { exportAnnex } from './annex-export'
import { getPeriods, savePeriods } from './periods'
import { previewReceived, receive, tracker } from './received'
import { getDraft, saveDraft } from './drafts'
import { reportDue, reportDuePeriod } from './due'
import { exportLate } from './late-export'
import { exportIssuedAnnex, getIssued, issueReport, listIssued } from './issue'
import { exportIssuedWord, exportReportWord } from './word-report'

const monthDay = z.string().regex(/^\d{2}-\d{2}$/)
const periodSetting = z.strictObject({ from: monthDay, to: monthDay, due: monthDay })

const period = z.union([
  z.strictObject({ kind: z.enum(REPORT_PERIOD_KINDS), year }),
  z.strictObject({ kind: z.literal('custom'), from: isoDay, to: isoDay })
])

// Each part at most 20,000 characters (drafts.ts says so in Vietnamese when one is longer).
const narrative = z.partialRecord(z.enum(REPORT_SECTIONS), z.string().max(100_000))

const annexInput = { unitId: id, period, useOwn: z.array(id).max(10_000).optional() }

export const reportSchemas = {
  'reports:getPeriods': z.null(),
  'reports:savePeriods': z.strictObject({ h1: periodSetting, year: periodSetting }),
  'reports:annex': z.strictObject(annexInput),
  'reports:previewReceived': z.strictObject({ parentId: id.nullable() }),
  'reports:receive': z.strictObject({ token: z.string().min(1).max(100), unitId: id }),
  'reports:tracker': z.strictObject({
    unitId: id,
    period: z.strictObject({ kind: z.enum(REPORT_PERIOD_KINDS), year }),
    today: isoDay.optional()
  }),
  'reports:exportLate': z.strictObject({
    unitId: id,
    period: z.strictObject({ kind: z.enum(REPORT_PERIOD_KINDS), year }),
    today: isoDay.optional(),
    place: place.optional()
  }),
  'reports:due': z.strictObject({ unitId: id.optional(), today: isoDay.optional() }),
  'reports:duePeriod': z.strictObject({ unitId: id, year, today: isoDay.optional() }),
  'reports:getDraft': z.strictObject({ unitId: id, period }),
  'reports:saveDraft': z.strictObject({ unitId: id, period, narrative }),
  'reports:issue': z.strictObject({
    ...annexInput,
    number: z.string().max(50),
    issuedOn: isoDay,
    narrative,
    place: place.optional()
  }),
  'reports:listIssued': z.strictObject({ unitId: id }),
  'reports:getIssued': z.strictObject({ id }),
  'reports:exportIssuedAnnex': z.strictObject({ id, place: place.optional() }),
  'reports:exportAnnex': z.strictObject({
    ...annexInput,
    place: place.optional()
  }),
  'reports:exportWord': z.strictObject({ ...annexInput, place: place.optional() }),
  'reports:exportIssuedWord': z.strictObject({ id, place: place.optional() })
}

type ReportsChannel = keyof typeof reportSchemas

export const reportHandlers: Pick<HandlerMap, ReportsChannel> = {
  'reports:getPeriods': (ctx) => getPeriods(ctx.db),
  'reports:savePeriods': (ctx, i) => savePeriods(ctx.db, i),
  'reports:annex': (ctx, i) => computeAnnex(ctx.db, i),
  'reports:exportAnnex': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'report-annex',
      exportAnnex(ctx, i),
      () => null
    ),
  'reports:previewReceived': (ctx, i) => previewReceived(ctx, i),
  'reports:receive': (ctx, i) => receive(ctx, i),
  'reports:tracker': (ctx, i) => tracker(ctx.db, i),
  'reports:exportLate': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'report-late',
      exportLate(ctx, i),
      (r) => r.rows
    ),
  'reports:due': (ctx, i) => reportDue(ctx.db, i),
  'reports:duePeriod': (ctx, i) => reportDuePeriod(ctx.db, i),
  'reports:getDraft': (ctx, i) => getDraft(ctx.db, i),
  'reports:saveDraft': (ctx, i) => saveDraft(ctx.db, i),
  'reports:issue': (ctx, i) => issueReport(ctx.db, i),
  'reports:listIssued': (ctx, i) => listIssued(ctx.db, i.unitId),
  'reports:getIssued': (ctx, i) => getIssued(ctx.db, i.id),
  'reports:exportIssuedAnnex': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'issued-report-annex',
      exportIssuedAnnex(ctx, i),
      () => null
    ),
  'reports:exportWord': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'report-word',
      exportReportWord(ctx, i),
      () => null
    ),
  'reports:exportIssuedWord': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'issued-report-word',
      exportIssuedWord(ctx, i),
      () => null
    )
}
