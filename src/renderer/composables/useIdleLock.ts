import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Calls `onIdle` after `minutes` without a key, a click or a move of the pointer (0 or null: never).
 * Checked every few seconds against the last activity, so a sleeping computer that wakes after the
 * time has passed locks at once.
 */
export function useIdleLock(
  minutes: Ref<number | null>,
  onIdle: () => void,
  checkEveryMs = 5000
): void {
  let last = Date.now()
  let timer: ReturnType<typeof setInterval> | null = null
  const touch = () => {
    last = Date.now()
  }
  const check = () => {
    const m = minutes.value
    if (m && Date.now() - last >= m * 60_000) {
      touch()
      onIdle()
    }
  }
  onMounted(() => {
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true })
    timer = setInterval(check, checkEveryMs)
  })
  onBeforeUnmount(() => {
    for (const e of ACTIVITY) window.removeEventListener(e, touch)
    if (timer) clearInterval(timer)
  })
  watch(minutes, touch)
}
