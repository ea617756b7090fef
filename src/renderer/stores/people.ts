import { defineStore } from 'pinia'
import { useUnitsStore } from './units'
import { computed, reactive, ref, shallowRef } from 'vue'
import {
  LEFT_STATUSES,
  PERSON_STATUSES,
  type PeopleFilter,
  type PeopleListInput,
  type PeopleMoveResult,
  type PeopleSelection,
  type PeopleStatusManyResult,
  type Person,
  type PersonFields,
  type PersonKind,
  type PersonRow,
  type PersonStatus,
  type PersonEraseResult,
  type PersonRecordCount,
  type PersonStatusEntry,
  type PersonStatusInput
} from '@shared/api'
import { foldVietnamese } from '@shared/vn-text'
import { call } from '../api'

/** Everyone still on the rolls: the default view of the list. */
export const ON_ROLL_STATUSES: PersonStatus[] = PERSON_STATUSES.filter(
  (s) => !LEFT_STATUSES.includes(s)
)

export const PAGE_SIZE = 200

/** Stands in for a row not fetched yet, so the table knows its full height from the start. */
export interface PendingRow {
  id: string
  pending: true
}
export type PeopleSlot = PersonRow | PendingRow

export const isPending = (row: PeopleSlot): row is PendingRow => 'pending' in row

export interface PeopleFilters {
  /** null: the whole organisation. */
  unitId: number | null
  includeSubunits: boolean
  /** As typed; folded before it is sent. */
  q: string
  /** Empty: every status. */
  statuses: PersonStatus[]
  kind: PersonKind | null
}

/**
 * The list's filter as the core reads it: the search text folded and trimmed. The list, "select
 * everyone the filter finds" and the export all send this one object.
 */
function listFilter(f: PeopleFilters): PeopleFilter {
  const input: PeopleFilter = { unitId: f.unitId, includeSubunits: f.includeSubunits }
  const q = foldVietnamese(f.q)
  if (q) input.q = q
  // Always sent: the core reads "no statuses" as "those on the rolls", and the filter's empty
  // choice ("Tất cả trạng thái") means everyone, those who left included.
  input.statuses = f.statuses.length > 0 ? [...f.statuses] : [...PERSON_STATUSES]
  if (f.kind) input.kind = f.kind
  return input
}

function listInput(f: PeopleFilters, offset: number, limit: number): PeopleListInput {
  return { ...listFilter(f), offset, limit }
}

