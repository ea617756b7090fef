import { describe, expect, it, vi } from 'vitest'
import { ApiFailure, call } from '@renderer/api'
import type { WindowApi } from '@shared/api'
import { createFakeApi, unit } from '../fake-api'
import { installApi } from '../helpers'

describe('api.call', () => {
  it('unwraps a successful result', async () => {
    installApi(
      createFakeApi({ units: [unit(1, null, 'Tỉnh ủy', 'Tỉnh ủy')], people: [], backups: [] }).api
    )
    const units = await call('units:list', { includeRetired: false })
    expect(units.map((u) => u.name)).toEqual(['Tỉnh ủy'])
  })

  it('throws ApiFailure with the core message and field errors', async () => {
    const fake = createFakeApi({ units: [], people: [], backups: [] })
    installApi({
      ...fake.api,
      'people:create': async () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Dữ liệu chưa hợp lệ.',
          fields: { partyCardNumber: 'Số thẻ đã có người dùng.' }
        }
      })
    } as WindowApi)
    const failure = await call('people:create', {} as never).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ApiFailure)
    expect(failure).toMatchObject({
      code: 'VALIDATION',
      message: 'Dữ liệu chưa hợp lệ.',
      fields: { partyCardNumber: 'Số thẻ đã có người dùng.' }
    })
  })

  it('turns a broken transport into a Vietnamese message', async () => {
    const fake = createFakeApi({ units: [], people: [], backups: [] })
    installApi({
      ...fake.api,
      'app:info': () => Promise.reject(new Error('ECONNRESET'))
    } as WindowApi)
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failure = await call('app:info', null).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ApiFailure)
    expect((failure as ApiFailure).code).toBe('TRANSPORT')
    expect((failure as ApiFailure).message).toMatch(/^Không liên lạc được/)
    expect(logged).toHaveBeenCalled()
    logged.mockRestore()
  })
})
