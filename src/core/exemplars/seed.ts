// Who may award what as first seeded (DOMAIN.md part 4: QĐ 29-QĐ/TW 2016, HD 01-HD/TW 2021, and
// the state side). Defaults the user edits (cần kiểm tra), looked up by the folded level label.
import type { AwardForm } from '../../shared/api'
import { foldVietnamese } from '../../shared/vn-text'

export interface SeedAwardPower {
  level: string
  levelKey: string
  forms: AwardForm[]
}

const power = (level: string, forms: AwardForm[]): SeedAwardPower => ({
  level,
  levelKey: foldVietnamese(level),
  forms
})

export const SEED_AWARD_POWERS: SeedAwardPower[] = [
  power('Chi bộ', ['praise']),
  power('Đảng ủy bộ phận', ['praise']),
  power('Chi bộ cơ sở', ['praise', 'certificate']),
  power('Đảng ủy cơ sở', ['praise', 'certificate']),
  power('Đảng bộ cơ sở', ['praise', 'certificate']),
  power('Huyện ủy', ['praise', 'certificate']),
  power('Tỉnh ủy', ['praise', 'certificate', 'merit', 'flag']),
  power('UBND tỉnh', ['merit', 'flag']),
  power('Trung ương', ['praise', 'merit', 'emblem', 'flag'])
]
