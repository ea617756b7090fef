// People's commitments of a year: one person's (read, save, delete, year-end result), a unit's
// roster with who has made one, and bulk creation from the unit's template.
import type {
  Commitment,
  CommitmentBulkInput,
  CommitmentBulkResult,
  CommitmentOutcome,
  CommitmentPerson,
  CommitmentResultInput,
  CommitmentRoster,
  CommitmentSaveInput,
  PersonKind,
  PersonStatus
} from '../../shared/api'
import { LEFT_STATUSES } from '../../shared/api'
import { isPartialDate } from '../../shared/partial-date'
import { cleanText } from '../../shared/vn-text'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { percent } from '../../shared/numbers'
import { normaliseItems, readItems, writeItems } from './items'
import { trailOf } from './reviews'
import { LEFT_SQL } from '../people/status-sql'
import { scopeRange, UNIT_IDS_IN_RANGE } from '../units/subtree'
import { isAsked, stateOf } from './scope'
import { getTemplate } from './templates'

interface CommitmentRow {
  id: number
  person_id: number
  year: number
  unit_id: number
  unit_name: string
  made_on: string | null
  source: 'template' | 'manual'
  result: Commitment['result']
  result_note: string | null
  result_on: string | null
  updated_at: string
}

const SELECT = `SELECT c.*, u.name AS unit_name FROM commitments c JOIN units u ON u.id = c.unit_id`

function toCommitment(db: Database, r: CommitmentRow): Commitment {
  return {
    id: r.id,
    personId: r.person_id,
    year: r.year,
    unitId: r.unit_id,
    unitName: r.unit_name,
    madeOn: r.made_on,
    source: r.source,
    items: readItems(db, 'commitment_items', [r.id]).get(r.id) ?? [],
    result: r.result,
    resultNote: r.result_note,
    resultOn: r.result_on,
    updatedAt: r.updated_at
  }
}

export function findCommitment(
  db: Database,
  { personId, year }: { personId: number; year: number }
): Commitment | null {
  const r = db.prepare(`${SELECT} WHERE c.person_id = ? AND c.year = ?`).get(personId, year) as
    CommitmentRow | undefined
  return r ? toCommitment(db, r) : null
}

interface PersonRow {
  id: number
  full_name: string
  kind: PersonKind
  status: PersonStatus
  unit_id: number
  unit_name: string
  unit_level: string
  parent_name: string | null
  position: string | null
  birth_date: string | null
  party_join_date: string | null
  party_official_date: string | null
  party_card_number: string | null
  role: string | null
}

export function personRow(db: Database, personId: number): PersonRow {
  const p = db
    .prepare(
      `SELECT p.id, p.full_name, p.kind, p.status, p.unit_id, u.name AS unit_name, u.level AS unit_level, pu.name AS parent_name,
              p.position, p.birth_date, p.party_join_date, p.party_official_date, p.party_card_number, p.role
       FROM people p JOIN units u ON u.id = p.unit_id LEFT JOIN units pu ON pu.id = u.parent_id WHERE p.id = ?`
    )
    .get(personId) as PersonRow | undefined
  if (!p) throw notFound('người này')
  return p
}

export function personCommitment(
  db: Database,
  { personId, year }: { personId: number; year: number }
): CommitmentPerson {
  const p = personRow(db, personId)
  const commitment = findCommitment(db, { personId, year })
  return {
    personId,
    year,
    fullName: p.full_name,
    kind: p.kind,
    status: p.status,
    unitId: p.unit_id,
    unitName: p.unit_name,
    position: p.position,
    state: stateOf(p.status, commitment !== null),
    commitment,
    trail: trailOf(db, { personId, year })
  }
}

function checkDay(value: string | null | undefined, field: string, label: string): string | null {
  if (value == null || value === '') return null
  if (!isPartialDate(value) || value.length !== 10)
    throw new CoreError('VALIDATION', `${label} không hợp lệ (cần đủ ngày, tháng, năm).`, {
      [field]: `${label} không hợp lệ.`
    })
  return value
}

