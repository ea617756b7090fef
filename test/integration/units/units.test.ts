import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.dispose())

async function tree() {
  const province = await t.call('units:create', {
    parentId: null,
    name: 'Tỉnh ủy Tây Ninh',
    level: 'Tỉnh ủy'
  })
  const district = await t.call('units:create', {
    parentId: province.id,
    name: 'Huyện ủy Châu Thành',
    level: 'Huyện ủy'
  })
  const commune = await t.call('units:create', {
    parentId: district.id,
    name: 'Đảng ủy xã Thái Bình',
    level: 'Đảng ủy cơ sở'
  })
  const cell = await t.call('units:create', {
    parentId: commune.id,
    name: 'Chi bộ ấp 3',
    level: 'Chi bộ'
  })
  return { province, district, commune, cell }
}

describe('units', () => {
  it('builds a tree of any depth and lists it parent-first', async () => {
    const { province, cell } = await tree()
    const units = await t.call('units:list', { includeRetired: false })
    expect(units.map((u) => u.name)).toEqual([
      'Tỉnh ủy Tây Ninh',
      'Huyện ủy Châu Thành',
      'Đảng ủy xã Thái Bình',
      'Chi bộ ấp 3'
    ])
    expect(units[0].id).toBe(province.id)
    expect(cell.level).toBe('Chi bộ')
  })

  it('lists siblings by name as the tree on screen shows them ("Chi bộ 2" before "Chi bộ 10"), after renames and moves too', async () => {
    const { commune } = await tree()
    // Created out of order, with more than nine siblings: ids as text would put 10–12 before 2.
    const ids: Record<string, number> = {}
    for (const n of [12, 1, 10, 2, 11, 3, 4, 5, 6, 7, 8, 9]) {
      ids[n] = (
        await t.call('units:create', { parentId: commune.id, name: `Chi bộ ${n}`, level: 'Chi bộ' })
      ).id
    }
    const cells = async () =>
      (await t.call('units:list', { includeRetired: false }))
        .filter((u) => u.parentId === commune.id)
        .map((u) => u.name)
    expect(await cells()).toEqual([
      'Chi bộ 1',
      'Chi bộ 2',
      'Chi bộ 3',
      'Chi bộ 4',
      'Chi bộ 5',
      'Chi bộ 6',
      'Chi bộ 7',
      'Chi bộ 8',
      'Chi bộ 9',
      'Chi bộ 10',
      'Chi bộ 11',
      'Chi bộ 12',
      'Chi bộ ấp 3'
    ])

    await t.call('units:update', { id: ids[1], name: 'Chi bộ 13' })
    await t.call('units:move', { id: ids[12], parentId: null })
    const all = (await t.call('units:list', { includeRetired: false })).map((u) => u.name)
    // Roots by name as well ("Chi bộ 12" before "Tỉnh ủy …"), each parent before its units.
    expect(all.slice(0, 4)).toEqual([
      'Chi bộ 12',
      'Tỉnh ủy Tây Ninh',
      'Huyện ủy Châu Thành',
      'Đảng ủy xã Thái Bình'
    ])
    expect(await cells()).toEqual([
      'Chi bộ 2',
      'Chi bộ 3',
      'Chi bộ 4',
      'Chi bộ 5',
      'Chi bộ 6',
      'Chi bộ 7',
      'Chi bộ 8',
      'Chi bộ 9',
      'Chi bộ 10',
      'Chi bộ 11',
      'Chi bộ 13',
      'Chi bộ ấp 3'
    ])
  })

  it('refuses an empty name and a duplicate sibling, in Vietnamese', async () => {
    const { commune } = await tree()
    const empty = await t.refuse('units:create', {
      parentId: commune.id,
      name: '   ',
      level: 'Chi bộ'
    })
    expect(empty.code).toBe('VALIDATION')
    expect(empty.fields?.name).toMatch(/không được để trống/)
    const dup = await t.refuse('units:create', {
      parentId: commune.id,
      name: 'CHI BO AP 3',
      level: 'Chi bộ'
    })
    expect(dup.code).toBe('CONFLICT')
    expect(dup.message).toContain('Đã có đơn vị')
  })

  it('refuses a name over 200 characters with a sentence, never cutting it', async () => {
    const { commune } = await tree()
    for (const length of [201, 350]) {
      const err = await t.refuse('units:create', {
        parentId: commune.id,
        name: `Chi bộ ${'a'.repeat(length - 7)}`,
        level: 'Chi bộ'
      })
      expect(err.code).toBe('VALIDATION')
      expect(err.fields?.name).toBe(
        `Tên đơn vị dài ${length} ký tự, quá mức tối đa 200 ký tự: hãy rút gọn.`
      )
    }
    expect((await t.call('units:list', { includeRetired: false })).length).toBe(4)
  })

  it('renames, moves and keeps the history', async () => {
    const { province, district, commune, cell } = await tree()
    // The 2025 reform: the district level goes, communes sit under the province.
    await t.call('units:update', {
      id: commune.id,
      name: 'Đảng ủy xã Châu Thành',
      level: 'Đảng ủy xã'
    })
    await t.call('units:move', { id: commune.id, parentId: province.id })
    const units = await t.call('units:list', { includeRetired: false })
    expect(units.find((u) => u.id === commune.id)!.parentId).toBe(province.id)
    // The cell moved with its parent: its subtree listing still finds it.
    await t.call('people:create', personInput(cell.id, { fullName: 'Lê Văn Tám' }))
    const below = await t.call('people:list', { unitId: province.id, includeSubunits: true })
    expect(below.total).toBe(1)
    const underOldDistrict = await t.call('people:list', {
      unitId: district.id,
      includeSubunits: true
    })
    expect(underOldDistrict.total).toBe(0)
    const history = await t.call('units:history', { id: commune.id })
    expect(history.map((h) => h.change)).toEqual(['created', 'renamed', 'relabelled', 'moved'])
    expect(history[1].text).toBe('Đổi tên từ "Đảng ủy xã Thái Bình" thành "Đảng ủy xã Châu Thành"')
    expect(history[3].text).toContain('Huyện ủy Châu Thành')
  })

  it('refuses to move a unit into its own subtree', async () => {
    const { district, cell } = await tree()
    const err = await t.refuse('units:move', { id: district.id, parentId: cell.id })
    expect(err.message).toContain('chính nó')
  })

  it('retires only an empty unit, keeps it for history, and restores it', async () => {
    const { district, commune, cell } = await tree()
    const p = await t.call('people:create', personInput(cell.id))
    expect((await t.refuse('units:retire', { id: commune.id })).message).toContain('trực thuộc')
    expect((await t.refuse('units:retire', { id: cell.id })).message).toContain(
      'người đang sinh hoạt'
    )
    await t.call('people:setStatus', { id: p.id, status: 'transferred', since: '2025-07-01' })
    const retired = await t.call('units:retire', { id: cell.id, on: '2025-07-01' })
    expect(retired.retiredOn).toBe('2025-07-01')
    expect(
      (await t.call('units:list', { includeRetired: false })).some((u) => u.id === cell.id)
    ).toBe(false)
    expect(
      (await t.call('units:list', { includeRetired: true })).some((u) => u.id === cell.id)
    ).toBe(true)
    expect(
      (await t.refuse('units:create', { parentId: cell.id, name: 'X', level: 'Tổ' })).message
    ).toContain('giải thể')
    const person = await t.call('people:get', { id: p.id })
    expect(person.unitName).toBe('Chi bộ ấp 3')
    await t.call('units:restore', { id: cell.id })
    expect((await t.call('units:history', { id: cell.id })).at(-1)!.change).toBe('restored')
    expect(district.retiredOn).toBeNull()
  })

  it('refuses malformed input at the door', async () => {
    const err = await t.refuse('units:create', { parentId: 'x', name: 1 })
    expect(err.code).toBe('INVALID_INPUT')
    const unknown = await t.core.dispatch('units:drop', {})
    expect(unknown.ok).toBe(false)
  })
})
