// Text longer than a field takes is refused with a sentence on that field, never cut to fit (the
// page no longer limits what is typed or pasted, so this is the answer the user sees).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../helpers/core'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.dispose())

describe('text too long for its field', () => {
  it('is refused on the field, with its length and the limit, and nothing is saved', async () => {
    const e = await t.refuse('study:saveTopic', {
      year: 2030,
      title: 'Chủ đề',
      planNumber: '1'.repeat(150),
      planDate: null,
      note: null
    })
    expect(e.code).toBe('VALIDATION')
    expect(e.fields).toEqual({
      planNumber: 'Dài 150 ký tự, quá mức tối đa 100 ký tự: hãy rút gọn.'
    })
    const topics = await t.call('study:listTopics', null)
    expect(topics.find((x) => x.year === 2030)).toBeUndefined()
  })
})