/** Creates or replaces a person's commitment; a person who left the rolls is refused. */
export function saveCommitment(
  db: Database,
  input: CommitmentSaveInput,
  source: 'template' | 'manual' = 'manual'
): Commitment {
  const items = normaliseItems(input.items)
  if (items.length === 0)
    throw new CoreError('VALIDATION', 'Bản cam kết cần ít nhất một nội dung.', {
      items: 'Chưa có nội dung nào.'
    })
  const madeOn = checkDay(input.madeOn, 'madeOn', 'Ngày lập cam kết')
  return inTransaction(db, () => {
    const p = personRow(db, input.personId)
    const existing = db
      .prepare('SELECT id FROM commitments WHERE person_id = ? AND year = ?')
      .get(input.personId, input.year) as { id: number } | undefined
    const now = nowIso()
    let id: number
    if (existing) {
      id = existing.id
      // Editing by hand makes it the person's own, whatever it was made from.
      db.prepare('UPDATE commitments SET made_on = ?, source = ?, updated_at = ? WHERE id = ?').run(
        madeOn,
        source,
        now,
        id
      )
    } else {
      if (LEFT_STATUSES.includes(p.status))
        throw new CoreError(
          'VALIDATION',
          `"${p.full_name}" không còn trong danh sách; không lập cam kết được.`
        )
      id = Number(
        db
          .prepare(
            'INSERT INTO commitments(person_id, year, unit_id, made_on, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
          )
          .run(input.personId, input.year, p.unit_id, madeOn, source, now, now).lastInsertRowid
      )
    }
    writeItems(db, 'commitment_items', id, items)
    return findCommitment(db, input)!
  })
}

/** Deletes a commitment (made by mistake); the reviews keep their lines about the person. */
export function deleteCommitment(
  db: Database,
  { personId, year }: { personId: number; year: number }
): null {
  inTransaction(db, () => {
    const r = db
      .prepare('DELETE FROM commitments WHERE person_id = ? AND year = ?')
      .run(personId, year)
    if (r.changes === 0) throw notFound('bản cam kết này')
  })
  return null
}

export function setResult(db: Database, input: CommitmentResultInput): Commitment {
  return inTransaction(db, () => {
    const c = findCommitment(db, input)
    if (!c) {
      const p = personRow(db, input.personId)
      throw new CoreError(
        'NO_COMMITMENT',
        `"${p.full_name}" chưa lập cam kết năm ${input.year}; chưa ghi được kết quả.`
      )
    }
    const note = input.note ? cleanText(input.note) || null : null
    db.prepare(
      'UPDATE commitments SET result = ?, result_note = ?, result_on = ?, updated_at = ? WHERE id = ?'
    ).run(
      input.result,
      note,
      input.result === null && note === null ? null : nowIso().slice(0, 10),
      nowIso(),
      c.id
    )
    return findCommitment(db, input)!
  })
}

/**
 * Everyone on the rolls of a unit and its whole subtree, with their commitment of the year: a
 * committee sees the people of all its chi bộ (unit by unit in tree order), a chi bộ its own.
 */
export function roster(
  db: Database,
  { year, unitId }: { year: number; unitId: number }
): CommitmentRoster {
  const unit = db.prepare('SELECT name, level FROM units WHERE id = ?').get(unitId) as
    { name: string; level: string } | undefined
  if (!unit) throw notFound('đơn vị')
  const rows = db
    .prepare(
      `SELECT p.id, p.full_name, p.kind, p.status, p.position, p.party_card_number, p.unit_id, u.name AS unit_name,
              c.id AS cid, c.made_on, c.result,
              (SELECT count(*) FROM commitment_items i WHERE i.commitment_id = c.id) AS items,
              (SELECT count(*) FROM commitment_items i WHERE i.commitment_id = c.id AND i.heading = 'breakthrough') AS breakthroughs,
              (SELECT count(*) FROM commitment_review_entries e JOIN commitment_reviews r ON r.id = e.review_id
                 WHERE e.person_id = p.id AND r.year = ? AND e.outcome = 'praise') AS praises,
              (SELECT count(*) FROM commitment_review_entries e JOIN commitment_reviews r ON r.id = e.review_id
                 WHERE e.person_id = p.id AND r.year = ? AND e.outcome = 'reminder') AS reminders,
              (SELECT e.outcome FROM commitment_review_entries e JOIN commitment_reviews r ON r.id = e.review_id
                 WHERE e.person_id = p.id AND r.year = ? ORDER BY r.held_on DESC, r.id DESC LIMIT 1) AS last_outcome
       FROM people p JOIN units u ON u.id = p.unit_id LEFT JOIN commitments c ON c.person_id = p.id AND c.year = ?
       WHERE p.unit_id IN ${UNIT_IDS_IN_RANGE} AND p.status NOT IN ${LEFT_SQL}
       ORDER BY u.tree_order, p.kind, p.sort_key, p.id`
    )
    .all(year, year, year, year, ...scopeRange(db, unitId)) as {
    id: number
    unit_id: number
    unit_name: string
    full_name: string
    kind: PersonKind
    status: PersonStatus
    position: string | null
    party_card_number: string | null
    cid: number | null
    made_on: string | null
    result: Commitment['result']
    items: number
    breakthroughs: number
    praises: number
    reminders: number
    last_outcome: CommitmentOutcome | null
  }[]
  const out = rows.map((r) => ({
    personId: r.id,
    fullName: r.full_name,
    kind: r.kind,
    status: r.status,
    position: r.position,
    partyCardNumber: r.party_card_number,
    unitId: r.unit_id,
    unitName: r.unit_name,
    state: stateOf(r.status, r.cid !== null),
    itemCount: r.items,
    hasBreakthrough: r.breakthroughs > 0,
    madeOn: r.made_on,
    praises: r.praises,
    reminders: r.reminders,
    lastOutcome: r.last_outcome,
    result: r.result
  }))
  const required = out.filter((r) => isAsked(r.status)).length
  const made = out.filter((r) => isAsked(r.status) && r.state === 'made').length
  return {
    year,
    unitId,
    unitName: unit.name,
    unitLevel: unit.level,
    rows: out,
    counts: {
      required,
      made,
      missing: required - made,
      notAsked: out.length - required,
      percent: percent(made, required)
    }
  }
}

