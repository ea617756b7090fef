import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LockState } from '@shared/api'
import { call } from '../api'

/** The app lock: whether the data is behind a password and open now (asked before any section). */
export const useLockStore = defineStore('lock', () => {
  const state = ref<LockState | null>(null)

  async function load(): Promise<void> {
    state.value = await call('app:lockState', null)
  }

  async function unlock(secret: string): Promise<void> {
    state.value = await call('app:unlock', { secret })
  }

  async function lock(): Promise<void> {
    state.value = await call('app:lock', null)
  }

  /** Sets or changes the password; returns the recovery key to show once. */
  async function setPassword(next: string, current?: string): Promise<string> {
    const r = await call('app:setPassword', { next, current })
    state.value = r.lock
    return r.recoveryKey
  }

  async function removePassword(current: string): Promise<void> {
    state.value = await call('app:removePassword', { current })
  }

  async function setIdleMinutes(minutes: number): Promise<void> {
    state.value = await call('app:setIdleMinutes', { minutes })
  }

  return { state, load, unlock, lock, setPassword, removePassword, setIdleMinutes }
})
