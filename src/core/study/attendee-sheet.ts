// Reads a sheet of attendees (names and/or party card numbers) and matches each row to people on
// the rolls. Nothing is guessed silently: a row that matches nobody, or could be several people,
// is listed for the user to decide, and nothing is written here; the user's confirmed choices
// are then committed with study:setAttendance.
//
// Matching: by card number first (unique across the organisation, so anywhere on the rolls);
// then by the folded full name among people of the session's host unit and its subtree,
// narrowed by the birth year when the sheet has one.
import { basename } from 'node:path'
import ExcelJS from 'exceljs'
import type { PersonKind, StudySheetCandidate, StudySheetInput, StudySheetPreview } from '../../shared/api'
import { cleanText, foldVietnamese } from '../../shared/vn-text'
import type { CoreContext } from '../context'
import { CoreError, notFound } from '../db/errors'
import { LEFT_SQL } from '../people/status-sql'
import { subtreeRange } from '../units/subtree'

const NAME_HEADERS = ['ho va ten', 'ho ten', 'ho va ten dang vien', 'ho ten dang vien', 'ten dang vien', 'ho va ten nguoi du', 'dang vien']
const CARD_HEADERS = ['so the', 'so the dang vien', 'so the dv', 'the dang vien', 'so the dang']
const BIRTH_HEADERS = ['ngay sinh', 'nam sinh', 'ngay thang nam sinh']

/** The text a cell shows: rich text joined, formula results, dates as dd/mm/yyyy. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return cleanText(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0')
    return `${p(value.getUTCDate())}/${p(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`
  }
  if (typeof value === 'object') {
    if ('richText' in value) return cleanText(value.richText.map((t) => t.text).join(''))
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return cleanText(String(value.text))
  }
  return ''
}

/** Card numbers are 8 digits; a sheet that stored them as numbers lost the leading zeros. */
export function normaliseCard(text: string): string | null {
  const digits = text.replace(/[\s.\-]/g, '')
  if (!/^\d{5,10}$/.test(digits)) return null
  return digits.length < 8 ? digits.padStart(8, '0') : digits
}

function birthYear(text: string): number | null {
  const m = /(19|20)\d{2}/.exec(text)
  return m ? Number(m[0]) : null
}

interface Header {
  row: number
  name: number | null
  card: number | null
  birth: number | null
}

function findHeader(ws: ExcelJS.Worksheet): Header | null {
  const last = Math.min(ws.rowCount, 30)
  for (let r = 1; r <= last; r++) {
    const h: Header = { row: r, name: null, card: null, birth: null }
    ws.getRow(r).eachCell((cell, col) => {
      const key = foldVietnamese(cellText(cell.value)).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim()
      if (!key) return
      if (h.name === null && NAME_HEADERS.includes(key)) h.name = col
      else if (h.card === null && CARD_HEADERS.includes(key)) h.card = col
      else if (h.birth === null && BIRTH_HEADERS.includes(key)) h.birth = col
    })
    if (h.name !== null || h.card !== null) return h
  }
  return null
}

interface PersonRow {
  id: number
  full_name: string
  name_key: string
  kind: PersonKind
  birth_date: string | null
  party_card_number: string | null
  unit_name: string
}

const toCandidate = (p: PersonRow): StudySheetCandidate => ({
  personId: p.id,
  fullName: p.full_name,
  unitName: p.unit_name,
  kind: p.kind,
  birthDate: p.birth_date,
  partyCardNumber: p.party_card_number
})

