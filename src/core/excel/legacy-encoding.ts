// Vietnamese text typed long ago in the legacy 8-bit encodings TCVN3 (ABC; fonts .VnTime,
// .VnTimeH …) and VNI-Windows (fonts VNI-Times …). Those fonts declare a Western charset, so
// when such a file is opened by a Unicode program each byte becomes the Windows-1252 character
// of the same code: "Nguyễn Văn" typed in TCVN3 arrives as "NguyÔn V¨n", in VNI as "Nguyeãn Vaên".
// Here: the conversion tables, the decoders, and a detector that works from the font name when
// there is one and from the characters themselves otherwise.

export type LegacyEncoding = 'tcvn3' | 'vni'

/** What a font says about the encoding of the text drawn with it. */
export interface FontHint {
  encoding: LegacyEncoding
  /** TCVN3 capital-only fonts (.VnTimeH, .VnArialH …) draw every letter as a capital. */
  upper: boolean
}

// ---------------------------------------------------------------- TCVN3 (ABC)

/** TCVN3 byte (as a Windows-1252 character code) → Unicode. */
const TCVN3_BYTES: Record<number, string> = {
  0xa1: 'Ă',
  0xa2: 'Â',
  0xa3: 'Ê',
  0xa4: 'Ô',
  0xa5: 'Ơ',
  0xa6: 'Ư',
  0xa7: 'Đ',
  0xa8: 'ă',
  0xa9: 'â',
  0xaa: 'ê',
  0xab: 'ô',
  0xac: 'ơ',
  0xad: 'ư',
  0xae: 'đ',
  0xb5: 'à',
  0xb6: 'ả',
  0xb7: 'ã',
  0xb8: 'á',
  0xb9: 'ạ',
  0xbb: 'ằ',
  0xbc: 'ẳ',
  0xbd: 'ẵ',
  0xbe: 'ắ',
  0xc6: 'ặ',
  0xc7: 'ầ',
  0xc8: 'ẩ',
  0xc9: 'ẫ',
  0xca: 'ấ',
  0xcb: 'ậ',
  0xcc: 'è',
  0xce: 'ẻ',
  0xcf: 'ẽ',
  0xd0: 'é',
  0xd1: 'ẹ',
  0xd2: 'ề',
  0xd3: 'ể',
  0xd4: 'ễ',
  0xd5: 'ế',
  0xd6: 'ệ',
  0xd7: 'ì',
  0xd8: 'ỉ',
  0xdc: 'ĩ',
  0xdd: 'í',
  0xde: 'ị',
  0xdf: 'ò',
  0xe1: 'ỏ',
  0xe2: 'õ',
  0xe3: 'ó',
  0xe4: 'ọ',
  0xe5: 'ồ',
  0xe6: 'ổ',
  0xe7: 'ỗ',
  0xe8: 'ố',
  0xe9: 'ộ',
  0xea: 'ờ',
  0xeb: 'ở',
  0xec: 'ỡ',
  0xed: 'ớ',
  0xee: 'ợ',
  0xef: 'ù',
  0xf1: 'ủ',
  0xf2: 'ũ',
  0xf3: 'ú',
  0xf4: 'ụ',
  0xf5: 'ừ',
  0xf6: 'ử',
  0xf7: 'ữ',
  0xf8: 'ứ',
  0xf9: 'ự',
  0xfa: 'ỳ',
  0xfb: 'ỷ',
  0xfc: 'ỹ',
  0xfd: 'ý',
  0xfe: 'ỵ',
  // Capitals with a tone exist only in TCVN 5712 VN1, at codes ABC leaves unused; accepted
  // when decoding so text from VN1 fonts converts too.
  0xaf: 'Ằ',
  0xba: 'Ẳ',
  0xbf: 'Ẵ',
  0xc0: 'Ắ',
  0xc1: 'Ầ',
  0xc2: 'Ẩ',
  0xc3: 'Ẫ',
  0xc4: 'Ấ',
  0xc5: 'Ề',
  0xcd: 'Ể',
  0xd9: 'Ễ',
  0xda: 'Ế',
  0xdb: 'Ồ',
  0xe0: 'Ổ',
  0xf0: 'Ỗ',
  0xff: 'Ố'
}
/** The codes of ABC proper (used for encoding): everything above except the VN1 capitals. */
const VN1_ONLY = new Set([
  0xaf, 0xba, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xcd, 0xd9, 0xda, 0xdb, 0xe0, 0xf0, 0xff
])

