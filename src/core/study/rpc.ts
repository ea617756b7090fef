// The study channels' input schemas and handlers, spread at the end of rpc/schemas.ts and
// rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import { STUDY_SESSION_KINDS } from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { checklist, setAttendance } from './attendance'
import { previewSheet } from './attendee-sheet'
import { coverage, missing, progress } from './coverage'
import { exportMissing } from './export'
import { createSession, deleteSession, getSession, listSessions, updateSession } from './sessions'
import { getWorkingYear, listTopics, saveTopic, setWorkingYear } from './topics'

const id = z.number().int().positive()
const year = z.number().int().min(2000).max(2100)
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const nullableText = (max: number) => z.string().max(max).nullable()
const filePath = z.string().min(1).max(4096)

const sessionFields = z.object({
  topicId: id,
  kind: z.enum(STUDY_SESSION_KINDS),
  heldOn: isoDay,
  hostUnitId: id,
  title: nullableText(500),
  points: z.array(z.object({ name: z.string().max(300), unitId: id.nullable(), attendees: z.number().int().min(0).max(1_000_000) })).max(500),
  extraNonMembers: z.number().int().min(0).max(1_000_000),
  note: nullableText(2000)
})
const scope = z.object({ year, unitId: id.nullable() })
const ids = z.array(id).max(100_000)

export const studySchemas = {
  'study:topics': z.null(),
  'study:saveTopic': z.object({ year, title: z.string().max(2000), planNumber: nullableText(100), planDate: isoDay.nullable(), note: nullableText(2000) }),
  'study:getYear': z.null(),
  'study:setYear': z.object({ year }),
  'study:sessions': scope,
  'study:getSession': z.object({ id }),
  'study:createSession': sessionFields,
  'study:updateSession': z.object({ id, fields: sessionFields }),
  'study:deleteSession': z.object({ id }),
  'study:checklist': z.object({ sessionId: id, unitId: id }),
  'study:setAttendance': z.object({ sessionId: id, present: ids, absent: ids }),
  'study:previewSheet': z.object({ sessionId: id, path: filePath.optional(), chooseFile: z.boolean().optional() }),
  'study:coverage': scope,
  'study:missing': scope.extend({ offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1000).optional() }),
  'study:exportMissing': scope.extend({ path: filePath.optional(), place: z.string().max(200).optional(), perUnit: z.boolean().optional() }),
  'study:progress': scope
}

type StudyChannel = keyof typeof studySchemas

export const studyHandlers: Pick<HandlerMap, StudyChannel> = {
  'study:topics': (ctx) => listTopics(ctx.db),
  'study:saveTopic': (ctx, i) => saveTopic(ctx.db, i),
  'study:getYear': (ctx) => getWorkingYear(ctx.db),
  'study:setYear': (ctx, i) => setWorkingYear(ctx.db, i.year),
  'study:sessions': (ctx, i) => listSessions(ctx.db, i),
  'study:getSession': (ctx, i) => getSession(ctx.db, i.id),
  'study:createSession': (ctx, i) => createSession(ctx.db, i),
  'study:updateSession': (ctx, i) => updateSession(ctx.db, i.id, i.fields),
  'study:deleteSession': (ctx, i) => deleteSession(ctx.db, i.id),
  'study:checklist': (ctx, i) => checklist(ctx.db, i),
  'study:setAttendance': (ctx, i) => setAttendance(ctx.db, i),
  'study:previewSheet': (ctx, i) => previewSheet(ctx, i),
  'study:coverage': (ctx, i) => coverage(ctx.db, i),
  'study:missing': (ctx, i) => missing(ctx.db, i),
  'study:exportMissing': (ctx, i) => exportMissing(ctx, i),
  'study:progress': (ctx, i) => progress(ctx.db, i)
}
