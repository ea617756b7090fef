// Which backups the "Số bản sao lưu giữ lại" limit removes, in one place so that the core that
// deletes them and the screen that asks first name the same files. The safety copies taken before
// an import, a restore or an erasure are the way back from that step: they are kept apart, the newest `keep`
// of them, and never push out the ordinary backups (nor are pushed out by them). The screen says so.

/** Reasons of the copies kept apart from the ordinary backups. */
const SAFETY_BACKUP_REASONS: readonly string[] = ['before-import', 'before-restore', 'before-erase']

const isSafetyBackup = (b: { reason: string }): boolean => SAFETY_BACKUP_REASONS.includes(b.reason)

/** The backups beyond the `keep` newest ordinary ones and the `keep` newest safety copies. */
export function backupsBeyondKeep<T extends { reason: string; createdAt: string }>(
  backups: readonly T[],
  keep: number
): T[] {
  const newestFirst = [...backups].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0
  )
  const ordinary = newestFirst.filter((b) => !isSafetyBackup(b))
  const safety = newestFirst.filter(isSafetyBackup)
  return [...ordinary.slice(keep), ...safety.slice(keep)]
}
