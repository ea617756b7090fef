// `people …` commands: members and non-members, over the same dispatch as the app.
import type { Person } from '../shared/api'
import { PERSON_STATUSES } from '../shared/api'
import { displayPartialDate } from '../shared/partial-date'
import { STATUS_LABELS } from '../shared/labels'
import { emptyPersonFields } from '../shared/person-rules'
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

export const PEOPLE_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'people list': peopleList,
  'people add': peopleAdd
}

export const PEOPLE_USAGE = `  people list [--unit ĐƠN_VỊ] [--q TỪ_KHÓA] [--all] [--limit N]
  people add --name HỌ_TÊN --unit ĐƠN_VỊ [--gender nam|nu] [--birth dd/mm/yyyy]
             [--kind member|non_member] [--joined NGÀY] [--official NGÀY] [--card SỐ_THẺ]
             [--profile SỐ_LÝ_LỊCH] [--national-id CCCD] [--position CHỨC_VỤ]`
