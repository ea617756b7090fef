// What an import will do: which unit each row goes to (existing, or created under the parent the
// user chose), and which person each row is (matched by số lý lịch, then số thẻ, then CCCD, then
// họ tên + ngày sinh, preferring the same unit): created, updated (with the fields that change),
// unchanged, or skipped and why. Pure reads: the same plan is computed for the preview and again
// inside the commit's transaction.
import type {
  Gender,
  ImportChange,
  ImportCounts,
  ImportProblem,
  ImportRowAction,
  ImportUnitChoice,
  ImportUnitPlan,
  MemberType,
  PersonFields,
  PersonKind,
  PersonStatus
} from '../../shared/api'
import { displayPartialDate } from '../../shared/partial-date'
import { cleanText, foldVietnamese, normaliseUnitName } from '../../shared/vn-text'
import type { Database } from '../db/connection'
import { PERSON_COLUMNS, PERSON_FIELD_NAMES } from '../people/people'
import { FIELD_LABELS } from '../people/validate'
import { CHUNK_ROWS, type Steps } from '../jobs/slices'
import { KeyIndex } from './key-index'
import { clashText, identifierClash, type Identifiers } from './same-person'
import { EXEMPT_MEMBERS_ONLY, type Draft } from './rows'
import { GENDER_LABELS, KIND_LABELS, MEMBER_TYPE_LABELS, STATUS_LABELS } from '../../shared/labels'

export interface PlanOptions {
  unitId: number | null
  parentUnitId: number | null
  unitChoices: ImportUnitChoice[]
}

export interface PlannedRow {
  draft: Draft
  action: ImportRowAction
  unitKey: string | null
  personId: number | null
  /** Fields to write (create/update). */
  fields: PersonFields | null
  before: PersonFields | null
  beforeStatus: PersonStatus | null
  /** The status the row sets: a new person's (null: active), or a change of a matched one's (null: none). */
  status: PersonStatus | null
  changes: ImportChange[]
  reason: string | null
}

export interface UnitResolution extends ImportUnitPlan {
  key: string
}

export interface Plan {
  rows: PlannedRow[]
  units: UnitResolution[]
  counts: ImportCounts
  problems: ImportProblem[]
  blockers: string[]
}

interface UnitRow {
  id: number
  parent_id: number | null
  name: string
  name_key: string
  path: string
}

/** A person already in the data file, as a raw row (fields in PERSON_FIELD_NAMES order). */
export interface ExistingPerson {
  id: number
  raw: unknown[]
  status: PersonStatus
  nameKey: string
  /** The row of the file already matched to this person, while a plan is worked out. */
  claimedBy: Draft | null
}

const NO_PEOPLE: ExistingPerson[] = []

const FIELD_INDEX = new Map(PERSON_FIELD_NAMES.map((k, i) => [k, i]))
const UNIT_INDEX = FIELD_INDEX.get('unitId')!
const PROFILE_INDEX = FIELD_INDEX.get('partyProfileNumber')!
const CARD_INDEX = FIELD_INDEX.get('partyCardNumber')!
const NATIONAL_INDEX = FIELD_INDEX.get('nationalId')!
const BIRTH_INDEX = FIELD_INDEX.get('birthDate')!
const NAME_INDEX = FIELD_INDEX.get('fullName')!
const KIND_INDEX = FIELD_INDEX.get('kind')!

/** Everyone, as raw arrays: tens of thousands of rows load several times faster than as objects. */
function loadPeople(db: Database): ExistingPerson[] {
  const cols = PERSON_FIELD_NAMES.map((k) => PERSON_COLUMNS[k]).join(', ')
  // The fields first, so each raw row is used as it comes (no copy of 50,000 arrays).
  const n = PERSON_FIELD_NAMES.length
  const people: ExistingPerson[] = []
  for (const r of db
    .prepare(`SELECT ${cols}, id, status, name_key FROM people`)
    .raw()
    .iterate() as IterableIterator<unknown[]>) {
    people.push({
      id: r[n] as number,
      status: r[n + 1] as PersonStatus,
      nameKey: r[n + 2] as string,
      raw: r,
      claimedBy: null
    })
  }
  return people
}

