// One way to tell the user something went wrong: the core's Vietnamese message in a toast.

import { ElMessage } from 'element-plus'
import { failureMessage } from './api'

export function showError(e: unknown): void {
  ElMessage({ type: 'error', message: failureMessage(e), showClose: true, duration: 6000 })
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message })
}

/** Runs an action, showing its failure; returns whether it succeeded. */
export async function attempt(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action()
    return true
  } catch (e) {
    showError(e)
    return false
  }
}
