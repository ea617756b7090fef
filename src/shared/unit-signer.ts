// Who signs a unit's documents when the office has not said (HD 36-HD/VPTW: the leader signs
// "thay mặt" the body that issues the document). A chi bộ issues as the chi bộ ("T/M CHI BỘ"); a
// grassroots or partial committee as its đảng ủy ("T/M ĐẢNG ỦY"); a district, provincial or city
// committee through its standing committee ("T/M BAN THƯỜNG VỤ"). Level labels are free text, so
// they are read without diacritics. Shared so the unit's dialog shows the same defaults the
// exports use.
import { foldVietnamese } from './vn-text'

export interface SigningUnit {
  /** Level label, e.g. "Chi bộ", "Đảng ủy cơ sở", "Huyện ủy". */
  level: string
  /** Name, read when the level says nothing ("Chi bộ ấp 1" under a level such as "Cấp 3"). */
  name?: string
}

/** What the office set for a unit; null keeps the default of its level. */
export interface UnitSignerSetting {
  /** The "thay mặt" line, e.g. "T/M CHI ỦY". */
  line: string | null
  /** The signer's title, e.g. "PHÓ BÍ THƯ". */
  title: string | null
  /** The signer's name, printed under the space for the signature. */
  name: string | null
}

export const NO_SIGNER_SETTING: UnitSignerSetting = { line: null, title: null, name: null }

/** Longest line, title or name the office may set (a line printed across half an A4 page). */
export const SIGNER_TEXT_MAX = 80

export const DEFAULT_SIGNER_TITLE = 'BÍ THƯ'

const STANDING = /\b(tinh|thanh|huyen|quan|thi) uy\b|^dang bo (tinh|thanh pho|huyen|quan|thi xa)\b/
const CELL = /^chi bo\b/

/** The body a unit's documents are signed for by default. */
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

/** The default "thay mặt" line of a unit's level: "T/M CHI BỘ". */
export function defaultSigningLine(unit: SigningUnit): string {
  return `T/M ${signingBody(unit)}`
}
