// Reads a sheet of attendees (names and/or party card numbers) and matches each row to people on
// the rolls. Nothing is guessed silently: a row that matches nobody, or could be several people,
// is listed for the user to decide, and nothing is written here; the user's confirmed choices
// are then committed with study:setAttendance.
//
// Matching: by card number first (unique across the organisation, so anywhere on the rolls);
// then by the folded full name among people of the session's host unit and its subtree,
// narrowed by the birth year when the sheet has one.
//
// The file is read as member lists are (import/read-grid.ts): .xlsx or .csv in any of the usual
// encodings, TCVN3/VNI text converted, and .xls, broken or hostile files refused with a message.
import { basename } from 'node:path'
import type {
  PersonKind,
  StudySheetCandidate,
  StudySheetInput,
  StudySheetPreview
} from '../../shared/api'
import { cleanText, foldVietnamese } from '../../shared/vn-text'
import type { CoreContext } from '../context'
import { CoreError, notFound } from '../db/errors'
import { cellText as gridCellText, type CellValue, type GridSheet } from '../excel/grid'
import { headerKey } from '../import/headers'
import { readGrid } from '../excel/read-grid'
import { LEFT_SQL } from '../people/status-sql'
import { subtreeRange } from '../units/subtree'

const NAME_HEADERS = [
  'ho va ten',
  'ho ten',
  'ho va ten dang vien',
  'ho ten dang vien',
  'ten dang vien',
  'ho va ten nguoi du',
  'dang vien'
]
const CARD_HEADERS = ['so the', 'so the dang vien', 'so the dv', 'the dang vien', 'so the dang']
const BIRTH_HEADERS = ['ngay sinh', 'nam sinh', 'ngay thang nam sinh']
/** The chi bộ of each attendee: tells apart two people of the same name in the host's subtree. */
const UNIT_HEADERS = ['chi bo', 'don vi', 'chi bo sinh hoat', 'to dang', 'noi sinh hoat']

/** The text a cell shows, trimmed and with single spaces; dates as dd/mm/yyyy. */
export function cellText(value: CellValue | undefined): string {
  return value === undefined ? '' : cleanText(gridCellText(value))
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

/** Where the columns are (0-based), below the header at `index` into the sheet's rows. */
interface Header {
  index: number
  name: number | null
  card: number | null
  birth: number | null
  unit: number | null
}

/** The header among the first rows: the first that names a name or a card column. */
function findHeader(sheet: GridSheet): Header | null {
  const last = Math.min(sheet.rows.length, 30)
  for (let i = 0; i < last; i++) {
    const h: Header = { index: i, name: null, card: null, birth: null, unit: null }
    sheet.rows[i].cells.forEach((v, col) => {
      const key = headerKey(cellText(v))
      if (!key) return
      if (h.name === null && NAME_HEADERS.includes(key)) h.name = col
      else if (h.card === null && CARD_HEADERS.includes(key)) h.card = col
      else if (h.birth === null && BIRTH_HEADERS.includes(key)) h.birth = col
      else if (h.unit === null && UNIT_HEADERS.includes(key)) h.unit = col
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

export async function previewSheet(
  ctx: CoreContext,
  input: StudySheetInput
): Promise<StudySheetPreview | null> {
  const db = ctx.db
  const session = db
    .prepare(
      'SELECT s.id, u.path FROM study_sessions s JOIN units u ON u.id = s.host_unit_id WHERE s.id = ?'
    )
    .get(input.sessionId) as { id: number; path: string } | undefined
  if (!session) throw notFound('buổi học tập này')
  const path = await ctx.platform.chooseOpenFile({
    title: 'Chọn danh sách người dự học tập',
    filters: [{ name: 'Bảng tính Excel hoặc CSV', extensions: ['xlsx', 'csv'] }]
  })
  if (!path) return null

  const grid = await readGrid(path)
  let sheet: GridSheet | undefined
  let header: Header | null = null
  for (const candidate of grid.sheets) {
    header = findHeader(candidate)
    if (header) {
      sheet = candidate
      break
    }
  }
  if (!sheet || !header) {
    throw new CoreError(
      'NO_HEADER',
      'Không tìm thấy dòng tiêu đề có cột "Họ và tên" hoặc "Số thẻ đảng viên" trong tệp.'
    )
  }

  const onRolls = `p.status NOT IN ${LEFT_SQL}`
  const SELECT = `SELECT p.id, p.full_name, p.name_key, p.kind, p.birth_date, p.party_card_number, u.name AS unit_name
    FROM people p JOIN units u ON u.id = p.unit_id`
  const byCard = db.prepare(`${SELECT} WHERE p.party_card_number = ? AND ${onRolls}`)
  const [lo, hi] = subtreeRange(session.path)
  const byName = db.prepare(
    `${SELECT} WHERE p.name_key = ? AND ${onRolls} AND u.path >= ? AND u.path < ? ORDER BY p.sort_key`
  )
  const present = new Set(
    (
      db
        .prepare('SELECT person_id FROM study_attendance WHERE session_id = ?')
        .all(input.sessionId) as { person_id: number }[]
    ).map((r) => r.person_id)
  )

  const preview: StudySheetPreview = {
    sessionId: input.sessionId,
    fileName: basename(path),
    sheetName: sheet.name,
    matched: [],
    unmatched: [],
    ambiguous: []
  }
  const seen = new Map<number, number>()
  for (const { r, cells } of sheet.rows.slice(header.index + 1)) {
    const name = header.name !== null ? cellText(cells[header.name]) : ''
    const cardText = header.card !== null ? cellText(cells[header.card]) : ''
    const birth = header.birth !== null ? birthYear(cellText(cells[header.birth])) : null
    const unit =
      header.unit !== null
        ? foldVietnamese(cellText(cells[header.unit])).replace(/^(chi bo|cb)\s+/, '')
        : ''
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
          preview.ambiguous.push({
            ...base,
            reason: `Số thẻ ${card} là của "${p.full_name}", khác tên trong tệp.`,
            candidates: [toCandidate(p)]
          })
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
      if (candidates.length > 1 && unit) {
        // "Ấp 3" or "Chi bộ ấp 3": the unit's name without its kind, compared folded.
        const sameUnit = candidates.filter(
          (p) => foldVietnamese(p.unit_name).replace(/^(chi bo|cb)\s+/, '') === unit
        )
        if (sameUnit.length > 0) candidates = sameUnit
      }
    }
    if (candidates.length === 1 && !reason) addMatch(candidates[0], 'name')
    else if (candidates.length === 0)
      preview.unmatched.push({
        ...base,
        reason:
          reason ||
          (name ? 'Không có ai trùng họ tên trong đơn vị tổ chức.' : 'Dòng không có họ tên.')
      })
    else
      preview.ambiguous.push({
        ...base,
        reason: reason || `${candidates.length} người trùng họ tên.`,
        candidates: candidates.map(toCandidate)
      })

    function addMatch(p: PersonRow, by: 'card' | 'name') {
      const earlier = seen.get(p.id)
      if (earlier !== undefined) {
        preview.unmatched.push({ ...base, reason: `Trùng với dòng ${earlier} (cùng một người).` })
        return
      }
      seen.set(p.id, r)
      preview.matched.push({
        ...base,
        person: toCandidate(p),
        by,
        alreadyPresent: present.has(p.id)
      })
    }
  }
  return preview
}
