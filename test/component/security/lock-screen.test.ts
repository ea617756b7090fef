// The lock screen stands before every section while the core is locked: no section calls the
// core until the password (or the recovery key) opens it; a wrong one is refused with the core's
// message and the screen stays.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import App from '@renderer/App.vue'
import { createAppRouter } from '@renderer/router'
import type { LockState } from '@shared/api'
import { ApiError, createFakeApi } from '../fake-api'
import { byTestId, click, installApi, mountView, type } from '../helpers'

const PASSWORD = 'mật khẩu đúng 123'

function lockedApi() {
  let state: LockState = { locked: true, passwordSet: true, idleMinutes: null }
  return createFakeApi(
    { units: [], people: [], backups: [] },
    {
      'app:lockState': () => state,
      'app:unlock': ({ secret }) => {
        if (secret !== PASSWORD)
          throw new ApiError('WRONG_PASSWORD', 'Mật khẩu hoặc khóa khôi phục không đúng.')
        state = { locked: false, passwordSet: true, idleMinutes: 10 }
        return state
      },
      'app:getYear': () => ({ year: 2025 })
    }
  )
}

describe('lock screen', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows before any section, refuses a wrong password, and opens the app with the right one', async () => {
    const fake = lockedApi()
    installApi(fake.api)
    const router = createAppRouter(createMemoryHistory())
    await router.push('/units')
    const wrapper = mountView(App, { plugins: [router] })
    await router.isReady()
    await flushPromises()

    expect(byTestId('lock-screen')).not.toBeNull()
    expect(byTestId('nav-units')).toBeNull()
    // Nothing but the lock's own channels was called while locked.
    expect(fake.calls.map((c) => c.channel)).toEqual(['app:lockState'])

    await type('lock-secret', 'sai rồi')
    await click('lock-open')
    expect(byTestId('lock-error')?.textContent).toBe('Mật khẩu hoặc khóa khôi phục không đúng.')
    expect(byTestId('lock-screen')).not.toBeNull()

    await type('lock-secret', PASSWORD)
    await click('lock-open')
    expect(fake.callsTo('app:unlock')).toEqual([{ secret: 'sai rồi' }, { secret: PASSWORD }])
    expect(byTestId('lock-screen')).toBeNull()
    expect(byTestId('nav-units')).not.toBeNull()
    wrapper.unmount()
  })
})
