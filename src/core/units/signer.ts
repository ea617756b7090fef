// Who signs a unit's documents, decided in one place so the same unit signs the same way in
// every export (HD 36-HD/VPTW: the leader signs "thay mặt" the body that issues the document).
// A chi bộ issues as the chi bộ ("T/M CHI BỘ"); a grassroots or partial committee as its đảng
// ủy ("T/M ĐẢNG ỦY"); a district, provincial or city committee through its standing committee
// ("T/M BAN THƯỜNG VỤ"). Level labels are free text, so they are read without diacritics.
import { foldVietnamese } from '../../shared/vn-text'

export interface SigningUnit {
  /** Level label, e.g. "Chi bộ", "Đảng ủy cơ sở", "Huyện ủy". */
  level: string
  /** Name, read when the level says nothing ("Chi bộ ấp 1" under a level such as "Cấp 3"). */
  name?: string
}

export interface SignerBlock {
  /** The body the leader signs for, e.g. "CHI BỘ". */
  body: string
  /** Lines in bold capitals: ["T/M CHI BỘ", "BÍ THƯ"]. */
  lines: string[]
}

const STANDING = /\b(tinh|thanh|huyen|quan|thi) uy\b|^dang bo (tinh|thanh pho|huyen|quan|thi xa)\b/
const CELL = /^chi bo\b/

/** The body a unit's documents are signed for. */
export function signingBody(unit: SigningUnit): string {
  const level = foldVietnamese(unit.level)
  if (CELL.test(level)) return 'CHI BỘ'
  if (STANDING.test(level)) return 'BAN THƯỜNG VỤ'
  if (/\b(dang uy|dang bo)\b/.test(level)) return 'ĐẢNG ỦY'
  const name = foldVietnamese(unit.name ?? '')
  if (CELL.test(name)) return 'CHI BỘ'
  if (STANDING.test(name)) return 'BAN THƯỜNG VỤ'
  return 'ĐẢNG ỦY'
}

/** The signature block of a unit's documents: "T/M CHI BỘ" over "BÍ THƯ". */
export function unitSigner(unit: SigningUnit): SignerBlock {
  const body = signingBody(unit)
  return { body, lines: [`T/M ${body}`, 'BÍ THƯ'] }
}
