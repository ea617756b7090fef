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
import { auditedDelete, auditedExport, unitNameOf, withAudit } from '../audit/audit'
import { id, ids, isoDay, nullableText, place, text, year } from '../rpc/fields'
import {
  bulkFromTemplate,
  deleteCommitment,
  personCommitment,
  personRow,
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

const item = z.strictObject({
  heading: z.enum(COMMITMENT_HEADINGS),
  content: text(4000),
  tasks: nullableText(4000),
  measures: nullableText(4000),
  deadline: nullableText(400),
  expected: nullableText(4000)
})
const items = z.array(item).max(MAX_ITEMS * 2)
const personYear = z.strictObject({ personId: id, year })

const reviewFields = z.strictObject({
  unitId: id,
  year,
  heldOn: isoDay,
  kind: z.enum(COMMITMENT_REVIEW_KINDS),
  reviewer: z.enum(COMMITMENT_REVIEWERS),
  note: nullableText(2000),
  entries: z
    .array(
      z.strictObject({
        personId: id,
        outcome: z.enum(COMMITMENT_OUTCOMES),
        progress: nullableText(4000)
      })
    )
    .max(5000)
})

export const commitmentSchemas = {
  'commitments:status': z.strictObject({ year, unitId: id.nullable() }),
  'commitments:roster': z.strictObject({ year, unitId: id }),
  'commitments:person': personYear,
  'commitments:save': z.strictObject({ personId: id, year, madeOn: isoDay.nullable(), items }),
  'commitments:delete': personYear,
  'commitments:template': z.strictObject({ unitId: id, year }),
  'commitments:saveTemplate': z.strictObject({ unitId: id, year, items }),
  'commitments:bulk': z.strictObject({
    unitId: id,
    year,
    madeOn: isoDay.nullable().optional(),
    personIds: ids.optional()
  }),
  'commitments:listReviews': z.strictObject({ year, unitId: id }),
  'commitments:getReview': z.strictObject({ id }),
  'commitments:createReview': reviewFields,
  'commitments:updateReview': z.strictObject({ id, fields: reviewFields }),
  'commitments:deleteReview': z.strictObject({ id }),
  'commitments:setResult': z.strictObject({
    personId: id,
    year,
    result: z.enum(COMMITMENT_RESULTS).nullable(),
    note: nullableText(2000)
  }),
  'commitments:listResults': z.strictObject({ year, personIds: ids.optional() }),
  'commitments:export': personYear.extend({ place: place.optional() }),
  'commitments:exportUnit': z.strictObject({
    year,
    unitId: id,
    place: place.optional()
  }),
  'commitments:exportStatus': z.strictObject({
    year,
    unitId: id.nullable(),
    place: place.optional()
  })
}

type CommitmentChannel = keyof typeof commitmentSchemas

export const commitmentHandlers: Pick<HandlerMap, CommitmentChannel> = {
  'commitments:status': (ctx, i) => commitmentStatus(ctx.db, i),
  'commitments:roster': (ctx, i) => roster(ctx.db, i),
  'commitments:person': (ctx, i) => personCommitment(ctx.db, i),
  'commitments:save': (ctx, i) => saveCommitment(ctx.db, i),
  'commitments:delete': (ctx, i) =>
    withAudit(
      ctx.db,
      () => {
        // Read before the delete: the entry names whose commitment it was.
        const person = personRow(ctx.db, i.personId).full_name
        return { result: deleteCommitment(ctx.db, i), person }
      },
      ({ person }) => ({
        action: 'record.delete',
        detail: { what: 'commitment', id: null, year: i.year, person },
        personId: i.personId
      })
    ).result,
  'commitments:template': (ctx, i) => getTemplate(ctx.db, i),
  'commitments:saveTemplate': (ctx, i) => saveTemplate(ctx.db, i),
  'commitments:bulk': (ctx, i) =>
    withAudit(
      ctx.db,
      () => bulkFromTemplate(ctx.db, i),
      (r) =>
        r.created > 0
          ? {
              action: 'commitments.bulk',
              detail: { unit: unitNameOf(ctx.db, i.unitId) ?? '', year: i.year, created: r.created }
            }
          : null
    ),
  'commitments:listReviews': (ctx, i) => listReviews(ctx.db, i),
  'commitments:getReview': (ctx, i) => getReview(ctx.db, i.id),
  'commitments:createReview': (ctx, i) => saveReview(ctx.db, undefined, i),
  'commitments:updateReview': (ctx, i) => saveReview(ctx.db, i.id, i.fields),
  'commitments:deleteReview': (ctx, i) =>
    auditedDelete(ctx.db, 'commitment-review', i.id, () => deleteReview(ctx.db, i.id)),
  'commitments:setResult': (ctx, i) => setResult(ctx.db, i),
  'commitments:listResults': (ctx, i) => commitmentResultRows(ctx.db, i.year, i.personIds),
  'commitments:export': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'commitment',
      exportCommitment(ctx, i),
      () => null,
      i.personId
    ),
  'commitments:exportUnit': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'unit-commitments',
      exportUnitCommitments(ctx, i),
      (r) => r.people
    ),
  'commitments:exportStatus': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'commitment-status',
      exportCommitmentStatus(ctx, i),
      (r) => r.rows
    )
}
