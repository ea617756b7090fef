// Reading back the workbooks the app writes: a cell as the text a user sees, and a round trip
// through LibreOffice, as a user's office suite would open and re-save the file.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import { expect } from 'vitest'
import { tempDir } from './core'

export const SOFFICE = '/usr/bin/soffice'

export const cellText = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'object' && 'richText' in v
      ? v.richText.map((r) => r.text).join('')
      : String(v)

/** Converts with LibreOffice into a fresh folder (its own profile, so runs never collide). */
export function viaLibreOffice(path: string): string {
  const out = tempDir('cd05-soffice-')
  const profile = tempDir('cd05-lo-profile-')
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      out,
      path
    ],
    { timeout: 120_000, stdio: 'pipe' }
  )
  const converted = join(out, path.split('/').pop()!)
  expect(existsSync(converted)).toBe(true)
  return converted
}