const TCVN3_DECODE = new Map<string, string>()
const TCVN3_ENCODE = new Map<string, string>()
for (const [code, ch] of Object.entries(TCVN3_BYTES)) {
  const byteChar = String.fromCharCode(Number(code))
  TCVN3_DECODE.set(byteChar, ch)
  if (!VN1_ONLY.has(Number(code))) TCVN3_ENCODE.set(ch, byteChar)
}

/** TCVN3 text (as read through Windows-1252) → Unicode NFC. `upper` for .VnTimeH-style fonts. */
export function decodeTcvn3(text: string, upper = false): string {
  let out = ''
  for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch
  return upper ? out.toLocaleUpperCase('vi') : out
}

/**
 * Unicode → TCVN3 as a .VnTime font would hold it. Capitals with a tone have no ABC code: they
 * are written with the small letter's code (as users did, switching to a .VnTimeH font).
 */
export function encodeTcvn3(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const direct = TCVN3_ENCODE.get(ch)
    if (direct !== undefined) out += direct
    else {
      const lower = TCVN3_ENCODE.get(ch.toLocaleLowerCase('vi'))
      out += lower ?? ch
    }
  }
  return out
}

// ---------------------------------------------------------------- VNI-Windows

// Tone order everywhere below: sắc, huyền, hỏi, ngã, nặng.
const TONE_MARKS = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323']
const VNI_TONE = ['ù', 'ø', 'û', 'õ', 'ï'] // after a, e, o, u, y, ơ, ư
const VNI_CIRCUMFLEX = ['á', 'à', 'å', 'ã', 'ä'] // â ê ô with a tone; bare circumflex is 'â'
const VNI_BREVE = ['é', 'è', 'ú', 'ü', 'ë'] // ă with a tone; bare breve is 'ê'
const VNI_I = ['í', 'ì', 'æ', 'ó', 'ò'] // i with a tone: one character each

/** Unicode letter (lower case) → its VNI spelling (lower case). */
const VNI_ENCODE_LOWER = new Map<string, string>()
function addVni(unicodeBase: string, vniBase: string, marks: string[], bare: string): void {
  VNI_ENCODE_LOWER.set(unicodeBase.normalize('NFC'), bare)
  marks.forEach((m, i) =>
    VNI_ENCODE_LOWER.set((unicodeBase + TONE_MARKS[i]).normalize('NFC'), vniBase + m)
  )
}
addVni('a', 'a', VNI_TONE, 'a')
addVni('â', 'a', VNI_CIRCUMFLEX, 'aâ')
addVni('ă', 'a', VNI_BREVE, 'aê')
addVni('e', 'e', VNI_TONE, 'e')
addVni('ê', 'e', VNI_CIRCUMFLEX, 'eâ')
addVni('o', 'o', VNI_TONE, 'o')
addVni('ô', 'o', VNI_CIRCUMFLEX, 'oâ')
addVni('ơ', 'ô', VNI_TONE, 'ô')
addVni('u', 'u', VNI_TONE, 'u')
addVni('ư', 'ö', VNI_TONE, 'ö')
addVni('y', 'y', VNI_TONE, 'y')
VNI_ENCODE_LOWER.set('ỵ', 'î') // y with nặng is one character
VNI_I.forEach((m, i) => VNI_ENCODE_LOWER.set(('i' + TONE_MARKS[i]).normalize('NFC'), m))
VNI_ENCODE_LOWER.set('đ', 'ñ')
// Drop identities (plain letters).
for (const [k, v] of VNI_ENCODE_LOWER) if (k === v) VNI_ENCODE_LOWER.delete(k)

/** VNI spelling (lower case, one or two characters) → Unicode letter (lower case). */
const VNI_DECODE_LOWER = new Map<string, string>()
for (const [u, v] of VNI_ENCODE_LOWER) VNI_DECODE_LOWER.set(v, u)

