// Reward decisions and their recipients, with the two warnings a clerk must see (never a block):
// a form beyond the issuer's power (award_powers, editable), and the same achievement rewarded
// twice (same recipient, same year and occasion: Law 06/2022, one achievement one award).
import type {
  Award,
  AwardFields,
  AwardForm,
  AwardPower,
  AwardRecipient,
  AwardRecipientInput,
  AwardSaved
} from '../../shared/api'
import { AWARD_FORM_LABELS } from '../../shared/exemplar-labels'
import { foldVietnamese } from '../../shared/vn-text'
import type { Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { recordStatus } from './register'

export function listPowers(db: Database): AwardPower[] {
  const rows = db.prepare('SELECT level, forms FROM award_powers ORDER BY rowid').all() as {
    level: string
    forms: string
  }[]
  return rows.map((r) => ({ level: r.level, forms: JSON.parse(r.forms) as AwardForm[] }))
}

export function savePowers(db: Database, powers: AwardPower[]): AwardPower[] {
  const seen = new Set<string>()
  for (const p of powers) {
    const key = foldVietnamese(p.level)
    if (!key) throw new CoreError('VALIDATION', 'Có dòng chưa nhập cấp.')
    if (seen.has(key)) throw new CoreError('VALIDATION', `Cấp "${p.level}" có hai dòng.`)
    seen.add(key)
  }
  db.transaction(() => {
    db.prepare('DELETE FROM award_powers').run()
    const insert = db.prepare('INSERT INTO award_powers(level_key, level, forms) VALUES (?, ?, ?)')
    for (const p of powers)
      insert.run(foldVietnamese(p.level), p.level.trim(), JSON.stringify([...new Set(p.forms)]))
  })()
  return listPowers(db)
}

interface Issuer {
  unitId: number | null
  name: string | null
  level: string
  display: string
}

function issuerOf(db: Database, f: AwardFields): Issuer {
  if (f.issuerUnitId !== null) {
    const u = db.prepare('SELECT name, level FROM units WHERE id = ?').get(f.issuerUnitId) as
      { name: string; level: string } | undefined
    if (!u) throw notFound('cấp khen thưởng')
    return { unitId: f.issuerUnitId, name: null, level: u.level, display: u.name }
  }
  const name = f.issuerName?.trim() ?? ''
  if (!name)
    throw new CoreError('VALIDATION', 'Chưa chọn cấp ra quyết định.', {
      issuerUnitId: 'Chưa chọn cấp ra quyết định.'
    })
  return { unitId: null, name, level: name, display: name }
}

/** The unit a recipient is counted under, the key that says "the same recipient", and how it is printed. */
function recipientPlace(
  db: Database,
  r: AwardRecipientInput
): { countUnitId: number; key: string; name: string; place: string } {
  if (r.exemplarId !== null) {
    const e = db
      .prepare(
        'SELECT kind, person_id, unit_id, name, proposing_unit_id FROM exemplars WHERE id = ?'
      )
      .get(r.exemplarId) as
      | {
          kind: string
          person_id: number | null
          unit_id: number | null
          name: string | null
          proposing_unit_id: number
        }
      | undefined
    if (!e) throw notFound('điển hình')
    // An individual exemplar is the person, a collective one the unit: a second reward to either is the same recipient.
    const as = (x: AwardRecipientInput) => ({
      ...recipientPlace(db, x),
      countUnitId: e.proposing_unit_id
    })
    if (e.kind === 'person')
      return as({ exemplarId: null, personId: e.person_id, unitId: null, citation: null })
    if (e.kind === 'unit')
      return as({ exemplarId: null, personId: null, unitId: e.unit_id, citation: null })
    const owner =
      e.unit_id === null
        ? null
        : (db.prepare('SELECT name FROM units WHERE id = ?').get(e.unit_id) as
            { name: string } | undefined)
    return {
      countUnitId: e.proposing_unit_id,
      key: `e${r.exemplarId}`,
      name: e.name ?? '',
      place: owner?.name ?? ''
    }
  }
  if (r.personId !== null) {
    const p = db
      .prepare(
        'SELECT p.unit_id, p.full_name, p.position, u.name AS unit_name FROM people p JOIN units u ON u.id = p.unit_id WHERE p.id = ?'
      )
      .get(r.personId) as
      { unit_id: number; full_name: string; position: string | null; unit_name: string } | undefined
    if (!p) throw notFound('người được khen')
    return {
      countUnitId: p.unit_id,
      key: `p${r.personId}`,
      name: p.full_name,
      place: [p.position, p.unit_name].filter(Boolean).join(', ')
    }
  }
  if (r.unitId !== null) {
    const u = db
      .prepare(
        'SELECT u.name, pu.name AS parent FROM units u LEFT JOIN units pu ON pu.id = u.parent_id WHERE u.id = ?'
      )
      .get(r.unitId) as { name: string; parent: string | null } | undefined
    if (!u) throw notFound('tập thể được khen')
    return { countUnitId: r.unitId, key: `u${r.unitId}`, name: u.name, place: u.parent ?? '' }
  }
  throw new CoreError('VALIDATION', 'Có người nhận chưa chọn điển hình, người hay tập thể.')
}

const yearOf = (date: string) => Number(date.slice(0, 4))

/** Warnings for a decision about to be saved (excludeId: the decision itself, when editing). */
export function awardWarnings(
  db: Database,
  f: AwardFields,
  excludeId: number | null = null
): string[] {
  const warnings: string[] = []
  const issuer = issuerOf(db, f)
  const power = db
    .prepare('SELECT level, forms FROM award_powers WHERE level_key = ?')
    .get(foldVietnamese(issuer.level)) as { level: string; forms: string } | undefined
  const form = AWARD_FORM_LABELS[f.form]
  if (!power)
    warnings.push(
      `Chưa có quy định thẩm quyền khen thưởng cho cấp "${issuer.level}": hãy kiểm tra ${issuer.display} có được tặng ${form.toLowerCase()} không.`
    )
  else if (!(JSON.parse(power.forms) as AwardForm[]).includes(f.form)) {
    const allowed =
      (JSON.parse(power.forms) as AwardForm[])
        .map((x) => AWARD_FORM_LABELS[x].toLowerCase())
        .join(', ') || 'không hình thức nào'
    warnings.push(
      `${issuer.display} (cấp ${power.level}) theo quy định chỉ tặng ${allowed}; ${form.toLowerCase()} vượt thẩm quyền.`
    )
  }
  const year = yearOf(f.date)
  const occasion = foldVietnamese(f.occasion ?? '')
  const earlier = db
    .prepare(
      `SELECT a.id, a.number, a.decision_date, a.occasion, r.exemplar_id, r.person_id, r.unit_id FROM awards a JOIN award_recipients r ON r.award_id = a.id
       WHERE a.year = ? AND a.id IS NOT ?`
    )
    .all(year, excludeId) as {
    id: number
    number: string
    decision_date: string
    occasion: string | null
    exemplar_id: number | null
    person_id: number | null
    unit_id: number | null
  }[]
  const keys = new Map<string, string[]>()
  for (const e of earlier) {
    if (foldVietnamese(e.occasion ?? '') !== occasion) continue
    const { key } = recipientPlace(db, {
      exemplarId: e.exemplar_id,
      personId: e.person_id,
      unitId: e.unit_id,
      citation: null
    })
    keys.set(key, [
      ...(keys.get(key) ?? []),
      `số ${e.number} ngày ${e.decision_date.split('-').reverse().join('/')}`
    ])
  }
  const inThis = new Set<string>()
  for (const r of f.recipients) {
    const { key, name } = recipientPlace(db, r)
    if (inThis.has(key)) warnings.push(`${name} có hai lần trong quyết định này.`)
    inThis.add(key)
    const before = keys.get(key)
    if (before)
      warnings.push(
        `${name} đã được khen năm ${year}${f.occasion ? ` dịp "${f.occasion}"` : ''} (quyết định ${before.join('; ')}): một thành tích chỉ khen một lần (Luật Thi đua, khen thưởng 2022).`
      )
  }
  return warnings
}

interface AwardRow {
  id: number
  number: string
  decision_date: string
  year: number
  issuer_unit_id: number | null
  issuer_name: string | null
  issuer_level: string
  issuer_display: string
  form: AwardForm
  kind: Award['kind']
  occasion: string | null
  signer: string | null
}

function recipientsOf(db: Database, awardId: number): AwardRecipient[] {
  const rows = db
    .prepare(
      'SELECT exemplar_id, person_id, unit_id, citation FROM award_recipients WHERE award_id = ? ORDER BY id'
    )
    .all(awardId) as {
    exemplar_id: number | null
    person_id: number | null
    unit_id: number | null
    citation: string | null
  }[]
  return rows.map((r) => {
    const input = {
      exemplarId: r.exemplar_id,
      personId: r.person_id,
      unitId: r.unit_id,
      citation: r.citation
    }
    const { name, place } = recipientPlace(db, input)
    return { ...input, displayName: name, placeText: place }
  })
}

const AWARD_SELECT = `SELECT a.*, COALESCE(u.name, a.issuer_name) AS issuer_display FROM awards a LEFT JOIN units u ON u.id = a.issuer_unit_id`

function toAward(db: Database, r: AwardRow): Award {
  return {
    id: r.id,
    number: r.number,
    date: r.decision_date,
    year: r.year,
    issuerUnitId: r.issuer_unit_id,
    issuerName: r.issuer_name,
    issuerLevel: r.issuer_level,
    issuerDisplay: r.issuer_display,
    form: r.form,
    kind: r.kind,
    occasion: r.occasion,
    signer: r.signer,
    recipients: recipientsOf(db, r.id)
  }
}

function getAward(db: Database, id: number): Award {
  const r = db.prepare(`${AWARD_SELECT} WHERE a.id = ?`).get(id) as AwardRow | undefined
  if (!r) throw notFound('quyết định khen thưởng')
  return toAward(db, r)
}

export function listAwards(db: Database, year: number | null, unitId: number | null): Award[] {
  const where: string[] = []
  const args: unknown[] = []
  if (year !== null) {
    where.push('a.year = ?')
    args.push(year)
  }
  if (unitId !== null) {
    where.push(`a.id IN (SELECT r.award_id FROM award_recipients r JOIN units cu ON cu.id = r.count_unit_id
      WHERE cu.path >= (SELECT path FROM units WHERE id = ?) AND cu.path < (SELECT substr(path, 1, length(path) - 1) || '0' FROM units WHERE id = ?))`)
    args.push(unitId, unitId)
  }
  const rows = db
    .prepare(
      `${AWARD_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.decision_date DESC, a.id DESC`
    )
    .all(...args) as AwardRow[]
  return rows.map((r) => toAward(db, r))
}

/** Saves a decision and its recipients in one transaction; its exemplars move to "rewarded" (a dated step by the issuer). */
export function createAward(db: Database, f: AwardFields): AwardSaved {
  if (!f.number.trim())
    throw new CoreError('VALIDATION', 'Chưa nhập số quyết định.', {
      number: 'Chưa nhập số quyết định.'
    })
  if (f.recipients.length === 0)
    throw new CoreError('VALIDATION', 'Quyết định chưa có người, tập thể được khen.', {
      recipients: 'Chưa chọn người nhận.'
    })
  const issuer = issuerOf(db, f)
  const warnings = awardWarnings(db, f)
  const id = db.transaction(() => {
    const r = db
      .prepare(
        `INSERT INTO awards(number, decision_date, year, issuer_unit_id, issuer_name, issuer_level, form, kind, occasion, signer, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        f.number.trim(),
        f.date,
        yearOf(f.date),
        issuer.unitId,
        issuer.name,
        issuer.level,
        f.form,
        f.kind,
        f.occasion,
        f.signer,
        new Date().toISOString()
      )
    const awardId = Number(r.lastInsertRowid)
    const insert = db.prepare(
      'INSERT INTO award_recipients(award_id, exemplar_id, person_id, unit_id, count_unit_id, citation) VALUES (?, ?, ?, ?, ?, ?)'
    )
    for (const rec of f.recipients) {
      insert.run(
        awardId,
        rec.exemplarId,
        rec.personId,
        rec.unitId,
        recipientPlace(db, rec).countUnitId,
        rec.citation
      )
      if (rec.exemplarId !== null) {
        const cur = db.prepare('SELECT status FROM exemplars WHERE id = ?').get(rec.exemplarId) as {
          status: string
        }
        if (cur.status === 'proposed' || cur.status === 'recognised')
          recordStatus(
            db,
            rec.exemplarId,
            'rewarded',
            f.date,
            issuer.unitId,
            `Quyết định số ${f.number.trim()}`
          )
      }
    }
    return awardId
  })()
  return { award: getAward(db, id), warnings }
}

export function deleteAward(db: Database, id: number): null {
  if (db.prepare('DELETE FROM awards WHERE id = ?').run(id).changes === 0)
    throw notFound('quyết định khen thưởng')
  return null
}
