// Small helpers for reading command-line options into channel inputs.
import { readUserDate } from '../shared/partial-date'
import { CliRefusal } from './output'

export type Options = Record<string, string | boolean | undefined>

export function text(opts: Options, name: string): string | undefined {
  const v = opts[name]
  return typeof v === 'string' ? v : undefined
}

export function required(opts: Options, name: string): string {
  const v = text(opts, name)
  if (v === undefined || v.trim() === '') throw new CliRefusal('USAGE', `Thiếu tùy chọn --${name}.`)
  return v
}

/** A date as users type it (dd/mm/yyyy, mm/yyyy, yyyy or ISO). */
export function date(opts: Options, name: string): string | null {
  const v = text(opts, name)
  if (v === undefined) return null
  const d = readUserDate(v)
  if (d === null)
    throw new CliRefusal(
      'VALIDATION',
      `--${name}: ngày "${v}" không hợp lệ (dùng dd/mm/yyyy, mm/yyyy hoặc yyyy).`
    )
  return d
}

export function positiveInt(opts: Options, name: string): number | undefined {
  const v = text(opts, name)
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < 1)
    throw new CliRefusal('USAGE', `--${name} phải là số nguyên dương.`)
  return Number(v)
}
