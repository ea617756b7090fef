// The IPC adapter: one ipcMain.handle per channel of the contract, each checking the sender
// before anything reaches the core. Pure: it takes an ipcMain-like object, so it is unit-tested
// with a fake.
import { CHANNELS, type ApiError, type Result } from '../shared/api'
import type { WorkTracker } from './work-tracker'

/** Prefix of every IPC channel name; the preload uses the same. */
export const IPC_PREFIX = 'api:'

function ipcChannelName(channel: string): string {
  return IPC_PREFIX + channel
}

export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void
}

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>

const IPC_MESSAGES = {
  forbidden: 'Yêu cầu bị từ chối: nó không đến từ trang của ứng dụng.',
  closing: 'Ứng dụng đang đóng nên không thực hiện thao tác này.',
  internal:
    'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại; nếu lỗi lặp lại, hãy khởi động lại ứng dụng.'
} as const

function failure(code: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } }
}

/**
 * Registers every channel. A foreign sender gets FORBIDDEN and dispatch is never called; the
 * app's own page gets dispatch's Result. Returns the registered IPC channel names.
 */
export function registerIpc<E>(
  ipcMain: IpcMainLike<E>,
  dispatch: Dispatch,
  isTrustedSender: (event: E) => boolean,
  tracker: WorkTracker
): string[] {
  const names: string[] = []
  for (const channel of CHANNELS) {
    const name = ipcChannelName(channel)
    ipcMain.handle(name, async (event: E, input: unknown): Promise<Result<unknown>> => {
      let trusted = false
      try {
        trusted = isTrustedSender(event)
      } catch {
        trusted = false
      }
      if (!trusted) return failure('FORBIDDEN', IPC_MESSAGES.forbidden)
      if (!tracker.accepting) return failure('APP_CLOSING', IPC_MESSAGES.closing)
      try {
        // async wrapper: a synchronous throw in dispatch becomes a rejection, tracked alike.
        return await tracker.track(
          (async () => dispatch(channel, input === undefined ? null : input))()
        )
      } catch (error) {
        // dispatch returns errors as data; reaching here is a bug, which must not cross IPC
        // as a thrown Error (its class and fields would be lost).
        console.error(`[ipc] ${channel} failed`, error)
        return failure('INTERNAL', IPC_MESSAGES.internal)
      }
    })
    names.push(name)
  }
  return names
}
