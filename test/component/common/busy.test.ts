// v-busy: an area is marked busy at once and masked only when its loading lasts (no flicker
// of a loading mask for the many loads that answer in tens of milliseconds).
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h, ref, withDirectives } from 'vue'
import { BUSY_DELAY_MS, vBusy } from '@renderer/busy'
import { $, mountView } from '../helpers'

const loading = ref(false)
const Area = defineComponent({
  setup: () => () =>
    withDirectives(h('div', { class: 'area' }, 'Nội dung'), [[vBusy, loading.value]])
})
const mask = () => $('.area .el-loading-mask')
const busy = () => $('.area')?.getAttribute('aria-busy')

beforeEach(() => {
  vi.useFakeTimers()
  loading.value = false
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

it('marks the area busy at once and masks it only once the loading has lasted', async () => {
  const w = mountView(Area)
  expect(busy()).toBeNull()
  loading.value = true
  await flushPromises()
  expect(busy()).toBe('true')
  expect(mask()).toBeNull()
  vi.advanceTimersByTime(BUSY_DELAY_MS - 1)
  await flushPromises()
  expect(mask()).toBeNull()
  vi.advanceTimersByTime(1)
  await flushPromises()
  expect(mask()).not.toBeNull()
  loading.value = false
  await flushPromises()
  expect(busy()).toBeNull()
  // Element Plus fades the mask out and then removes it.
  vi.advanceTimersByTime(1000)
  await flushPromises()
  expect(mask()).toBeNull()
  w.unmount()
})

it('never masks a load that answers within the delay, even when another starts', async () => {
  const w = mountView(Area)
  loading.value = true
  await flushPromises()
  vi.advanceTimersByTime(BUSY_DELAY_MS - 50)
  loading.value = false
  await flushPromises()
  // A second load starts: its own delay counts from now, not from the first.
  loading.value = true
  await flushPromises()
  vi.advanceTimersByTime(100)
  await flushPromises()
  expect(mask()).toBeNull()
  expect(busy()).toBe('true')
  loading.value = false
  await flushPromises()
  vi.advanceTimersByTime(BUSY_DELAY_MS * 2)
  await flushPromises()
  expect(mask()).toBeNull()
  expect(busy()).toBeNull()
  w.unmount()
})

it('a loading area removed before the delay leaves no mask behind', async () => {
  loading.value = true
  const w = mountView(Area)
  await flushPromises()
  w.unmount()
  vi.advanceTimersByTime(BUSY_DELAY_MS * 2)
  await flushPromises()
  expect($('.el-loading-mask')).toBeNull()
})
