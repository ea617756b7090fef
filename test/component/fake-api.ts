// An in-memory window.api for component tests: enough of the core to drive the views, and a
// log of every call so tests can check what the UI asked for.

import {
  CHANNELS,
  LEFT_STATUSES,
  type BackupInfo,
  type Channel,
  type Input,
  type Output,
  type Person,
  type PersonFields,
  type PersonRow,
  type Result,
  type Unit,
  type WindowApi
} from '@shared/api'
import { foldVietnamese } from '@shared/vn-text'
import { emptyPersonFields } from '@shared/person-rules'

export interface Call {
  channel: Channel
  input: unknown
}

type Handlers = { [C in Channel]?: (input: Input<C>) => Output<C> | Promise<Output<C>> }

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>
  ) {
    super(message)
  }
}

export interface FakeData {
  units: Unit[]
  people: Person[]
  backups: BackupInfo[]
}

export function unit(
  id: number,
  parentId: number | null,
  name: string,
  level: string,
  peopleCount = 0
): Unit {
  return {
    id,
    parentId,
    name,
    level,
    retiredOn: null,
    peopleCount,
    signer: { line: null, title: null, name: null }
  }
}

export function person(
  id: number,
  unitId: number,
  fullName: string,
  extra: Partial<Person> = {}
): Person {
  return {
    ...emptyPersonFields(unitId),
    id,
    unitName: '',
    fullName,
    memberType: 'official',
    status: 'active',
    statusSince: null,
    ...extra
  }
}

export function createFakeApi(data: FakeData, overrides: Handlers = {}) {
  const calls: Call[] = []
  const unitName = (id: number) => data.units.find((u) => u.id === id)?.name ?? ''
  const below = (id: number): Set<number> => {
    const ids = new Set([id])
    for (let grew = true; grew;) {
      grew = false
      for (const u of data.units)
        if (u.parentId !== null && ids.has(u.parentId) && !ids.has(u.id)) {
          ids.add(u.id)
          grew = true
        }
    }
    return ids
  }
  const toRow = (p: Person): PersonRow => ({ ...p, unitName: unitName(p.unitId) })
  const find = (id: number) => {
    const p = data.people.find((x) => x.id === id)
    if (!p) throw new ApiError('NOT_FOUND', 'Không tìm thấy người này.')
    return { ...p, unitName: unitName(p.unitId) }
  }

  const handlers: Handlers = {
    'app:info': () => ({
      appVersion: '0.1.0',
      dbPath: 'C:\\Users\\vanphong\\AppData\\Roaming\\chuyen-de\\chuyen-de.sqlite',
      dbSizeBytes: 3 * 1024 * 1024,
      schemaVersion: 3,
      backupDir: 'C:\\Users\\vanphong\\AppData\\Roaming\\chuyen-de\\backups',
      backupKeep: 20
    }),
    'app:lockState': () => ({ locked: false, passwordSet: false, idleMinutes: 10 }),
    'units:list': ({ includeRetired }) =>
      data.units.filter((u) => includeRetired || u.retiredOn === null),
    'units:create': (input) => {
      const u = unit(
        Math.max(0, ...data.units.map((x) => x.id)) + 1,
        input.parentId,
        input.name,
        input.level
      )
      if (input.signer) u.signer = input.signer
      data.units.push(u)
      return u
    },
    'units:update': (input) => {
      const u = data.units.find((x) => x.id === input.id)!
      Object.assign(u, {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.level === undefined ? {} : { level: input.level }),
        ...(input.signer === undefined ? {} : { signer: input.signer })
      })
      return { ...u }
    },
    'units:history': () => [],
    'people:list': (input) => {
      const units =
        input.unitId === null
          ? null
          : input.includeSubunits
            ? below(input.unitId)
            : new Set([input.unitId])
      const q = input.q ? foldVietnamese(input.q) : ''
      const matches = data.people.filter(
        (p) =>
          (!units || units.has(p.unitId)) &&
          (!q || foldVietnamese(p.fullName).includes(q)) &&
          // As the core does: no statuses (or an empty list) means those still on the rolls.
          (input.statuses && input.statuses.length > 0
            ? input.statuses.includes(p.status)
            : !LEFT_STATUSES.includes(p.status)) &&
          (!input.kind || p.kind === input.kind)
      )
      const offset = input.offset ?? 0
      return {
        total: matches.length,
        rows: matches.slice(offset, offset + (input.limit ?? 100)).map(toRow)
      }
    },
    'people:get': ({ id }) => find(id),
    'people:statusHistory': () => [],
    'people:create': (fields: PersonFields) => {
      const p = person(
        Math.max(0, ...data.people.map((x) => x.id)) + 1,
        fields.unitId,
        fields.fullName,
        fields
      )
      data.people.push(p)
      return find(p.id)
    },
    'backup:list': () => data.backups,
    // Tổng quan asks for the late recommendations (none unless a test says).
    'inspections:listRecommendations': () => [],
    ...overrides
  }

  const api = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (input: unknown): Promise<Result<unknown>> => {
        calls.push({ channel, input: structuredClone(input) })
        const handler = handlers[channel] as ((i: unknown) => unknown) | undefined
        if (!handler)
          return {
            ok: false,
            error: {
              code: 'NOT_IMPLEMENTED',
              message: `Kênh ${channel} chưa có trong bản giả lập.`
            }
          }
        try {
          return { ok: true, value: await handler(input) }
        } catch (e) {
          if (e instanceof ApiError)
            return { ok: false, error: { code: e.code, message: e.message, fields: e.fields } }
          throw e
        }
      }
    ])
  ) as WindowApi

  const callsTo = <C extends Channel>(channel: C) =>
    calls.filter((c) => c.channel === channel).map((c) => c.input as Input<C>)

  return { api, calls, callsTo }
}
