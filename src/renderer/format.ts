// How values look to users: Vietnamese number and date formats.

import { displayPartialDate } from '@shared/partial-date'

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO timestamp as dd/mm/yyyy HH:mm in the computer's local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

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
