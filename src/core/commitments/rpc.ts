// The commitment channels' input schemas and handlers, spread at the end of rpc/schemas.ts and
// rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import {
  COMMITMENT_HEADINGS,
  COMMITMENT_OUTCOMES,
  COMMITMENT_RESULTS,
  COMMITMENT_REVIEW_KINDS,
  COMMITMENT_REVIEWERS
} from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { filePath, id, ids, isoDay, nullableText, place, text, year } from '../rpc/fields'
import {
  bulkFromTemplate,
  deleteCommitment,
  personCommitment,
  roster,
  saveCommitment,
  setResult
} from './commitments'
import { exportCommitment, exportUnitCommitments } from './export'
import { exportCommitmentStatus } from './export-status'
import { MAX_ITEMS } from './items'
import { commitmentResultRows } from './results'
import { deleteReview, getReview, listReviews, saveReview } from './reviews'
import { commitmentStatus } from './status'
import { getTemplate, saveTemplate } from './templates'

const item = z.object({
  heading: z.enum(COMMITMENT_HEADINGS),
  content: text(4000),
  tasks: nullableText(4000),
  measures: nullableText(4000),
  deadline: nullableText(400),
  expected: nullableText(4000)
})
const items = z.array(item).max(MAX_ITEMS * 2)
const personYear = z.object({ personId: id, year })

const reviewFields = z.object({
  unitId: id,
  year,
  heldOn: isoDay,
  kind: z.enum(COMMITMENT_REVIEW_KINDS),
  reviewer: z.enum(COMMITMENT_REVIEWERS),
  note: nullableText(2000),
  entries: z
    .array(
      z.object({ personId: id, outcome: z.enum(COMMITMENT_OUTCOMES), progress: nullableText(4000) })
    )
    .max(5000)
})

export const commitmentSchemas = {
  'commitments:status': z.object({ year, unitId: id.nullable() }),
  'commitments:roster': z.object({ year, unitId: id }),
  'commitments:person': personYear,
  'commitments:save': z.object({ personId: id, year, madeOn: isoDay.nullable(), items }),
  'commitments:delete': personYear,
  'commitments:template': z.object({ unitId: id, year }),
  'commitments:saveTemplate': z.object({ unitId: id, year, items }),
  'commitments:bulk': z.object({
    unitId: id,
    year,
    madeOn: isoDay.nullable().optional(),
    personIds: ids.optional()
  }),
  'commitments:listReviews': z.object({ year, unitId: id }),
  'commitments:getReview': z.object({ id }),
  'commitments:createReview': reviewFields,
  'commitments:updateReview': z.object({ id, fields: reviewFields }),
  'commitments:deleteReview': z.object({ id }),
  'commitments:setResult': z.object({
    personId: id,
    year,
    result: z.enum(COMMITMENT_RESULTS).nullable(),
    note: nullableText(2000)
  }),
  'commitments:listResults': z.object({ year, personIds: ids.optional() }),
  'commitments:export': personYear.extend({ path: filePath.optional(), place: place.optional() }),
  'commitments:exportUnit': z.object({
    year,
    unitId: id,
    path: filePath.optional(),
    place: place.optional()
  }),
  'commitments:exportStatus': z.object({
    year,
    unitId: id.nullable(),
    path: filePath.optional(),
    place: place.optional()
  })
}

type CommitmentChannel = keyof typeof commitmentSchemas

export const commitmentHandlers: Pick<HandlerMap, CommitmentChannel> = {
  'commitments:status': (ctx, i) => commitmentStatus(ctx.db, i),
  'commitments:roster': (ctx, i) => roster(ctx.db, i),
  'commitments:person': (ctx, i) => personCommitment(ctx.db, i),
  'commitments:save': (ctx, i) => saveCommitment(ctx.db, i),
  'commitments:delete': (ctx, i) => deleteCommitment(ctx.db, i),
  'commitments:template': (ctx, i) => getTemplate(ctx.db, i),
  'commitments:saveTemplate': (ctx, i) => saveTemplate(ctx.db, i),
  'commitments:bulk': (ctx, i) => bulkFromTemplate(ctx.db, i),
  'commitments:listReviews': (ctx, i) => listReviews(ctx.db, i),
  'commitments:getReview': (ctx, i) => getReview(ctx.db, i.id),
  'commitments:createReview': (ctx, i) => saveReview(ctx.db, undefined, i),
  'commitments:updateReview': (ctx, i) => saveReview(ctx.db, i.id, i.fields),
  'commitments:deleteReview': (ctx, i) => deleteReview(ctx.db, i.id),
  'commitments:setResult': (ctx, i) => setResult(ctx.db, i),
  'commitments:listResults': (ctx, i) => commitmentResultRows(ctx.db, i.year, i.personIds),
  'commitments:export': (ctx, i) => exportCommitment(ctx, i),
  'commitments:exportUnit': (ctx, i) => exportUnitCommitments(ctx, i),
  'commitments:exportStatus': (ctx, i) => exportCommitmentStatus(ctx, i)
}
