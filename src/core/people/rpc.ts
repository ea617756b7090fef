// The people channels' input schemas and handlers, spread into rpc/schemas.ts and
// rpc/handlers.ts (which hold them to the contract with `satisfies`).
import { z } from 'zod'
import { MEMBER_TYPES, PERSON_KINDS, PERSON_STATUSES } from '../../shared/api'
import type { HandlerMap } from '../rpc/handlers'
import { auditedExport } from '../audit/audit'
import { erasePerson, listPersonRecords } from './erase'
import { id, ids, isoDay, nullableText, paging, partialDate, place, text } from '../rpc/fields'
import { movePeople, setStatusMany } from './bulk'
import { exportPeople } from './export'
import {
  createPerson,
  getPerson,
  listPeople,
  setPersonStatus,
  statusHistory,
  updatePerson
} from './people'

const personFields = z.strictObject({
  unitId: id,
  kind: z.enum(PERSON_KINDS),
  // Longer than the 120 the person rules allow, so a long name gets their sentence on the field.
  fullName: text(5000),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: partialDate.nullable(),
  ethnicity: nullableText(100),
  religion: nullableText(100),
  hometown: nullableText(300),
  residence: nullableText(300),
  memberType: z.enum(MEMBER_TYPES).nullable(),
  partyJoinDate: partialDate.nullable(),
  partyOfficialDate: partialDate.nullable(),
  partyCardNumber: nullableText(40),
  partyProfileNumber: nullableText(40),
  nationalId: nullableText(40),
  position: nullableText(200),
  role: nullableText(100),
  education: nullableText(100),
  politicalTheory: nullableText(100),
  phone: nullableText(40),
  note: nullableText(2000)
})

const listFilter = {
  unitId: id.nullable(),
  includeSubunits: z.boolean(),
  q: text(200).optional(),
  statuses: z.array(z.enum(PERSON_STATUSES)).max(PERSON_STATUSES.length).optional(),
  kind: z.enum(PERSON_KINDS).nullable().optional()
}

/** Those ticked, or everyone the list's filter finds (the list's own filter, without paging). */
const selection = z.union([
  z.strictObject({ ids: ids.min(1) }),
  z.strictObject({ filter: z.strictObject(listFilter) })
])

export const peopleSchemas = {
  'people:list': z.strictObject({ ...listFilter, ...paging(1000) }),
  'people:get': z.strictObject({ id }),
  'people:create': personFields,
  'people:update': z.strictObject({ id, fields: personFields }),
  'people:setStatus': z.strictObject({
    id,
    status: z.enum(PERSON_STATUSES),
    since: isoDay.optional(),
    note: text(2000).optional()
  }),
  'people:statusHistory': z.strictObject({ id }),
  'people:listRecords': z.strictObject({ id }),
  'people:erase': z.strictObject({ id, withRecords: z.boolean().optional() }),
  'people:move': z.strictObject({ selection, unitId: id }),
  'people:setStatusMany': z.strictObject({
    selection,
    status: z.enum(PERSON_STATUSES),
    since: isoDay.optional(),
    note: text(2000).optional()
  }),
  'people:export': z.strictObject({ selection, place: place.optional() })
}

type PeopleChannel = keyof typeof peopleSchemas

export const peopleHandlers: Pick<HandlerMap, PeopleChannel> = {
  'people:list': (ctx, i) => listPeople(ctx.db, i),
  'people:get': (ctx, i) => getPerson(ctx.db, i.id),
  'people:create': (ctx, i) => createPerson(ctx.db, i),
  'people:update': (ctx, i) => updatePerson(ctx.db, i.id, i.fields),
  'people:setStatus': (ctx, i) => setPersonStatus(ctx.db, i),
  'people:statusHistory': (ctx, i) => statusHistory(ctx.db, i.id),
  'people:listRecords': (ctx, i) => listPersonRecords(ctx.db, i.id),
  'people:erase': (ctx, i) => erasePerson(ctx, i),
  'people:move': (ctx, i) => movePeople(ctx, i),
  'people:setStatusMany': (ctx, i) => setStatusMany(ctx, i),
  'people:export': (ctx, i) =>
    auditedExport(
      () => ctx.db,
      'people-list',
      exportPeople(ctx, i),
      (r) => r.rows
    )
}
