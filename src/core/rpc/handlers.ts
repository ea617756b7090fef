// The handler of every channel. `satisfies HandlerMap` makes the compiler hold this map to the
// contract in shared/api/: a missing channel or a wrong output type does not build.
import type { Channel, Input, Output } from '../../shared/api'
import type { CoreContext } from '../context'
import { createUnit, listUnits, moveUnit, restoreUnit, retireUnit, unitHistory, updateUnit } from '../units/units'
import { createPerson, getPerson, listPeople, setPersonStatus, statusHistory, updatePerson } from '../people/people'
import { appInfo, checkIntegrity, makeBackup, restoreBackup, setBackupKeep } from '../backup/service'
import { listBackups } from '../backup/backups'
import { studyHandlers } from '../study/rpc'
import { importHandlers } from '../import/rpc'
import { commitmentHandlers } from '../commitments/rpc'
import { evaluationHandlers } from '../evaluation/rpc'

type Handler<C extends Channel> = (ctx: CoreContext, input: Input<C>) => Output<C> | Promise<Output<C>>
export type HandlerMap = { [C in Channel]: Handler<C> }

export const handlers = {
  'app:info': (ctx) => appInfo(ctx),

  'units:list': (ctx, i) => listUnits(ctx.db, i.includeRetired),
  'units:create': (ctx, i) => createUnit(ctx.db, i),
  'units:update': (ctx, i) => updateUnit(ctx.db, i),
  'units:move': (ctx, i) => moveUnit(ctx.db, i.id, i.parentId),
  'units:retire': (ctx, i) => retireUnit(ctx.db, i.id, i.on),
  'units:restore': (ctx, i) => restoreUnit(ctx.db, i.id),
  'units:history': (ctx, i) => unitHistory(ctx.db, i.id),

  'people:list': (ctx, i) => listPeople(ctx.db, i),
  'people:get': (ctx, i) => getPerson(ctx.db, i.id),
  'people:create': (ctx, i) => createPerson(ctx.db, i),
  'people:update': (ctx, i) => updatePerson(ctx.db, i.id, i.fields),
  'people:setStatus': (ctx, i) => setPersonStatus(ctx.db, i),
  'people:statusHistory': (ctx, i) => statusHistory(ctx.db, i.id),

  'backup:list': (ctx) => listBackups(ctx.backupDir),
  'backup:create': (ctx) => makeBackup(ctx, 'manual'),
  'backup:restore': (ctx, i) => restoreBackup(ctx, i),
  'backup:setKeep': (ctx, i) => setBackupKeep(ctx, i.keep),
  'db:check': (ctx) => checkIntegrity(ctx.db),
  ...studyHandlers,
  ...importHandlers,
  ...commitmentHandlers,
  ...evaluationHandlers
} satisfies HandlerMap
