// Synthetic organisations for benchmarks: realistic Vietnamese names in a committee tree.
import type { Database } from 'better-sqlite3-multiple-ciphers'
import type { PersonFields } from '../src/shared/api'
import { inTransaction } from '../src/core/db/connection'
import { insertPersonRow } from '../src/core/people/people'
import { createUnit } from '../src/core/units/units'

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý'
]
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Hoàng', 'Kim']
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hòa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Phương',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trung',
  'Tuấn',
  'Vân',
  'Yến',
  'Ánh',
  'Ân',
  'Út'
]

export function personName(i: number): string {
  return `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 4) % MIDDLE.length]} ${GIVEN[(i * 7 + (i >> 8)) % GIVEN.length]}`
}

export interface BenchTree {
  committees: number[]
  cells: number[]
}

/** committees × cellsPerCommittee chi bộ under one province, people spread evenly. */
export function buildTree(
  db: Database,
  committees: number,
  cellsPerCommittee: number,
  people: number
): BenchTree {
  const tree: BenchTree = { committees: [], cells: [] }
  const province = createUnit(db, { parentId: null, name: 'Tỉnh ủy Tây Ninh', level: 'Tỉnh ủy' })
  for (let c = 0; c < committees; c++) {
    const committee = createUnit(db, {
      parentId: province.id,
      name: `Đảng ủy xã số ${c + 1}`,
      level: 'Đảng ủy cơ sở'
    })
    tree.committees.push(committee.id)
    for (let k = 0; k < cellsPerCommittee; k++) {
      tree.cells.push(
        createUnit(db, { parentId: committee.id, name: `Chi bộ ấp ${k + 1}`, level: 'Chi bộ' }).id
      )
    }
  }
  inTransaction(db, () => {
    for (let i = 0; i < people; i++) {
      const p: PersonFields = {
        unitId: tree.cells[i % tree.cells.length],
        kind: i % 10 === 0 ? 'non_member' : 'member',
        fullName: personName(i),
        gender: i % 2 ? 'female' : 'male',
        birthDate: `${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
        ethnicity: 'Kinh',
        religion: null,
        hometown: 'Tây Ninh',
        residence: null,
        memberType: i % 10 === 0 ? null : 'official',
        partyJoinDate: i % 10 === 0 ? null : `${1975 + (i % 45)}`,
        partyOfficialDate: null,
        partyCardNumber: i % 10 === 0 ? null : String(10_000_000 + i),
        partyProfileNumber: null,
        nationalId: null,
        position: null,
        role: i % 10 === 0 ? 'Công chức' : null,
        education: '12/12',
        politicalTheory: null,
        phone: null,
        note: null
      }
      insertPersonRow(db, p)
    }
  })
  return tree
}
