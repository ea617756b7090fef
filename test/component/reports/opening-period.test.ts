// The period the Báo cáo page opens on: the working year's report that reports:duePeriod names as
// the next one due for the unit (Tổng quan's rule), not a guess of the page's own. Both kinds are
// checked, so that no day of the year lets a fixed guess pass.
import { afterEach, describe, expect, it } from 'vitest'
import { byTestId } from '../helpers'
import { dueOf, openReports } from './fixtures'

describe('the period the page opens on', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  for (const kind of ['h1', 'year'] as const)
    it(`is the ${kind} report when reports:duePeriod names it for the unit and working year`, async () => {
      const fake = await openReports({ 'reports:duePeriod': () => dueOf(kind).period })
      expect(fake.callsTo('reports:duePeriod')).toEqual([{ unitId: 1, year: 2026 }])
      expect(fake.callsTo('reports:annex')[0]).toEqual({
        unitId: 1,
        period: { kind, year: 2026 },
        useOwn: []
      })
      expect(fake.callsTo('reports:getDraft')[0]).toEqual({
        unitId: 1,
        period: { kind, year: 2026 }
      })
      expect(byTestId('report-period-kind')?.textContent).toContain(
        kind === 'h1' ? 'Sơ kết 6 tháng đầu năm 2026' : 'Tổng kết năm 2026'
      )
    })
})
