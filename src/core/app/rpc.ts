// The app channels' input schemas and handlers: facts about the app and its data file, the
// working year.
import { z } from 'zod'
import type { HandlerMap } from '../rpc/handlers'
import { appInfo } from '../backup/service'
import { year } from '../rpc/fields'
import { getWorkingYear, setWorkingYear } from '../settings'
import {
  lock,
  lockState,
  removePassword,
  setIdleMinutes,
  setPassword,
  unlock
} from '../security/lock'

export const appSchemas = {
  'app:info': z.null(),
  'app:getYear': z.null(),
  'app:setYear': z.strictObject({ year }),
  'app:lockState': z.null(),
  'app:unlock': z.strictObject({ secret: z.string().min(1).max(1000) }),
  'app:lock': z.null(),
  'app:setPassword': z.strictObject({
    current: z.string().max(1000).optional(),
    next: z.string().max(1000)
  }),
  'app:removePassword': z.strictObject({ current: z.string().max(1000) }),
  'app:setIdleMinutes': z.strictObject({
    minutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
  })
}

type AppChannel = keyof typeof appSchemas

export const appHandlers: Pick<HandlerMap, AppChannel> = {
  'app:info': (ctx) => appInfo(ctx),
  'app:getYear': (ctx) => getWorkingYear(ctx.db),
  'app:setYear': (ctx, i) => setWorkingYear(ctx.db, i.year),
  'app:lockState': (ctx) => lockState(ctx),
  'app:unlock': (ctx, i) => unlock(ctx, i.secret),
  'app:lock': (ctx) => lock(ctx),
  'app:setPassword': (ctx, i) => setPassword(ctx, i.current, i.next),
  'app:removePassword': (ctx, i) => removePassword(ctx, i.current),
  'app:setIdleMinutes': (ctx, i) => setIdleMinutes(ctx, i.minutes)
}
