// People on the rolls of units: party members and non-members who study and commit.
import type {
  PeopleFilter,
  PeopleListInput,
  PeopleListOutput,
  PeopleSelection,
  Person,
  PersonFields,
  PersonStatus,
  PersonStatusEntry,
  PersonStatusInput
} from '../../shared/api'
import { LEFT_STATUSES, MEMBER_ONLY_STATUSES } from '../../shared/api'
import { scopeRange, UNIT_IDS_IN_RANGE } from '../units/subtree'
import { LEFT_SQL } from './status-sql'
import { todayIso, isPartialDate, comparePartialDates } from '../../shared/partial-date'
import { cleanText, foldVietnamese, personNameKeys } from '../../shared/vn-text'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { FIELD_LABELS, normalisePerson } from './validate'

/** Column of each field, in one place: the SQL here and the importer's bulk reads are built from it. */
export const PERSON_COLUMNS: Record<keyof PersonFields, string> = {
  unitId: 'unit_id',
  kind: 'kind',
  fullName: 'full_name',
  gender: 'gender',
  birthDate: 'birth_date',
  ethnicity: 'ethnicity',
  religion: 'religion',
  hometown: 'hometown',
  residence: 'residence',
  memberType: 'member_type',
  partyJoinDate: 'party_join_date',
  partyOfficialDate: 'party_official_date',
  partyCardNumber: 'party_card_number',
  partyProfileNumber: 'party_profile_number',
  nationalId: 'national_id',
  position: 'position',
  role: 'role',
  education: 'education',
  politicalTheory: 'political_theory',
  phone: 'phone',
  note: 'note'
}
export const PERSON_FIELD_NAMES = Object.keys(PERSON_COLUMNS) as (keyof PersonFields)[]

const SELECT_PERSON = `SELECT p.*, u.name AS unit_name FROM people p JOIN units u ON u.id = p.unit_id`

type DbRow = Record<string, unknown>

/** The fields of a person from a row of the people table (SELECT * or wider). */
export function personFieldsOfRow(r: DbRow): PersonFields {
  return Object.fromEntries(
    PERSON_FIELD_NAMES.map((f) => [f, r[PERSON_COLUMNS[f]] ?? null])
  ) as unknown as PersonFields
}

function toPerson(r: DbRow): Person {
  return {
    ...personFieldsOfRow(r),
    id: r.id as number,
    status: r.status as PersonStatus,
    statusSince: (r.status_since as string | null) ?? null,
    unitName: r.unit_name as string
  }
}

export function getPerson(db: Database, id: number): Person {
  const r = db.prepare(`${SELECT_PERSON} WHERE p.id = ?`).get(id) as DbRow | undefined
  if (!r) throw notFound('người này')
  return toPerson(r)
}

export function checkUnit(db: Database, unitId: number): void {
  const u = db.prepare('SELECT retired_on FROM units WHERE id = ?').get(unitId) as
    { retired_on: string | null } | undefined
  if (!u)
    throw new CoreError('VALIDATION', 'Đơn vị không tồn tại.', { unitId: 'Đơn vị không tồn tại.' })
  if (u.retired_on)
    throw new CoreError('VALIDATION', 'Đơn vị đã giải thể; hãy chọn đơn vị khác.', {
      unitId: 'Đơn vị đã giải thể.'
    })
}

/** Identifiers are unique across everyone ever recorded: a second person with one is a mistake. */
function checkUnique(db: Database, p: PersonFields, exceptId: number | null): void {
  const errors: Record<string, string> = {}
  for (const key of ['partyCardNumber', 'partyProfileNumber', 'nationalId'] as const) {
    const v = p[key]
    if (!v) continue
    const other = db
      .prepare(`SELECT full_name FROM people WHERE ${PERSON_COLUMNS[key]} = ? AND id IS NOT ?`)
      .get(v, exceptId) as { full_name: string } | undefined
    if (other) errors[key] = `${FIELD_LABELS[key]} ${v} đã có ở "${other.full_name}".`
  }
  if (Object.keys(errors).length > 0)
    throw new CoreError('CONFLICT', Object.values(errors).join(' '), errors)
}

