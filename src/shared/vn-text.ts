// Vietnamese text helpers shared by the core (stored keys) and the UI (display).

/**
 * Whether cleanText would return the text as it is: only characters that are NFC whatever follows
 * them (below U+0300: Latin, with no combining mark; U+1EA0–U+1EFF: the precomposed Vietnamese
 * letters), and no whitespace but single spaces between words. One pass over the characters: the
 * importer cleans several cells of every row, and nearly all of them are already clean.
 */
function isClean(value: string): boolean {
  const n = value.length
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i)
    if (c === 32) {
      if (i === 0 || i === n - 1 || value.charCodeAt(i - 1) === 32) return false
    } else if (c <= 13) {
      if (c >= 9) return false // \t \n \v \f \r
    } else if (c === 0xa0 || (c >= 0x300 && (c < 0x1ea0 || c > 0x1eff))) return false
  }
  return true
}

/** Normalise to NFC, trim, collapse inner whitespace. */
export function cleanText(value: string): string {
  if (isClean(value)) return value
  return value.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/**
 * The search key: no diacritics, đ→d, lower case, single spaces.
 * "Nguyễn Văn Dũng" → "nguyen van dung"; "Đặng" → "dang"; "hoà" and "hòa" → "hoa".
 */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

const capitalise = (w: string): string => (w ? w[0].toLocaleUpperCase('vi') + w.slice(1) : w)

/**
 * "NGUYỄN VĂN  DŨNG" → "Nguyễn Văn Dũng", "  Lê   văn  chín " → "Lê Văn Chín": every word of a
 * person's name begins with a capital; a name typed all in capitals is lowered first. The rest of a
 * word in mixed case is left as typed.
 */
export function normaliseName(value: string): string {
  const cleaned = cleanText(value)
  const letters = cleaned.replace(/[^\p{L}]/gu, '')
  const allUpper =
    letters.length > 1 &&
    letters === letters.toLocaleUpperCase('vi') &&
    letters !== letters.toLocaleLowerCase('vi')
  const words = (allUpper ? cleaned.toLocaleLowerCase('vi') : cleaned).split(' ')
  // Already right (nearly every name): no new string.
  if (!allUpper && words.every((w) => !w || w[0] === w[0].toLocaleUpperCase('vi'))) return cleaned
  return words.map(capitalise).join(' ')
}

/**
 * Acronyms that stay in capitals when a unit's name is put in normal case: the one list. Matched
 * with their diacritics ("CA" is công an, "CÀ" is not).
 */
const UNIT_ACRONYMS: ReadonlySet<string> = new Set(
  [
    'THCS',
    'THPT',
    'TH',
    'MN',
    'MG',
    'UBND',
    'HĐND',
    'MTTQ',
    'CCB',
    'BCH',
    'QS',
    'CA',
    'TW',
    'TƯ',
    'BQL',
    'HTX',
    'TNHH',
    'DNTN',
    'KCN',
    'KP',
    'ĐTN',
    'HLHPN',
    'LĐLĐ',
    'TTYT',
    'BV',
    'TT',
    'VN',
    'CP',
    'XHCN',
    'CSVN',
    'ĐCSVN',
    'TDP'
  ].map((a) => a.normalize('NFC'))
)

/**
 * Common nouns of unit names, lower case after the first word ("Chi bộ ấp Bàu Mây", "Đảng ủy xã
 * Tân Hòa", "Chi bộ khu phố 2"): the kind of the unit and of the place it is named after.
 */
const UNIT_NOUNS = new Set(
  [
    'chi bộ',
    'đảng bộ',
    'đảng ủy',
    'đảng uỷ',
    'tổ đảng',
    'bộ phận',
    'cơ sở',
    'ấp',
    'xã',
    'phường',
    'thị trấn',
    'thị xã',
    'huyện',
    'tỉnh',
    'thành phố',
    'quận',
    'khu phố',
    'khóm',
    'thôn',
    'bản',
    'buôn',
    'tổ dân phố',
    'khu',
    'trường',
    'cơ quan',
    'đoàn thể',
    'công an',
    'quân sự',
    'trạm',
    'y tế',
    'bệnh viện',
    'công ty',
    'ban',
    'văn phòng',
    'hội',
    'cựu chiến binh',
    'nông dân',
    'phụ nữ',
    'liên hiệp',
    'mặt trận',
    'tổ quốc',
    'ủy ban',
    'uỷ ban',
    'nhân dân',
    'hội đồng',
    'đoàn',
    'thanh niên',
    'hợp tác xã',
    'doanh nghiệp',
    'mầm non',
    'tiểu học',
    'trung học',
    'mẫu giáo',
    'trung tâm',
    'chính quyền',
    'dân chính đảng',
    'và',
    'các'
  ].map((n) => n.normalize('NFC'))
)
const LONGEST_NOUN = Math.max(...[...UNIT_NOUNS].map((n) => n.split(' ').length))

/**
 * A unit's name in normal case: "CHI BỘ TRƯỜNG THCS THANH PHƯỚC" → "Chi bộ trường THCS Thanh Phước",
 * "chi bộ ấp bàu mây" → "Chi bộ ấp Bàu Mây", "CHI BỘ CƠ QUAN ĐẢNG - ĐOÀN THỂ XÃ" → "Chi bộ cơ quan
 * Đảng - đoàn thể xã". Acronyms (UNIT_ACRONYMS) in capitals, common nouns (UNIT_NOUNS) lower case,
 * other words (the names of places and people) capitalised. A name already in mixed case is left
 * as typed, but for its acronyms.
 */
export function normaliseUnitName(value: string): string {
  const cleaned = cleanText(value)
  const letters = cleaned.replace(/[^\p{L}]/gu, '')
  const lower = letters.toLocaleLowerCase('vi')
  const mixed = letters !== lower && letters !== letters.toLocaleUpperCase('vi')
  const words = cleaned.split(' ')
  const out: string[] = []
  for (let i = 0; i < words.length;) {
    const bare = words[i].replace(/[^\p{L}\p{M}]/gu, '')
    const upper = bare.toLocaleUpperCase('vi')
    // In a name typed in mixed case, a short word is an acronym only as typed in capitals ("Ca" may be a word).
    if (UNIT_ACRONYMS.has(upper) && (!mixed || bare === upper || bare.length >= 3)) {
      out.push(words[i].replace(bare, upper))
      i++
      continue
    }
    if (mixed) {
      out.push(out.length === 0 ? capitalise(words[i]) : words[i])
      i++
      continue
    }
    // The longest common noun starting here ("tổ dân phố" before "tổ").
    let n = 0
    for (let k = Math.min(LONGEST_NOUN, words.length - i); k > 0 && n === 0; k--) {
      if (
        UNIT_NOUNS.has(
          words
            .slice(i, i + k)
            .join(' ')
            .toLocaleLowerCase('vi')
        )
      )
        n = k
    }
    if (n > 0) {
      const noun = words
        .slice(i, i + n)
        .join(' ')
        .toLocaleLowerCase('vi')
      out.push(out.length === 0 ? capitalise(noun) : noun)
      i += n
      continue
    }
    // "Đảng" (the Party) keeps its capital, as in "cơ quan Đảng".
    out.push(capitalise(words[i].toLocaleLowerCase('vi')))
    i++
  }
  return out.join(' ')
}

// Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
// Tones are a secondary difference, in the order ngang, huyền, hỏi, ngã, sắc, nặng.
const BASE_ORDER = 'aăâbcdđeêghiklmnoôơpqrstuưvxy'
const TONE_MARKS: Record<string, string> = {
  '\u0300': '1', // huyền
  '\u0309': '2', // hỏi
  '\u0303': '3', // ngã
  '\u0301': '4', // sắc
  '\u0323': '5' // nặng
}

/** One character of the sort key per letter: order-preserving under Vietnamese collation. */
function letterKey(base: string): string {
  const i = BASE_ORDER.indexOf(base)
  if (i >= 0) return String.fromCharCode(0x41 + i) // 'A'..: above space and digits
  if (/[0-9]/.test(base)) return base
  if (base === ' ') return ' '
  // Letters outside the Vietnamese alphabet (f, j, w, z …) go after the nearest letter.
  const fallback = BASE_ORDER.indexOf(String.fromCharCode(base.charCodeAt(0) - 1))
  return fallback >= 0 ? String.fromCharCode(0x41 + fallback) + '~' : base
}

/** Primary and tone keys for a string (already lower case). */
function collationParts(value: string): { primary: string; tones: string } {
  let primary = ''
  let tones = ''
  // Decompose, but keep the letter-forming marks (breve, circumflex, horn) on their base letter.
  const decomposed = value.normalize('NFD')
  for (let i = 0; i < decomposed.length; i++) {
    const ch = decomposed[i]
    if (/[\u0300-\u036f]/.test(ch)) continue
    let base = ch
    let tone = '0'
    let j = i + 1
    while (j < decomposed.length && /[\u0300-\u036f]/.test(decomposed[j])) {
      const mark = decomposed[j]
      if (TONE_MARKS[mark]) tone = TONE_MARKS[mark]
      else base = (base + mark).normalize('NFC')
      j++
    }
    primary += letterKey(base)
    if (base !== ' ') tones += tone
  }
  return { primary, tones }
}

/**
 * A key that sorts people by given name (last word), then the rest of the name, in Vietnamese
 * collation, with plain binary comparison, so SQLite can sort and page through an index.
 */
export function personSortKey(fullName: string): string {
  const words = cleanText(fullName).toLocaleLowerCase('vi').split(' ').filter(Boolean)
  if (words.length === 0) return ''
  const given = words[words.length - 1]
  const rest = words.slice(0, -1).join(' ')
  const a = collationParts(given)
  const b = collationParts(rest)
  // Primary of given, then primary of the rest, then tones: a tone only breaks ties.
  return `${a.primary}\u0001${b.primary}\u0001${a.tones}\u0001${b.tones}`
}

// numeric: "Chi bộ 2" before "Chi bộ 10", as people number their cells.
const unitCollator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' })

/** The order of sibling units, everywhere a tree is shown or exported: by name, in Vietnamese, numbers by value. */
export function compareUnitNames(a: string, b: string): number {
  return unitCollator.compare(a, b)
}

/** Compares names the same way personSortKey sorts them (for lists built in memory). */
export function comparePersonNames(a: string, b: string): number {
  const x = personSortKey(a)
  const y = personSortKey(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Word → its folded form and collation parts: names are made of few distinct words. */
const wordKeys = new Map<string, { fold: string; primary: string; tones: string }>()

function keysOfWord(word: string): { fold: string; primary: string; tones: string } {
  let k = wordKeys.get(word)
  if (!k) {
    if (wordKeys.size > 50_000) wordKeys.clear()
    k = { fold: foldVietnamese(word), ...collationParts(word.toLocaleLowerCase('vi')) }
    wordKeys.set(word, k)
  }
  return k
}

/**
 * foldVietnamese(fullName) and personSortKey(fullName) at once, for writers of many people: the
 * same results, worked out a word at a time with the words remembered.
 */
export function personNameKeys(fullName: string): { nameKey: string; sortKey: string } {
  const cleaned = cleanText(fullName)
  // Only plain names (letters, marks, apostrophes, hyphens, dots, single spaces) go word by word.
  if (cleaned.length === 0 || !/^[\p{L}\p{M}'.\- ]+$/u.test(cleaned))
    return { nameKey: foldVietnamese(fullName), sortKey: personSortKey(fullName) }
  const keys = cleaned.split(' ').map(keysOfWord)
  const given = keys[keys.length - 1]
  let nameKey = ''
  let primary = ''
  let tones = ''
  for (let i = 0; i < keys.length; i++) {
    nameKey += i === 0 ? keys[i].fold : ` ${keys[i].fold}`
    if (i < keys.length - 1) {
      primary += i === 0 ? keys[i].primary : ` ${keys[i].primary}`
      tones += keys[i].tones
    }
  }
  return { nameKey, sortKey: `${given.primary}\u0001${primary}\u0001${given.tones}\u0001${tones}` }
}
