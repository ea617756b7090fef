// A commitment's items (and a template's): cleaned, checked, read and written in order.
import type { CommitmentItem } from '../../shared/api'
import { COMMITMENT_HEADINGS } from '../../shared/api'
import { COMMITMENT_HEADING_LABELS } from '../../shared/labels'
import { cleanText } from '../../shared/vn-text'
import type { Database } from '../db/connection'
import { CoreError } from '../db/errors'

export const MAX_ITEMS = 60
const MAX_TEXT = 2000

/** Keeps line breaks a user typed inside a long item, but no stray spaces or decomposed marks. */
function cleanLong(value: string | null | undefined): string | null {
  if (value == null) return null
  const lines = value
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return text || null
}

/**
 * Cleans items and checks them; throws a VALIDATION error naming the item ("Mục 3 …") when one
 * is wrong. Items are kept in heading order (the printed order), each heading's items as given.
 */
export function normaliseItems(items: CommitmentItem[]): CommitmentItem[] {
  const errors: Record<string, string> = {}
  if (items.length > MAX_ITEMS)
    throw new CoreError('VALIDATION', `Tối đa ${MAX_ITEMS} nội dung trong một bản cam kết.`)
  const out: (CommitmentItem & { i: number })[] = []
  items.forEach((item, i) => {
    if (!COMMITMENT_HEADINGS.includes(item.heading)) {
      errors[`items.${i}.heading`] = `Nội dung thứ ${i + 1}: nhóm nội dung không hợp lệ.`
      return
    }
    const clean = {
      heading: item.heading,
      content: cleanLong(item.content) ?? '',
      tasks: cleanLong(item.tasks),
      measures: cleanLong(item.measures),
      deadline: item.deadline == null ? null : cleanText(item.deadline) || null,
      expected: cleanLong(item.expected)
    }
    // An entirely blank row (added and never filled) is dropped, not refused.
    if (!clean.content && !clean.tasks && !clean.measures && !clean.deadline && !clean.expected)
      return
    if (!clean.content)
      errors[`items.${i}.content`] =
        `Nội dung thứ ${i + 1} (${COMMITMENT_HEADING_LABELS[item.heading]}): chưa ghi nội dung cam kết.`
    for (const key of ['content', 'tasks', 'measures', 'expected'] as const) {
      if ((clean[key]?.length ?? 0) > MAX_TEXT)
        errors[`items.${i}.${key}`] = `Nội dung thứ ${i + 1}: quá dài (tối đa ${MAX_TEXT} ký tự).`
    }
    if ((clean.deadline?.length ?? 0) > 200)
      errors[`items.${i}.deadline`] = `Nội dung thứ ${i + 1}: thời hạn quá dài.`
    out.push({ ...clean, i })
  })
  if (Object.keys(errors).length > 0)
    throw new CoreError('VALIDATION', Object.values(errors).join(' '), errors)
  const order = (h: CommitmentItem['heading']) => COMMITMENT_HEADINGS.indexOf(h)
  return out
    .sort((a, b) => order(a.heading) - order(b.heading) || a.i - b.i)
    .map(({ i: _i, ...item }) => item)
}

interface ItemRow {
  owner: number
  heading: CommitmentItem['heading']
  content: string
  tasks: string | null
  measures: string | null
  deadline: string | null
  expected: string | null
}

const toItem = (r: ItemRow): CommitmentItem => ({
  heading: r.heading,
  content: r.content,
  tasks: r.tasks,
  measures: r.measures,
  deadline: r.deadline,
  expected: r.expected
})

/** Items of several owners (commitments or templates) at once, by owner id. */
export function readItems(
  db: Database,
  table: 'commitment_items' | 'commitment_template_items',
  ids: number[]
): Map<number, CommitmentItem[]> {
  const owner = table === 'commitment_items' ? 'commitment_id' : 'template_id'
  const map = new Map<number, CommitmentItem[]>()
  for (let k = 0; k < ids.length; k += 500) {
    const chunk = ids.slice(k, k + 500)
    const rows = db
      .prepare(
        `SELECT ${owner} AS owner, heading, content, tasks, measures, deadline, expected FROM ${table}
         WHERE ${owner} IN (${chunk.map(() => '?').join(', ')}) ORDER BY ${owner}, position`
      )
      .all(...chunk) as ItemRow[]
    for (const r of rows) {
      const list = map.get(r.owner) ?? []
      list.push(toItem(r))
      map.set(r.owner, list)
    }
  }
  return map
}

export function writeItems(
  db: Database,
  table: 'commitment_items' | 'commitment_template_items',
  ownerId: number,
  items: CommitmentItem[]
): void {
  const owner = table === 'commitment_items' ? 'commitment_id' : 'template_id'
  db.prepare(`DELETE FROM ${table} WHERE ${owner} = ?`).run(ownerId)
  const insert = db.prepare(
    `INSERT INTO ${table}(${owner}, position, heading, content, tasks, measures, deadline, expected) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  items.forEach((it, i) =>
    insert.run(ownerId, i, it.heading, it.content, it.tasks, it.measures, it.deadline, it.expected)
  )
}
