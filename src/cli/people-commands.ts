// `people …` commands: members and non-members, over the same dispatch as the app.
import type { Person } from '../shared/api'
import { PERSON_STATUSES } from '../shared/api'
import { displayPartialDate } from '../shared/partial-date'
import { STATUS_LABELS } from '../shared/labels'
import { emptyPersonFields } from '../shared/person-rules'
import { foldVietnamese } from '../shared/vn-text'
import { date, positiveInt, required, text } from './args'
import type { CommandContext } from './commands'
import { call, resolveUnit, unitOption } from './dispatch'
import { CliRefusal, printResult, table } from './output'

/** The stable JSON shape of a person for scripts. */
function personJson(p: Person) {
  return {
    id: p.id,
    fullName: p.fullName,
    kind: p.kind,
    gender: p.gender,
    birthDate: p.birthDate,
    memberType: p.memberType,
    partyJoinDate: p.partyJoinDate,
    partyOfficialDate: p.partyOfficialDate,
    partyCardNumber: p.partyCardNumber,
    partyProfileNumber: p.partyProfileNumber,
    nationalId: p.nationalId,
    ethnicity: p.ethnicity,
    religion: p.religion,
    hometown: p.hometown,
    position: p.position,
    unitId: p.unitId,
    unit: p.unitName,
    status: p.status
  }
}

