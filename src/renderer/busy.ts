// v-busy="loading": an area whose data is loading. It is marked busy at once (aria-busy, for
// screen readers and for tests waiting on the page to settle) and covered by Element Plus's
// loading mask only if the loading lasts longer than BUSY_DELAY_MS.
//
// Why not v-loading straight away: most loads here answer in tens of milliseconds, and a mask
// that comes and goes that fast is a flicker, not information. It also costs: each mask is a
// small Vue app of its own, mounted, faded in and out, its spinner animated, and its closing
// forces the page to lay out the content just rendered under it; a committee's rating table
// (issue 12, part 5) spent more on the mask than on some of its rows.
import type { App, Directive, DirectiveBinding, ObjectDirective } from 'vue'
import { vLoading } from 'element-plus'

// Element Plus's directive is an object with these hooks (its type also allows a function).
const mask = vLoading as ObjectDirective<HTMLElement, boolean>
const showMask = (el: HTMLElement, b: DirectiveBinding<boolean>) =>
  mask.mounted?.(el, b, null as never, null)
const hideMask = (el: HTMLElement, b: DirectiveBinding<boolean>) =>
  mask.unmounted?.(el, b, null as never, null)

export const BUSY_DELAY_MS = 250

interface State {
  binding: DirectiveBinding<boolean>
  timer?: ReturnType<typeof setTimeout>
  masked: boolean
}
const states = new WeakMap<HTMLElement, State>()

function set(el: HTMLElement, binding: DirectiveBinding<boolean>): void {
  const s: State = states.get(el) ?? { binding, masked: false }
  s.binding = binding
  states.set(el, s)
  if (binding.value) el.setAttribute('aria-busy', 'true')
  else el.removeAttribute('aria-busy')
  if (!binding.value) {
    clearTimeout(s.timer)
    s.timer = undefined
    if (s.masked) hideMask(el, binding)
    s.masked = false
    return
  }
  if (s.masked || s.timer) return
  s.timer = setTimeout(() => {
    s.timer = undefined
    // Still loading, and still on the page: now the wait is worth showing.
    if (!s.binding.value || !el.isConnected) return
    s.masked = true
    showMask(el, s.binding)
  }, BUSY_DELAY_MS)
}

export const vBusy: Directive<HTMLElement, boolean> = {
  mounted: set,
  updated: set,
  unmounted(el, binding) {
    const s = states.get(el)
    if (!s) return
    clearTimeout(s.timer)
    if (s.masked) hideMask(el, binding)
    states.delete(el)
  }
}

/** Registers v-busy in an app (the renderer's, and the component tests'). */
export const busyPlugin = { install: (app: App) => app.directive('busy', vBusy) }
