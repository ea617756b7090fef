// The app channels' input schemas and handlers: facts about the app and its data file.
import { z } from 'zod'
import type { HandlerMap } from '../rpc/handlers'
import { appInfo } from '../backup/service'

export const appSchemas = {
  'app:info': z.null()
}

type AppChannel = keyof typeof appSchemas

export const appHandlers: Pick<HandlerMap, AppChannel> = {
  'app:info': (ctx) => appInfo(ctx)
}
