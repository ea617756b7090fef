// `units …` commands: the tree of party organisations, over the same dispatch as the app.
import type { Unit } from '../shared/api'
import { required } from './args'
import type { CommandContext } from './commands'
import { call, unitOption } from './dispatch'
import { printResult, table } from './output'

function unitJson(u: Unit) {
  return {
    id: u.id,
    parentId: u.parentId,
    name: u.name,
    level: u.level,
    retiredOn: u.retiredOn,
    peopleCount: u.peopleCount
  }
}

async function unitsList({ core, out, opts }: CommandContext): Promise<void> {
  const units = await call(core, 'units:list', { includeRetired: opts.all === true })
  const depth = new Map<number, number>()
  for (const u of units) depth.set(u.id, u.parentId === null ? 0 : (depth.get(u.parentId) ?? 0) + 1)
  printResult(out, units.map(unitJson), () =>
    table(
      ['Mã', 'Tên đơn vị', 'Cấp', 'Số người'],
      units.map((u) => [
        String(u.id),
        '  '.repeat(depth.get(u.id) ?? 0) + u.name + (u.retiredOn ? ' (đã giải thể)' : ''),
        u.level,
        String(u.peopleCount)
      ])
    )
  )
}

async function unitsAdd({ core, out, opts }: CommandContext): Promise<void> {
  const parent = await unitOption(core, opts, 'parent')
  const unit = await call(core, 'units:create', {
    parentId: parent?.id ?? null,
    name: required(opts, 'name'),
    level: required(opts, 'level')
  })
  printResult(out, unitJson(unit), () => `Đã thêm đơn vị "${unit.name}" (mã ${unit.id}).`)
}

export const UNITS_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'units list': unitsList,
  'units add': unitsAdd
}

export const UNITS_USAGE = `  units list [--all]                               Liệt kê cây tổ chức (--all: cả đơn vị đã giải thể)
  units add --name TÊN --level CẤP [--parent ĐƠN_VỊ]`
