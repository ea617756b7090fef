// The audit log cannot be edited from the UI: the contract has only its two read/export channels,
// and nothing in the source changes or removes its rows, but erasure's one scrubbing statement.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, it } from 'vitest'
import { AUDIT_CHANNELS, CHANNELS } from '../../../src/shared/api'

const SRC = join(__dirname, '../../../src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

it('offers exactly audit:list and audit:export, and no other channel names the log', () => {
  expect([...AUDIT_CHANNELS]).toEqual(['audit:list', 'audit:export'])
  expect(CHANNELS.filter((c) => /audit/i.test(c))).toEqual(['audit:list', 'audit:export'])
})

it('changes or removes audit rows nowhere but in erasure, and adds them only through audit()', () => {
  const writes: string[] = []
  const inserts: string[] = []
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8')
    const where = relative(SRC, file)
    for (const m of text.matchAll(
      /\b(UPDATE|DELETE\s+FROM|REPLACE\s+INTO|INSERT\s+OR\s+REPLACE\s+INTO|DROP\s+TABLE|ALTER\s+TABLE)\s+"?audit_log\b/gi
    ))
      writes.push(`${where}: ${m[1].toUpperCase()}`)
    for (const m of text.matchAll(/\bINSERT\s+INTO\s+"?audit_log\b/gi))
      inserts.push(`${where}: ${m[0]}`)
  }
  // The scrub: entries about the erased person keep their action and time, lose who and what.
  expect(writes).toEqual(['core/people/erase.ts: UPDATE'])
  expect(inserts).toEqual(['core/audit/audit.ts: INSERT INTO audit_log'])
})