export const usePeopleStore = defineStore('people', () => {
  const filters = reactive<PeopleFilters>({
    unitId: null,
    includeSubunits: true,
    q: '',
    statuses: [...ON_ROLL_STATUSES],
    kind: null
  })
  const total = ref(0)
  // Replaced as a whole when a page arrives: the virtual table re-renders on a new array,
  // and deep reactivity over 50,000 rows would cost more than it gives.
  const rows = shallowRef<PeopleSlot[]>([])
  const loading = ref(false)

  // Pages fetched or in flight for the current query; a new query bumps the generation so
  // late answers to an old query are dropped.
  let generation = 0
  let requested = new Set<number>()
  let lastRange: [number, number] = [0, PAGE_SIZE]

  function applyPage(offset: number, page: PersonRow[]): void {
    const next = rows.value.slice()
    page.forEach((row, i) => {
      if (offset + i < next.length) next[offset + i] = row
    })
    rows.value = next
  }

  async function fetchPage(page: number, gen: number): Promise<void> {
    const offset = page * PAGE_SIZE
    const out = await call('people:list', listInput(filters, offset, PAGE_SIZE))
    if (gen !== generation) return
    if (out.total !== total.value) {
      // The list changed under us (another edit): start over rather than show a torn list.
      await reload()
      return
    }
    applyPage(offset, out.rows)
  }

  /** Runs the current query from the top, then fills whatever range the table last showed. */
  async function reload(): Promise<void> {
    const gen = ++generation
    requested = new Set([0])
    loading.value = true
    try {
      const out = await call('people:list', listInput(filters, 0, PAGE_SIZE))
      if (gen !== generation) return
      total.value = out.total
      rows.value = Array.from(
        { length: out.total },
        (_, i): PeopleSlot => out.rows[i] ?? { id: `pending-${i}`, pending: true }
      )
    } finally {
      if (gen === generation) loading.value = false
    }
    await ensureRange(lastRange[0], lastRange[1])
  }

  /** Called as the table scrolls: fetch the pages that cover rows [start, end). */
  async function ensureRange(start: number, end: number): Promise<void> {
    lastRange = [start, end]
    const gen = generation
    const last = Math.min(end, total.value) - 1
    const wanted: Promise<void>[] = []
    for (let page = Math.floor(Math.max(start, 0) / PAGE_SIZE); page * PAGE_SIZE <= last; page++) {
      if (requested.has(page)) continue
      requested.add(page)
      wanted.push(
        fetchPage(page, gen).catch((e) => {
          requested.delete(page)
          throw e
        })
      )
    }
    await Promise.all(wanted)
  }

  // ---------------------------------------------------------- selection for bulk actions
  /** Ticked rows, by id. */
  const ticked = ref<ReadonlySet<number>>(new Set())
  /** Everyone the filter finds, on every page (the core reads them with the list's query). */
  const allByFilter = ref(false)
  const selectedCount = computed(() => (allByFilter.value ? total.value : ticked.value.size))

  function tick(id: number, on: boolean): void {
    const next = new Set(ticked.value)
    if (on) next.add(id)
    else next.delete(id)
    ticked.value = next
  }
  function selectAllByFilter(): void {
    allByFilter.value = true
    ticked.value = new Set()
  }
  function clearSelection(): void {
    allByFilter.value = false
    ticked.value = new Set()
  }
  /** The selection as the bulk channels take it; null when nobody is selected. */
  function selection(): PeopleSelection | null {
    if (allByFilter.value) return total.value > 0 ? { filter: listFilter(filters) } : null
    return ticked.value.size > 0 ? { ids: [...ticked.value] } : null
  }

  async function move(unitId: number): Promise<PeopleMoveResult> {
    const sel = selection()
    if (!sel) throw new Error('Chưa chọn người nào.')
    const r = await call('people:move', { selection: sel, unitId })
    clearSelection()
    await afterChange()
    return r
  }

  async function setStatusMany(
    input: Omit<PersonStatusInput, 'id'>
  ): Promise<PeopleStatusManyResult> {
    const sel = selection()
    if (!sel) throw new Error('Chưa chọn người nào.')
    const r = await call('people:setStatusMany', { selection: sel, ...input })
    clearSelection()
    await afterChange()
    return r
  }

  /** The people selected, or when nobody is the whole list as filtered; null when cancelled. */
  function exportList(place?: string): Promise<{ path: string; rows: number } | null> {
    return call('people:export', {
      selection: selection() ?? { filter: listFilter(filters) },
      ...(place ? { place } : {})
    })
  }

  async function setFilters(patch: Partial<PeopleFilters>): Promise<void> {
    Object.assign(filters, patch)
    // A selection belongs to the list it was made on.
    clearSelection()
    lastRange = [0, PAGE_SIZE]
    await reload()
  }

  /** How many people match, without fetching rows (for the overview). */
  async function count(f: Partial<PeopleFilters>): Promise<number> {
    const all: PeopleFilters = {
      unitId: null,
      includeSubunits: true,
      q: '',
      statuses: [],
      kind: null,
      ...f
    }
    return (await call('people:list', listInput(all, 0, 1))).total
  }

  const get = (id: number): Promise<Person> => call('people:get', { id })
  const statusHistory = (id: number): Promise<PersonStatusEntry[]> =>
    call('people:statusHistory', { id })

  /** After a change: the list, and the people counts shown in the unit tree. */
  async function afterChange(): Promise<void> {
    await Promise.all([reload(), useUnitsStore().load()])
  }

  async function create(fields: PersonFields): Promise<Person> {
    const person = await call('people:create', fields)
    await afterChange()
    return person
  }

  async function update(id: number, fields: PersonFields): Promise<Person> {
    const person = await call('people:update', { id, fields })
    await afterChange()
    return person
  }

  async function setStatus(input: PersonStatusInput): Promise<Person> {
    const person = await call('people:setStatus', input)
    await afterChange()
    return person
  }

  const listRecords = (id: number): Promise<PersonRecordCount[]> =>
    call('people:listRecords', { id })

  async function erase(id: number, withRecords: boolean): Promise<PersonEraseResult> {
    const result = await call('people:erase', { id, withRecords })
    await afterChange()
    return result
  }

  return {
    filters,
    total,
    rows,
    loading,
    reload,
    ensureRange,
    setFilters,
    count,
    get,
    statusHistory,
    create,
    update,
    setStatus,
    listRecords,
    erase,
    ticked,
    allByFilter,
    selectedCount,
    tick,
    selectAllByFilter,
    clearSelection,
    move,
    setStatusMany,
    exportList
  }
})
