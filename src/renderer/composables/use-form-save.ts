// The save of a form dialog, written once: run the store action, and when the core refuses,
// show its message and keep its per-field problems (ApiFailure.fields) for the form to show next
// to the fields they name. Fields the form itself checks before saving can go in `errors` too.

import { nextTick, ref, watch, type Ref } from 'vue'
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
      // The fields it names may sit below the visible part of a long form: go to the first.
      if (e instanceof ApiFailure && Object.keys(e.fields).length > 0) void focusFirstError()
      return false
    } finally {
      saving.value = false
    }
  }

  return { saving, errors, save }
}

/** Fields a dialog's keyboard rules act on: typed into, not buttons or ticks. */
const FIELD =
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled]), textarea:not([disabled])'
/** The one field at fault among several in a form item (or outside any), as the form marks it. */
const INVALID = '[aria-invalid="true"]'

/**
 * Where a form shows a field in error: an el-form-item with a message, or a field marked alone
 * (the items of a commitment, a list of fields under one heading, mark the input itself).
 */
const ERROR_MARK = '.el-form-item.is-error, .el-input.is-error, .el-textarea.is-error'

/**
 * Where a form starts when its first field is not where the user begins: a checklist's search,
 * its unit being chosen already.
 */
const START = '[data-form-start]'

/** The dialog (or drawer) on top (Element Plus keeps closed ones in the page, hidden). */
function topDialog(): HTMLElement | null {
  const open = [...document.querySelectorAll<HTMLElement>('.el-overlay-dialog, .el-drawer')].filter(
    (d) => d.closest<HTMLElement>('.el-overlay')?.style.display !== 'none'
  )
  return open.at(-1) ?? null
}

/** Puts the cursor in the first field of `root` (the dialog or drawer just opened). */
export function focusFirstField(root: HTMLElement | null = topDialog()): boolean {
  const inBody = (what: string) => `:is(.el-dialog__body, .el-drawer__body) ${what}`
  const start = root?.querySelector<HTMLElement>(inBody(START))
  const field =
    (start?.matches(FIELD) ? start : start?.querySelector<HTMLElement>(FIELD)) ??
    root?.querySelector<HTMLElement>(inBody(`:is(${FIELD})`))
  field?.focus()
  return !!field
}

/**
 * After a refused save: scrolls to the first field shown in error in the dialog on top and puts
 * the cursor in it, so a message out of sight is never the only answer (a long form at 768 px).
 * A form item in error holds the field; where one item holds several (a number and its date, a
 * list of lines), the form marks the one at fault with aria-invalid="true", and that one is taken.
 */
export async function focusFirstError(root?: HTMLElement | null): Promise<boolean> {
  // The messages appear with the next render.
  await nextTick()
  const first = (root ?? topDialog() ?? document.body).querySelector<HTMLElement>(
    `${ERROR_MARK}, ${INVALID}`
  )
  if (!first) return false
  first.scrollIntoView?.({ block: 'center' })
  const field = first.matches(INVALID)
    ? first
    : (first.querySelector<HTMLElement>(INVALID) ?? first.querySelector<HTMLElement>(FIELD))
  field?.focus()
  return true
}

/**
 * Enter saves from a single-line field: not from a text area (a new line), nor where Enter picks
 * a choice (a select, an open suggestion list), nor while an input method is composing a letter
 * (Vietnamese Telex and VNI type through one).
 */
export function enterSaves(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return false
  if (e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return false
  const t = e.target
  if (!(t instanceof HTMLInputElement)) return false
  if (['checkbox', 'radio', 'button', 'submit', 'file'].includes(t.type)) return false
  if (t.closest('.el-select, .el-date-editor, .el-cascader')) return false
  if (t.getAttribute('aria-expanded') === 'true' || t.closest('[aria-expanded="true"]'))
    return false
  return true
}

/**
 * A form's messages that go away as soon as the field they are about is changed: those the form
 * found itself (`errors`) and those of the core's last refusal (`server`, a prop the dialog may
 * not change, so hidden rather than deleted until the next refusal). `aliases` names the message
 * key of a form field called otherwise (e.g. line → signerLine); "points.1.name" is about "points".
 */
export function useFieldErrors(
  form: () => object,
  server: () => FieldErrors,
  aliases: Record<string, string> = {}
) {
  const errors = ref<FieldErrors>({})
  const edited = ref(new Set<string>())
  const keyOf = (field: string) => aliases[field] ?? field
  const about = (message: string, key: string) => message === key || message.startsWith(`${key}.`)

  watch(
    () => JSON.stringify(form()),
    (now, before) => {
      const a = JSON.parse(now) as Record<string, unknown>
      const b = JSON.parse(before) as Record<string, unknown>
      for (const field of Object.keys(a)) {
        if (JSON.stringify(a[field]) === JSON.stringify(b[field])) continue
        const key = keyOf(field)
        for (const k of Object.keys(errors.value)) if (about(k, key)) delete errors.value[k]
        edited.value.add(key)
      }
    }
  )
  // A new refusal speaks of the form as it is now.
  watch(server, () => edited.value.clear())

  const errorOf = (field: string): string => {
    if (errors.value[field]) return errors.value[field]
    const hidden = [...edited.value].some((key) => about(field, key))
    return hidden ? '' : (server()[field] ?? '')
  }
  return { errors, errorOf }
}
