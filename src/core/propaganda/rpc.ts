// The propaganda channels' input schemas and handlers, spread at the end of rpc/schemas.ts and
// rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import { PRESS_CATEGORIES, PRESS_RESULTS, PRESS_STAGES, PROPAGANDA_KINDS } from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { auditedDelete, auditedExport } from '../audit/audit'
import { id, isoDay, nullableText, partialDate, place, text, year } from '../rpc/fields'
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  updateActivity
} from './activities'
import {
  anniversariesOfYear,
  createAnniversary,
  deleteAnniversary,
  listEvents,
  updateAnniversary,
  upcoming
} from './anniversaries'
import { propagandaCounts } from './counts'
import { exportActivities, exportAnniversaries } from './export'
import { createPressWork, deletePressWork, listPressWorks, updatePressWork } from './press'

const count = z.number().int().min(0).max(10_000_000)

const anniversaryFields = z.strictObject({
  title: text(500),
  date: partialDate,
  source: nullableText(1000),
  note: nullableText(2000)
})

const activityFields = z.strictObject({
  kind: z.enum(PROPAGANDA_KINDS),
  startsOn: isoDay,
  endsOn: isoDay.nullable(),
  unitId: id,
  title: nullableText(1000),
  onTopic: z.boolean(),
  anniversaryId: id.nullable(),
  points: count,
  members: count,
  nonMembers: count,
  attendances: count,
  news: count,
  articles: count,
  reports: count,
  panels: count,
  note: nullableText(2000)
})

const pressFields = z.strictObject({
  awardYear: year,
  title: text(1000),
  authors: z.array(z.strictObject({ personId: id.nullable(), name: text(200) })).max(50),
  outlet: nullableText(300),
  publishedOn: isoDay,
  category: z.enum(PRESS_CATEGORIES),
  link: nullableText(2000),
  unitId: id,
  stage: z.enum(PRESS_STAGES),
  result: z.enum(PRESS_RESULTS).nullable(),
  note: nullableText(2000)
})

const period = { unitId: id.nullable(), from: isoDay, to: isoDay }
const listFilters = {
  ...period,
  kind: z.enum(PROPAGANDA_KINDS).nullable().optional(),
  anniversaryId: id.nullable().optional()
}
// What an export takes besides its filters: no file (the handler asks ctx.platform).
const output = { place: place.optional() }

export const propagandaSchemas = {
  'propaganda:listAnniversaries': z.strictObject({ year }),
  'propaganda:listEvents': z.null(),
  'propaganda:createAnniversary': anniversaryFields,
  'propaganda:updateAnniversary': z.strictObject({ id, fields: anniversaryFields }),
  'propaganda:deleteAnniversary': z.strictObject({ id }),
  'propaganda:upcoming': z.strictObject({ today: isoDay, limit: z.number().int().min(1).max(100) }),
  'propaganda:listActivities': z.strictObject(listFilters),
  'propaganda:getActivity': z.strictObject({ id }),
  'propaganda:createActivity': activityFields,
  'propaganda:updateActivity': z.strictObject({ id, fields: activityFields }),
  'propaganda:deleteActivity': z.strictObject({ id }),
  'propaganda:listPressWorks': z.strictObject({
    unitId: id.nullable(),
    awardYear: year.nullable()
  }),
  'propaganda:createPressWork': pressFields,
  'propaganda:updatePressWork': z.strictObject({ id, fields: pressFields }),
  'propaganda:deletePressWork': z.strictObject({ id }),
  'propaganda:counts': z.strictObject(period),
  'propaganda:exportAnniversaries': z.strictObject({ year, unitId: id.nullable(), ...output }),
  'propaganda:exportActivities': z.strictObject({ ...listFilters, ...output })
}

type PropagandaChannel = keyof typeof propagandaSchemas

export const propagandaHandlers: Pick<HandlerMap, PropagandaChannel> = {
  'propaganda:listAnniversaries': (ctx, i) => anniversariesOfYear(ctx.db, i.year),
  'propaganda:listEvents': (ctx) => listEvents(ctx.db),
  'propaganda:createAnniversary': (ctx, i) => createAnniversary(ctx.db, i),
  'propaganda:updateAnniversary': (ctx, i) => updateAnniversary(ctx.db, i.id, i.fields),
  'propaganda:deleteAnniversary': (ctx, i) =>
    auditedDelete(ctx.db, 'anniversary', i.id, () => deleteAnniversary(ctx.db, i.id)),
  'propaganda:upcoming': (ctx, i) => upcoming(ctx.db, i.today, i.limit),
  'propaganda:listActivities': (ctx, i) => listActivities(ctx.db, i),
  'propaganda:getActivity': (ctx, i) => getActivity(ctx.db, i.id),
  'propaganda:createActivity': (ctx, i) => createActivity(ctx.db, i),
  'propaganda:updateActivity': (ctx, i) => updateActivity(ctx.db, i.id, i.fields),
  'propaganda:deleteActivity': (ctx, i) =>
    auditedDelete(ctx.db, 'propaganda-activity', i.id, () => deleteActivity(ctx.db, i.id)),
  'propaganda:listPressWorks': (ctx, i) => listPressWorks(ctx.db, i),
  'propaganda:createPressWork': (ctx, i) => createPressWork(ctx.db, i),
  'propaganda:updatePressWork': (ctx, i) => updatePressWork(ctx.db, i.id, i.fields),
  'propaganda:deletePressWork': (ctx, i) =>
    auditedDelete(ctx.db, 'press-work', i.id, () => deletePressWork(ctx.db, i.id)),
  'propaganda:counts': (ctx, i) => propagandaCounts(ctx.db, i),
  'propaganda:exportAnniversaries': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'propaganda-anniversaries',
      exportAnniversaries(ctx, i),
      (r) => r.rows
    ),
  'propaganda:exportActivities': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'propaganda-activities',
      exportActivities(ctx, i),
      (r) => r.rows
    )
}
