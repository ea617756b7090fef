// Reading a PDF the way the print tests check it: each page's size and its words with their
// boxes (pdftotext -bbox-layout), words printed over each other, and a conversion to PDF by
// LibreOffice with a private profile (so runs never collide).
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { tempDir } from './core'
import { SOFFICE } from './workbook'

/** LibreOffice and poppler are installed: the print checks can run. */
export const printTools =
  existsSync(SOFFICE) &&
  ['pdftotext', 'pdftoppm'].every((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' })
      return true
    } catch {
      return false
    }
  })

/** Converts the files to PDF into `outDir` in one LibreOffice call. */
export function convertToPdf(files: string[], outDir: string): void {
  const profile = tempDir('cd05-lo-profile-')
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...files
      ],
      { timeout: 180_000, stdio: 'pipe' }
    )
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

export interface Word {
  x0: number
  y0: number
  x1: number
  y1: number
  text: string
}
export interface Page {
  width: number
  height: number
  words: Word[]
}

/** Pages and their words from pdftotext's bounding-box HTML. */
export function pagesOf(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  const pages: Page[] = []
  const num = (tag: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)![1])
  for (const m of html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const words: Word[] = []
    for (const w of m[2].matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)) {
      words.push({
        x0: num(w[1], 'xMin'),
        y0: num(w[1], 'yMin'),
        x1: num(w[1], 'xMax'),
        y1: num(w[1], 'yMax'),
        text: w[2]
      })
    }
    pages.push({ width: num(m[1], 'width'), height: num(m[1], 'height'), words })
  }
  return pages
}

/**
 * Pairs of words whose boxes overlap. A word's box spans the font's whole ascent and descent
 * (about 1.18 of the line pitch LibreOffice sets), so two lines of one cell overlap by about a
 * sixth of a box: that much is allowed. A line printed over another (text run over the next
 * row) overlaps by more, and words side by side overlap by nothing.
 */
export function overlaps(words: Word[]): [Word, Word][] {
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

export const A4 = { portrait: [595, 842], landscape: [842, 595] } as const