/** Fields from values in PERSON_FIELD_NAMES order (a raw row, or a snapshot of the history). */
export function fieldsFromValues(values: unknown[]): PersonFields {
  const f = {} as Record<string, unknown>
  PERSON_FIELD_NAMES.forEach((k, i) => (f[k] = values[i] ?? null))
  return f as unknown as PersonFields
}

/** The identifiers of someone in the data file. */
function identifiersOf(p: ExistingPerson): Identifiers {
  return {
    partyProfileNumber: p.raw[PROFILE_INDEX] as string | null,
    partyCardNumber: p.raw[CARD_INDEX] as string | null,
    nationalId: p.raw[NATIONAL_INDEX] as string | null
  }
}

function fieldsOf(p: ExistingPerson): PersonFields {
  return fieldsFromValues(p.raw)
}

/** How a unit name from the file is compared: folded, and without a leading "chi bộ". */
function unitKeys(name: string): string[] {
  const k = foldVietnamese(name)
  const bare = k.replace(/^(chi bo|cb)\s+/, '')
  return bare === k ? [k, `chi bo ${k}`] : [k, bare]
}

/** "Ấp 3" in a "Chi bộ" column becomes the unit "Chi bộ ấp 3"; a name in capitals is put in normal case. */
function newUnitName(name: string): string {
  return normaliseUnitName(/^(chi bộ|đảng bộ|tổ đảng)(\s|$)/iu.test(name) ? name : `Chi bộ ${name}`)
}

/** The words of a unit name, folded, without punctuation ("Cơ quan Đảng - Đoàn thể" → cơ quan đảng đoàn thể). */
function nameWords(name: string): string[] {
  return foldVietnamese(name.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' '))
    .split(' ')
    .filter(Boolean)
}

/**
 * An existing unit under `parentId` whose name is close to `name`: the same words in any order, or
 * the words of one running inside the other's ("Chi bộ Cơ quan Đảng" and "Chi bộ Cơ quan Đảng -
 * Đoàn thể xã"). Exact matches are found before (by name key), so this only stops near-duplicates.
 */
function similarUnit(all: UnitRow[], parentId: number, name: string): UnitRow | null {
  const words = nameWords(name)
  const line = ` ${words.join(' ')} `
  const sorted = [...words].sort().join(' ')
  for (const u of all) {
    if (u.parent_id !== parentId) continue
    const other = nameWords(u.name)
    if (other.length === 0) continue
    const otherLine = ` ${other.join(' ')} `
    if (
      [...other].sort().join(' ') === sorted ||
      line.includes(otherLine) ||
      otherLine.includes(line)
    )
      return u
  }
  return null
}