export async function previewSheet(ctx: CoreContext, input: StudySheetInput): Promise<StudySheetPreview | null> {
  const db = ctx.db
  const session = db
    .prepare('SELECT s.id, u.path FROM study_sessions s JOIN units u ON u.id = s.host_unit_id WHERE s.id = ?')
    .get(input.sessionId) as { id: number; path: string } | undefined
  if (!session) throw notFound('buổi học tập này')
  const path =
    input.path ??
    (input.chooseFile
      ? await ctx.platform.chooseOpenFile({ title: 'Chọn danh sách người dự học tập', filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }] })
      : null)
  if (!path) return null

  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.readFile(path)
  } catch (e) {
    throw new CoreError('UNREADABLE', `Không đọc được tệp ${basename(path)} (cần tệp Excel .xlsx): ${(e as Error).message}`)
  }
  let ws: ExcelJS.Worksheet | undefined
  let header: Header | null = null
  for (const sheet of wb.worksheets) {
    header = findHeader(sheet)
    if (header) {
      ws = sheet
      break
    }
  }
  if (!ws || !header) {
    throw new CoreError('NO_HEADER', 'Không tìm thấy dòng tiêu đề có cột "Họ và tên" hoặc "Số thẻ đảng viên" trong tệp.')
  }

  const onRolls = `p.status NOT IN ${LEFT_SQL}`
  const SELECT = `SELECT p.id, p.full_name, p.name_key, p.kind, p.birth_date, p.party_card_number, u.name AS unit_name
    FROM people p JOIN units u ON u.id = p.unit_id`
  const byCard = db.prepare(`${SELECT} WHERE p.party_card_number = ? AND ${onRolls}`)
  const [lo, hi] = subtreeRange(session.path)
  const byName = db.prepare(`${SELECT} WHERE p.name_key = ? AND ${onRolls} AND u.path >= ? AND u.path < ? ORDER BY p.sort_key`)
  const present = new Set(
    (db.prepare('SELECT person_id FROM study_attendance WHERE session_id = ?').all(input.sessionId) as { person_id: number }[]).map((r) => r.person_id)
  )

  const preview: StudySheetPreview = { sessionId: input.sessionId, fileName: basename(path), sheetName: ws.name, matched: [], unmatched: [], ambiguous: [] }
  const seen = new Map<number, number>()
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    const name = header.name ? cellText(row.getCell(header.name).value) : ''
    const cardText = header.card ? cellText(row.getCell(header.card).value) : ''
    const birth = header.birth ? birthYear(cellText(row.getCell(header.birth).value)) : null
    // Skip blank rows, the row of column numbers (1, 2, 3 …) and the totals line.
    if (!name && !cardText) continue
    if (/^\(?\d{1,2}\)?$/.test(name) && (!cardText || /^\(?\d{1,2}\)?$/.test(cardText))) continue
    if (/^(tong cong|cong|tong so)\b/.test(foldVietnamese(name))) continue
    const card = cardText ? normaliseCard(cardText) : null
    const base = { row: r, name, card: card ?? (cardText || null) }

    let candidates: PersonRow[] = []
    let reason = ''
    if (card) {
      const hit = byCard.all(card) as PersonRow[]
      if (hit.length === 1) {
        const p = hit[0]
        // A card that names someone else than the sheet's name is a typo somewhere: ask.
        if (name && foldVietnamese(name) !== p.name_key) {
          preview.ambiguous.push({ ...base, reason: `Số thẻ ${card} là của "${p.full_name}", khác tên trong tệp.`, candidates: [toCandidate(p)] })
          continue
        }
        addMatch(p, 'card')
        continue
      }
      reason = `Không có ai mang số thẻ ${card}.`
    }
    if (name) {
      candidates = byName.all(foldVietnamese(name), lo, hi) as PersonRow[]
      if (candidates.length > 1 && birth !== null) {
        const sameYear = candidates.filter((p) => p.birth_date?.startsWith(String(birth)))
        if (sameYear.length > 0) candidates = sameYear
      }
    }
    if (candidates.length === 1 && !reason) addMatch(candidates[0], 'name')
    else if (candidates.length === 0) preview.unmatched.push({ ...base, reason: reason || (name ? 'Không có ai trùng họ tên trong đơn vị tổ chức.' : 'Dòng không có họ tên.') })
    else preview.ambiguous.push({ ...base, reason: reason || `${candidates.length} người trùng họ tên.`, candidates: candidates.map(toCandidate) })

    function addMatch(p: PersonRow, by: 'card' | 'name') {
      const earlier = seen.get(p.id)
      if (earlier !== undefined) {
        preview.unmatched.push({ ...base, reason: `Trùng với dòng ${earlier} (cùng một người).` })
        return
      }
      seen.set(p.id, r)
      preview.matched.push({ ...base, person: toCandidate(p), by, alreadyPresent: present.has(p.id) })
    }
  }
  return preview
}