async function peopleList({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await unitOption(core, opts)
  const base = {
    unitId: unit?.id ?? null,
    includeSubunits: true,
    q: text(opts, 'q'),
    statuses: opts.all === true ? [...PERSON_STATUSES] : undefined
  }
  const people: Person[] = []
  const limit = positiveInt(opts, 'limit')
  for (let offset = 0; ; offset += 1000) {
    const page = await call(core, 'people:list', { ...base, offset, limit: 1000 })
    people.push(...page.rows)
    if (page.rows.length < 1000 || (limit !== undefined && people.length >= limit)) break
  }
  const shown = limit !== undefined ? people.slice(0, limit) : people
  printResult(
    out,
    shown.map(personJson),
    () =>
      table(
        ['Mã', 'Họ và tên', 'Ngày sinh', 'Số thẻ ĐV', 'Đơn vị', 'Trạng thái'],
        shown.map((p) => [
          String(p.id),
          p.fullName,
          displayPartialDate(p.birthDate),
          p.partyCardNumber ?? '',
          p.unitName,
          STATUS_LABELS[p.status]
        ])
      ) + `\n${shown.length} người.`
  )
}

async function peopleAdd({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const gender = text(opts, 'gender')
  const genderValue =
    gender === undefined
      ? null
      : /^(nam|male|m)$/i.test(gender)
        ? 'male'
        : /^(n[uữ]|female|f)$/i.test(gender)
          ? 'female'
          : undefined
  if (genderValue === undefined)
    throw new CliRefusal('VALIDATION', '--gender: dùng "nam" hoặc "nu".')
  const kind = text(opts, 'kind') ?? 'member'
  if (kind !== 'member' && kind !== 'non_member')
    throw new CliRefusal(
      'VALIDATION',
      '--kind: dùng "member" (đảng viên) hoặc "non_member" (quần chúng).'
    )
  const person = await call(core, 'people:create', {
    ...emptyPersonFields(unit.id, kind),
    fullName: required(opts, 'name'),
    gender: genderValue,
    birthDate: date(opts, 'birth'),
    ethnicity: text(opts, 'ethnicity') ?? null,
    religion: text(opts, 'religion') ?? null,
    hometown: text(opts, 'hometown') ?? null,
    residence: text(opts, 'residence') ?? null,
    partyJoinDate: date(opts, 'joined'),
    partyOfficialDate: date(opts, 'official'),
    partyCardNumber: text(opts, 'card') ?? null,
    partyProfileNumber: text(opts, 'profile') ?? null,
    nationalId: text(opts, 'national-id') ?? null,
    position: text(opts, 'position') ?? null,
    role: text(opts, 'role') ?? null,
    phone: text(opts, 'phone') ?? null
  })
  printResult(
    out,
    personJson(person),
    () => `Đã thêm "${person.fullName}" vào ${person.unitName} (mã ${person.id}).`
  )
}

/** A person by party card number, CCCD or profile number, or else by id (as `people list` shows). */
async function resolvePerson(core: CommandContext['core'], ref: string): Promise<Person> {
  const byNumber = (
    await call(core, 'people:list', {
      unitId: null,
      includeSubunits: true,
      q: ref,
      statuses: [...PERSON_STATUSES],
      limit: 10
    })
  ).rows.filter((p) => [p.partyCardNumber, p.nationalId, p.partyProfileNumber].includes(ref))
  if (byNumber.length > 1)
    throw new CliRefusal(
      'AMBIGUOUS',
      `Có ${byNumber.length} người mang số "${ref}"; hãy dùng mã (id) của người cần xóa.`
    )
  if (byNumber.length === 1) return byNumber[0]
  if (/^\d+$/.test(ref)) return call(core, 'people:get', { id: Number(ref) })
  throw new CliRefusal('NOT_FOUND', `Không tìm thấy người có số thẻ, CCCD hoặc mã "${ref}".`)
}

async function peopleErase({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const ref = positionals[0]
  if (!ref) throw new CliRefusal('USAGE', 'Thiếu số thẻ đảng viên, CCCD hoặc mã của người cần xóa.')
  const person = await resolvePerson(core, ref)
  const withRecords = opts['with-records'] === true
  if (opts.yes !== true) {
    const records = await call(core, 'people:listRecords', { id: person.id })
    const list = records.map((r) => `${r.count} ${r.label}`).join(', ')
    throw new CliRefusal(
      'CONFIRM',
      `Sẽ xóa vĩnh viễn "${person.fullName}" (mã ${person.id})` +
        (list ? `${withRecords ? ' cùng' : '; còn'} dữ liệu gắn với người này: ${list}` : '') +
        '. Không thể hoàn tác (chỉ còn trong các bản sao lưu cũ). Thêm --yes để xác nhận.'
    )
  }
  const r = await call(core, 'people:erase', { id: person.id, withRecords })
  printResult(
    out,
    { id: person.id, ...r },
    () =>
      `Đã xóa vĩnh viễn "${person.fullName}" cùng ${r.erasedRecords} bản ghi gắn với người này. ` +
      `Bản sao lưu trước khi xóa: ${r.backupFile}.`
  )
}

/** The people the card numbers name, each exactly once; refused when one names nobody. */
async function peopleByCard(core: CommandContext['core'], cards: string[]): Promise<number[]> {
  if (cards.length === 0)
    throw new CliRefusal('USAGE', 'Hãy ghi số thẻ đảng viên của từng người sau lệnh.')
  const ids: number[] = []
  for (const card of cards) {
    const found = (
      await call(core, 'people:list', {
        unitId: null,
        includeSubunits: true,
        q: card,
        statuses: [...PERSON_STATUSES],
        limit: 10
      })
    ).rows.filter((p) => p.partyCardNumber === card)
    if (found.length === 0)
      throw new CliRefusal('NOT_FOUND', `Không có ai mang số thẻ đảng viên "${card}".`)
    ids.push(found[0].id)
  }
  return ids
}

async function peopleMove({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const unit = await resolveUnit(core, required(opts, 'to'))
  const ids = await peopleByCard(core, positionals)
  const r = await call(core, 'people:move', { selection: { ids }, unitId: unit.id })
  printResult(
    out,
    r,
    () =>
      `Đã chuyển ${r.moved} người sang ${r.unitName}` +
      (r.unchanged ? ` (${r.unchanged} người đã ở đó).` : '.') +
      ` Bản sao lưu trước khi chuyển: ${r.backup}.`
  )
}

async function peopleSetStatus({ core, out, opts, positionals }: CommandContext): Promise<void> {
  const wanted = required(opts, 'status')
  const status = PERSON_STATUSES.find(
    (s) => s === wanted || foldVietnamese(STATUS_LABELS[s]) === foldVietnamese(wanted)
  )
  if (!status)
    throw new CliRefusal(
      'VALIDATION',
      `--status: "${wanted}" không phải trạng thái (dùng ${PERSON_STATUSES.join(', ')}).`
    )
  const ids = await peopleByCard(core, positionals)
  const since = date(opts, 'since')
  const note = text(opts, 'note')
  const r = await call(core, 'people:setStatusMany', {
    selection: { ids },
    status,
    ...(since ? { since } : {}),
    ...(note ? { note } : {})
  })
  printResult(
    out,
    r,
    () =>
      `Đã chuyển ${r.changed} người sang "${STATUS_LABELS[status]}"` +
      (r.unchanged ? ` (${r.unchanged} người đã ở trạng thái này).` : '.') +
      ` Bản sao lưu trước khi đổi: ${r.backup}.`
  )
}

export const PEOPLE_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'people list': peopleList,
  'people add': peopleAdd,
  'people erase': peopleErase,
  'people move': peopleMove,
  'people set-status': peopleSetStatus
}

export const PEOPLE_USAGE = `  people list [--unit ĐƠN_VỊ] [--q TỪ_KHÓA] [--all] [--limit N]
  people add --name HỌ_TÊN --unit ĐƠN_VỊ [--gender nam|nu] [--birth dd/mm/yyyy]
             [--kind member|non_member] [--joined NGÀY] [--official NGÀY] [--card SỐ_THẺ]
             [--profile SỐ_LÝ_LỊCH] [--national-id CCCD] [--position CHỨC_VỤ]
  people erase SỐ_THẺ|CCCD|MÃ [--with-records] [--yes]   Xóa vĩnh viễn một người (sao lưu trước)
  people move --to ĐƠN_VỊ SỐ_THẺ…          (chuyển nhiều người sang đơn vị khác)
  people set-status --status TRẠNG_THÁI [--since dd/mm/yyyy] [--note GHI_CHÚ] SỐ_THẺ…`
