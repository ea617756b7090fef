// Printing a workbook as an office prints it: LibreOffice converts it to PDF (its own profile, so
// runs never collide), pdftotext gives each word's box, and two words whose boxes overlap by more
// than two lines of one cell do (about a sixth of a box) were printed over each other. The same
// reading as test/integration/excel/print-pdf.test.ts, for a section's own export tests.
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { tempDir } from './core'
import { SOFFICE } from './workbook'

export interface Word {
  x0: number
  y0: number
  x1: number
  y1: number
  text: string
}

export interface PdfPage {
  width: number
  height: number
  words: Word[]
}

/** Converts an .xlsx to PDF with LibreOffice; returns the PDF's path. */
export function printToPdf(xlsx: string): string {
  const out = tempDir('cd05-pdf-')
  const profile = tempDir('cd05-lo-profile-')
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      xlsx
    ],
    { timeout: 120_000, stdio: 'pipe' }
  )
  return join(out, basename(xlsx).replace(/\.xlsx$/i, '.pdf'))
}

export function pdfPages(pdf: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  const num = (tag: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)![1])
  return [...html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].map((m) => ({
    width: num(m[1], 'width'),
    height: num(m[1], 'height'),
    words: [...m[2].matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((w) => ({
      x0: num(w[1], 'xMin'),
      y0: num(w[1], 'yMin'),
      x1: num(w[1], 'xMax'),
      y1: num(w[1], 'yMax'),
      text: w[2]
    }))
  }))
}

/** Pairs of words printed over each other on one page. */
export function overprints(words: Word[]): [Word, Word][] {
  const found: [Word, Word][] = []
  const sorted = [...words].sort((a, b) => a.y0 - b.y0)
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]
    for (let j = i + 1; j < sorted.length && sorted[j].y0 < a.y1; j++) {
      const b = sorted[j]
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
      if (dx > 0.5 && dy > 0.25 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) found.push([a, b])
    }
  }
  return found
}

/** Saves the PDF's pages as PNG under test-results/screenshots/pdf/, to be looked at. */
export function savePageImages(pdf: string, name: string): void {
  const dir = resolve(__dirname, '../../test-results/screenshots/pdf')
  mkdirSync(dir, { recursive: true })
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(dir, name)])
}
