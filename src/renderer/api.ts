// The only module that touches window.api. Everything else calls `call()` and gets either the
// value or an ApiFailure carrying the core's Vietnamese message and per-field problems.

import type { Channel, Input, Output, Result, WindowApi } from '@shared/api'

declare global {
  interface Window {
    api: WindowApi
  }
}

export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {}
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}

const NO_BRIDGE = 'Không tìm thấy phần lõi của ứng dụng. Hãy đóng và mở lại chương trình.'
const TRANSPORT =
  'Không liên lạc được với phần lõi của ứng dụng. Hãy thử lại; nếu vẫn lỗi, đóng và mở lại chương trình.'

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  // Looked up on every call so tests (and the e2e harness) can install window.api late.
  const fn = window.api?.[channel] as unknown as
    ((input: Input<C>) => Promise<Result<Output<C>>>) | undefined
  if (typeof fn !== 'function') throw new ApiFailure('NO_BRIDGE', NO_BRIDGE)
  let result: Result<Output<C>>
  try {
    result = await fn(input)
  } catch (e) {
    // IPC or HTTP broke; the core never throws across the boundary on purpose.
    console.error(`[api] ${channel} failed in transport`, e)
    throw new ApiFailure('TRANSPORT', TRANSPORT)
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new ApiFailure('TRANSPORT', TRANSPORT)
  }
  if (result.ok) return result.value
  const { code, message, fields } = result.error
  throw new ApiFailure(code, message, fields ?? {})
}

/** The user-facing text of any error, preferring the core's own message. */
export function failureMessage(e: unknown): string {
  if (e instanceof ApiFailure) return e.message
  return 'Đã xảy ra lỗi không mong đợi. Hãy thử lại.'
}
