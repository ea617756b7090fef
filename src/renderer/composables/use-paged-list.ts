// A long list the core hands out a page at a time (tens of thousands of rows would not fit one
// answer): the page shown, where it starts and how many there are in all. `fetch` gets the
// offset of the wanted page and what else the caller asks with (a filter); null means the answer
// no longer matters (cancelled or overtaken), and the page shown stays.

import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'

export interface Page<T> {
  items: T[]
  total: number
}

export interface PagedList<T, Q> {
  items: ShallowRef<T[]>
  total: Ref<number>
  /** Index of the first item shown, in the whole list. */
  offset: Ref<number>
  /** Asks for the page starting at `offset`; false when the answer came to nothing. */
  load: (offset: number, query: Q) => Promise<boolean>
  /** Shows a page that came with another answer (e.g. the first page of a fresh preview). */
  show: (page: Page<T>, offset: number) => void
  clear: () => void
}

export function usePagedList<T, Q = void>(
  fetch: (offset: number, query: Q) => Promise<Page<T> | null>
): PagedList<T, Q> {
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const offset = ref(0)

  function show(p: Page<T>, at: number): void {
    items.value = p.items
    total.value = p.total
    offset.value = at
  }

  function clear(): void {
    show({ items: [], total: 0 }, 0)
  }

  async function load(at: number, query: Q): Promise<boolean> {
    const p = await fetch(at, query)
    if (!p) return false
    show(p, at)
    return true
  }

  return { items, total, offset, load, show, clear }
}
