import { afterEach, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import ScoreInput from '@renderer/components/evaluation/ScoreInput.vue'
import { $, mountView } from '../helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

async function enter(text: string) {
  const input = $('.score-input input') as HTMLInputElement
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  await flushPromises()
  return input
}

it('saves "92,5" as 92.5 and shows the score with a comma', async () => {
  const w = mountView(ScoreInput, { props: { modelValue: 88.6 } })
  expect(($('.score-input input') as HTMLInputElement).value).toBe('88,6')
  await enter('92,5')
  expect(w.emitted('update:modelValue')).toEqual([[92.5]])
  await w.setProps({ modelValue: 92.5 })
  expect(($('.score-input input') as HTMLInputElement).value).toBe('92,5')
  w.unmount()
})

it('refuses 150 with a message and keeps what was typed, saving nothing', async () => {
  const w = mountView(ScoreInput, { props: { modelValue: 70 } })
  const input = await enter('150')
  expect(w.emitted('update:modelValue')).toBeUndefined()
  expect($('[data-testid="rating-score-error"]')?.textContent).toBe(
    'Điểm 150 vượt quá 100. Ghi số từ 0 đến 100.'
  )
  expect(input.value).toBe('150')
  // Corrected: the message goes and the score is saved.
  await enter('95')
  expect($('[data-testid="rating-score-error"]')).toBeNull()
  expect(w.emitted('update:modelValue')).toEqual([[95]])
  w.unmount()
})
