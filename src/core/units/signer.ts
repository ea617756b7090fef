// Who signs a unit's documents, decided in one place so the same unit signs the same way in
// every export: what the office set for the unit (its "thay mặt" line, the signer's title and
// name: unit_signers), else the default of its level (shared/unit-signer.ts).
import {
  DEFAULT_SIGNER_TITLE,
  NO_SIGNER_SETTING,
  defaultSigningLine,
  signingBody,
  type SigningUnit,
  type UnitSignerSetting
} from '../../shared/unit-signer'
import type { Database } from '../db/connection'

export { signingBody, type SigningUnit }

export interface SignerBlock {
  /** The body the leader signs for, e.g. "CHI BỘ" (from "T/M CHI BỘ"). */
  body: string
  /** Lines in bold capitals: ["T/M CHI BỘ", "BÍ THƯ"]. */
  lines: string[]
  /** The signer's name, when the office set one. */
  name?: string
}

/** The signature block of a unit: what was set for it, the rest from its level. */
export function unitSigner(
  unit: SigningUnit,
  setting: UnitSignerSetting = NO_SIGNER_SETTING
): SignerBlock {
  const line = setting.line ?? defaultSigningLine(unit)
  // "T/M CHI ỦY" signs for the "CHI ỦY"; a line without "T/M" names the body itself.
  const body = line.replace(/^\s*T\s*\/\s*M\s+/iu, '') || signingBody(unit)
  return {
    body,
    lines: [line, setting.title ?? DEFAULT_SIGNER_TITLE],
    ...(setting.name ? { name: setting.name } : {})
  }
}

/** What the office set for a unit (nulls when nothing). */
function signerSetting(db: Database, unitId: number): UnitSignerSetting {
  const r = db
    .prepare('SELECT line, title, name FROM unit_signers WHERE unit_id = ?')
    .get(unitId) as UnitSignerSetting | undefined
  return r ?? { ...NO_SIGNER_SETTING }
}

/**
 * The signature block of a unit on file. Every export takes its unit's signer from here, so two
 * documents of one unit are signed alike.
 */
export function unitSignerOf(db: Database, unitId: number): SignerBlock {
  const u = db.prepare('SELECT name, level FROM units WHERE id = ?').get(unitId) as
    SigningUnit | undefined
  return unitSigner(u ?? { level: '' }, signerSetting(db, unitId))
}

/**
 * The unit's block as the party-document writer takes it (its DocSigner; units may not import
 * excel), under `heading` lines if any.
 */
export function unitDocSigner(
  block: SignerBlock,
  heading: string[] = []
): { lines: string[]; name?: string } {
  return { lines: [...heading, ...block.lines], ...(block.name ? { name: block.name } : {}) }
}
