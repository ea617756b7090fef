import { expect, it } from 'vitest'
import { backupsBeyondKeep } from '../../../src/shared/backup-retention'

const b = (day: number, reason: string) => ({
  fileName: `${day}-${reason}`,
  reason,
  createdAt: `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`
})

it('removes the oldest ordinary backups and, apart, the oldest safety copies', () => {
  const list = [
    b(1, 'manual'),
    b(2, 'before-import'),
    b(3, 'before-migration'),
    b(4, 'manual'),
    b(5, 'before-restore'),
    b(6, 'manual')
  ]
  expect(backupsBeyondKeep(list, 1).map((x) => x.fileName)).toEqual([
    '4-manual',
    '3-before-migration',
    '1-manual',
    '2-before-import'
  ])
  expect(backupsBeyondKeep(list, 2).map((x) => x.fileName)).toEqual([
    '3-before-migration',
    '1-manual'
  ])
  expect(backupsBeyondKeep(list, 3).map((x) => x.fileName)).toEqual(['1-manual'])
  expect(backupsBeyondKeep(list, 10)).toEqual([])
})
