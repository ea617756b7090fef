// Works the area submits to the national press award on party building, with their authors
// (people on file or outside names), stage and result.
import type { PressAuthor, PressListInput, PressWork, PressWorkFields } from '../../shared/api'
import { PRESS_CATEGORIES, PRESS_RESULTS, PRESS_STAGES } from '../../shared/api'
import { parsePartialDate } from '../../shared/partial-date'
import { cleanText } from '../../shared/vn-text'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { scopeRange } from '../units/subtree'
import { windowWarning } from '../../shared/press-window'

interface Row {
  id: number
  award_year: number
  title: string
  outlet: string | null
  published_on: string
  category: PressWork['category']
  link: string | null
  unit_id: number
  unit_name: string
  stage: PressWork['stage']
  result: PressWork['result']
  note: string | null
}

const SELECT = `
  SELECT w.id, w.award_year, w.title, w.outlet, w.published_on, w.category, w.link, w.unit_id, u.name AS unit_name,
         w.stage, w.result, w.note
  FROM press_works w JOIN units u ON u.id = w.unit_id`

function authorsOf(db: Database, ids: number[]): Map<number, PressAuthor[]> {
  const map = new Map<number, PressAuthor[]>()
  if (ids.length === 0) return map
  const rows = db
    .prepare(
      `SELECT a.work_id, a.person_id, coalesce(p.full_name, a.name) AS name FROM press_work_authors a LEFT JOIN people p ON p.id = a.person_id
       WHERE a.work_id IN (${ids.map(() => '?').join(', ')}) ORDER BY a.work_id, a.position`
    )
    .all(...ids) as { work_id: number; person_id: number | null; name: string }[]
  for (const r of rows) {
    const list = map.get(r.work_id) ?? []
    list.push({ personId: r.person_id, name: r.name })
    map.set(r.work_id, list)
  }
  return map
}

function toWorks(db: Database, rows: Row[]): PressWork[] {
  const authors = authorsOf(
    db,
    rows.map((r) => r.id)
  )
  return rows.map((r) => ({
    id: r.id,
    awardYear: r.award_year,
    title: r.title,
    authors: authors.get(r.id) ?? [],
    outlet: r.outlet,
    publishedOn: r.published_on,
    category: r.category,
    link: r.link,
    unitId: r.unit_id,
    unitName: r.unit_name,
    stage: r.stage,
    result: r.result,
    note: r.note,
    warning: windowWarning(r.award_year, r.published_on)
  }))
}

function getPressWork(db: Database, id: number): PressWork {
  const r = db.prepare(`${SELECT} WHERE w.id = ?`).get(id) as Row | undefined
  if (!r) throw notFound('tác phẩm báo chí này')
  return toWorks(db, [r])[0]
}

export function listPressWorks(db: Database, input: PressListInput): PressWork[] {
  const [lo, hi] = scopeRange(db, input.unitId)
  const params: unknown[] = [lo, hi]
  let where = 'u.path >= ? AND u.path < ?'
  if (input.awardYear !== null) {
    where += ' AND w.award_year = ?'
    params.push(input.awardYear)
  }
  return toWorks(
    db,
    db
      .prepare(
        `${SELECT} WHERE ${where} ORDER BY w.award_year DESC, w.published_on DESC, w.id DESC`
      )
      .all(...params) as Row[]
  )
}

function normalise(db: Database, f: PressWorkFields): PressWorkFields {
  const errors: Record<string, string> = {}
  const title = cleanText(f.title)
  if (!title) errors.title = 'Tên tác phẩm không được để trống.'
  if (f.publishedOn.length !== 10 || !parsePartialDate(f.publishedOn))
    errors.publishedOn = 'Ngày đăng, phát không hợp lệ (cần đủ ngày, tháng, năm).'
  if (!PRESS_CATEGORIES.includes(f.category)) errors.category = 'Thể loại không hợp lệ.'
  if (!PRESS_STAGES.includes(f.stage)) errors.stage = 'Vòng xét không hợp lệ.'
  if (f.result !== null && !PRESS_RESULTS.includes(f.result))
    errors.result = 'Kết quả không hợp lệ.'
  if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(f.unitId))
    errors.unitId = 'Đơn vị gửi tác phẩm không tồn tại.'
  const authors: PressAuthor[] = []
  f.authors.forEach((a, i) => {
    if (a.personId !== null) {
      const p = db.prepare('SELECT full_name FROM people WHERE id = ?').get(a.personId) as
        { full_name: string } | undefined
      if (!p) errors[`authors.${i}`] = 'Tác giả không có trong danh sách.'
      else authors.push({ personId: a.personId, name: p.full_name })
      return
    }
    const name = cleanText(a.name)
    if (!name) errors[`authors.${i}`] = 'Tên tác giả không được để trống.'
    else authors.push({ personId: null, name })
  })
  if (f.authors.length === 0) errors.authors = 'Cần ít nhất một tác giả.'
  if (Object.keys(errors).length > 0)
    throw new CoreError('VALIDATION', Object.values(errors).join(' '), errors)
  const opt = (s: string | null) => (s ? cleanText(s) || null : null)
  return { ...f, title, authors, outlet: opt(f.outlet), link: opt(f.link), note: opt(f.note) }
}

function writeAuthors(db: Database, workId: number, authors: PressAuthor[]): void {
  db.prepare('DELETE FROM press_work_authors WHERE work_id = ?').run(workId)
  const insert = db.prepare(
    'INSERT INTO press_work_authors(work_id, position, person_id, name) VALUES (?, ?, ?, ?)'
  )
  authors.forEach((a, i) => insert.run(workId, i, a.personId, a.name))
}

const values = (f: PressWorkFields) => [
  f.awardYear,
  f.title,
  f.outlet,
  f.publishedOn,
  f.category,
  f.link,
  f.unitId,
  f.stage,
  f.result,
  f.note
]

export function createPressWork(db: Database, input: PressWorkFields): PressWork {
  return inTransaction(db, () => {
    const f = normalise(db, input)
    const now = nowIso()
    const id = Number(
      db
        .prepare(
          `INSERT INTO press_works(award_year, title, outlet, published_on, category, link, unit_id, stage, result, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(...values(f), now, now).lastInsertRowid
    )
    writeAuthors(db, id, f.authors)
    return getPressWork(db, id)
  })
}

export function updatePressWork(db: Database, id: number, input: PressWorkFields): PressWork {
  return inTransaction(db, () => {
    getPressWork(db, id)
    const f = normalise(db, input)
    db.prepare(
      `UPDATE press_works SET award_year = ?, title = ?, outlet = ?, published_on = ?, category = ?, link = ?, unit_id = ?, stage = ?, result = ?,
         note = ?, updated_at = ? WHERE id = ?`
    ).run(...values(f), nowIso(), id)
    writeAuthors(db, id, f.authors)
    return getPressWork(db, id)
  })
}

export function deletePressWork(db: Database, id: number): null {
  inTransaction(db, () => {
    getPressWork(db, id)
    db.prepare('DELETE FROM press_work_authors WHERE work_id = ?').run(id)
    db.prepare('DELETE FROM press_works WHERE id = ?').run(id)
  })
  return null
}
