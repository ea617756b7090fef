// How values look to users: Vietnamese number and date formats.

import { displayDateTime, displayPartialDate } from '@shared/partial-date'

/** An ISO timestamp as dd/mm/yyyy HH:mm in the computer's local time. */
export const formatDateTime = displayDateTime

/** A date (partial, dd/mm/yyyy) or a timestamp (with time), whichever the value is. */
export function formatWhen(value: string): string {
  return value.length > 10 ? formatDateTime(value) : displayPartialDate(value)
}

// Numbers and shares are written alike on screen, in the CLI and in printed sheets.
export { formatNumber, formatPercent } from '@shared/numbers'

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let i = 0
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024
    i++
  }
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value)} ${units[i]}`
}
