// The save of a form dialog, written once: run the store action, and when the core refuses,
// show its message and keep its per-field problems (ApiFailure.fields) for the form to show next
// to the fields they name. Fields the form itself checks before saving can go in `errors` too.

import { ref, type Ref } from 'vue'
import { ApiFailure } from '../api'
import { showError, showSuccess } from '../notify'

export type FieldErrors = Record<string, string>

export interface FormSave {
  /** True while the action runs: bind it to the save button's loading. */
  saving: Ref<boolean>
  /** The problems of the last refusal, keyed by field name. */
  errors: Ref<FieldErrors>
  /**
   * Runs the action. On success shows `done` (when given) and returns true; on a refusal keeps
   * its field problems, shows its message and returns false.
   */
  save: (action: () => Promise<unknown>, done?: string) => Promise<boolean>
}

export function useFormSave(): FormSave {
  const saving = ref(false)
  const errors = ref<FieldErrors>({})

  async function save(action: () => Promise<unknown>, done?: string): Promise<boolean> {
    saving.value = true
    // Problems of an earlier try no longer hold once the user sends the form again.
    errors.value = {}
    try {
      await action()
      if (done) showSuccess(done)
      return true
    } catch (e) {
      if (e instanceof ApiFailure) errors.value = e.fields
      showError(e)
      return false
    } finally {
      saving.value = false
    }
  }

  return { saving, errors, save }
}
