// The keys and answers of the keyboard-rule tests (common/FormDialog.vue, in its dialogs and
// drawers): opening a form as its parent does, Enter and Escape, whether a form is shown, and the
// "Bỏ các thay đổi chưa lưu?" question.
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Component } from 'vue'
import { $$, byTestId, mountView, sleep } from './helpers'

/** Renders, then waits out a dialog's or a question's opening and closing. */
export async function settle(): Promise<void> {
  await flushPromises()
  await sleep(50)
  await flushPromises()
}

/** Mounts a form closed, then opens it as its parent does (v-model): its watcher fills it. */
export async function openForm(
  component: Component,
  props: Record<string, unknown>
): Promise<VueWrapper> {
  const w: VueWrapper = mountView(component, {
    props: {
      ...props,
      modelValue: false,
      'onUpdate:modelValue': (v: boolean) => w.setProps({ modelValue: v })
    }
  })
  await flushPromises()
  await w.setProps({ modelValue: true })
  await settle()
  return w
}

export const enter = (el: Element) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
export const escape = () =>
  document.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true })
  )
/** Whether the dialog or drawer of that test id is shown (a closed one stays in the page). */
export const dialogShown = (id: string) => {
  const overlay = byTestId(id)?.closest<HTMLElement>('.el-overlay')
  return !!overlay && overlay.style.display !== 'none'
}
/** The last question asked (an answered one stays in the page, hidden). */
export const confirmBox = () => $$('.el-message-box').at(-1) ?? null
export const boxOpen = () => {
  const box = confirmBox()
  return !!box && box.closest<HTMLElement>('.el-overlay')?.style.display !== 'none'
}
/** Clicks the button of the question that says `label`. */
export async function answer(label: string): Promise<void> {
  ;[...confirmBox()!.querySelectorAll('button')]
    .find((b) => b.textContent?.includes(label))!
    .click()
  await settle()
}
