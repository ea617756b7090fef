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

const numberFormat = new Intl.NumberFormat('vi-VN')

export function formatNumber(n: number): string {
  return numberFormat.format(n)
}

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

/** A share in percent as "72,7%"; a dash when there is nothing to count. */
export function formatPercent(p: number | null | undefined): string {
  return p == null ? '—' : `${numberFormat.format(p)}%`
}