const FIELD_COUNT = PERSON_FIELD_NAMES.length
/**
 * The parameters of the two writes, one array each, filled in place: the importer writes tens of
 * thousands of rows, and run() binds them synchronously, so nothing else can see the array between.
 * Layout: the fields in PERSON_FIELD_NAMES order, name_key, sort_key, then those of the statement.
 */
const insertParams: unknown[] = new Array(FIELD_COUNT + 6)
const updateParams: unknown[] = new Array(FIELD_COUNT + 4)

function fillParams(params: unknown[], p: PersonFields, ...extra: unknown[]): unknown[] {
  for (let i = 0; i < FIELD_COUNT; i++) params[i] = p[PERSON_FIELD_NAMES[i]]
  const { nameKey, sortKey } = personNameKeys(p.fullName)
  params[FIELD_COUNT] = nameKey
  params[FIELD_COUNT + 1] = sortKey
  for (let i = 0; i < extra.length; i++) params[FIELD_COUNT + 2 + i] = extra[i]
  return params
}

const INSERT_SQL = `INSERT INTO people (${PERSON_FIELD_NAMES.map((f) => PERSON_COLUMNS[f]).join(', ')}, name_key, sort_key, status, created_at, updated_at, import_id, import_fingerprint)
  VALUES (${PERSON_FIELD_NAMES.map(() => '?').join(', ')}, ?, ?, 'active', ?, ?, ?, ?)`
const UPDATE_SQL = `UPDATE people SET ${PERSON_FIELD_NAMES.map((f) => `${PERSON_COLUMNS[f]} = ?`).join(', ')}, name_key = ?, sort_key = ?, updated_at = ? WHERE id = ?`

// Bulk writers (the importer) call these tens of thousands of times: prepare once per connection.
type RunStatement = { run(...params: unknown[]): { lastInsertRowid: number | bigint } }
const statementCache = new WeakMap<Database, Map<string, RunStatement>>()
function cached(db: Database, sql: string): RunStatement {
  let m = statementCache.get(db)
  if (!m) statementCache.set(db, (m = new Map()))
  let st = m.get(sql)
  if (!st) m.set(sql, (st = db.prepare(sql)))
  return st
}

/**
 * Inserts a person whose fields are already normalised; for bulk writers inside a transaction.
 * imported: the import that adds them and the fingerprint of what it wrote (see fingerprint.ts),
 * for its undo; null when entered by hand.
 */
export function insertPersonRow(
  db: Database,
  p: PersonFields,
  now: string = nowIso(),
  imported: { importId: number; fingerprint: number } | null = null
): number {
  // Spread, not one array: better-sqlite3 binds arguments faster than it reads an array's elements.
  return Number(
    cached(db, INSERT_SQL).run(
      ...fillParams(
        insertParams,
        p,
        now,
        now,
        imported?.importId ?? null,
        imported?.fingerprint ?? null
      )
    ).lastInsertRowid
  )
}

/** Updates a person whose fields are already normalised; for bulk writers inside a transaction. */
export function updatePersonRow(
  db: Database,
  id: number,
  p: PersonFields,
  now: string = nowIso()
): void {
  cached(db, UPDATE_SQL).run(...fillParams(updateParams, p, now, id))
}

export function createPerson(db: Database, input: PersonFields): Person {
  return inTransaction(db, () => {
    const p = normalisePerson(input)
    checkUnit(db, p.unitId)
    checkUnique(db, p, null)
    return getPerson(db, insertPersonRow(db, p))
  })
}

