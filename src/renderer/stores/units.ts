import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  Unit,
  UnitCreateInput,
  UnitHistoryEntry,
  UnitMergeResult,
  UnitUpdateInput
} from '@shared/api'
import { compareUnitNames } from '@shared/vn-text'
import { call } from '../api'

export interface UnitNode {
  id: number
  unit: Unit
  children: UnitNode[]
  depth: number
  /** People on the rolls of this unit and every unit below it. */
  totalPeople: number
}

/** The tree from the flat list; a unit whose parent is not in the list becomes a root. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>()
  for (const unit of units)
    nodes.set(unit.id, { id: unit.id, unit, children: [], depth: 0, totalPeople: 0 })
  const roots: UnitNode[] = []
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const finish = (list: UnitNode[], depth: number): number => {
    list.sort((a, b) => compareUnitNames(a.unit.name, b.unit.name) || a.id - b.id)
    let sum = 0
    for (const node of list) {
      node.depth = depth
      node.totalPeople = node.unit.peopleCount + finish(node.children, depth + 1)
      sum += node.totalPeople
    }
    return sum
  }
  finish(roots, 0)
  return roots
}

/** Depth-first order, for selects that show the tree as an indented list. */
function flattenTree(roots: readonly UnitNode[]): UnitNode[] {
  const out: UnitNode[] = []
  const walk = (list: readonly UnitNode[]) => {
    for (const node of list) {
      out.push(node)
      walk(node.children)
    }
  }
  walk(roots)
  return out
}

export const useUnitsStore = defineStore('units', () => {
  const units = ref<Unit[]>([])
  const includeRetired = ref(false)
  const selectedId = ref<number | null>(null)
  const history = ref<UnitHistoryEntry[]>([])

  const tree = computed(() => buildUnitTree(units.value))
  const ordered = computed(() => flattenTree(tree.value))
  const byId = computed(() => new Map(units.value.map((u) => [u.id, u])))
  const selected = computed(() =>
    selectedId.value === null ? null : (byId.value.get(selectedId.value) ?? null)
  )

  /** The unit itself and everything below it: never valid as its new parent. */
  function subtreeIds(id: number): Set<number> {
    const ids = new Set<number>([id])
    let grew = true
    while (grew) {
      grew = false
      for (const u of units.value) {
        if (u.parentId !== null && ids.has(u.parentId) && !ids.has(u.id)) {
          ids.add(u.id)
          grew = true
        }
      }
    }
    return ids
  }

  async function load(): Promise<void> {
    units.value = await call('units:list', { includeRetired: includeRetired.value })
    if (selectedId.value !== null && !byId.value.has(selectedId.value)) selectedId.value = null
  }

  async function setIncludeRetired(value: boolean): Promise<void> {
    includeRetired.value = value
    await load()
  }

  /** Views that show the history load it when the selection changes (the people view doesn't). */
  function select(id: number | null): void {
    if (selectedId.value !== id) history.value = []
    selectedId.value = id
  }

  async function loadHistory(): Promise<void> {
    const id = selectedId.value
    if (id === null) return
    const entries = await call('units:history', { id })
    // The user may have clicked elsewhere while this was loading.
    if (selectedId.value === id) history.value = entries
  }

  /** Every change reloads the list: counts and the tree shape come from the core. */
  async function afterChange(unit: Unit): Promise<Unit> {
    await load()
    if (selectedId.value === unit.id) await loadHistory()
    return unit
  }

  async function create(input: UnitCreateInput): Promise<Unit> {
    const unit = await call('units:create', input)
    await afterChange(unit)
    select(unit.id)
    return unit
  }

  const update = async (input: UnitUpdateInput) => afterChange(await call('units:update', input))
  const move = async (id: number, parentId: number | null) =>
    afterChange(await call('units:move', { id, parentId }))
  const retire = async (id: number, on?: string) =>
    afterChange(await call('units:retire', { id, on }))
  const restore = async (id: number) => afterChange(await call('units:restore', { id }))

  /** Merges `id` into `intoId`; the merged unit is retired, the receiving one selected. */
  async function merge(id: number, intoId: number, on?: string): Promise<UnitMergeResult> {
    const result = await call('units:merge', { id, intoId, on })
    await load()
    select(intoId)
    await loadHistory()
    return result
  }

  return {
    units,
    includeRetired,
    selectedId,
    history,
    tree,
    ordered,
    byId,
    selected,
    subtreeIds,
    load,
    setIncludeRetired,
    select,
    loadHistory,
    create,
    update,
    move,
    retire,
    restore,
    merge
  }
})
