import { describe, expect, it } from 'vitest'
import { usePagedList } from '@renderer/composables/use-paged-list'

describe('usePagedList', () => {
  it('shows the page asked for with its query, and keeps the page shown when an answer comes to nothing', async () => {
    const all = Array.from({ length: 7 }, (_, i) => i + 1)
    const asked: [number, string][] = []
    let drop = false
    const list = usePagedList<number, 'odd' | 'all'>(async (offset, query) => {
      asked.push([offset, query])
      if (drop) return null
      const items = query === 'odd' ? all.filter((n) => n % 2 === 1) : all
      return { items: items.slice(offset, offset + 3), total: items.length }
    })

    expect(await list.load(3, 'all')).toBe(true)
    expect([list.items.value, list.total.value, list.offset.value]).toEqual([[4, 5, 6], 7, 3])
    expect(await list.load(0, 'odd')).toBe(true)
    expect([list.items.value, list.total.value, list.offset.value]).toEqual([[1, 3, 5], 4, 0])

    drop = true
    expect(await list.load(3, 'odd')).toBe(false)
    expect([list.items.value, list.total.value, list.offset.value]).toEqual([[1, 3, 5], 4, 0])
    expect(asked).toEqual([
      [3, 'all'],
      [0, 'odd'],
      [3, 'odd']
    ])

    list.clear()
    expect([list.items.value, list.total.value, list.offset.value]).toEqual([[], 0, 0])
  })
})
