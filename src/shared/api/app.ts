// The app part of the contract: facts about the app and its data file, and the working year.

import type { AppInfo } from './backup'
import type { ListsAll } from './common'

/** The year every section works on, chosen once for the whole app. */
export interface WorkingYear {
  year: number
}

/** The app lock: whether the data is encrypted behind a password and whether it is open now. */
export interface LockState {
  locked: boolean
  passwordSet: boolean
  /** Minutes without use before the app locks itself (0: never); null while locked. */
  idleMinutes: number | null
}

/** A password just set: the recovery key is shown this once and never stored in clear. */
export interface PasswordSet {
  recoveryKey: string
  lock: LockState
}

// ---------------------------------------------------------------- channels

export interface AppApi {
  'app:info': { input: null; output: AppInfo }
  'app:getYear': { input: null; output: WorkingYear }
  'app:setYear': { input: { year: number }; output: WorkingYear }
  /** Answered while locked, like app:info and app:unlock; every other channel refuses with LOCKED. */
  'app:lockState': { input: null; output: LockState }
  /** Opens the data with the password or the recovery key; WRONG_PASSWORD leaves the file untouched. */
  'app:unlock': { input: { secret: string }; output: LockState }
  /** Closes the data file until the next app:unlock (no effect without a password). */
  'app:lock': { input: null; output: LockState }
  /** Sets (current omitted) or changes the password; the file is backed up then re-keyed. */
  'app:setPassword': { input: { current?: string; next: string }; output: PasswordSet }
  'app:removePassword': { input: { current: string }; output: LockState }
  'app:setIdleMinutes': { input: { minutes: number }; output: LockState }
}

export const APP_CHANNELS = [
  'app:info',
  'app:getYear',
  'app:setYear',
  'app:lockState',
  'app:unlock',
  'app:lock',
  'app:setPassword',
  'app:removePassword',
  'app:setIdleMinutes'
] as const satisfies readonly (keyof AppApi)[]

const _allAppApiListed: ListsAll<AppApi, typeof APP_CHANNELS> = true
void _allAppApiListed
