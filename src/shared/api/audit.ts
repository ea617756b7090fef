// The audit part of the contract: the log of what was done to the data (imports and their undo,
// exports and where they went, backups, restores, deletions, merges, bulk changes, retention and
// password settings). It is read and exported, never changed, through the contract.

import type { ListsAll } from './common'

/** Every action the log records, as its code. The password codes are written by the security
 *  feature (set, change, remove); `people.bulk` by the people list's bulk changes; `reports.*`
 *  when a sub-unit's annex is received and when a report is issued. */
export const AUDIT_ACTIONS = [
  'import.commit',
  'import.undo',
  'export',
  'backup.create',
  'backup.restore',
  'backup.keep',
  'record.delete',
  'person.erase',
  'units.merge',
  'ratings.bulk',
  'commitments.bulk',
  'people.bulk',
  'reports.receive',
  'reports.issue',
  'password.set',
  'password.change',
  'password.remove'
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** JSON-safe facts of an entry: counts, unit names, file names … never a person's fields but for
 *  the name of the one person an entry is about (scrubbed when that person is erased). */
export type AuditDetail = Record<string, string | number | boolean | null>

export interface AuditEntry {
  id: number
  /** ISO time (UTC). */
  at: string
  action: AuditAction
  /** A short Vietnamese sentence, written when the entry is. */
  description: string
  detail: AuditDetail
}

export interface AuditFilter {
  action?: AuditAction | null
  /** Whole ISO days, inclusive, in the computer's own time zone as the user reads them. */
  from?: string | null
  to?: string | null
}

export interface AuditPage {
  rows: AuditEntry[]
  total: number
}

// ---------------------------------------------------------------- channels

export interface AuditApi {
  /** Newest first. */
  'audit:list': { input: AuditFilter & { offset?: number; limit?: number }; output: AuditPage }
  /** Saves the filtered log as a party-format .xlsx; null when the user cancelled. */
  'audit:export': {
    input: AuditFilter
    output: { path: string; count: number } | null
  }
}

export const AUDIT_CHANNELS = [
  'audit:list',
  'audit:export'
] as const satisfies readonly (keyof AuditApi)[]

const _allAuditApiListed: ListsAll<AuditApi, typeof AUDIT_CHANNELS> = true
void _allAuditApiListed
