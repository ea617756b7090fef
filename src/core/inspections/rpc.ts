// The inspection channels' input schemas and handlers, spread at the end of rpc/schemas.ts and
// rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import {
  FINDING_KINDS,
  INSPECTION_DOCUMENT_KINDS,
  INSPECTION_KINDS,
  INSPECTION_MODES,
  INSPECTION_STATUSES,
  TEAM_ROLES
} from '../../shared/api'
import { todayIso } from '../../shared/partial-date'
import { auditedExport } from '../audit/audit'
import type { HandlerMap } from '../rpc/handlers'
import { id, ids, isoDay, nullableText, place, text, year } from '../rpc/fields'
import { inspectionCounts } from './counts'
import { exportDraft, exportPlan, exportRecommendations } from './export'
import { addDocument, deleteDocument, saveDocumentFile } from './documents'
import {
  createInspection,
  deleteInspection,
  getInspection,
  listInspections,
  setStatus,
  updateInspection
} from './inspections'
import { createPlanItem, deletePlanItem, listPlanItems, updatePlanItem } from './plan'
import {
  createRecommendation,
  deleteRecommendation,
  listRecommendations,
  saveFindings,
  setRecommendationDone,
  updateRecommendation
} from './recommendations'

const planFields = z.strictObject({
  year,
  kind: z.enum(INSPECTION_KINDS),
  mode: z.enum(INSPECTION_MODES),
  unitId: id,
  targetUnitIds: ids.max(500),
  content: text(4000),
  quarter: z.number().int().nullable(),
  month: z.number().int().nullable(),
  note: nullableText(2000)
})

const inspectionFields = z.strictObject({
  kind: z.enum(INSPECTION_KINDS),
  mode: z.enum(INSPECTION_MODES),
  planItemId: id.nullable(),
  unitId: id,
  content: text(4000),
  decisionNumber: nullableText(100),
  decisionDate: isoDay.nullable(),
  periodFrom: isoDay.nullable(),
  periodTo: isoDay.nullable(),
  startsOn: isoDay.nullable(),
  endsOn: isoDay.nullable(),
  team: z
    .array(z.strictObject({ role: z.enum(TEAM_ROLES), personId: id.nullable(), name: text(200) }))
    .max(50),
  targets: z
    .array(z.strictObject({ unitId: id, members: z.number().int().min(0).max(10_000_000) }))
    .max(500),
  note: nullableText(2000)
})

const recommendationFields = z.strictObject({
  inspectionId: id,
  unitId: id,
  text: text(4000),
  dueOn: isoDay,
  madeOn: isoDay
})

/** Where an export goes: given by the CLI or a test; from the page the user chooses. */
const file = { place: place.optional() }

