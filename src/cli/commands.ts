// Each command turns options into one or more dispatch calls, the same ones the app makes.
import type { Person, Unit } from '../shared/api'
import { PERSON_STATUSES } from '../shared/api'
import { displayPartialDate } from '../shared/partial-date'
import { STATUS_LABELS } from '../shared/labels'
import { emptyPersonFields } from '../shared/person-rules'
import type { Core } from '../core/index'
import { date, positiveInt, required, text, type Options } from './args'
import { call, resolveUnit, unitOption } from './dispatch'
import { CliRefusal, printResult, table, type Out } from './output'
import { STUDY_COMMANDS, STUDY_USAGE } from './study-commands'
import { IMPORT_COMMANDS, IMPORT_USAGE } from './import-commands'
import { COMMITMENT_COMMANDS, COMMITMENT_USAGE } from './commitment-commands'
import { EVALUATION_COMMANDS, EVALUATION_USAGE } from './evaluation-commands'

export interface CommandContext {
  core: Core
  out: Out
  opts: Options
  positionals: string[]
}

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

function unitJson(u: Unit) {
  return { id: u.id, parentId: u.parentId, name: u.name, level: u.level, retiredOn: u.retiredOn, peopleCount: u.peopleCount }
}

async function unitsList({ core, out, opts }: CommandContext): Promise<void> {
  const units = await call(core, 'units:list', { includeRetired: opts.all === true })
  const depth = new Map<number, number>()
  for (const u of units) depth.set(u.id, u.parentId === null ? 0 : (depth.get(u.parentId) ?? 0) + 1)
  printResult(out, units.map(unitJson), () =>
    table(
      ['Mã', 'Tên đơn vị', 'Cấp', 'Số người'],
      units.map((u) => [String(u.id), '  '.repeat(depth.get(u.id) ?? 0) + u.name + (u.retiredOn ? ' (đã giải thể)' : ''), u.level, String(u.peopleCount)])
    )
  )
}

async function unitsAdd({ core, out, opts }: CommandContext): Promise<void> {
  const parent = await unitOption(core, opts, 'parent')
  const unit = await call(core, 'units:create', { parentId: parent?.id ?? null, name: required(opts, 'name'), level: required(opts, 'level') })
  printResult(out, unitJson(unit), () => `Đã thêm đơn vị "${unit.name}" (mã ${unit.id}).`)
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
  printResult(out, shown.map(personJson), () =>
    table(
      ['Mã', 'Họ và tên', 'Ngày sinh', 'Số thẻ ĐV', 'Đơn vị', 'Trạng thái'],
      shown.map((p) => [String(p.id), p.fullName, displayPartialDate(p.birthDate), p.partyCardNumber ?? '', p.unitName, STATUS_LABELS[p.status]])
    ) + `\n${shown.length} người.`
  )
}

async function peopleAdd({ core, out, opts }: CommandContext): Promise<void> {
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const gender = text(opts, 'gender')
  const genderValue = gender === undefined ? null : /^(nam|male|m)$/i.test(gender) ? 'male' : /^(n[uữ]|female|f)$/i.test(gender) ? 'female' : undefined
  if (genderValue === undefined) throw new CliRefusal('VALIDATION', '--gender: dùng "nam" hoặc "nu".')
  const kind = text(opts, 'kind') ?? 'member'
  if (kind !== 'member' && kind !== 'non_member') throw new CliRefusal('VALIDATION', '--kind: dùng "member" (đảng viên) hoặc "non_member" (quần chúng).')
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
  printResult(out, personJson(person), () => `Đã thêm "${person.fullName}" vào ${person.unitName} (mã ${person.id}).`)
}

async function backup({ core, out }: CommandContext): Promise<void> {
  const b = await call(core, 'backup:create', { reason: 'manual' })
  printResult(out, b, () => `Đã sao lưu và kiểm tra: ${b.path} (${Math.round(b.sizeBytes / 1024)} KB).`)
}

async function check({ core, out }: CommandContext): Promise<void> {
  const r = await call(core, 'db:check', null)
  printResult(out, r, () => (r.ok ? 'Tệp dữ liệu toàn vẹn.' : `Tệp dữ liệu có lỗi:\n${r.problems.join('\n')}`))
  if (!r.ok) throw new CliRefusal('DB_CORRUPT', 'Tệp dữ liệu không toàn vẹn.')
}

export const COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'units list': unitsList,
  'units add': unitsAdd,
  'people list': peopleList,
  'people add': peopleAdd,
  backup,
  check,
  ...STUDY_COMMANDS,
  ...IMPORT_COMMANDS,
  ...COMMITMENT_COMMANDS,
  ...EVALUATION_COMMANDS
}

export const USAGE = `Cách dùng: npm run cli -- <lệnh> [tùy chọn] [--db TỆP] [--json]

Lệnh:
  units list [--all]                               Liệt kê cây tổ chức (--all: cả đơn vị đã giải thể)
  units add --name TÊN --level CẤP [--parent ĐƠN_VỊ]
  people list [--unit ĐƠN_VỊ] [--q TỪ_KHÓA] [--all] [--limit N]
  people add --name HỌ_TÊN --unit ĐƠN_VỊ [--gender nam|nu] [--birth dd/mm/yyyy]
             [--kind member|non_member] [--joined NGÀY] [--official NGÀY] [--card SỐ_THẺ]
             [--profile SỐ_LÝ_LỊCH] [--national-id CCCD] [--position CHỨC_VỤ]
  backup                                           Sao lưu và kiểm tra bản sao
  check                                            Kiểm tra toàn vẹn tệp dữ liệu
${STUDY_USAGE}
${IMPORT_USAGE}
${COMMITMENT_USAGE}
${EVALUATION_USAGE}

ĐƠN_VỊ là tên (không phân biệt hoa thường, dấu) hoặc mã số của đơn vị.
--json: in kết quả dạng JSON cho script; lỗi trả mã thoát 2 với {"error":{"code","message"}}.`
