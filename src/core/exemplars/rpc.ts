// The exemplars channels' input schemas and handlers, spread at the end of rpc/schemas.ts and
// rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import { AWARD_FORMS, AWARD_KINDS, EXEMPLAR_KINDS, EXEMPLAR_STATUSES } from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { auditedDelete, auditedExport } from '../audit/audit'
import { id, isoDay, nullableText, paging, partialDate, place, text, year } from '../rpc/fields'
import {
  awardWarnings,
  createAward,
  deleteAward,
  listAwards,
  listPowers,
  savePowers
} from './awards'
import { exemplarCandidates } from './candidates'
import { exemplarCounts } from './counts'
import { applyProposalImport, previewProposalImport } from './import-proposals'
import { exportProposals } from './proposals'
import { deleteMovement, listMovements, saveMovement } from './movements'
import {
  createExemplar,
  deleteExemplar,
  getExemplar,
  listExemplars,
  setExemplarStatus,
  updateExemplar
} from './register'

const movementFields = z.strictObject({
  year,
  title: text(1000),
  unitId: id,
  decisionNumber: nullableText(100),
  decisionDate: isoDay.nullable(),
  fromDate: isoDay.nullable(),
  toDate: isoDay.nullable(),
  criteria: nullableText(10_000)
})

const press = z.strictObject({
  outlet: text(300).min(1),
  date: partialDate.nullable(),
  title: text(1000),
  link: nullableText(2000)
})

const exemplarFields = z.strictObject({
  kind: z.enum(EXEMPLAR_KINDS),
  personId: id.nullable(),
  unitId: id.nullable(),
  name: nullableText(500),
  field: nullableText(300),
  sinceYear: z.number().int().nullable(),
  achievement: nullableText(10_000),
  proposedForm: z.enum(AWARD_FORMS).nullable(),
  proposingUnitId: id,
  year,
  toYear: year.nullable(),
  movementId: id.nullable(),
  evidence: nullableText(10_000),
  press: z.array(press).max(200)
})

const awardFields = z.strictObject({
  number: text(100),
  date: isoDay,
  issuerUnitId: id.nullable(),
  issuerName: nullableText(300),
  form: z.enum(AWARD_FORMS),
  kind: z.enum(AWARD_KINDS),
  occasion: nullableText(500),
  signer: nullableText(200),
  recipients: z
    .array(
      z.strictObject({
        exemplarId: id.nullable(),
        personId: id.nullable(),
        unitId: id.nullable(),
        citation: nullableText(4000)
      })
    )
    .max(10_000)
})

export const exemplarSchemas = {
  'exemplars:listMovements': z.strictObject({ year: year.nullable() }),
  'exemplars:createMovement': movementFields,
  'exemplars:updateMovement': z.strictObject({ id, fields: movementFields }),
  'exemplars:deleteMovement': z.strictObject({ id }),
  'exemplars:list': z.strictObject({
    unitId: id.nullable().optional(),
    year: year.nullable().optional(),
    kind: z.enum(EXEMPLAR_KINDS).nullable().optional(),
    status: z.enum(EXEMPLAR_STATUSES).nullable().optional(),
    movementId: id.nullable().optional(),
    search: nullableText(200).optional(),
    ...paging(500)
  }),
  'exemplars:get': z.strictObject({ id }),
  'exemplars:create': exemplarFields,
  'exemplars:update': z.strictObject({ id, fields: exemplarFields }),
  'exemplars:delete': z.strictObject({ id }),
  'exemplars:setStatus': z.strictObject({
    id,
    status: z.enum(EXEMPLAR_STATUSES),
    date: isoDay,
    unitId: id.nullable(),
    note: nullableText(2000)
  }),
  'exemplars:listAwards': z.strictObject({ year: year.nullable(), unitId: id.nullable() }),
  'exemplars:createAward': awardFields,
  'exemplars:deleteAward': z.strictObject({ id }),
  'exemplars:checkAward': awardFields,
  'exemplars:listPowers': z.null(),
  'exemplars:savePowers': z
    .array(
      z.strictObject({
        level: text(200),
        forms: z.array(z.enum(AWARD_FORMS)).max(AWARD_FORMS.length)
      })
    )
    .max(500),
  'exemplars:candidates': z.strictObject({ unitId: id, year }),
  'exemplars:counts': z.strictObject({ unitId: id.nullable(), fromYear: year, toYear: year }),
  'exemplars:exportProposals': z.strictObject({
    unitId: id,
    year,
    place: place.optional()
  }),
  'exemplars:previewProposals': z.strictObject({ unitId: id, year }),
  'exemplars:applyProposals': z.strictObject({
    unitId: id,
    year,
    token: text(100),
    fingerprint: text(100)
  })
}

type ExemplarChannel = keyof typeof exemplarSchemas

export const exemplarHandlers: Pick<HandlerMap, ExemplarChannel> = {
  'exemplars:listMovements': (ctx, i) => listMovements(ctx.db, i.year),
  'exemplars:createMovement': (ctx, i) => saveMovement(ctx.db, null, i),
  'exemplars:updateMovement': (ctx, i) => saveMovement(ctx.db, i.id, i.fields),
  'exemplars:deleteMovement': (ctx, i) =>
    auditedDelete(ctx.db, 'movement', i.id, () => deleteMovement(ctx.db, i.id)),
  'exemplars:list': (ctx, i) => listExemplars(ctx.db, i),
  'exemplars:get': (ctx, i) => getExemplar(ctx.db, i.id),
  'exemplars:create': (ctx, i) => createExemplar(ctx.db, i),
  'exemplars:update': (ctx, i) => updateExemplar(ctx.db, i.id, i.fields),
  'exemplars:delete': (ctx, i) =>
    auditedDelete(ctx.db, 'exemplar', i.id, () => deleteExemplar(ctx.db, i.id)),
  'exemplars:setStatus': (ctx, i) => setExemplarStatus(ctx.db, i),
  'exemplars:listAwards': (ctx, i) => listAwards(ctx.db, i.year, i.unitId),
  'exemplars:createAward': (ctx, i) => createAward(ctx.db, i),
  'exemplars:deleteAward': (ctx, i) =>
    auditedDelete(ctx.db, 'award', i.id, () => deleteAward(ctx.db, i.id)),
  'exemplars:checkAward': (ctx, i) => awardWarnings(ctx.db, i),
  'exemplars:listPowers': (ctx) => listPowers(ctx.db),
  'exemplars:savePowers': (ctx, i) => savePowers(ctx.db, i),
  'exemplars:candidates': (ctx, i) => exemplarCandidates(ctx.db, i),
  'exemplars:counts': (ctx, i) => exemplarCounts(ctx.db, i),
  'exemplars:exportProposals': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'exemplar-proposals',
      exportProposals(ctx, i),
      (r) => r.rows
    ),
  'exemplars:previewProposals': (ctx, i) => previewProposalImport(ctx, i),
  'exemplars:applyProposals': (ctx, i) => applyProposalImport(ctx, i)
}