export function updatePerson(db: Database, id: number, input: PersonFields): Person {
  return inTransaction(db, () => {
    const current = getPerson(db, id)
    const p = normalisePerson(input)
    if (p.unitId !== current.unitId) checkUnit(db, p.unitId)
    if (p.kind === 'non_member' && MEMBER_ONLY_STATUSES.includes(current.status)) {
      throw new CoreError(
        'VALIDATION',
        'Người này đang ở trạng thái chỉ dành cho đảng viên; hãy đổi trạng thái trước.',
        { kind: 'Không đổi được loại.' }
      )
    }
    checkUnique(db, p, id)
    updatePersonRow(db, id, p)
    return getPerson(db, id)
  })
}

/** The day a status change takes effect: a whole date, not in the future; today when not given. */
export function statusDay(given: string | undefined): string {
  const since = given ?? todayIso()
  if (!isPartialDate(since) || since.length !== 10 || comparePartialDates(since, todayIso()) > 0) {
    throw new CoreError('VALIDATION', 'Ngày hiệu lực không hợp lệ hoặc ở tương lai.', {
      since: 'Ngày không hợp lệ.'
    })
  }
  return since
}

export function setPersonStatus(db: Database, input: PersonStatusInput): Person {
  return inTransaction(db, () => {
    const current = getPerson(db, input.id)
    const since = statusDay(input.since)
    if (current.kind === 'non_member' && MEMBER_ONLY_STATUSES.includes(input.status)) {
      throw new CoreError('VALIDATION', 'Trạng thái này chỉ áp dụng cho đảng viên.', {
        status: 'Chỉ áp dụng cho đảng viên.'
      })
    }
    if (current.status !== input.status && !LEFT_STATUSES.includes(input.status))
      checkUnit(db, current.unitId)
    writeStatus(db, input.id, {
      status: input.status,
      since,
      note: input.note ? cleanText(input.note) : null
    })
    return getPerson(db, input.id)
  })
}

/** A status as recorded: which, from what day (full ISO date), and why. */
export interface StatusChange {
  status: PersonStatus
  since: string
  note: string | null
}

/**
 * Sets a person's status and adds it to their status history; for writers inside a transaction
 * that checked it. importId: the import that made the change, so that its undo removes the entry.
 */
export function writeStatus(
  db: Database,
  id: number,
  change: StatusChange,
  now: string = nowIso(),
  importId: number | null = null
): void {
  cached(db, 'UPDATE people SET status = ?, status_since = ?, updated_at = ? WHERE id = ?').run(
    change.status,
    change.since,
    now,
    id
  )
  cached(
    db,
    'INSERT INTO person_status_history(person_id, status, since, note, recorded_at, import_id) VALUES (?, ?, ?, ?, ?, ?)'
  ).run(id, change.status, change.since, change.note, now, importId)
}

export function statusHistory(db: Database, id: number): PersonStatusEntry[] {
  getPerson(db, id)
  const rows = db
    .prepare(
      'SELECT status, since, note, recorded_at FROM person_status_history WHERE person_id = ? ORDER BY id DESC'
    )
    .all(id) as { status: PersonStatus; since: string; note: string | null; recorded_at: string }[]
  return rows.map((r) => ({
    status: r.status,
    since: r.since,
    note: r.note,
    recordedAt: r.recorded_at
  }))
}

/** The default view: everyone still on the rolls. */
const ON_ROLLS = `p.status NOT IN ${LEFT_SQL}`

/**
 * The WHERE clause of a people query and its parameters, from the list's filter: the list, the
 * bulk actions over "everyone the filter finds" and the list's export all read people through it.
 */
