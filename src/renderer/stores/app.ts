import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '@shared/api'
import { call } from '../api'

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)

  async function load(): Promise<void> {
    info.value = await call('app:info', null)
  }

  /** Other calls (backup:setKeep) answer with fresh info; keep it without another round trip. */
  function setInfo(next: AppInfo): void {
    info.value = next
  }

  return { info, load, setInfo }
})
