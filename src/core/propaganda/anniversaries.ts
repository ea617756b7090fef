// The anniversary calendar: the events (seeded and the office's own) and their anniversaries in
// a year, computed by shared/anniversary.ts.
import type { Anniversary, AnniversaryFields, AnniversaryOfYear } from '../../shared/api'
import { anniversaryIn, occurrenceSortKey, stillToCome } from '../../shared/anniversary'
import { parsePartialDate } from '../../shared/partial-date'
import { cleanText } from '../../shared/vn-text'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'

interface Row {
  id: number
  title: string
  date: string
  source: string | null
  note: string | null
  seeded: number
}

const toAnniversary = (r: Row): Anniversary => ({
  id: r.id,
  title: r.title,
  date: r.date,
  source: r.source,
  note: r.note,
  seeded: r.seeded === 1
})

export function listEvents(db: Database): Anniversary[] {
  return (
    db
      .prepare('SELECT id, title, date, source, note, seeded FROM anniversaries ORDER BY date, id')
      .all() as Row[]
  ).map(toAnniversary)
}

function getAnniversary(db: Database, id: number): Anniversary {
  const r = db
    .prepare('SELECT id, title, date, source, note, seeded FROM anniversaries WHERE id = ?')
    .get(id) as Row | undefined
  if (!r) throw notFound('ngày kỷ niệm này')
  return toAnniversary(r)
}

/** The year's anniversaries in the order they fall, with how many activities were held for each. */
export function anniversariesOfYear(db: Database, year: number): AnniversaryOfYear[] {
  const activities = new Map(
    (
      db
        .prepare(
          'SELECT anniversary_id AS id, count(*) AS n FROM propaganda_activities WHERE anniversary_id IS NOT NULL AND starts_on >= ? AND starts_on < ? GROUP BY anniversary_id'
        )
        .all(`${year}-01-01`, `${year + 1}-01-01`) as { id: number; n: number }[]
    ).map((r) => [r.id, r.n])
  )
  const out: AnniversaryOfYear[] = []
  for (const event of listEvents(db)) {
    const a = anniversaryIn(event.title, event.date, year)
    if (a) out.push({ ...event, ...a, activities: activities.get(event.id) ?? 0 })
  }
  return out.sort(
    (x, y) => occurrenceSortKey(x.on).localeCompare(occurrenceSortKey(y.on)) || x.id - y.id
  )
}

/** The anniversaries still to come from `today` to the end of its year, at most `limit`. */
export function upcoming(db: Database, today: string, limit: number): AnniversaryOfYear[] {
  return anniversariesOfYear(db, Number(today.slice(0, 4)))
    .filter((a) => stillToCome(a.on, today))
    .slice(0, limit)
}

function normalise(f: AnniversaryFields): AnniversaryFields {
  const errors: Record<string, string> = {}
  const title = cleanText(f.title)
  if (!title) errors.title = 'Tên sự kiện không được để trống.'
  if (!parsePartialDate(f.date))
    errors.date = 'Ngày của sự kiện không hợp lệ (ngày/tháng/năm, tháng/năm hoặc chỉ năm).'
  if (Object.keys(errors).length > 0)
    throw new CoreError('VALIDATION', Object.values(errors).join(' '), errors)
  return {
    title,
    date: f.date,
    source: f.source ? cleanText(f.source) || null : null,
    note: f.note ? cleanText(f.note) || null : null
  }
}

export function createAnniversary(db: Database, input: AnniversaryFields): Anniversary {
  return inTransaction(db, () => {
    const f = normalise(input)
    const now = nowIso()
    const id = db
      .prepare(
        'INSERT INTO anniversaries(title, date, source, note, seeded, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)'
      )
      .run(f.title, f.date, f.source, f.note, now, now).lastInsertRowid
    return getAnniversary(db, Number(id))
  })
}

export function updateAnniversary(db: Database, id: number, input: AnniversaryFields): Anniversary {
  return inTransaction(db, () => {
    getAnniversary(db, id)
    const f = normalise(input)
    db.prepare(
      'UPDATE anniversaries SET title = ?, date = ?, source = ?, note = ?, updated_at = ? WHERE id = ?'
    ).run(f.title, f.date, f.source, f.note, nowIso(), id)
    return getAnniversary(db, id)
  })
}

export function deleteAnniversary(db: Database, id: number): null {
  inTransaction(db, () => {
    getAnniversary(db, id)
    const used = (
      db
        .prepare('SELECT count(*) AS n FROM propaganda_activities WHERE anniversary_id = ?')
        .get(id) as { n: number }
    ).n
    if (used > 0)
      throw new CoreError(
        'CONFLICT',
        `Không xoá được: ${used} hoạt động tuyên truyền đang gắn với ngày kỷ niệm này.`
      )
    db.prepare('DELETE FROM anniversaries WHERE id = ?').run(id)
  })
  return null
}
