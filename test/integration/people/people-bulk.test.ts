// Bulk changes from the people list: move to another unit, one status for many, over the people
// ticked or everyone the list's filter finds; each refused whole when anyone stands in the way,
// written in one transaction after a backup.
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli, cliCommittee } from '../../helpers/cli'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'

let t: TestCore
let commune: number
let cellA: number
let cellB: number
let a: number[]
let b: number

const backups = () => {
  const dir = join(t.dir, 'backups')
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sqlite')) : []
}

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
  a = []
  for (const fullName of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'])
    a.push((await t.call('people:create', personInput(cellA, { fullName }))).id)
  b = (
    await t.call(
      'people:create',
      personInput(cellB, { fullName: 'Phạm Thị Dung', kind: 'non_member', memberType: null })
    )
  ).id
})
afterEach(() => t.dispose())

const unitOf = async (id: number) => (await t.call('people:get', { id })).unitId

describe('people:move', () => {
  it('moves the ticked people, counts those already there, and takes a backup first', async () => {
    const before = backups().length
    const r = await t.call('people:move', { selection: { ids: [a[0], a[1], b] }, unitId: cellB })
    expect(r).toMatchObject({ moved: 2, unchanged: 1, unitName: 'Chi bộ ấp 2' })
    expect(r.backup).toMatch(/_truoc-sua-hang-loat\.sqlite$/)
    expect(backups().length).toBe(before + 1)
    expect(await unitOf(a[0])).toBe(cellB)
    expect(await unitOf(a[1])).toBe(cellB)
    expect(await unitOf(a[2])).toBe(cellA)
  })

  it('moves everyone the list filter finds, across pages, with the list’s own query', async () => {
    const filter = { unitId: cellA, includeSubunits: false, q: 'van' }
    const listed = await t.call('people:list', { ...filter, limit: 1 })
    expect(listed.total).toBe(2)
    const r = await t.call('people:move', { selection: { filter }, unitId: cellB })
    expect(r.moved).toBe(2)
    expect(await unitOf(a[0])).toBe(cellB)
    expect(await unitOf(a[1])).toBe(cellA)
    expect(await unitOf(a[2])).toBe(cellB)
  })

  it('refuses a retired unit or a person gone, changing nothing and leaving no backup', async () => {
    const retired = (
      await t.call('units:create', { parentId: commune, name: 'Chi bộ cũ', level: 'Chi bộ' })
    ).id
    await t.call('units:retire', { id: retired, on: '2024-01-01' })
    const before = backups().length
    const e = await t.refuse('people:move', { selection: { ids: [a[0]] }, unitId: retired })
    expect(e.message).toMatch(/giải thể/)
    const gone = await t.refuse('people:move', { selection: { ids: [a[0], 99999] }, unitId: cellB })
    expect(gone.message).toMatch(/1 người đã chọn không còn/)
    expect(backups().length).toBe(before)
    expect(await unitOf(a[0])).toBe(cellA)
    // Validated at the door: an empty list of ids, or both ways of selecting at once.
    expect((await t.refuse('people:move', { selection: { ids: [] }, unitId: cellB })).code).toBe(
      'INVALID_INPUT'
    )
    expect(
      (
        await t.refuse('people:move', {
          selection: { ids: [a[0]], filter: { unitId: null, includeSubunits: true } },
          unitId: cellB
        })
      ).code
    ).toBe('INVALID_INPUT')
  })
})

describe('people:setStatusMany', () => {
  it('gives each one the status from the day given, with a history entry each', async () => {
    const r = await t.call('people:setStatusMany', {
      selection: { ids: a },
      status: 'transferred',
      since: '2024-03-01',
      note: 'QĐ số 12'
    })
    expect(r).toMatchObject({ changed: 3, unchanged: 0 })
    for (const id of a) {
      const p = await t.call('people:get', { id })
      expect(p.status).toBe('transferred')
      expect(p.statusSince).toBe('2024-03-01')
      const h = await t.call('people:statusHistory', { id })
      expect(h[0]).toMatchObject({ status: 'transferred', since: '2024-03-01', note: 'QĐ số 12' })
    }
    const again = await t.call('people:setStatusMany', {
      selection: { ids: a },
      status: 'transferred',
      since: '2024-03-01'
    })
    expect(again).toMatchObject({ changed: 0, unchanged: 3 })
  })

  it('refuses a member-only status for non-members, naming them, and a day in the future', async () => {
    const e = await t.refuse('people:setStatusMany', {
      selection: { filter: { unitId: null, includeSubunits: true } },
      status: 'suspended',
      since: '2024-03-01'
    })
    expect(e.message).toMatch(/1 người đã chọn là quần chúng \(Phạm Thị Dung\)/)
    expect((await t.call('people:get', { id: a[0] })).status).toBe('active')
    const future = await t.refuse('people:setStatusMany', {
      selection: { ids: a },
      status: 'temporary',
      since: '2999-01-01'
    })
    expect(future.message).toMatch(/tương lai/)
  })
})

describe('the CLI: people move and people set-status by card number', () => {
  it('moves and changes status, and names a card nobody has', async () => {
    const dir = tempDir('cd05-cli-bulk-')
    const db = join(dir, 'data.sqlite')
    try {
      await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1', 'Chi bộ ấp 2'])
      for (const [name, card] of [
        ['Nguyễn Văn An', '01000001'],
        ['Trần Thị Bình', '01000002']
      ])
        await cli(
          'people',
          'add',
          '--name',
          name,
          '--unit',
          'Chi bộ ấp 1',
          '--card',
          card,
          '--db',
          db
        )
      const moved = await cli(
        'people',
        'move',
        '--to',
        'Chi bộ ấp 2',
        '01000001',
        '01000002',
        '--db',
        db
      )
      expect(moved.stderr).toBe('')
      expect(moved.stdout).toMatch(/Đã chuyển 2 người sang Chi bộ ấp 2/)
      const status = await cli(
        'people',
        'set-status',
        '--status',
        'Sinh hoạt tạm thời',
        '--since',
        '01/03/2024',
        '01000001',
        '--db',
        db
      )
      expect(status.stdout).toMatch(/Đã chuyển 1 người sang "Sinh hoạt tạm thời"/)
      const list = await cli('people', 'list', '--unit', 'Chi bộ ấp 2', '--db', db)
      expect(list.stdout).toMatch(/Nguyễn Văn An.*Sinh hoạt tạm thời/)
      const none = await cli('people', 'move', '--to', 'Chi bộ ấp 1', '09999999', '--db', db)
      expect(none.code).not.toBe(0)
      expect(none.stdout + none.stderr).toMatch(/Không có ai mang số thẻ đảng viên "09999999"/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
