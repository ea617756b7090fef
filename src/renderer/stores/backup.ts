import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BackupInfo, IntegrityReport } from '@shared/api'
import { call } from '../api'
import { useAppStore } from './app'

export const useBackupStore = defineStore('backup', () => {
  const backups = ref<BackupInfo[]>([])
  const integrity = ref<IntegrityReport | null>(null)

  async function load(): Promise<void> {
    // Newest first, whatever order the folder listing came in.
    const list = await call('backup:list', null)
    backups.value = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  async function create(): Promise<BackupInfo> {
    const made = await call('backup:create', { reason: 'manual' })
    await Promise.all([load(), useAppStore().load()])
    return made
  }

  /** null when the user cancelled the file chooser. */
  async function restore(from: { fileName?: string }) {
    const result = await call('backup:restore', from)
    if (result) await Promise.all([load(), useAppStore().load()])
    return result
  }

  async function setKeep(keep: number): Promise<void> {
    useAppStore().setInfo(await call('backup:setKeep', { keep }))
    await load()
  }

  async function check(): Promise<IntegrityReport> {
    integrity.value = null
    integrity.value = await call('db:check', null)
    return integrity.value
  }

  return { backups, integrity, load, create, restore, setKeep, check }
})
