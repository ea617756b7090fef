// The evaluation channels' input schemas and handlers, spread at the end of rpc/schemas.ts and
// rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import {
  EVALUATION_FILLS,
  NOT_RATED_REASONS,
  PERSON_STATUSES,
  QUOTA_BASES,
  QUOTA_SCOPES,
  RATINGS
} from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { id, nullableText, percent, place, text, year } from '../rpc/fields'
import { exportEvaluation } from './export'
import { applyEvaluationImport, previewEvaluationImport } from './import-sheet'
import { fillRatings, saveRatings } from './ratings'
import { deleteRuleSet, listRuleSets, saveRuleSet } from './rules'
import { setGrassroots } from './scope'
import { buildSheet } from './sheet'

const rating = z.enum(RATINGS).nullable().optional()

const entry = z.strictObject({
  personId: id,
  self: rating,
  proposed: rating,
  decided: rating,
  reason: z.enum(NOT_RATED_REASONS).nullable().optional(),
  score: percent.nullable().optional(),
  note: nullableText(2000).optional()
})

const ruleFields = z.strictObject({
  fromYear: year,
  name: text(500),
  // Any number: the rule's own check refuses 250% with a sentence on the field (not zod's
  // "không đúng dạng"), and the dialog no longer clamps it to 100 on the way.
  quotaPercent: z.number().finite().nullable(),
  quotaBase: z.enum(QUOTA_BASES),
  quotaScope: z.enum(QUOTA_SCOPES),
  exemptStatuses: z.array(z.enum(PERSON_STATUSES)).max(PERSON_STATUSES.length),
  newMemberMonths: z.number().int().min(1).max(24).nullable(),
  scoreThresholds: z
    .strictObject({
      excellent: z.number().finite(),
      good: z.number().finite(),
      done: z.number().finite()
    })
    .nullable(),
  note: nullableText(4000)
})

export const evaluationSchemas = {
  'evaluation:sheet': z.strictObject({ year, unitId: id }),
  'evaluation:save': z.strictObject({
    year,
    unitId: id,
    entries: z.array(entry).min(1).max(100_000)
  }),
  'evaluation:fill': z.strictObject({
    year,
    unitId: id,
    fill: z.enum(EVALUATION_FILLS),
    overwrite: z.boolean()
  }),
  'evaluation:listRules': z.null(),
  'evaluation:createRule': ruleFields,
  'evaluation:updateRule': z.strictObject({ id, fields: ruleFields }),
  'evaluation:deleteRule': z.strictObject({ id }),
  'evaluation:setGrassroots': z.strictObject({ unitId: id, value: z.boolean().nullable() }),
  'evaluation:export': z.strictObject({
    year,
    unitId: id,
    place: place.optional()
  }),
  'evaluation:previewImport': z.strictObject({ year }),
  // The preview's token names the file it read: the page never holds a path.
  'evaluation:applyImport': z.strictObject({
    year,
    token: z.string().regex(/^[a-f0-9]{32}$/),
    fingerprint: text(100).min(1)
  })
}

type EvaluationChannel = keyof typeof evaluationSchemas

export const evaluationHandlers: Pick<HandlerMap, EvaluationChannel> = {
  'evaluation:sheet': (ctx, i) => buildSheet(ctx.db, i),
  'evaluation:save': (ctx, i) => saveRatings(ctx.db, i),
  'evaluation:fill': (ctx, i) => fillRatings(ctx.db, i),
  'evaluation:listRules': (ctx) => listRuleSets(ctx.db),
  'evaluation:createRule': (ctx, i) => saveRuleSet(ctx.db, { ...i, id: null }),
  'evaluation:updateRule': (ctx, i) => saveRuleSet(ctx.db, { ...i.fields, id: i.id }),
  'evaluation:deleteRule': (ctx, i) => deleteRuleSet(ctx.db, i.id),
  'evaluation:setGrassroots': (ctx, i) => setGrassroots(ctx.db, i.unitId, i.value),
  'evaluation:export': (ctx, i) => exportEvaluation(ctx, i),
  'evaluation:previewImport': (ctx, i) => previewEvaluationImport(ctx, i),
  'evaluation:applyImport': (ctx, i) => applyEvaluationImport(ctx, i)
}
