// Input schemas for every channel: nothing from IPC, the CLI or the harness reaches a handler
// unparsed. Shapes only; domain rules with Vietnamese messages live in the domain modules.
import { z } from 'zod'
import { MEMBER_TYPES, PERSON_KINDS, PERSON_STATUSES } from '../../shared/api'
import { studySchemas } from '../study/rpc'
import { importSchemas } from '../import/rpc'
import { commitmentSchemas } from '../commitments/rpc'
import { evaluationSchemas } from '../evaluation/rpc'

const id = z.number().int().positive()
const text = (max: number) => z.string().max(max)
const optionalText = (max: number) => z.string().max(max).nullable()
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable()

const personFields = z.object({
  unitId: id,
  kind: z.enum(PERSON_KINDS),
  fullName: text(200),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: partialDate,
  ethnicity: optionalText(100),
  religion: optionalText(100),
  hometown: optionalText(300),
  residence: optionalText(300),
  memberType: z.enum(MEMBER_TYPES).nullable(),
  partyJoinDate: partialDate,
  partyOfficialDate: partialDate,
  partyCardNumber: optionalText(40),
  partyProfileNumber: optionalText(40),
  nationalId: optionalText(40),
  position: optionalText(200),
  role: optionalText(100),
  education: optionalText(100),
  politicalTheory: optionalText(100),
  phone: optionalText(40),
  note: optionalText(2000)
})

export const schemas = {
  'app:info': z.null(),
  'units:list': z.object({ includeRetired: z.boolean() }),
  'units:create': z.object({ parentId: id.nullable(), name: text(300), level: text(300) }),
  'units:update': z.object({ id, name: text(300).optional(), level: text(300).optional() }),
  'units:move': z.object({ id, parentId: id.nullable() }),
  'units:retire': z.object({ id, on: isoDay.optional() }),
  'units:restore': z.object({ id }),
  'units:history': z.object({ id }),
  'people:list': z.object({
    unitId: id.nullable(),
    includeSubunits: z.boolean(),
    q: text(200).optional(),
    statuses: z.array(z.enum(PERSON_STATUSES)).max(PERSON_STATUSES.length).optional(),
    kind: z.enum(PERSON_KINDS).nullable().optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional()
  }),
  'people:get': z.object({ id }),
  'people:create': personFields,
  'people:update': z.object({ id, fields: personFields }),
  'people:setStatus': z.object({ id, status: z.enum(PERSON_STATUSES), since: isoDay.optional(), note: text(2000).optional() }),
  'people:statusHistory': z.object({ id }),
  'backup:list': z.null(),
  'backup:create': z.object({ reason: z.literal('manual').optional() }).nullable(),
  'backup:restore': z
    .object({ fileName: z.string().regex(/^[\w.-]+\.sqlite$/).optional(), chooseFile: z.boolean().optional() })
    .refine((v) => (v.fileName ? 1 : 0) + (v.chooseFile ? 1 : 0) === 1),
  'backup:setKeep': z.object({ keep: z.number().int().min(1).max(200) }),
  'db:check': z.null(),
  ...studySchemas,
  ...importSchemas,
  ...commitmentSchemas,
  ...evaluationSchemas
}

import type { Channel, Input } from '../../shared/api'
// Each schema must produce exactly what its channel's handler is promised.
schemas satisfies { [C in Channel]: z.ZodType<Input<C>, unknown> }
