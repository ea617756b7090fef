// A refusal by a channel's schema reaches the page as a Vietnamese sentence: the contract's
// English field names ("fields.birthDate") key the per-field messages, never the sentence.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoreContext } from '../../../src/core/context'
import { dispatch } from '../../../src/core/rpc/dispatch'
import { ENGLISH_WORDS } from '../../helpers/english'

// Schemas are checked before a handler or the data file is reached: an open lock is all it needs.
const ctx = { lock: { locked: false } } as unknown as CoreContext

afterEach(() => vi.restoreAllMocks())

describe('a refused input, in Vietnamese', () => {
  it('names no field in English, and keys each problem by the field for the form', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const r = await dispatch(ctx, 'units:create', { parentId: 'một', name: 42, level: null })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('INVALID_INPUT')
    expect(r.error.message).toBe(
      'Dữ liệu gửi lên không đúng dạng ở 3 chỗ; chưa có gì được lưu. Hãy kiểm tra lại các ô vừa nhập.'
    )
    expect(r.error.message).not.toMatch(/parentId|name|level/)
    expect(r.error.message).not.toMatch(ENGLISH_WORDS)
    expect(r.error.fields).toEqual({
      parentId: 'Giá trị không đúng dạng.',
      name: 'Giá trị không đúng dạng.',
      level: 'Giá trị không đúng dạng.'
    })
  })

  it('an edit keys its fields as the form names them, without "fields."', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const r = await dispatch(ctx, 'units:update', { id: 1, fields: { name: 7 } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.error.fields ?? {})).not.toContain('fields.name')
    expect(r.error.message).not.toMatch(ENGLISH_WORDS)
  })
})
