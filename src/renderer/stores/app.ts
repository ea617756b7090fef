import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '@shared/api'
import { call } from '../api'

/** The app itself: facts about its data file, and the working year every section reads. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const year = ref<number | null>(null)

  async function load(): Promise<void> {
    info.value = await call('app:info', null)
  }

  /** Other calls (backup:setKeep) answer with fresh info; keep it without another round trip. */
  function setInfo(next: AppInfo): void {
    info.value = next
  }

  async function loadYear(): Promise<void> {
    year.value = (await call('app:getYear', null)).year
  }

  /** Loads the working year once; views call it on mount, the header too. */
  async function ensureYear(): Promise<number> {
    if (year.value === null) await loadYear()
    return year.value!
  }

  /** Chooses the working year for every section; each reloads what it shows when it changes. */
  async function setYear(next: number): Promise<void> {
    year.value = (await call('app:setYear', { year: next })).year
  }

  return { info, year, load, setInfo, loadYear, ensureYear, setYear }
})
