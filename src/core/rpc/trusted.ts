// The trusted door: the command line and the tests name files themselves. The page never can
// (its contract has no path field and every schema is strict): a handler that needs a file
// always asks `ctx.platform`, and a trusted caller's path is that port's answer, so there is one
// code path for the dialog and the named file alike.
import type { Channel, Input } from '../../shared/api'
import type { CoreContext } from '../context'
import type { PlatformPort } from '../platform'

/** A channel's input as a trusted caller gives it: the page's input, plus the file it names. */
export type TrustedInput<C extends Channel> = Input<C> & { path?: string }

/** A port that answers every file chooser with `path` (open or save alike). */
function answering(path: string): PlatformPort {
  return {
    chooseOpenFile: () => Promise.resolve(path),
    chooseSaveFile: () => Promise.resolve(path)
  }
}

/**
 * Splits a trusted input into the page's input and a context whose file choosers answer with
 * its `path`; without a path, the context is unchanged (its own port asks, or cancels).
 */
export function trustedCall(
  ctx: CoreContext,
  input: unknown
): { ctx: CoreContext; input: unknown } {
  if (!input || typeof input !== 'object' || !('path' in input)) return { ctx, input }
  const { path, ...rest } = input as { path?: unknown }
  if (typeof path !== 'string' || path === '') return { ctx, input: rest }
  // The context's other members are getters over the live database: inherit them, swap the port.
  const scoped = Object.create(ctx, {
    platform: { value: answering(path), enumerable: true }
  }) as CoreContext
  return { ctx: scoped, input: rest }
}
