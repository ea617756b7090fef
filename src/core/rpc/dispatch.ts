// The one door into the core: the IPC adapter, the CLI and the test harness all call this.
// Input arrives as unknown, is parsed by its channel's schema, and every outcome, including
// failures, comes back as a JSON-safe Result (errors do not survive IPC as classes).
import type { ApiError, Channel, Result } from '../../shared/api'
import { CHANNELS } from '../../shared/api'
import type { CoreContext } from '../context'
import { CoreError } from '../db/errors'
import { handlers } from './handlers'
import { lockedError } from '../security/lock'
import { schemas } from './schemas'
import { systemError } from './system-errors'

const known = new Set<string>(CHANNELS)
/** What a locked app still answers: who it is, whether it is locked, and the door. */
const OPEN_WHILE_LOCKED = new Set<string>(['app:info', 'app:lockState', 'app:unlock'])

function isChannel(channel: string): channel is Channel {
  return known.has(channel)
}

function failure(error: ApiError): Result<never> {
  return { ok: false, error }
}

const CONSTRAINT_KINDS: Record<string, string> = {
  SQLITE_CONSTRAINT_UNIQUE: 'trùng với một mục đã có',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'trùng với một mục đã có',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'mục này đang được dùng ở nơi khác, hoặc trỏ tới mục không còn',
  SQLITE_CONSTRAINT_NOTNULL: 'thiếu một giá trị bắt buộc',
  SQLITE_CONSTRAINT_CHECK: 'có giá trị không hợp lệ'
}

/** Turns anything thrown into a Vietnamese message; SQLite's and the system's codes get a plain meaning. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof CoreError) return e.toApiError()
  const code = (e as { code?: string })?.code ?? ''
  const detail = e instanceof Error ? e.message : String(e)
  // SQLite's and libraries' own texts are English: they go to the log for whoever supports the
  // user, and the message says in Vietnamese what kind of problem it is.
  console.error(`[core] ${code || 'lỗi'}: ${detail}`)
  const system = systemError(code)
  if (system) return system
  if (code.startsWith('SQLITE_CONSTRAINT'))
    return {
      code: 'CONFLICT',
      message: `Dữ liệu mâu thuẫn với dữ liệu đã có (${CONSTRAINT_KINDS[code] ?? 'vi phạm ràng buộc của dữ liệu'}).`
    }
  return {
    code: 'INTERNAL',
    message:
      'Đã xảy ra lỗi không mong muốn; chưa có gì bị thay đổi. Hãy thử lại; nếu vẫn lỗi, hãy báo cho người hỗ trợ kèm thời điểm xảy ra.'
  }
}

/** Parses `input` with the channel's schema; reading the input may itself throw. */
function parseInput(
  channel: Channel,
  input: unknown
): { ok: true; data: unknown } | { ok: false; error: ApiError } {
  let parsed: ReturnType<(typeof schemas)[Channel]['safeParse']>
  try {
    parsed = schemas[channel].safeParse(input === undefined ? null : input)
  } catch {
    // A getter or proxy that throws while read (the CLI and the harness pass objects, not JSON).
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên không đọc được.' }
    }
  }
  if (parsed.success) return { ok: true, data: parsed.data }
  const long = tooLong(parsed.error.issues, input)
  if (long) return { ok: false, error: long }
  // The paths are the contract's English names ("fields.birthDate"): they key the per-field
  // messages a form shows beside its fields and go to the log, never into the sentence.
  const fields: Record<string, string> = {}
  for (const i of parsed.error.issues)
    fields[
      i.path
        .map(String)
        .join('.')
        .replace(/^fields\./, '') || '*'
    ] = 'Giá trị không đúng dạng.'
  const n = Object.keys(fields).length
  console.warn(`[core] ${channel}: không đúng dạng ở ${Object.keys(fields).join(', ')}`)
  return {
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: `Dữ liệu gửi lên không đúng dạng${n > 1 ? ` ở ${n} chỗ` : ''}; chưa có gì được lưu. Hãy kiểm tra lại các ô vừa nhập.`,
      fields
    }
  }
}

/**
 * Text longer than a field takes is refused with a sentence on that field (never cut to fit):
 * the page does not limit what is typed or pasted, so this is what the user sees.
 */
function tooLong(
  issues: readonly { code: string; path: PropertyKey[]; origin?: string; maximum?: unknown }[],
  input: unknown
): ApiError | null {
  if (!issues.every((i) => i.code === 'too_big' && i.origin === 'string')) return null
  const fields: Record<string, string> = {}
  for (const i of issues) {
    let value: unknown = input
    for (const k of i.path) value = (value as Record<PropertyKey, unknown> | null)?.[k]
    const length = typeof value === 'string' ? value.length : 0
    // An edit sends { id, fields: {…} }: the message is keyed as the form names the field.
    const key = i.path
      .map(String)
      .join('.')
      .replace(/^fields\./, '')
    // The first field's name is not known here in Vietnamese: the sentence sits beside it.
    fields[key] = `Dài ${length} ký tự, quá mức tối đa ${String(i.maximum)} ký tự: hãy rút gọn.`
  }
  const first = Object.values(fields)[0]
  return { code: 'VALIDATION', message: `Nội dung quá dài. ${first}`, fields }
}

export async function dispatch(
  ctx: CoreContext,
  channel: string,
  input: unknown
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return failure({ code: 'UNKNOWN_CHANNEL', message: `Yêu cầu không được hỗ trợ: ${channel}` })
  if (ctx.lock.locked && !OPEN_WHILE_LOCKED.has(channel)) return failure(lockedError().toApiError())
  const parsed = parseInput(channel, input)
  if (!parsed.ok) return failure(parsed.error)
  try {
    const run = handlers[channel] as (ctx: CoreContext, input: unknown) => unknown
    return { ok: true, value: await run(ctx, parsed.data) }
  } catch (e) {
    return failure(toApiError(e))
  }
}
