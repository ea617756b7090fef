// The app channels' input schemas and handlers: facts about the app and its data file, the
// working year.
import { z } from 'zod'
import type { HandlerMap } from '../rpc/handlers'
import { appInfo } from '../backup/service'
import { year } from '../rpc/fields'
import { getWorkingYear, setWorkingYear } from '../settings'

export const appSchemas = {
  'app:info': z.null(),
  'app:getYear': z.null(),
  'app:setYear': z.strictObject({ year })
}

type AppChannel = keyof typeof appSchemas

export const appHandlers: Pick<HandlerMap, AppChannel> = {
  'app:info': (ctx) => appInfo(ctx),
  'app:getYear': (ctx) => getWorkingYear(ctx.db),
  'app:setYear': (ctx, i) => setWorkingYear(ctx.db, i.year)
}
