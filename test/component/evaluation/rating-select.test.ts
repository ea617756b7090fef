// A rating cell is a light button until used (issue 12, part 5): it shows the level, becomes a
// small combobox on a click (focused, list open) or on Tab (focused, waiting for typing), picks
// the first matching level on Enter, and is a button again once the focus leaves.
import { afterEach, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import RatingSelect from '@renderer/components/evaluation/RatingSelect.vue'
import { $, $$, mountView } from '../helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

const input = () => $('.rating-combo input') as HTMLInputElement
const options = () => $$('[role="option"]').map((o) => o.textContent?.trim())
const highlighted = () => $('[role="option"].is-hovering')?.textContent?.trim()
async function type(text: string) {
  input().value = text
  input().dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}
async function press(key: string) {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  input().dispatchEvent(e)
  await flushPromises()
  return e
}
async function clickCell() {
  ;($('button.rating-cell') as HTMLButtonElement).click()
  await flushPromises()
}

it('shows the level on a plain button, no text box, until it is used', () => {
  const w = mountView(RatingSelect, { props: { modelValue: 'not_rated' } })
  expect($('.rating-combo')).toBeNull()
  expect($('button.rating-cell')?.textContent?.trim()).toBe('Không XL')
  expect($('button.rating-cell')?.getAttribute('title')).toBe('Không xếp loại (ghi lý do)')
  w.unmount()
})

it('becomes a text box on a click, focused with its list open; typing "htt" and Enter picks HTTNV', async () => {
  const w = mountView(RatingSelect, { props: { modelValue: null } })
  expect($('.rating-cell__value--empty')?.textContent?.trim()).toBe('—')
  await clickCell()
  expect($('button.rating-cell')).toBeNull()
  expect(document.activeElement).toBe(input())
  expect(input().getAttribute('aria-expanded')).toBe('true')
  // No level yet: the five choices, nothing to clear.
  expect(options()).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'Không xếp loại'])
  await type('htt')
  expect(options()).toEqual(['HTTNV'])
  const enter = await press('Enter')
  expect(enter.defaultPrevented).toBe(true)
  expect(w.emitted('update:modelValue')).toEqual([['HTTNV']])
  // The list closes, the focus stays for the next key, the typed text goes.
  expect($('[role="listbox"]')).toBeNull()
  expect(document.activeElement).toBe(input())
  expect(input().value).toBe('')
  w.unmount()
})

it("matches without diacritics, on the level's full name too, labels starting with the text first", async () => {
  const w = mountView(RatingSelect, { props: { modelValue: null } })
  await clickCell()
  await type('ht')
  // "ht" starts HTXSNV, HTTNV, HTNV and is inside KHTNV: that one comes last.
  expect(options()).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'])
  expect(highlighted()).toBe('HTXSNV')
  await type('khong xep')
  expect(options()).toEqual(['Không xếp loại'])
  await type('hoan thanh tot')
  expect(options()).toEqual(['HTTNV'])
  await type('zz')
  expect(options()).toEqual([])
  expect($('.rating-combo__none')?.textContent).toBe('Không có mức nào khớp')
  // Enter with nothing matching picks nothing.
  await press('Enter')
  expect(w.emitted('update:modelValue')).toBeUndefined()
  w.unmount()
})

it('moves with the arrows from the chosen level, and offers "Bỏ trống" once a level is chosen', async () => {
  const w = mountView(RatingSelect, { props: { modelValue: 'HTNV' } })
  await clickCell()
  expect(options()).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'Không xếp loại', 'Bỏ trống'])
  expect(highlighted()).toBe('HTNV')
  expect($('[role="option"][aria-selected="true"]')?.textContent?.trim()).toBe('HTNV')
  await press('ArrowDown')
  expect(highlighted()).toBe('KHTNV')
  await press('ArrowUp')
  await press('ArrowUp')
  expect(highlighted()).toBe('HTTNV')
  expect(input().getAttribute('aria-activedescendant')).toBe($('[role="option"].is-hovering')?.id)
  await press('ArrowUp')
  await press('ArrowUp')
  expect(highlighted()).toBe('Bỏ trống') // round from the top to the bottom
  await press('Enter')
  expect(w.emitted('update:modelValue')).toEqual([[null]])
  w.unmount()
})

it('picks with the mouse, and the same level again saves nothing', async () => {
  const w = mountView(RatingSelect, { props: { modelValue: 'HTNV' } })
  await clickCell()
  const opt = (label: string) => $$('[role="option"]').find((o) => o.textContent?.trim() === label)!
  opt('HTNV').click()
  await flushPromises()
  expect(w.emitted('update:modelValue')).toBeUndefined()
  await press('ArrowDown') // the list again
  opt('HTXSNV').click()
  await flushPromises()
  expect(w.emitted('update:modelValue')).toEqual([['HTXSNV']])
  w.unmount()
})

it('Escape closes the list and keeps the level; with the list closed it is left to the page', async () => {
  const w = mountView(RatingSelect, { props: { modelValue: 'HTTNV' } })
  await clickCell()
  await type('htx')
  let reached = 0
  const count = () => reached++
  document.addEventListener('keydown', count)
  await press('Escape')
  expect($('[role="listbox"]')).toBeNull()
  expect(reached).toBe(0) // a dialog around it does not close
  expect($('.rating-combo .rating-cell__value')?.textContent).toBe('HTTNV')
  expect(input().value).toBe('')
  await press('Escape')
  expect(reached).toBe(1)
  document.removeEventListener('keydown', count)
  expect(w.emitted('update:modelValue')).toBeUndefined()
  w.unmount()
})

it('on Tab waits for typing with the list closed, and is a button again when the focus leaves', async () => {
  const w = mountView(RatingSelect, { props: { modelValue: 'HTXSNV' } })
  ;($('button.rating-cell') as HTMLButtonElement).focus()
  await flushPromises()
  expect(document.activeElement).toBe(input())
  expect($('[role="listbox"]')).toBeNull()
  expect($('.rating-combo .rating-cell__value')?.textContent).toBe('HTXSNV')
  await type('k')
  expect($('[role="listbox"]')).not.toBeNull()
  // What is typed hides the level under it.
  expect($('.rating-combo .rating-cell__value')?.classList).toContain('rating-combo__hidden')
  input().blur()
  await flushPromises()
  expect($$('button.rating-cell')).toHaveLength(1)
  expect($('button.rating-cell')?.textContent?.trim()).toBe('HTXSNV')
  expect($('[role="listbox"]')).toBeNull()
  expect(w.emitted('update:modelValue')).toBeUndefined()
  expect(w.emitted('blur')).toHaveLength(1)
  w.unmount()
})

it('closes its list when the page scrolls, as the list stays where it was drawn', async () => {
  const w = mountView(RatingSelect, { props: { modelValue: null } })
  await clickCell()
  expect($('[role="listbox"]')).not.toBeNull()
  window.dispatchEvent(new Event('scroll'))
  await flushPromises()
  expect($('[role="listbox"]')).toBeNull()
  expect(document.activeElement).toBe(input())
  w.unmount()
})

it('a disabled cell never opens', async () => {
  const w = mountView(RatingSelect, { props: { modelValue: null, disabled: true } })
  expect(($('button.rating-cell') as HTMLButtonElement).disabled).toBe(true)
  await clickCell()
  expect($('.rating-combo')).toBeNull()
  w.unmount()
})