function peopleWhere(db: Database, input: PeopleFilter): { whereSql: string; params: unknown[] } {
  const where: string[] = []
  const params: unknown[] = []
  if (input.unitId !== null) {
    if (input.includeSubunits) {
      where.push(`p.unit_id IN ${UNIT_IDS_IN_RANGE}`)
      params.push(...scopeRange(db, input.unitId))
    } else {
      where.push('p.unit_id = ?')
      params.push(input.unitId)
    }
  }
  if (input.statuses && input.statuses.length > 0) {
    where.push(`p.status IN (${input.statuses.map(() => '?').join(', ')})`)
    params.push(...input.statuses)
  } else {
    where.push(ON_ROLLS)
  }
  if (input.kind) {
    where.push('p.kind = ?')
    params.push(input.kind)
  }
  const q = foldVietnamese(input.q ?? '')
  if (q) {
    if (/^\d{4,}$/.test(q)) {
      where.push(
        '(p.party_card_number = ? OR p.party_profile_number = ? OR p.national_id = ? OR p.name_key LIKE ?)'
      )
      params.push(q, q, q, `%${q}%`)
    } else {
      // Each word typed begins a word of the name, in the order typed: "pham thi ha" finds
      // "Phạm Thị Hà" and "Phạm Thị Hải", never "Phạm Thị Ngọc" (whose "pham" holds "ha").
      // name_key is the folded name with single spaces: the first word typed begins the name
      // or follows a space, each next one follows a space ('pham% thi% ha%' or '% pham% thi% ha%').
      const rest =
        q
          .split(' ')
          .map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`))
          .join('% ') + '%'
      where.push("(p.name_key LIKE ? ESCAPE '\\' OR p.name_key LIKE ? ESCAPE '\\')")
      params.push(rest, `% ${rest}`)
    }
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  return { whereSql, params }
}

export function listPeople(db: Database, input: PeopleListInput): PeopleListOutput {
  const { whereSql, params } = peopleWhere(db, input)
  const total = (
    db.prepare(`SELECT count(*) AS n FROM people p ${whereSql}`).get(...params) as { n: number }
  ).n
  const limit = Math.min(input.limit ?? 200, 1000)
  const offset = input.offset ?? 0
  // The page's ids first, then their rows: skipping the rows before a page far down the list
  // (offset 40,000 of 50,000) reads only the name-order index (people_sort holds the status the
  // list tests), not each skipped person's row and unit.
  // With a name search matching few people, walking the name order reads nearly every row at
  // random before the page fills: "thi hoa" over 50,000 people (147 matches) took 4–5× longer
  // that way than reading the table once, as the count just did, and sorting the matches. The
  // unary + keeps the planner off that index; a search matching many still walks the name order
  // and stops once the page is full.
  const searching = foldVietnamese(input.q ?? '') !== ''
  const fewMatches = searching && total < 4 * (offset + limit)
  const order = `${fewMatches ? '+' : ''}p.sort_key, p.id`
  const rows = db
    .prepare(
      `${SELECT_PERSON} WHERE p.id IN (SELECT p.id FROM people p ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?)
       ORDER BY p.sort_key, p.id`
    )
    .all(...params, limit, offset) as DbRow[]
  return { total, rows: rows.map(toPerson) }
}

/**
 * The people of a bulk action, in the list's order (by given name): the ids ticked (refused if
 * any is gone, so nobody is silently left out), or everyone the list's filter finds.
 */
export function selectedPeople(db: Database, selection: PeopleSelection): Person[] {
  if ('ids' in selection) {
    const ids = [...new Set(selection.ids)]
    const rows = db
      .prepare(
        `${SELECT_PERSON} WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.sort_key, p.id`
      )
      .all(JSON.stringify(ids)) as DbRow[]
    if (rows.length < ids.length)
      throw new CoreError(
        'NOT_FOUND',
        `${ids.length - rows.length} người đã chọn không còn trong dữ liệu; hãy tải lại danh sách.`
      )
    return rows.map(toPerson)
  }
  const { whereSql, params } = peopleWhere(db, selection.filter)
  return (
    db.prepare(`${SELECT_PERSON} ${whereSql} ORDER BY p.sort_key, p.id`).all(...params) as DbRow[]
  ).map(toPerson)
}
