// What every command needs: a typed call through the core's dispatch, and a unit or a year
// named on the command line.
import type { Channel, Input, Output, Unit } from '../shared/api'
import { foldVietnamese } from '../shared/vn-text'
import type { Core, TrustedInput } from '../core/index'
import { text, type Options } from './args'
import { CliRefusal } from './output'

export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: Input<C>
): Promise<Output<C>> {
  const r = await core.dispatch(channel, input)
  if (!r.ok) throw new CliRefusal(r.error.code, r.error.message)
  return r.value as Output<C>
}

/** As call, for the channels that read or write a file: `path` (the command line's) answers the file chooser. */
export async function callWithFile<C extends Channel>(
  core: Core,
  channel: C,
  input: TrustedInput<C>
): Promise<Output<C>> {
  const r = await core.dispatchTrusted(channel, input)
  if (!r.ok) throw new CliRefusal(r.error.code, r.error.message)
  return r.value as Output<C>
}

/** A unit by id, or by name (case and diacritics ignored). */
export async function resolveUnit(core: Core, ref: string): Promise<Unit> {
  const units = await call(core, 'units:list', { includeRetired: false })
  if (/^\d+$/.test(ref)) {
    const u = units.find((x) => x.id === Number(ref))
    if (u) return u
  }
  const matches = units.filter((u) => foldVietnamese(u.name) === foldVietnamese(ref))
  if (matches.length === 1) return matches[0]
  if (matches.length > 1)
    throw new CliRefusal(
      'AMBIGUOUS',
      `Có ${matches.length} đơn vị tên "${ref}"; hãy dùng mã số (id) của đơn vị.`
    )
  throw new CliRefusal('NOT_FOUND', `Không tìm thấy đơn vị "${ref}".`)
}

/** The unit named by an option (--unit by default), or null when the option is not given. */
export async function unitOption(core: Core, opts: Options, key = 'unit'): Promise<Unit | null> {
  const ref = text(opts, key)
  return ref ? resolveUnit(core, ref) : null
}

/** --year Y, or the app's working year when none is given. */
export async function yearOption(core: Core, opts: Options): Promise<number> {
  const y = text(opts, 'year')
  if (y === undefined) return (await call(core, 'app:getYear', null)).year
  if (!/^\d{4}$/.test(y)) throw new CliRefusal('USAGE', '--year phải là năm 4 chữ số.')
  return Number(y)
}