function resolveUnits(
  db: Database,
  drafts: Draft[],
  options: PlanOptions,
  sheetHints: Map<number, string | null>
): { units: UnitResolution[]; rowUnit: (d: Draft) => string | null } {
  const all = db
    .prepare('SELECT id, parent_id, name, name_key, path FROM units WHERE retired_on IS NULL')
    .all() as UnitRow[]
  const byKey = new Map<string, UnitRow[]>()
  for (const u of all) {
    const list = byKey.get(u.name_key) ?? []
    list.push(u)
    byKey.set(u.name_key, list)
  }
  const byId = new Map(all.map((u) => [u.id, u]))
  const parentId = options.parentUnitId ?? options.unitId
  const parentPath = parentId !== null ? (byId.get(parentId)?.path ?? null) : null
  const choices = new Map(options.unitChoices.map((c) => [foldVietnamese(c.name), c]))

  const rowUnit = (d: Draft): string | null =>
    d.unitName ?? (options.unitId !== null ? null : (sheetHints.get(d.sheetIndex) ?? null))
  const counts = new Map<string | null, { name: string | null; rows: number }>()
  for (const d of drafts) {
    const name = rowUnit(d)
    const key = name === null ? null : foldCached(name)
    const c = counts.get(key)
    if (c) c.rows++
    else counts.set(key, { name, rows: 1 })
  }

  const NONE = { createName: null, similar: null }
  const units: UnitResolution[] = []
  for (const [key, { name, rows }] of counts) {
    if (key === null || name === null) {
      if (options.unitId !== null && byId.has(options.unitId)) {
        units.push({
          key: '',
          name: null,
          rows,
          action: 'existing',
          unitId: options.unitId,
          parentId: null,
          message: null,
          ...NONE
        })
      } else {
        units.push({
          key: '',
          name: null,
          rows,
          action: 'unresolved',
          unitId: null,
          parentId: null,
          message: 'Tệp không ghi đơn vị của những người này: hãy chọn đơn vị nhận danh sách.',
          ...NONE
        })
      }
      continue
    }
    const choice = choices.get(key)
    const createName = choice?.createName ? cleanText(choice.createName) : newUnitName(name)
    const create = (similar: UnitRow | null): UnitResolution => ({
      key,
      name,
      rows,
      action: 'create',
      unitId: null,
      parentId,
      message: null,
      createName,
      similar: similar ? { unitId: similar.id, name: similar.name } : null
    })
    if (choice) {
      const chosen = choice.unitId
      if (chosen !== null && byId.has(chosen)) {
        units.push({
          key,
          name,
          rows,
          action: 'existing',
          unitId: chosen,
          parentId: null,
          message: null,
          ...NONE
        })
        continue
      }
      if (chosen === null) {
        units.push(
          parentId !== null && byId.has(parentId)
            ? create(similarUnit(all, parentId, createName))
            : {
                key,
                name,
                rows,
                action: 'unresolved',
                unitId: null,
                parentId: null,
                message: `Chọn đơn vị cấp trên để tạo "${createName}".`,
                ...NONE
              }
        )
        continue
      }
    }
    let candidates: UnitRow[] = []
    for (const k of unitKeys(name)) candidates = candidates.concat(byKey.get(k) ?? [])
    if (candidates.length > 1 && parentPath) {
      const under = candidates.filter((u) => u.path.startsWith(parentPath))
      if (under.length > 0) candidates = under
    }
    if (candidates.length === 1) {
      units.push({
        key,
        name,
        rows,
        action: 'existing',
        unitId: candidates[0].id,
        parentId: candidates[0].parent_id,
        message: null,
        ...NONE
      })
    } else if (candidates.length > 1) {
      units.push({
        key,
        name,
        rows,
        action: 'unresolved',
        unitId: null,
        parentId: null,
        message: `Có ${candidates.length} đơn vị tên "${name}": hãy chọn đúng đơn vị.`,
        ...NONE
      })
    } else if (parentId !== null && byId.has(parentId)) {
      // A close name under the same parent is most likely the same unit spelled otherwise: proposed
      // instead of a near-duplicate; "Tạo đơn vị mới" (a choice with unitId null) still creates.
      const similar = similarUnit(all, parentId, createName)
      if (similar) {
        units.push({
          key,
          name,
          rows,
          action: 'existing',
          unitId: similar.id,
          parentId: similar.parent_id,
          message: `Đã có "${similar.name}" gần giống "${createName}": nhập vào đơn vị này. Nếu là đơn vị khác, hãy chọn "Tạo đơn vị mới".`,
          createName: null,
          similar: { unitId: similar.id, name: similar.name }
        })
      } else units.push(create(null))
    } else {
      units.push({
        key,
        name,
        rows,
        action: 'unresolved',
        unitId: null,
        parentId: null,
        message: `Chưa có đơn vị "${name}": hãy chọn đơn vị có sẵn, hoặc chọn đơn vị cấp trên để tạo mới.`,
        ...NONE
      })
    }
  }
  return { units, rowUnit }
}

const foldCache = new Map<string, string>()
/** Unit names repeat on every row: fold each once. */
function foldCached(name: string): string {
  let k = foldCache.get(name)
  if (k === undefined) {
    if (foldCache.size > 10_000) foldCache.clear()
    foldCache.set(name, (k = foldVietnamese(name)))
  }
  return k
}

/** "Số thẻ đảng viên 12345678 đã có ở "Nguyễn Văn An"": an identifier of the row held by someone else. */
function ownedBy(
  key: 'partyProfileNumber' | 'partyCardNumber' | 'nationalId',
  incoming: PersonFields,
  owner: ExistingPerson
): string {
  return `${FIELD_LABELS[key]} ${incoming[key]} đã có ở "${owner.raw[NAME_INDEX] as string}"`
}

