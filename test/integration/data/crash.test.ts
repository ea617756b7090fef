// A process killed in the middle of writes must leave a file that passes the integrity check
// with every acknowledged write present (WAL + synchronous=FULL + one transaction per write).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/core'

function runAndKill(dir: string, afterAcks: number, base: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../../helpers/writer.ts'), dir, String(base)],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    const acked: string[] = []
    let buffer = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4))
      if (acked.length >= afterAcks && !child.killed) child.kill('SIGKILL')
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer exited early: ${stderr}`))
    )
  })
}

describe('crash safety', () => {
  it('keeps every acknowledged write and an intact file after SIGKILL', async () => {
    const dir = tempDir()
    for (const acks of [40, 150]) {
      const acked = await runAndKill(dir, acks, 10_000_000 + acks * 1000)
      expect(acked.length).toBeGreaterThanOrEqual(acks)
      const db = new BetterSqlite3(join(dir, 'chuyen-de.sqlite'))
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const stored = new Set(
        (db.prepare('SELECT party_card_number AS c FROM people').all() as { c: string }[]).map(
          (r) => r.c
        )
      )
      const missing = acked.filter((c) => !stored.has(c))
      expect(missing).toEqual([])
      db.close()
    }
  })
})
