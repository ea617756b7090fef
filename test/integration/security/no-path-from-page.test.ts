// Issue #11, point 1: the page can name no file. Every channel of the page's contract is called
// with a `path` (and other unknown fields) and none accepts it; the ten channels that read or
// write a file are also called with inputs that are valid but for the path, and neither a file
// is written nor the dialog skipped. The trusted door (the CLI's) still names files.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CHANNELS } from '../../../src/shared/api'
import { schemas } from '../../../src/core/rpc/schemas'
import type { PlatformPort } from '../../../src/core/platform'
import { openTestCore, personInput, type TestCore } from '../../helpers/core'

let t: TestCore
afterEach(() => t?.dispose())

/** A port that records every question and answers "cancelled". */
function recordingPort(asked: string[]): PlatformPort {
  return {
    chooseOpenFile: (o) => (asked.push(`open: ${o.title}`), Promise.resolve(null)),
    chooseSaveFile: (o) => (asked.push(`save: ${o.title}`), Promise.resolve(null))
  }
}

/** Every object schema inside `schema` (through arrays, optionals, nullables), with where it is. */
function objectSchemas(
  schema: z.ZodType,
  where: string,
  out: { where: string; schema: z.ZodObject }[] = []
): typeof out {
  if (schema instanceof z.ZodObject) {
    out.push({ where, schema })
    for (const [key, field] of Object.entries(schema.shape))
      objectSchemas(field as z.ZodType, `${where}.${key}`, out)
  } else if (schema instanceof z.ZodArray) {
    objectSchemas(schema.element as z.ZodType, `${where}[]`, out)
  } else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    objectSchemas(schema.unwrap() as z.ZodType, where, out)
  }
  return out
}

describe('the page names no file', () => {
  it('no schema of the page contract has a path or chooseFile field, and every object is strict', () => {
    const found: string[] = []
    let objects = 0
    for (const channel of CHANNELS) {
      for (const { where, schema } of objectSchemas(schemas[channel] as z.ZodType, channel)) {
        objects++
        for (const key of Object.keys(schema.shape))
          if (/^(path|chooseFile|file|filePath|dir)$/i.test(key)) found.push(`${where}.${key}`)
        const catchall = schema._zod.def.catchall
        if (!catchall || !(catchall instanceof z.ZodNever)) found.push(`${where} is not strict`)
      }
    }
    expect(found).toEqual([])
    // The walk reached the objects (a walk that found none would pass vacuously).
    expect(objects).toBeGreaterThan(CHANNELS.length)
  })

  it('every channel refuses an input with a path and an unknown field', async () => {
    t = openTestCore()
    const accepted: string[] = []
    for (const channel of CHANNELS) {
      const r = await t.core.dispatch(channel, {
        path: join(t.dir, 'x.xlsx'),
        chooseFile: true,
        zzz: 1
      })
      if (r.ok || r.error.code !== 'INVALID_INPUT') accepted.push(channel)
    }
    expect(accepted).toEqual([])
  })

  it('the ten file channels refuse an otherwise valid input that names a file, and write nothing', async () => {
    const asked: string[] = []
    t = openTestCore({ platform: recordingPort(asked) })
    const cell = (
      await t.call('units:create', { parentId: null, name: 'Chi bộ ấp 1', level: 'Chi bộ' })
    ).id
    const person = await t.call('people:create', personInput(cell, { fullName: 'Nguyễn Văn An' }))
    const target = join(t.dir, 'ra.xlsx')
    const inputs: [string, Record<string, unknown>][] = [
      ['import:open', { requestId: 'page-open-0001' }],
      ['study:previewSheet', { sessionId: 1 }],
      ['evaluation:previewImport', { year: 2024 }],
      ['evaluation:applyImport', { year: 2024, token: 'a'.repeat(32), fingerprint: '1:2' }],
      ['import:exportProblems', { sessionId: 'abcdefgh-0001' }],
      ['study:exportMissing', { year: 2024, unitId: cell }],
      ['commitments:export', { personId: person.id, year: 2024 }],
      ['commitments:exportUnit', { year: 2024, unitId: cell }],
      ['evaluation:export', { year: 2024, unitId: cell }],
      ['exemplars:exportProposals', { year: 2024, unitId: cell }]
    ]
    for (const [channel, input] of inputs) {
      const r = await t.core.dispatch(channel, { ...input, path: target })
      expect(r.ok ? 'accepted' : r.error.code, channel).toBe('INVALID_INPUT')
    }
    expect(existsSync(target)).toBe(false)
    expect(asked).toEqual([])
    // The same inputs without the path pass the door: the path alone was refused.
    for (const [channel, input] of inputs) {
      const r = await t.core.dispatch(channel, input)
      expect(r.ok || r.error.code !== 'INVALID_INPUT', channel).toBe(true)
    }
    expect(existsSync(target)).toBe(false)
    // Those that got as far as asking asked the dialog (cancelled here: nothing read or written).
    expect(asked).toEqual(
      expect.arrayContaining([
        'open: Chọn danh sách cần nhập',
        'save: Lưu bảng tổng hợp kết quả xếp loại',
        'save: Lưu danh sách đề nghị khen thưởng'
      ])
    )
    const before = asked.length
    // The trusted door (the CLI's, the tests') names the file, through the same chooser.
    expect(
      await t.callWithFile('evaluation:export', { year: 2024, unitId: cell, path: target })
    ).toEqual({ path: target, rows: 1 })
    expect(existsSync(target)).toBe(true)
    expect(asked).toHaveLength(before)
  })

  it('applying an evaluation sheet takes the token of its preview, never a path', async () => {
    t = openTestCore()
    const unknown = await t.refuse('evaluation:applyImport', {
      year: 2024,
      token: 'b'.repeat(32),
      fingerprint: '1:2'
    })
    expect(unknown).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/xem trước lại/)
    })
    expect(
      (
        await t.refuse('evaluation:applyImport', {
          year: 2024,
          token: '/etc/passwd',
          fingerprint: '1:2'
        })
      ).code
    ).toBe('INVALID_INPUT')
  })
})