export const inspectionsSchemas = {
  'inspections:listPlanItems': z.strictObject({ year, today: isoDay }),
  'inspections:createPlanItem': planFields,
  'inspections:updatePlanItem': z.strictObject({ id, fields: planFields }),
  'inspections:deletePlanItem': z.strictObject({ id }),
  'inspections:list': z.strictObject({ year, today: isoDay }),
  'inspections:get': z.strictObject({ id, today: isoDay }),
  'inspections:create': inspectionFields,
  'inspections:update': z.strictObject({ id, fields: inspectionFields }),
  'inspections:delete': z.strictObject({ id }),
  'inspections:setStatus': z.strictObject({ id, status: z.enum(INSPECTION_STATUSES) }),
  'inspections:addDocument': z.strictObject({
    inspectionId: id,
    kind: z.enum(INSPECTION_DOCUMENT_KINDS),
    number: nullableText(100),
    datedOn: isoDay,
    title: nullableText(1000),
    note: nullableText(2000),
    attach: z.boolean().optional()
  }),
  'inspections:deleteDocument': z.strictObject({ id }),
  'inspections:saveDocumentFile': z.strictObject({ id }),
  'inspections:saveFindings': z.strictObject({
    inspectionId: id,
    findings: z.array(z.strictObject({ kind: z.enum(FINDING_KINDS), text: text(4000) })).max(200)
  }),
  'inspections:createRecommendation': recommendationFields,
  'inspections:updateRecommendation': z.strictObject({ id, fields: recommendationFields }),
  'inspections:deleteRecommendation': z.strictObject({ id }),
  'inspections:setRecommendationDone': z.strictObject({
    id,
    doneOn: isoDay.nullable(),
    note: nullableText(2000)
  }),
  'inspections:listRecommendations': z.strictObject({
    unitId: id.nullable(),
    inspectionId: id.nullable().optional(),
    lateOnly: z.boolean().optional(),
    openOnly: z.boolean().optional(),
    asOf: isoDay
  }),
  'inspections:counts': z.strictObject({ unitId: id.nullable(), from: isoDay, to: isoDay }),
  'inspections:exportPlan': z.strictObject({ ...file, year, unitId: id, today: isoDay }),
  'inspections:exportRecommendations': z.strictObject({ ...file, year, unitId: id, asOf: isoDay }),
  'inspections:exportDraft': z.strictObject({
    ...file,
    id,
    draft: z.enum(['decision', 'conclusion'])
  })
}

type InspectionsChannel = keyof typeof inspectionsSchemas

// Records written return their statuses as of today; lists and reads take the day they are asked for.
export const inspectionsHandlers: Pick<HandlerMap, InspectionsChannel> = {
  'inspections:listPlanItems': (ctx, i) => listPlanItems(ctx.db, i.year, i.today),
  'inspections:createPlanItem': (ctx, i) => createPlanItem(ctx.db, i, todayIso()),
  'inspections:updatePlanItem': (ctx, i) => updatePlanItem(ctx.db, i.id, i.fields, todayIso()),
  'inspections:deletePlanItem': (ctx, i) => deletePlanItem(ctx.db, i.id, todayIso()),
  'inspections:list': (ctx, i) => listInspections(ctx.db, i.year, i.today),
  'inspections:get': (ctx, i) => getInspection(ctx.db, i.id, i.today),
  'inspections:create': (ctx, i) => createInspection(ctx.db, i, todayIso()),
  'inspections:update': (ctx, i) => updateInspection(ctx.db, i.id, i.fields, todayIso()),
  'inspections:delete': (ctx, i) => deleteInspection(ctx.db, i.id),
  'inspections:setStatus': (ctx, i) => setStatus(ctx.db, i.id, i.status, todayIso()),
  'inspections:addDocument': (ctx, i) => addDocument(ctx, i),
  'inspections:deleteDocument': (ctx, i) => deleteDocument(ctx, i.id),
  'inspections:saveDocumentFile': (ctx, i) => saveDocumentFile(ctx, i),
  'inspections:saveFindings': (ctx, i) => saveFindings(ctx.db, i.inspectionId, i.findings),
  'inspections:createRecommendation': (ctx, i) => createRecommendation(ctx.db, i, todayIso()),
  'inspections:updateRecommendation': (ctx, i) =>
    updateRecommendation(ctx.db, i.id, i.fields, todayIso()),
  'inspections:deleteRecommendation': (ctx, i) => deleteRecommendation(ctx.db, i.id),
  'inspections:setRecommendationDone': (ctx, i) => setRecommendationDone(ctx.db, i, todayIso()),
  'inspections:listRecommendations': (ctx, i) => listRecommendations(ctx.db, i),
  'inspections:counts': (ctx, i) => inspectionCounts(ctx.db, i),
  'inspections:exportPlan': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'inspection-plan',
      exportPlan(ctx, i),
      () => null
    ),
  'inspections:exportRecommendations': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'inspection-recommendations',
      exportRecommendations(ctx, i),
      () => null
    ),
  'inspections:exportDraft': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'inspection-draft',
      exportDraft(ctx, i),
      () => null
    )
}
