// A real core on a real SQLite file in a fresh temporary folder, for integration tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel, Input, Output } from '../../src/shared/api'
import { openCore, type Core, type TrustedInput } from '../../src/core/index'
import { noDialogs, type PlatformPort } from '../../src/core/platform'
import { emptyPersonFields } from '../../src/shared/person-rules'

export interface TestCore {
  core: Core
  dir: string
  /** Calls a channel and returns its value; fails the test on a refusal. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>
  /** As call, through the trusted door: `path` answers the channel's file chooser (the CLI's way). */
  callWithFile<C extends Channel>(channel: C, input: TrustedInput<C>): Promise<Output<C>>
  /** As refuse, through the trusted door. */
  refuseWithFile<C extends Channel>(
    channel: C,
    input: unknown
  ): Promise<{ code: string; message: string; fields?: Record<string, string> }>
  /** Calls a channel expecting a refusal; returns the error. */
  refuse<C extends Channel>(
    channel: C,
    input: unknown
  ): Promise<{ code: string; message: string; fields?: Record<string, string> }>
  dispose(): void
}

export function tempDir(prefix = 'cd05-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function openTestCore(
  options: { dir?: string; platform?: PlatformPort; password?: string } = {}
): TestCore {
  const dir = options.dir ?? tempDir()
  const core = openCore({
    dataDir: dir,
    appVersion: 'test',
    platform: options.platform ?? noDialogs,
    password: options.password
  })
  return {
    core,
    dir,
    async call(channel, input) {
      const r = await core.dispatch(channel, input)
      if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message}`)
      return r.value as never
    },
    async callWithFile(channel, input) {
      const r = await core.dispatchTrusted(channel, input)
      if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message}`)
      return r.value as never
    },
    async refuseWithFile(channel, input) {
      const r = await core.dispatchTrusted(channel, input)
      if (r.ok) throw new Error(`${channel} should have been refused`)
      return r.error
    },
    async refuse(channel, input) {
      const r = await core.dispatch(channel, input)
      if (r.ok) throw new Error(`${channel} should have been refused`)
      return r.error
    },
    dispose() {
      core.close()
      if (!options.dir) rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A complete PersonFields with sensible blanks, overridden by `fields`. */
export function personInput(
  unitId: number,
  fields: Partial<Input<'people:create'>> = {}
): Input<'people:create'> {
  return { ...emptyPersonFields(unitId), fullName: 'Nguyễn Văn An', ...fields }
}
