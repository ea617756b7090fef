// Every import, newest first, and the undo of one as a whole. Apart from the wizard's store:
// the history outlives any one file, and the wizard only tells it when an import has been made.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ImportRecord, ImportUndoResult } from '@shared/api'
import { call, failureMessage } from '../api'

export const useImportHistoryStore = defineStore('importHistory', () => {
  const records = shallowRef<ImportRecord[]>([])
  /** Why the last undo was refused (the core's Vietnamese message), until the user closes it. */
  const undoError = ref<string | null>(null)
  const undoing = ref(false)

  async function load(): Promise<void> {
    records.value = await call('import:history', null)
  }

  /** Undoes an import; null when the core refused (then undoError says why). */
  async function undo(importId: number): Promise<ImportUndoResult | null> {
    undoError.value = null
    undoing.value = true
    try {
      return await call('import:undo', { importId })
    } catch (e) {
      undoError.value = failureMessage(e)
      return null
    } finally {
      undoing.value = false
      await load().catch(() => undefined)
    }
  }

  return { records, undoError, undoing, load, undo }
})