function show(
  field: keyof PersonFields,
  v: PersonFields[keyof PersonFields] | undefined
): string | null {
  if (v === null || v === undefined) return null
  if (field === 'birthDate' || field === 'partyJoinDate' || field === 'partyOfficialDate')
    return displayPartialDate(String(v))
  if (field === 'gender') return GENDER_LABELS[v as Gender]
  if (field === 'memberType') return MEMBER_TYPE_LABELS[v as MemberType]
  if (field === 'kind') return KIND_LABELS[v as PersonKind]
  return String(v)
}

/** Statuses a list's exemption mark moves to 'exempt'; from the others only a person may move them. */
const EXEMPTIBLE: readonly PersonStatus[] = ['active', 'temporary']

/**
 * What a row's exemption mark does to the person it matched: 'exempt' for a member đang sinh hoạt
 * or sinh hoạt tạm thời, nothing for one already exempt, and a warning (Vietnamese) for a
 * non-member or a member who left the rolls or is suspended, whom a mark must not move.
 */
function exemptOutcome(
  kind: PersonKind,
  status: PersonStatus
): { status: PersonStatus } | { warning: string } | null {
  if (kind !== 'member') return { warning: EXEMPT_MEMBERS_ONLY }
  if (status === 'exempt') return null
  if (EXEMPTIBLE.includes(status)) return { status: 'exempt' }
  return {
    warning: `Người này đang ở trạng thái "${STATUS_LABELS[status]}"; không chuyển sang miễn sinh hoạt theo danh sách (nếu cần, hãy đổi trạng thái bằng tay).`
  }
}

/**
 * The plan, in slices: yields the drafts gone through every CHUNK_ROWS drafts. Everything is read
 * from the database before the first slice, so a plan is of one moment even if writes land
 * between slices (the commit then sees the data changed and plans again, in its transaction).
 */
