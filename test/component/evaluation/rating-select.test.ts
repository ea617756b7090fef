// A rating cell is a light button until used (issue 12, part 5): it shows the level, becomes the
// select on a click (focused, list open) or on Tab (focused, waiting for typing), picks the
// first matching level on Enter, and is a button again once the focus leaves.
import { afterEach, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import RatingSelect from '@renderer/components/evaluation/RatingSelect.vue'
import { $, $$, mountView } from '../helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

it('shows the level on a plain button, no select, until it is used', () => {
  const w = mountView(RatingSelect, { props: { modelValue: 'not_rated' } })
  expect(w.findAllComponents(ElSelect)).toHaveLength(0)
  expect($('button.rating-cell')?.textContent?.trim()).toBe('Không XL')
  expect($('button.rating-cell')?.getAttribute('title')).toBe('Không xếp loại (ghi lý do)')
  w.unmount()
})

it('becomes the select on a click, focused with its list open; typing "htt" and Enter picks HTTNV', async () => {
  const w = mountView(RatingSelect, { props: { modelValue: null } })
  expect($('.rating-cell__value--empty')?.textContent?.trim()).toBe('—')
  ;($('button.rating-cell') as HTMLButtonElement).click()
  await flushPromises()
  expect($('button.rating-cell')).toBeNull()
  const input = $('.rating-select input') as HTMLInputElement
  expect(document.activeElement).toBe(input)
  expect(w.findComponent(ElSelect).vm.dropdownMenuVisible).toBe(true)
  input.value = 'htt'
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
  await flushPromises()
  expect(w.emitted('update:modelValue')).toEqual([['HTTNV']])
  w.unmount()
})

it('on Tab waits for typing with the list closed, and is a button again when the focus leaves', async () => {
  const w = mountView(RatingSelect, { props: { modelValue: 'HTXSNV' } })
  ;($('button.rating-cell') as HTMLButtonElement).focus()
  await flushPromises()
  const input = $('.rating-select input') as HTMLInputElement
  expect(document.activeElement).toBe(input)
  expect(w.findComponent(ElSelect).vm.dropdownMenuVisible).toBe(false)
  input.blur()
  await flushPromises()
  expect($$('button.rating-cell')).toHaveLength(1)
  expect($('button.rating-cell')?.textContent?.trim()).toBe('HTXSNV')
  expect(w.emitted('update:modelValue')).toBeUndefined()
  w.unmount()
})
