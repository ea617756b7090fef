import { describe, expect, it } from 'vitest'
import { normaliseItems } from '../../../src/core/commitments/items'
import { isAsked, periodLabel, stateOf } from '../../../src/core/commitments/scope'
import { defaultTemplateItems } from '../../../src/core/commitments/templates'
import { COMMITMENT_RESULT_LABELS } from '../../../src/shared/labels'
import { COMMITMENT_RESULTS, type CommitmentItem } from '../../../src/shared/api'

const item = (
  heading: CommitmentItem['heading'],
  content: string,
  extra: Partial<CommitmentItem> = {}
): CommitmentItem => ({
  heading,
  content,
  tasks: null,
  measures: null,
  deadline: null,
  expected: null,
  ...extra
})

describe('commitments: pure rules', () => {
  it('asks everyone on the rolls but the exempt', () => {
    expect(isAsked('active')).toBe(true)
    expect(isAsked('suspended')).toBe(true)
    expect(isAsked('temporary')).toBe(true)
    expect(isAsked('exempt')).toBe(false)
    expect(isAsked('transferred')).toBe(false)
    expect(stateOf('exempt', false)).toBe('not_asked')
    expect(stateOf('exempt', true)).toBe('made')
    expect(stateOf('active', false)).toBe('missing')
  })

  it('names the period of a review', () => {
    expect(periodLabel('monthly', '2024-05-10')).toBe('Tháng 05/2024')
    expect(periodLabel('quarterly', '2024-03-31')).toBe('Quý I/2024')
    expect(periodLabel('quarterly', '2024-12-01')).toBe('Quý IV/2024')
  })

  it('cleans items, drops blank rows, keeps the printed order and line breaks', () => {
    const out = normaliseItems([
      item('breakthrough', 'Đột  phá'),
      item('duty', ''),
      item('politics', 'Cu\u0309a tôi', {
        tasks: '  dòng 1 \r\n  dòng 2  ',
        deadline: '  Cả   năm '
      })
    ])
    expect(out.map((i) => i.heading)).toEqual(['politics', 'breakthrough'])
    expect(out[0]).toMatchObject({
      content: 'Của tôi',
      tasks: 'dòng 1\ndòng 2',
      deadline: 'Cả năm'
    })
    expect(out[1].content).toBe('Đột phá')
    expect(() => normaliseItems([item('ethics', ' ', { expected: 'x' })])).toThrow(
      /chưa ghi nội dung cam kết/
    )
  })

  it('suggests the usual headings with the year topic, and three result labels', () => {
    const d = defaultTemplateItems(2024, 'Chủ đề X')
    expect(d.find((i) => i.heading === 'topic')!.content).toContain('Chuyên đề năm 2024 "Chủ đề X"')
    expect(COMMITMENT_RESULTS.map((r) => COMMITMENT_RESULT_LABELS[r])).toEqual([
      'Hoàn thành tốt',
      'Hoàn thành',
      'Không hoàn thành'
    ])
  })
})
