// The study channels' input schemas and handlers, spread at the end of rpc/schemas.ts and
// rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import { STUDY_SESSION_KINDS } from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { auditedDelete, auditedExport } from '../audit/audit'
import { id, ids, isoDay, nullableText, paging, place, text, year } from '../rpc/fields'
import { checklist, setAttendance } from './attendance'
import { previewSheet } from './attendee-sheet'
import { coverage, missing, progress } from './coverage'
import { exportMissing } from './export'
import { exportCoverage } from './export-coverage'
import { createSession, deleteSession, getSession, listSessions, updateSession } from './sessions'
import { listTopics, saveTopic } from './topics'

const sessionFields = z.strictObject({
  topicId: id,
  kind: z.enum(STUDY_SESSION_KINDS),
  heldOn: isoDay,
  hostUnitId: id,
  title: nullableText(500),
  points: z
    .array(
      z.strictObject({
        name: text(300),
        unitId: id.nullable(),
        attendees: z.number().int().min(0).max(1_000_000)
      })
    )
    .max(500),
  extraNonMembers: z.number().int().min(0).max(1_000_000),
  note: nullableText(2000)
})
const scope = z.strictObject({ year, unitId: id.nullable() })

export const studySchemas = {
  'study:listTopics': z.null(),
  'study:saveTopic': z.strictObject({
    year,
    title: text(2000),
    planNumber: nullableText(100),
    planDate: isoDay.nullable(),
    note: nullableText(2000)
  }),
  'study:listSessions': scope,
  'study:getSession': z.strictObject({ id }),
  'study:createSession': sessionFields,
  'study:updateSession': z.strictObject({ id, fields: sessionFields }),
  'study:deleteSession': z.strictObject({ id }),
  'study:checklist': z.strictObject({ sessionId: id, unitId: id }),
  'study:setAttendance': z.strictObject({ sessionId: id, present: ids, absent: ids }),
  'study:previewSheet': z.strictObject({ sessionId: id }),
  'study:coverage': scope,
  'study:listMissing': scope.extend(paging(1000)),
  'study:exportMissing': scope.extend({
    place: place.optional(),
    perUnit: z.boolean().optional()
  }),
  'study:progress': scope,
  'study:exportCoverage': scope.extend({ place: place.optional() })
}

type StudyChannel = keyof typeof studySchemas

export const studyHandlers: Pick<HandlerMap, StudyChannel> = {
  'study:listTopics': (ctx) => listTopics(ctx.db),
  'study:saveTopic': (ctx, i) => saveTopic(ctx.db, i),
  'study:listSessions': (ctx, i) => listSessions(ctx.db, i),
  'study:getSession': (ctx, i) => getSession(ctx.db, i.id),
  'study:createSession': (ctx, i) => createSession(ctx.db, i),
  'study:updateSession': (ctx, i) => updateSession(ctx.db, i.id, i.fields),
  'study:deleteSession': (ctx, i) =>
    auditedDelete(ctx.db, 'study-session', i.id, () => deleteSession(ctx.db, i.id)),
  'study:checklist': (ctx, i) => checklist(ctx.db, i),
  'study:setAttendance': (ctx, i) => setAttendance(ctx.db, i),
  'study:previewSheet': (ctx, i) => previewSheet(ctx, i),
  'study:coverage': (ctx, i) => coverage(ctx.db, i),
  'study:listMissing': (ctx, i) => missing(ctx.db, i),
  'study:exportMissing': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'study-missing',
      exportMissing(ctx, i),
      (r) => r.rows
    ),
  'study:exportCoverage': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'study-coverage',
      exportCoverage(ctx, i),
      (r) => r.rows
    ),
  'study:progress': (ctx, i) => progress(ctx.db, i)
}
