import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'

let t: TestCore
let cellA: number
let cellB: number
let commune: number
beforeEach(async () => {
  t = openTestCore()
  commune = (
    await t.call('units:create', {
      parentId: null,
      name: 'Đảng ủy xã Tân Lập',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  cellA = (
    await t.call('units:create', { parentId: commune, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
  ).id
  cellB = (
    await t.call('units:create', { parentId: commune, name: 'Chi bộ ấp 2', level: 'Chi bộ' })
  ).id
})
afterEach(() => t.dispose())

describe('people', () => {
  it('stores a member with text identifiers and partial dates', async () => {
    const p = await t.call(
      'people:create',
      personInput(cellA, {
        fullName: '  NGUYỄN VĂN   DŨNG ',
        gender: 'male',
        birthDate: '1980',
        partyJoinDate: '2005-03',
        partyCardNumber: '01234567',
        nationalId: '072080000123'
      })
    )
    expect(p.fullName).toBe('Nguyễn Văn Dũng')
    expect(p.partyCardNumber).toBe('01234567')
    expect(p.memberType).toBe('probationary')
    expect(p.birthDate).toBe('1980')
    expect(p.status).toBe('active')
    expect(p.unitName).toBe('Chi bộ ấp 1')
  })

  it('validates with Vietnamese messages per field', async () => {
    const err = await t.refuse(
      'people:create',
      personInput(cellA, {
        fullName: '',
        birthDate: '2010-01-01',
        partyJoinDate: '2005-01-01',
        partyCardNumber: '123',
        nationalId: '12'
      })
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.fields).toMatchObject({
      fullName: 'Họ và tên không được để trống.',
      partyCardNumber: 'Số thẻ đảng viên gồm 8 chữ số.',
      nationalId: 'Số CCCD gồm 12 chữ số.'
    })
    expect(err.fields?.partyJoinDate).toBe('Ngày vào Đảng trước ngày sinh.')
    const future = await t.refuse('people:create', personInput(cellA, { birthDate: '2999-01-01' }))
    expect(future.fields?.birthDate).toBe('Ngày sinh ở tương lai.')
  })

  it('refuses a name over 120 characters with a sentence on the field, never cutting it', async () => {
    for (const length of [121, 250]) {
      const err = await t.refuse(
        'people:create',
        personInput(cellA, { fullName: `Nguyễn ${'Văn '.repeat(60)}An`.slice(0, length) })
      )
      expect(err.code).toBe('VALIDATION')
      expect(err.fields?.fullName).toBe('Họ và tên quá dài (tối đa 120 ký tự).')
    }
  })

  it('refuses a card number already used by someone else', async () => {
    await t.call(
      'people:create',
      personInput(cellA, { fullName: 'Trần Văn Hai', partyCardNumber: '11112222' })
    )
    const err = await t.refuse(
      'people:create',
      personInput(cellB, { fullName: 'Lê Văn Ba', partyCardNumber: '11112222' })
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.fields?.partyCardNumber).toContain('Trần Văn Hai')
  })

  it('finds people without diacritics, in a unit or its whole subtree, sorted by given name', async () => {
    await t.call('people:create', personInput(cellA, { fullName: 'Nguyễn Văn Dũng' }))
    await t.call('people:create', personInput(cellA, { fullName: 'Đặng Thị Hoa' }))
    await t.call(
      'people:create',
      personInput(cellB, { fullName: 'Trần Văn An', kind: 'non_member', role: 'Công chức' })
    )
    const q = await t.call('people:list', {
      unitId: null,
      includeSubunits: true,
      q: 'nguyen van dung'
    })
    expect(q.rows.map((r) => r.fullName)).toEqual(['Nguyễn Văn Dũng'])
    expect(
      (await t.call('people:list', { unitId: null, includeSubunits: true, q: 'dang' })).rows[0]
        .fullName
    ).toBe('Đặng Thị Hoa')
    // Words are matched at word beginnings, in the order typed.
    expect(
      (await t.call('people:list', { unitId: null, includeSubunits: true, q: 'dung nguyen' })).total
    ).toBe(0)
    expect(
      (await t.call('people:list', { unitId: null, includeSubunits: true, q: 'ng v dun' })).total
    ).toBe(1)
    const all = await t.call('people:list', { unitId: commune, includeSubunits: true })
    expect(all.rows.map((r) => r.fullName)).toEqual([
      'Trần Văn An',
      'Nguyễn Văn Dũng',
      'Đặng Thị Hoa'
    ])
    expect((await t.call('people:list', { unitId: commune, includeSubunits: false })).total).toBe(0)
    expect((await t.call('people:list', { unitId: cellA, includeSubunits: false })).total).toBe(2)
    expect(
      (await t.call('people:list', { unitId: null, includeSubunits: true, kind: 'non_member' }))
        .rows[0].role
    ).toBe('Công chức')
  })

  it('matches the beginnings of words in order, not letters inside a word', async () => {
    for (const fullName of ['Phạm Thị Hà', 'Phạm Thị Ngọc', 'Phạm Thị Hải', 'Thái Hà Phạm'])
      await t.call('people:create', personInput(cellA, { fullName }))
    const names = async (q: string) =>
      (await t.call('people:list', { unitId: null, includeSubunits: true, q })).rows
        .map((r) => r.fullName)
        .sort()
    expect(await names('pham thi ha')).toEqual(['Phạm Thị Hà', 'Phạm Thị Hải'])
    expect(await names('pham thi ha ')).toEqual(['Phạm Thị Hà', 'Phạm Thị Hải'])
    expect(await names('ha')).toEqual(['Phạm Thị Hà', 'Phạm Thị Hải', 'Thái Hà Phạm'])
    expect(await names('ngoc')).toEqual(['Phạm Thị Ngọc'])
    expect(await names('am')).toEqual([])
    expect(await names('50%_')).toEqual([])
  })

  it('gives a search its matches in name order, page after page, whether they are few or many', async () => {
    // Few matches are read and sorted, many walk the name order (people.ts): the same order.
    for (const g of ['Yến', 'An', 'Hoa', 'Bình', 'Hòa', 'Ánh', 'Cường', 'Hồng'])
      await t.call('people:create', personInput(cellA, { fullName: `Lê Thị ${g}` }))
    const page = async (q: string, offset: number, limit: number) =>
      (
        await t.call('people:list', { unitId: null, includeSubunits: true, q, offset, limit })
      ).rows.map((r) => r.fullName)
    const sorted = ['An', 'Ánh', 'Bình', 'Cường', 'Hoa', 'Hòa', 'Hồng', 'Yến'].map(
      (g) => `Lê Thị ${g}`
    )
    // 8 matches: a page of 200 sorts the matches, a page of 1 walks the name order.
    expect(await page('le thi', 0, 200)).toEqual(sorted)
    for (let i = 0; i < sorted.length; i++) expect(await page('le thi', i, 1)).toEqual([sorted[i]])
    expect(await page('le thi ho', 0, 200)).toEqual(['Lê Thị Hoa', 'Lê Thị Hòa', 'Lê Thị Hồng'])
    expect(await page('le thi ho', 1, 1)).toEqual(['Lê Thị Hòa'])
  })

  it('filters by status; people who left stay for history but off the default list', async () => {
    const p = await t.call('people:create', personInput(cellA, { fullName: 'Phạm Văn Bốn' }))
    await t.call('people:create', personInput(cellA, { fullName: 'Võ Thị Năm' }))
    await t.call('people:setStatus', {
      id: p.id,
      status: 'exempt',
      since: '2024-01-15',
      note: 'Tuổi cao'
    })
    expect(
      (await t.call('people:list', { unitId: cellA, includeSubunits: false, statuses: ['exempt'] }))
        .total
    ).toBe(1)
    await t.call('people:setStatus', { id: p.id, status: 'deceased', since: '2025-02-01' })
    expect((await t.call('people:list', { unitId: cellA, includeSubunits: false })).total).toBe(1)
    expect(
      (
        await t.call('people:list', {
          unitId: cellA,
          includeSubunits: false,
          statuses: ['deceased']
        })
      ).rows[0].fullName
    ).toBe('Phạm Văn Bốn')
    const history = await t.call('people:statusHistory', { id: p.id })
    expect(history.map((h) => h.status)).toEqual(['deceased', 'exempt'])
    expect(history[1].note).toBe('Tuổi cao')
  })

  it('refuses member-only statuses for non-members and edits keep identifiers', async () => {
    const q = await t.call(
      'people:create',
      personInput(cellA, {
        kind: 'non_member',
        fullName: 'Lý Thị Sáu',
        partyCardNumber: '12345678'
      })
    )
    expect(q.partyCardNumber).toBeNull()
    expect((await t.refuse('people:setStatus', { id: q.id, status: 'exempt' })).code).toBe(
      'VALIDATION'
    )
    const m = await t.call(
      'people:create',
      personInput(cellA, { fullName: 'Hồ Văn Bảy', partyProfileNumber: '00012345' })
    )
    const { id, status, statusSince, unitName, ...fields } = m
    void status
    void statusSince
    void unitName
    const moved = await t.call('people:update', {
      id,
      fields: { ...fields, unitId: cellB, position: 'Bí thư chi bộ' }
    })
    expect(moved.unitName).toBe('Chi bộ ấp 2')
    expect(moved.partyProfileNumber).toBe('00012345')
  })
})
