// A small organisation to rate, shared by the evaluation tests.
import type { TestCore } from './core'
import { personInput } from './core'

export interface Org {
  committee: number
  cellA: number
  cellB: number
  ids: Record<string, number>
}

/** A committee with two chi bộ: six members in one (one exempt, one admitted in Sept 2024), four in the other. */
export async function seedOrg(tc: TestCore): Promise<Org> {
  const district = (
    await tc.call('units:create', { parentId: null, name: 'Huyện ủy Tân Biên', level: 'Huyện ủy' })
  ).id
  const committee = (
    await tc.call('units:create', {
      parentId: district,
      name: 'Đảng ủy xã Tân Lập',
      level: 'Đảng ủy cơ sở'
    })
  ).id
  const cellA = (
    await tc.call('units:create', { parentId: committee, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
  ).id
  const cellB = (
    await tc.call('units:create', { parentId: committee, name: 'Chi bộ ấp 2', level: 'Chi bộ' })
  ).id
  const ids: Record<string, number> = {}
  const add = async (
    unitId: number,
    fullName: string,
    extra: Parameters<typeof personInput>[1] = {}
  ) => {
    ids[fullName] = (await tc.call('people:create', personInput(unitId, { fullName, ...extra }))).id
  }
  await add(cellA, 'Nguyễn Văn An', { birthDate: '1970-03-05', position: 'Bí thư chi bộ' })
  await add(cellA, 'Trần Thị Bình', {
    birthDate: '1982-11-20',
    position: '=HYPERLINK("http://x","bấm")'
  })
  await add(cellA, 'Lê Văn Cường', { birthDate: '1990', position: '-1' })
  await add(cellA, 'Phạm Thị Dung', { birthDate: '1955-01-02' })
  await add(cellA, 'Võ Văn Em', { birthDate: '1999-07-07', partyJoinDate: '2024-09-01' })
  await add(cellA, 'Hồ Thị Giang', { birthDate: '1985-05-05', note: '+84 ghi chú' })
  await add(cellA, 'Đặng Văn Hùng', { kind: 'non_member', role: 'Công chức' })
  await tc.call('people:setStatus', { id: ids['Phạm Thị Dung'], status: 'exempt' })
  for (const name of ['Bùi Văn Khánh', 'Đỗ Thị Lan', 'Ngô Văn Minh', 'Dương Thị Nga'])
    await add(cellB, name, { birthDate: '1980-01-01' })
  return { committee, cellA, cellB, ids }
}