/**
 * Makes commitments for everyone of the unit and its subtree who is asked and has none yet (or
 * only for `personIds`), each from their own unit's template, in one transaction. Existing
 * commitments are never overwritten.
 */
export function bulkFromTemplate(db: Database, input: CommitmentBulkInput): CommitmentBulkResult {
  const madeOn = checkDay(input.madeOn, 'madeOn', 'Ngày lập cam kết')
  return inTransaction(db, () => {
    // Over a committee, each person gets the template of their own chi bộ (its own, or the
    // nearest ancestor's, or the built-in one), and the commitment belongs to that chi bộ.
    const templates = new Map<number, ReturnType<typeof getTemplate>>()
    const templateOf = (unitId: number) => {
      let t = templates.get(unitId)
      if (!t) {
        t = getTemplate(db, { unitId, year: input.year })
        if (t.items.length === 0) {
          const name = (
            db.prepare('SELECT name FROM units WHERE id = ?').get(unitId) as { name: string }
          ).name
          throw new CoreError('VALIDATION', `Mẫu cam kết của "${name}" chưa có nội dung nào.`)
        }
        templates.set(unitId, t)
      }
      return t
    }
    const template = getTemplate(db, input)
    const people = db
      .prepare(
        `SELECT id, status, full_name, unit_id FROM people WHERE unit_id IN ${UNIT_IDS_IN_RANGE} AND status NOT IN ${LEFT_SQL}`
      )
      .all(...scopeRange(db, input.unitId)) as {
      id: number
      status: PersonStatus
      full_name: string
      unit_id: number
    }[]
    const only = input.personIds ? new Set(input.personIds) : null
    if (only) {
      const here = new Set(people.map((p) => p.id))
      const stranger = [...only].find((id) => !here.has(id))
      if (stranger !== undefined)
        throw new CoreError(
          'VALIDATION',
          `Người có mã ${stranger} không thuộc danh sách của đơn vị này.`
        )
    }
    const has = db.prepare('SELECT 1 FROM commitments WHERE person_id = ? AND year = ?')
    const insert = db.prepare(
      'INSERT INTO commitments(person_id, year, unit_id, made_on, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
    )
    const now = nowIso()
    const result: CommitmentBulkResult = {
      created: 0,
      skippedExisting: 0,
      skippedNotAsked: 0,
      templateSource: template.source
    }
    for (const p of people) {
      if (only && !only.has(p.id)) continue
      if (!isAsked(p.status)) {
        result.skippedNotAsked++
        continue
      }
      if (has.get(p.id, input.year)) {
        result.skippedExisting++
        continue
      }
      const own = templateOf(p.unit_id)
      const id = Number(
        insert.run(p.id, input.year, p.unit_id, madeOn, 'template', now, now).lastInsertRowid
      )
      writeItems(db, 'commitment_items', id, own.items)
      result.created++
    }
    return result
  })
}
