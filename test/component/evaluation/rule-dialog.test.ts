import { afterEach, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { EvaluationRuleSetInput } from '@shared/api'
import EvaluationRuleDialog from '@renderer/components/evaluation/EvaluationRuleDialog.vue'
import { $$, byTestId, mountView, sleep } from '../helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

const initial: EvaluationRuleSetInput = {
  id: 2,
  fromYear: 2023,
  name: 'QĐ 124-QĐ/TW',
  quotaPercent: 20,
  quotaBase: 'httnv_or_better',
  quotaScope: 'grassroots',
  exemptStatuses: [],
  newMemberMonths: 6,
  scoreThresholds: null,
  note: null
}

it('sends a quota of 250% as typed, for the core to refuse with a message, and shows that message', async () => {
  const w = mountView(EvaluationRuleDialog, {
    props: { modelValue: true, initial, saving: false, serverErrors: {} }
  })
  await flushPromises()
  const input = byTestId('rule-form-percent')!.querySelector('input')!
  input.value = '250'
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  await flushPromises()
  expect(input.value).toBe('250')
  byTestId('rule-form-save')!.click()
  await flushPromises()
  expect((w.emitted('submit')![0][0] as EvaluationRuleSetInput).quotaPercent).toBe(250)
  await w.setProps({
    serverErrors: { quotaPercent: 'Tỷ lệ 250% không dùng được: phải từ 0 đến 100%.' }
  })
  // The message comes in through a transition: wait for it (up to a second).
  for (let i = 0; i < 50 && $$('.el-form-item__error').length === 0; i++) await sleep(20)
  expect($$('.el-form-item__error').map((e) => e.textContent?.trim())).toEqual([
    'Tỷ lệ 250% không dùng được: phải từ 0 đến 100%.'
  ])
  w.unmount()
})
