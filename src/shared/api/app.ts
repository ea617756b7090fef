// The app part of the contract: facts about the app and its data file, and the working year.

import type { AppInfo } from './backup'
import type { ListsAll } from './common'

/** The year every section works on, chosen once for the whole app. */
export interface WorkingYear {
  year: number
}

// ---------------------------------------------------------------- channels

export interface AppApi {
  'app:info': { input: null; output: AppInfo }
  'app:getYear': { input: null; output: WorkingYear }
  'app:setYear': { input: { year: number }; output: WorkingYear }
}

export const APP_CHANNELS = [
  'app:info',
  'app:getYear',
  'app:setYear'
] as const satisfies readonly (keyof AppApi)[]

const _allAppApiListed: ListsAll<AppApi, typeof APP_CHANNELS> = true
void _allAppApiListed
