// A full disk, for real: the core runs in a child process inside its own mount namespace on a
// 12 MB tmpfs (the mount disappears with the process). Needs root or user namespaces with
// mount rights (CI containers run as root); elsewhere the test says why it is skipped.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/core'

function inSmallDisk(
  script: string,
  sizeMb: number
): { status: number | null; stdout: string; stderr: string } {
  const mnt = tempDir('cd05-full-')
  const cmd = `mount -t tmpfs -o size=${sizeMb}m tmpfs '${mnt}' && exec "${process.execPath}" --import tsx '${script}' '${mnt}'`
  const r = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', cmd], {
    cwd: join(__dirname, '../../..'),
    encoding: 'utf8',
    timeout: 120_000
  })
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' }
}

const canMount =
  process.platform === 'linux' &&
  spawnSync('unshare', [
    '--mount',
    '--propagation',
    'private',
    'sh',
    '-c',
    `mount -t tmpfs -o size=1m tmpfs '${tempDir()}'`
  ]).status === 0

describe('a full disk', () => {
  it.skipIf(!canMount)(
    'after a write fails on a full disk, the next backup reclaims the WAL and succeeds; a truly full disk is told in Vietnamese',
    () => {
      const r = inSmallDisk(join(__dirname, '../../helpers/disk-full-child.ts'), 12)
      expect(r.status, r.stderr).toBe(0)
      const seen = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
        writeError: string
        walAfterFailure: number
        walAfterBackup: number
        first: { ok: boolean }
        filled: number
        whileFull: { ok: boolean; error?: { code: string; message: string } }
        afterFreeing: { ok: boolean }
        partialsLeft: string[]
      }
      expect(seen.writeError).toBe('SQLITE_FULL')
      // The failed write left megabytes of dead frames in the WAL...
      expect(seen.walAfterFailure).toBeGreaterThan(4 * 1024 * 1024)
      // ...which the backup folded in and cut back, instead of failing until the app closes (what
      // is left is the audit log's entry for the backup, written after it: a page or two).
      expect(seen.first.ok).toBe(true)
      expect(seen.walAfterBackup).toBeLessThan(64 * 1024)
      expect(seen.filled).toBeGreaterThan(0)
      expect(seen.whileFull).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } })
      expect(seen.whileFull.error!.message).toMatch(/ổ đĩa đã đầy/)
      expect(seen.whileFull.error!.message).not.toMatch(/SQLITE|disk/i)
      expect(seen.afterFreeing.ok).toBe(true)
      expect(seen.partialsLeft).toEqual([])
    },
    120_000
  )
})
