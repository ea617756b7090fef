// import:commit (backup first, then one transaction; or, as a dry run, only what it would do),
// import:history and import:undo.
import type {
  ImportCommitInput,
  ImportRecord,
  ImportSummary,
  ImportUndoResult
} from '../../shared/api'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import { audit } from '../audit/audit'
import { createBackup } from '../backup/backups'
import { inTransaction } from '../db/connection'
import { backupKeep } from '../settings'
import { headerSignature } from './headers'
import { applyPlan, checkUndo, listImports, saveMapping, undoImport } from './history'
import type { Plan } from './plan'
import { allProblems, effectiveFields, ensureDrafts, planFor, planNow } from './preview'
import { exclusive } from './sessions'

function summaryOf(
  fileName: string,
  plan: Plan,
  importId: number | null,
  backup: string | null,
  applied?: {
    created: number
    updated: number
    unchanged: number
    skipped: number
    unitsCreated: number
  }
): ImportSummary {
  const c = plan.counts
  return {
    importId,
    fileName,
    created: applied?.created ?? c.create,
    updated: applied?.updated ?? c.update,
    unchanged: applied?.unchanged ?? c.unchanged,
    skipped: applied?.skipped ?? c.skip,
    unitsCreated: applied?.unitsCreated ?? c.unitsCreated,
    errors: allProblems(plan).filter((p) => p.severity === 'error'),
    warnings: plan.problems.filter((p) => p.severity === 'warning'),
    backup
  }
}

/** Test seam: runs inside the commit's transaction after the writes, before it ends. */
export const commitHooks: { afterWrites: null | (() => void) } = { afterWrites: null }

/**
 * Commit and cancel. Reading, checking and matching run in slices and can be cancelled; the write
 * itself (backup, then one transaction) runs synchronously, start to end, once all of that is done.
 * Writing in slices would need one transaction held open across pauses of the event loop: every
 * other write of the core (db.transaction) would then fail or have to be refused, reads on the same
 * connection would see the half-written import, and a backup taken meanwhile would hold it. Kept
 * whole, the write cannot be interleaved and cannot be left half-done; the price is that a cancel
 * is honoured only before it starts (the wizard says so), and that the window waits for it (about
 * a second for 50,000 new people; milliseconds for a usual list).
 */
export async function commitImport(
  ctx: CoreContext,
  input: ImportCommitInput
): Promise<ImportSummary> {
  const s = ctx.imports.get(input.sessionId)
  return exclusive(s, async (job) => {
    await ensureDrafts(ctx, s, input, job)
    const plan = await planFor(ctx, s, input, job)
    if (plan.blockers.length > 0)
      throw new CoreError('IMPORT_BLOCKED', `Chưa nhập được: ${plan.blockers.join(' ')}`)
    // A dry run (the CLI's --dry-run) stops here, the session kept for a real commit.
    if (input.dryRun) return summaryOf(s.fileName, plan, null, null)
    // The last moment a cancel is honoured: from here to the end of the transaction nothing awaits.
    job.throwIfCancelled()
    const writes = plan.counts.create + plan.counts.update + plan.counts.unitsCreated > 0
    job.begin('writing', null, 'Đang sao lưu rồi ghi vào dữ liệu…')
    const backup = writes
      ? createBackup(ctx.db, ctx.backupDir, 'before-import', backupKeep(ctx.db)).fileName
      : null
    const applied = inTransaction(ctx.db, () => {
      // The backup does not write; anything else since the plan means it is worked out again.
      const fresh = planNow(ctx, s, input)
      if (fresh.blockers.length > 0)
        throw new CoreError('IMPORT_BLOCKED', `Chưa nhập được: ${fresh.blockers.join(' ')}`)
      const result = applyPlan(ctx.db, fresh, { name: s.fileName, path: s.path, backup })
      const { included, fields, views } = effectiveFields(s, input)
      for (const i of included) {
        const layout = views[i].layout
        saveMapping(ctx.db, layout.signature || headerSignature(layout.labels), fields[i])
      }
      audit(ctx.db, {
        action: 'import.commit',
        detail: {
          importId: result.importId,
          file: s.fileName,
          created: result.created,
          updated: result.updated,
          unitsCreated: result.unitsCreated,
          backup
        }
      })
      commitHooks.afterWrites?.()
      return { result, plan: fresh }
    })
    // The wizard is done with this file: free its memory (a 50,000-row grid is large).
    ctx.imports.close(s.id)
    return summaryOf(s.fileName, applied.plan, applied.result.importId, backup, applied.result)
  })
}

export function importHistory(ctx: CoreContext): ImportRecord[] {
  return listImports(ctx.db)
}

export function undoImportById(ctx: CoreContext, importId: number): ImportUndoResult {
  checkUndo(ctx.db, importId)
  createBackup(ctx.db, ctx.backupDir, 'before-import', backupKeep(ctx.db))
  return inTransaction(ctx.db, () => {
    const undone = undoImport(ctx.db, importId)
    const file = ctx.db
      .prepare('SELECT file_name FROM imports WHERE id = ?')
      .pluck()
      .get(importId) as string
    audit(ctx.db, { action: 'import.undo', detail: { ...undone, file } })
    return undone
  })
}
