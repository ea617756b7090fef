// The handler of every channel, composed from each domain's rpc.ts. `satisfies HandlerMap` makes
// the compiler hold this map to the contract in shared/api/: a missing channel or a wrong output
// type does not build.
import type { Channel, Input, Output } from '../../shared/api'
import type { CoreContext } from '../context'
import { appHandlers } from '../app/rpc'
import { unitHandlers } from '../units/rpc'
import { peopleHandlers } from '../people/rpc'
import { backupHandlers } from '../backup/rpc'
import { importHandlers } from '../import/rpc'
import { studyHandlers } from '../study/rpc'
import { commitmentHandlers } from '../commitments/rpc'
import { evaluationHandlers } from '../evaluation/rpc'
import { exemplarHandlers } from '../exemplars/rpc'
import { auditHandlers } from '../audit/rpc'
import { propagandaHandlers } from '../propaganda/rpc'
import { reportHandlers } from '../reports/rpc'
import { inspectionsHandlers } from '../inspections/rpc'

type Handler<C extends Channel> = (
  ctx: CoreContext,
  input: Input<C>
) => Output<C> | Promise<Output<C>>
export type HandlerMap = { [C in Channel]: Handler<C> }

export const handlers = {
  ...appHandlers,
  ...unitHandlers,
  ...peopleHandlers,
  ...backupHandlers,
  ...importHandlers,
  ...studyHandlers,
  ...commitmentHandlers,
  ...evaluationHandlers,
  ...exemplarHandlers,
  ...propagandaHandlers,
  ...reportHandlers,
  ...auditHandlers,
  ...inspectionsHandlers
} satisfies HandlerMap