/** Unicode → VNI-Windows as read through Windows-1252. */
export function encodeVni(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLocaleLowerCase('vi')
    const v = VNI_ENCODE_LOWER.get(lower)
    if (v === undefined) out += ch
    else out += ch === lower ? v : v.toLocaleUpperCase('vi')
  }
  return out
}

/** VNI-Windows text (as read through Windows-1252) → Unicode NFC. */
export function decodeVni(text: string): string {
  let out = ''
  const chars = Array.from(text)
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]
    const next = chars[i + 1]
    const isUpper = ch !== ch.toLocaleLowerCase('vi')
    if (next !== undefined) {
      const pair = VNI_DECODE_LOWER.get((ch + next).toLocaleLowerCase('vi'))
      if (pair !== undefined) {
        out += isUpper ? pair.toLocaleUpperCase('vi') : pair
        i++
        continue
      }
    }
    const single = VNI_DECODE_LOWER.get(ch.toLocaleLowerCase('vi'))
    if (single !== undefined) out += isUpper ? single.toLocaleUpperCase('vi') : single
    else out += ch
  }
  return out
}

// ---------------------------------------------------------------- fonts

/** What a font name says: ".VnTime" → TCVN3, ".VnTimeH" → TCVN3 capitals, "VNI-Times" → VNI. */
export function fontHint(fontName: string | null | undefined): FontHint | null {
  if (!fontName) return null
  const name = fontName.trim()
  if (/^\.vn/i.test(name)) {
    // .VnTime, .VnArial, .VnTimeH, .VnArialH, .VnAvantH …: a trailing H means capitals only.
    return { encoding: 'tcvn3', upper: /H$/.test(name.replace(/\s+(bold|italic|narrow)$/i, '')) }
  }
  if (/^vni[-\s]/i.test(name)) return { encoding: 'vni', upper: false }
  return null
}

// ---------------------------------------------------------------- detection

// Characters a Unicode Vietnamese text never contains, but TCVN3 text read through Windows-1252
// does, and VNI text never does (VNI uses only the letters below and its mark characters).
const TCVN3_ONLY =
  /[\u00a1-\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c7\u00d0\u00d7\u00de\u00df\u00e7\u00f7\u00fe]/g
// Latin-1 letters that are not Vietnamese letters: both legacy encodings produce them.
const FOREIGN =
  /[\u00c4-\u00c8\u00cb\u00ce\u00cf\u00d1\u00d6\u00d8\u00db\u00dc\u00e4-\u00e8\u00eb\u00ee\u00ef\u00f1\u00f6\u00f8\u00fb\u00fc]/
// VNI marks glued after a vowel, impossible in Unicode Vietnamese ("aù", "eã", "oâ", "ôù" …).
const VNI_PAIRS = /[aeouyô][ùøûõï]|[ae][âáàåãä]|o[âåä]|a[êéèúüë]|[ñö]/gi
// A character beyond Latin-1 that only Unicode Vietnamese text has: then the text is Unicode.
const UNICODE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/
const SUSPECT = /[\u00a1-\u00ff]/

const VOWEL_CLUSTERS = new Set(
  (
    'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê ' +
    'iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu uơi'
  ).split(' ')
)
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?([aăâeêioôơuưy]*)(ch|ng|nh|[cmnpt])?$/

/** 1 for a word that reads as one Vietnamese syllable (at most one tone, a known vowel group). */
function syllableScore(word: string): number {
  const d = word.toLocaleLowerCase('vi').normalize('NFD')
  let tones = 0
  let plain = ''
  for (const ch of d) {
    if (ch === '\u0301' || ch === '\u0300' || ch === '\u0309' || ch === '\u0303' || ch === '\u0323')
      tones++
    else plain += ch
  }
  if (tones > 1) return 0
  const m = SYLLABLE.exec(plain.normalize('NFC'))
  if (!m) return 0
  // "gì": the onset "gi" takes the only vowel.
  return VOWEL_CLUSTERS.has(m[2]) || (m[1] === 'gi' && m[2] === '') ? 1 : 0
}

