// The units part of the contract. The tree of party organisations (tổ chức đảng).

import type { ListsAll } from './common'
import type { UnitSignerSetting } from '../unit-signer'

export type { UnitSignerSetting }

export interface Unit {
  id: number
  parentId: number | null
  name: string
  /** Free level label: Tỉnh ủy, Huyện ủy, Đảng ủy cơ sở, Đảng bộ bộ phận, Chi bộ … */
  level: string
  /** ISO date when the unit stopped existing (merged, dissolved); null while active. */
  retiredOn: string | null
  /** People currently on the rolls of this unit itself (not its subunits). */
  peopleCount: number
  /** Who signs its documents, as the office set it (nulls: the default of its level). */
  signer: UnitSignerSetting
}

export interface UnitHistoryEntry {
  at: string
  change:
    | 'created'
    | 'renamed'
    | 'relabelled'
    | 'moved'
    | 'retired'
    | 'restored'
    | 'merged_into'
    | 'merged_from'
    | 'signer'
  /** Vietnamese description of the change, ready to show. */
  text: string
}

export interface UnitCreateInput {
  parentId: number | null
  name: string
  level: string
  /** Who signs its documents; left out, the default of its level. */
  signer?: UnitSignerSetting
}

export interface UnitUpdateInput {
  id: number
  name?: string
  level?: string
  /** Who signs the unit's documents; a null part (or blank text) goes back to the level's default. */
  signer?: UnitSignerSetting
}

/** Merging one unit into another: the duplicate a mistyped chi bộ name creates. */
export interface UnitMergeInput {
  /** The unit that goes away (retired with a note). */
  id: number
  /** The unit that receives its people and records. */
  intoId: number
  /** ISO day of the merge; today when left out. */
  on?: string
}

export interface UnitMergeResult {
  unit: Unit
  into: Unit
  /** How many rows of each kind moved to the receiving unit. */
  moved: {
    people: number
    commitments: number
    reviews: number
    templates: number
    ratings: number
    sessions: number
    points: number
  }
  /** A year's commitment template both units had: the receiving unit's is kept, the other stays with the retired unit. */
  templatesKept: number
  /** The backup taken before the merge. */
  backupFile: string
}

// ---------------------------------------------------------------- channels

export interface UnitsApi {
  'units:list': { input: { includeRetired: boolean }; output: Unit[] }
  'units:create': { input: UnitCreateInput; output: Unit }
  'units:update': { input: UnitUpdateInput; output: Unit }
  'units:move': { input: { id: number; parentId: number | null }; output: Unit }
  'units:retire': { input: { id: number; on?: string }; output: Unit }
  'units:restore': { input: { id: number }; output: Unit }
  'units:history': { input: { id: number }; output: UnitHistoryEntry[] }
  'units:merge': { input: UnitMergeInput; output: UnitMergeResult }
}

export const UNITS_CHANNELS = [
  'units:list',
  'units:create',
  'units:update',
  'units:move',
  'units:retire',
  'units:restore',
  'units:history',
  'units:merge'
] as const satisfies readonly (keyof UnitsApi)[]

const _allUnitsApiListed: ListsAll<UnitsApi, typeof UNITS_CHANNELS> = true
void _allUnitsApiListed
