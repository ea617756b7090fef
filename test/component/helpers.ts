import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, type Component } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { WindowApi } from '@shared/api'
import { SECTIONS } from '@renderer/messages'
import { busyPlugin } from '@renderer/busy'

/** happy-dom does no layout: give the virtual table a real size so it renders rows. */
const FixedSizeResizer = defineComponent({
  name: 'ElAutoResizer',
  setup(_, { slots }) {
    return () => h('div', { class: 'fake-resizer' }, slots.default?.({ height: 400, width: 1200 }))
  }
})

export function installApi(api: WindowApi): void {
  window.api = api
}

export function mountView(
  component: Component,
  options: { props?: Record<string, unknown>; plugins?: unknown[] } = {}
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(component, {
    props: options.props,
    attachTo: document.body,
    global: {
      plugins: [pinia, [ElementPlus], busyPlugin, ...((options.plugins ?? []) as [])],
      stubs: { ElAutoResizer: FixedSizeResizer }
    }
  })
}

/** Element Plus teleports dialogs and messages to <body>: look there, not in the wrapper. */
export const $ = (selector: string) => document.body.querySelector<HTMLElement>(selector)
export const $$ = (selector: string) => [...document.body.querySelectorAll<HTMLElement>(selector)]
export const byTestId = (id: string) => $(`[data-testid="${id}"]`)

export async function type(id: string, text: string): Promise<void> {
  const el = byTestId(id)
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement))
    throw new Error(`no input ${id}`)
  el.value = text
  el.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

export async function click(id: string): Promise<void> {
  const el = byTestId(id)
  if (!el) throw new Error(`nothing with data-testid=${id}`)
  el.click()
  await flushPromises()
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A router over the app's sections with empty pages, for components that link to a section
 * (the overview cards): the link resolves, and a click shows where it went.
 */
export function sectionsRouter(): Router {
  const page = { render: () => null }
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: page },
      ...SECTIONS.map((s) => ({ path: s.path, name: s.name, component: page }))
    ]
  })
}
