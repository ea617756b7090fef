// Input schemas for every channel: nothing from IPC, the CLI or the harness reaches a handler
// unparsed. Each domain's rpc.ts holds its own (built from rpc/fields.ts); this composes them.
import type { z } from 'zod'
import type { Channel, Input } from '../../shared/api'
import { appSchemas } from '../app/rpc'
import { unitSchemas } from '../units/rpc'
import { peopleSchemas } from '../people/rpc'
import { backupSchemas } from '../backup/rpc'
import { importSchemas } from '../import/rpc'
import { studySchemas } from '../study/rpc'
import { commitmentSchemas } from '../commitments/rpc'
import { evaluationSchemas } from '../evaluation/rpc'
import { exemplarSchemas } from '../exemplars/rpc'
import { auditSchemas } from '../audit/rpc'
import { propagandaSchemas } from '../propaganda/rpc'
import { reportSchemas } from '../reports/rpc'
import { inspectionsSchemas } from '../inspections/rpc'

export const schemas = {
  ...appSchemas,
  ...unitSchemas,
  ...peopleSchemas,
  ...backupSchemas,
  ...importSchemas,
  ...studySchemas,
  ...commitmentSchemas,
  ...evaluationSchemas,
  ...exemplarSchemas,
  ...propagandaSchemas,
  ...reportSchemas,
  ...auditSchemas,
  ...inspectionsSchemas
}

// Each schema must produce exactly what its channel's handler is promised.
schemas satisfies { [C in Channel]: z.ZodType<Input<C>, unknown> }