function textScore(text: string): number {
  let score = 0
  for (const w of text.split(/[^\p{L}\u0300-\u036f]+/u))
    if (w) score += syllableScore(w) - (FOREIGN.test(w) ? 1 : 0)
  return score
}

export interface LegacyResult {
  text: string
  /** Set when the text was converted. */
  converted: LegacyEncoding | null
}

/**
 * Converts a cell's text when it is legacy-encoded. With a font hint, the font decides (unless
 * the text already holds Unicode-only Vietnamese letters); without one, the characters do: the
 * reading that gives the most well-formed Vietnamese syllables wins, and the text is kept as it
 * is unless a conversion reads clearly better.
 */
export function fixLegacyText(text: string, hint: FontHint | null): LegacyResult {
  if (!SUSPECT.test(text) || UNICODE_VIETNAMESE.test(text)) return { text, converted: null }
  if (hint) {
    const out = hint.encoding === 'tcvn3' ? decodeTcvn3(text, hint.upper) : decodeVni(text)
    return out === text ? { text, converted: null } : { text: out, converted: hint.encoding }
  }
  const tcvnOnly = text.match(TCVN3_ONLY)?.length ?? 0
  const vniPairs = text.match(VNI_PAIRS)?.length ?? 0
  if (tcvnOnly === 0 && vniPairs === 0 && !FOREIGN.test(text)) return { text, converted: null }
  // Legacy evidence counts against reading the text as it is.
  const asIs = textScore(text) - tcvnOnly - vniPairs
  const tcvn = decodeTcvn3(text)
  const vni = tcvnOnly > 0 ? text : decodeVni(text)
  const tcvnScore = textScore(tcvn)
  const vniScore = textScore(vni)
  if (tcvnScore > asIs && tcvnScore >= vniScore && tcvn !== text)
    return { text: tcvn, converted: 'tcvn3' }
  if (vniScore > asIs && vni !== text) return { text: vni, converted: 'vni' }
  return { text, converted: null }
}

/** One run of a rich-text cell: its text and what its own font says. */
export interface TextRun {
  text: string
  /** From the run's font: null for a font without a legacy encoding; absent when the run names no
   *  font and is drawn in the cell's. */
  hint?: FontHint | null
}

/** Whether any run names its own font: only then can the runs read differently from their joined text. */
export function runsNameFonts(runs: readonly TextRun[]): boolean {
  for (const run of runs) if (run.hint !== undefined) return true
  return false
}

/** Text with decomposed marks composed (as some programs write Vietnamese), so detection sees whole letters. */
export function nfc(text: string): string {
  return /[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text
}

/**
 * Converts a rich-text cell run by run, each by the font it is drawn in (its own, or the cell's
 * when it names none): ".VnTime" runs as TCVN3, VNI runs as VNI, runs in a Unicode font left as
 * they are. Read as one text, a Unicode run with letters only Unicode has would keep the legacy
 * runs from being converted ("NguyÔn V¨n " + "Đức"), and a legacy run would have the Unicode runs
 * converted with it ("X· T©n Hßa, " + "Tây Ninh" → "… Tõy Ninh"). When no run is drawn in a
 * legacy font, the characters of the whole text decide, as for any cell without one. Marks are
 * composed as for a plain cell. A cell mixing TCVN3 and VNI runs counts under the first converted.
 */
export function fixLegacyRuns(runs: readonly TextRun[], cellHint: FontHint | null): LegacyResult {
  if (!runs.some((run) => (run.hint === undefined ? cellHint : run.hint) !== null)) {
    return fixLegacyText(nfc(runs.map((run) => run.text).join('')), null)
  }
  let text = ''
  let converted: LegacyEncoding | null = null
  for (const run of runs) {
    const hint = run.hint === undefined ? cellHint : run.hint
    if (!hint) {
      text += run.text
      continue
    }
    const fixed = fixLegacyText(nfc(run.text), hint)
    text += fixed.text
    converted ??= fixed.converted
  }
  return { text: nfc(text), converted }
}

export const LEGACY_LABELS: Record<LegacyEncoding, string> = {
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI-Windows'
}
