import { describe, expect, it } from 'vitest'
import { awardYearOf, pressWindow, windowWarning } from '../../../src/shared/press-window'

describe('press award window (1 November – 31 October)', () => {
  it('runs from 1/11 of the year before to 31/10', () => {
    expect(pressWindow(2026)).toEqual(['2025-11-01', '2026-10-31'])
    expect(awardYearOf('2025-10-31')).toBe(2025)
    expect(awardYearOf('2025-11-01')).toBe(2026)
  })

  it('warns only outside the window, naming both ends', () => {
    expect(windowWarning(2026, '2025-11-01')).toBeNull()
    expect(windowWarning(2026, '2026-10-31')).toBeNull()
    expect(windowWarning(2026, '2025-10-31')).toBe(
      'Tác phẩm đăng ngày 31/10/2025, ngoài thời gian xét giải năm 2026 (1/11/2025 – 31/10/2026).'
    )
    expect(windowWarning(2026, '2026-11-01')).not.toBeNull()
  })
})