export function* planSteps(
  db: Database,
  drafts: Draft[],
  options: PlanOptions,
  sheetHints: Map<number, string | null>,
  unitNames?: Map<number, string>
): Steps<Plan> {
  // Each row's problems, then what matching finds about it: in the order of the file.
  const problems: ImportProblem[] = []
  const valid = drafts.filter((d) => d.fields)
  const { units, rowUnit } = resolveUnits(db, valid, options, sheetHints)
  const unitByKey = new Map(units.map((u) => [u.key, u]))
  const names =
    unitNames ??
    new Map(
      (db.prepare('SELECT id, name FROM units').all() as { id: number; name: string }[]).map(
        (u) => [u.id, u.name]
      )
    )

  // Indexes of everyone in the data file (KeyIndex, not Map: see key-index.ts).
  const people = loadPeople(db)
  const byProfile = new KeyIndex<ExistingPerson>()
  const byCard = new KeyIndex<ExistingPerson>()
  const byNational = new KeyIndex<ExistingPerson>()
  const byNameBirth = new KeyIndex<ExistingPerson[]>()
  for (const p of people) {
    const profile = p.raw[PROFILE_INDEX] as string | null
    const card = p.raw[CARD_INDEX] as string | null
    const national = p.raw[NATIONAL_INDEX] as string | null
    const birth = p.raw[BIRTH_INDEX] as string | null
    if (profile) byProfile.set(profile, p)
    if (card) byCard.set(card, p)
    if (national) byNational.set(national, p)
    if (birth) {
      const k = `${p.nameKey}|${birth}`
      const list = byNameBirth.get(k)
      if (list) list.push(p)
      else byNameBirth.set(k, [p])
    }
  }

  const rows: PlannedRow[] = []
  const counts: ImportCounts = {
    total: drafts.length,
    create: 0,
    update: 0,
    unchanged: 0,
    skip: 0,
    errors: 0,
    warnings: 0,
    unitsCreated: 0
  }
  counts.unitsCreated = units.filter((u) => u.action === 'create').length

  let n = 0
  for (const d of drafts) {
    if (++n % CHUNK_ROWS === 0) yield n
    for (const p of d.problems) {
      problems.push(p)
      if (p.severity === 'error') counts.errors++
      else counts.warnings++
    }
    const base: PlannedRow = {
      draft: d,
      action: 'skip',
      unitKey: null,
      personId: null,
      fields: null,
      before: null,
      beforeStatus: null,
      status: null,
      changes: [],
      reason: null
    }
    if (!d.fields) {
      base.reason = d.problems.find((p) => p.severity === 'error')?.message ?? 'Dòng có lỗi.'
      rows.push(base)
      counts.skip++
      continue
    }
    const unitName = rowUnit(d)
    const unitKey = unitName === null ? '' : foldCached(unitName)
    const unit = unitByKey.get(unitKey)
    base.unitKey = unitKey
    if (!unit || unit.action === 'unresolved') {
      base.reason = unit?.message ?? 'Chưa chọn đơn vị.'
      rows.push(base)
      counts.skip++
      continue
    }
    const incoming = d.fields
    // Who holds each identifier of the row now (looked up once: for the match and for conflicts).
    const profileOwner = incoming.partyProfileNumber
      ? byProfile.get(incoming.partyProfileNumber)
      : undefined
    const cardOwner = incoming.partyCardNumber ? byCard.get(incoming.partyCardNumber) : undefined
    const nationalOwner = incoming.nationalId ? byNational.get(incoming.nationalId) : undefined
    // Match: số lý lịch, then số thẻ, then CCCD, then họ tên + ngày sinh (+ the same unit).
    let match: ExistingPerson | undefined
    let how = ''
    if (profileOwner) {
      match = profileOwner
      how = `số lý lịch ${incoming.partyProfileNumber}`
    } else if (cardOwner) {
      match = cardOwner
      how = `số thẻ ${incoming.partyCardNumber}`
    } else if (nationalOwner) {
      match = nationalOwner
      how = `số CCCD ${incoming.nationalId}`
    } else if (incoming.birthDate) {
      // Into an empty data file (the usual first import) there is no one to match: no folding.
      let list =
        byNameBirth.size === 0
          ? NO_PEOPLE
          : (byNameBirth.get(`${foldVietnamese(incoming.fullName)}|${incoming.birthDate}`) ??
            NO_PEOPLE)
      // Someone alike whose identifier differs is another person (same-person.ts, as inside the file).
      let other: ExistingPerson | null = null
      if (list.length > 0) {
        const same = list.filter((p) => !identifierClash(incoming, identifiersOf(p)))
        if (same.length < list.length) other = list.find((p) => !same.includes(p))!
        list = same
      }
      if (list.length > 1 && unit.unitId !== null) {
        const same = list.filter((p) => p.raw[UNIT_INDEX] === unit.unitId)
        if (same.length > 0) list = same
      }
      if (list.length > 1) {
        base.reason = `Có ${list.length} người cùng họ tên và ngày sinh trong dữ liệu; không biết cập nhật ai. Hãy thêm số lý lịch hoặc số thẻ.`
        rows.push(base)
        counts.skip++
        continue
      }
      if (list.length === 1) {
        match = list[0]
        how = 'họ tên và ngày sinh'
      } else if (other) {
        const k = identifierClash(incoming, identifiersOf(other))!
        problems.push({
          sheet: d.sheet,
          row: d.row,
          column: null,
          field: null,
          severity: 'warning',
          message: `Cùng họ tên và ngày sinh với "${other.raw[NAME_INDEX] as string}" đã có trong dữ liệu nhưng khác ${clashText(k, identifiersOf(other), incoming)}: thêm thành người mới; hãy kiểm tra lại.`,
          outcome: 'kept',
          value: null
        })
        counts.warnings++
      }
    }
    // Identifiers must not belong to someone else.
    let conflicts: string[] | null = null
    if (profileOwner && profileOwner !== match)
      (conflicts ??= []).push(ownedBy('partyProfileNumber', incoming, profileOwner))
    if (cardOwner && cardOwner !== match)
      (conflicts ??= []).push(ownedBy('partyCardNumber', incoming, cardOwner))
    if (nationalOwner && nationalOwner !== match)
      (conflicts ??= []).push(ownedBy('nationalId', incoming, nationalOwner))
    if (conflicts) {
      base.reason = `${conflicts.join('; ')}.`
      rows.push(base)
      counts.skip++
      continue
    }
    if (match) {
      const earlier = match.claimedBy
      if (earlier) {
        base.reason = `Dòng ${earlier.row} cũng khớp với "${match.raw[NAME_INDEX] as string}" (${how}).`
        rows.push(base)
        counts.skip++
        continue
      }
      match.claimedBy = d
      // Cheap check first: most rows of a re-imported file change nothing.
      const raw = match.raw
      let differs = unit.unitId !== null && raw[UNIT_INDEX] !== unit.unitId
      if (!differs) {
        for (let i = 0; i < PERSON_FIELD_NAMES.length; i++) {
          const k = PERSON_FIELD_NAMES[i]
          if (k === 'unitId' || k === 'kind' || k === 'memberType') continue
          const v = incoming[k]
          if (v !== null && v !== undefined && v !== raw[i]) {
            differs = true
            break
          }
        }
        if (
          !differs &&
          incoming.partyOfficialDate &&
          raw[FIELD_INDEX.get('kind')!] === 'member' &&
          raw[FIELD_INDEX.get('memberType')!] !== 'official'
        )
          differs = true
      }
      // A mark moves an active member to exempt. An empty cell never clears an exemption: an
      // office's list marks who is exempt, and a row without the mark is no decision that the
      // member is active again (that change is made by hand, with its date).
      let status: PersonStatus | null = null
      if (d.exempt) {
        const outcome = exemptOutcome(raw[KIND_INDEX] as PersonKind, match.status)
        if (outcome && 'warning' in outcome) {
          problems.push({
            sheet: d.sheet,
            row: d.row,
            column: d.exempt.column,
            field: 'exempt',
            severity: 'warning',
            message: outcome.warning,
            outcome: 'dropped',
            value: null
          })
          counts.warnings++
        } else if (outcome) status = outcome.status
      }
      const before = differs || status ? fieldsOf(match) : null
      const merged: PersonFields | null = before ? { ...before } : null
      if (before && merged) {
        for (const k of PERSON_FIELD_NAMES) {
          if (k === 'unitId' || k === 'kind' || k === 'memberType') continue
          const v = incoming[k]
          if (v !== null && v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v
        }
        if (unit.unitId !== null) merged.unitId = unit.unitId
        if (merged.kind === 'member') {
          if (incoming.partyOfficialDate && merged.memberType !== 'official')
            merged.memberType = 'official'
          merged.memberType ??= merged.partyOfficialDate ? 'official' : 'probationary'
        }
      }
      const changes: ImportChange[] = []
      if (before && merged) {
        for (const k of PERSON_FIELD_NAMES) {
          const a = before[k]
          const b = merged[k]
          if ((a ?? null) === (b ?? null)) continue
          if (k === 'unitId')
            changes.push({
              field: k,
              label: FIELD_LABELS[k],
              from: names.get(a as number) ?? String(a),
              to: names.get(b as number) ?? unit.name ?? String(b)
            })
          else changes.push({ field: k, label: FIELD_LABELS[k], from: show(k, a), to: show(k, b) })
        }
      }
      if (status)
        changes.push({
          field: 'status',
          label: 'Trạng thái',
          from: STATUS_LABELS[match.status],
          to: STATUS_LABELS[status]
        })
      base.personId = match.id
      base.before = before
      base.beforeStatus = match.status
      base.reason = `Khớp theo ${how}.`
      if (changes.length === 0) {
        base.action = 'unchanged'
        counts.unchanged++
      } else {
        base.action = 'update'
        base.fields = merged
        base.status = status
        base.changes = changes
        counts.update++
      }
    } else {
      base.action = 'create'
      // The draft's own object: its unitId is set when the plan is applied (no copy of 50,000 rows).
      base.fields = incoming
      // Only members' rows carry a mark (rows.ts warns of a non-member's).
      base.status = d.exempt ? 'exempt' : null
      counts.create++
    }
    rows.push(base)
  }
  const blockers: string[] = []
  for (const u of units) if (u.action === 'unresolved' && u.message) blockers.push(u.message)
  return { rows, units, counts, problems, blockers }
}
