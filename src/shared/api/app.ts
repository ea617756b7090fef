// The app part of the contract: facts about the app and its data file.

import type { AppInfo } from './backup'
import type { ListsAll } from './common'

// ---------------------------------------------------------------- channels

export interface AppApi {
  'app:info': { input: null; output: AppInfo }
}

export const APP_CHANNELS = ['app:info'] as const satisfies readonly (keyof AppApi)[]

const _allAppApiListed: ListsAll<AppApi, typeof APP_CHANNELS> = true
void _allAppApiListed
