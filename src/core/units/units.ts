// The organisation tree. Units are never deleted: a retired unit keeps its people's history.
import type { Unit, UnitCreateInput, UnitHistoryEntry, UnitUpdateInput } from '../../shared/api'
import { cleanText, foldVietnamese } from '../../shared/vn-text'
import { todayIso } from '../../shared/partial-date'
import { SIGNER_TEXT_MAX, type UnitSignerSetting } from '../../shared/unit-signer'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { CoreError, notFound } from '../db/errors'
import { LEFT_SQL } from '../people/status-sql'
import { subtreeRange, type TreeUnitRow } from './subtree'
import { renumberUnits } from './tree-order'

export interface UnitRow extends TreeUnitRow {
  people_count: number
  sign_line: string | null
  sign_title: string | null
  sign_name: string | null
}

const SELECT = `
  SELECT u.id, u.parent_id, u.name, u.level, u.path, u.retired_on,
         (SELECT count(*) FROM people p WHERE p.unit_id = u.id
            AND p.status NOT IN ${LEFT_SQL}) AS people_count,
         s.line AS sign_line, s.title AS sign_title, s.name AS sign_name
  FROM units u LEFT JOIN unit_signers s ON s.unit_id = u.id`

function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    level: r.level,
    retiredOn: r.retired_on,
    peopleCount: r.people_count,
    signer: { line: r.sign_line, title: r.sign_title, name: r.sign_name }
  }
}

export function unitRow(db: Database, id: number): UnitRow {
  const r = db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as UnitRow | undefined
  if (!r) throw notFound('đơn vị')
  return r
}

export function getUnit(db: Database, id: number): Unit {
  return toUnit(unitRow(db, id))
}

export function listUnits(db: Database, includeRetired: boolean): Unit[] {
  const where = includeRetired ? '' : 'WHERE u.retired_on IS NULL'
  const rows = db.prepare(`${SELECT} ${where} ORDER BY u.tree_order`).all() as UnitRow[]
  return rows.map(toUnit)
}

function requireText(value: string, field: string, label: string): string {
  const v = cleanText(value)
  if (!v)
    throw new CoreError('VALIDATION', `${label} không được để trống.`, {
      [field]: `${label} không được để trống.`
    })
  if (v.length > 200) {
    const message = `${label} dài ${v.length} ký tự, quá mức tối đa 200 ký tự: hãy rút gọn.`
    throw new CoreError('VALIDATION', message, { [field]: message })
  }
  return v
}

function checkSiblingName(
  db: Database,
  parentId: number | null,
  name: string,
  exceptId: number | null
): void {
  const clash = db
    .prepare(
      'SELECT id FROM units WHERE parent_id IS ? AND name_key = ? AND retired_on IS NULL AND id IS NOT ?'
    )
    .get(parentId, foldVietnamese(name), exceptId)
  if (clash) {
    const msg = `Đã có đơn vị "${name}" ở cùng cấp.`
    throw new CoreError('CONFLICT', msg, { name: msg })
  }
}

export function recordUnitChange(
  db: Database,
  unitId: number,
  change: UnitHistoryEntry['change'],
  oldValue: string | null,
  newValue: string | null
): void {
  db.prepare(
    'INSERT INTO unit_history(unit_id, at, change, old_value, new_value) VALUES (?, ?, ?, ?, ?)'
  ).run(unitId, nowIso(), change, oldValue, newValue)
}

function activeParent(db: Database, parentId: number | null): UnitRow | null {
  if (parentId === null) return null
  const parent = unitRow(db, parentId)
  if (parent.retired_on)
    throw new CoreError('VALIDATION', `Đơn vị cấp trên "${parent.name}" đã giải thể.`, {
      parentId: 'Đơn vị cấp trên đã giải thể.'
    })
  return parent
}

export function createUnit(db: Database, input: UnitCreateInput): Unit {
  return inTransaction(db, () => {
    const name = requireText(input.name, 'name', 'Tên đơn vị')
    const level = requireText(input.level, 'level', 'Cấp tổ chức')
    const parent = activeParent(db, input.parentId)
    checkSiblingName(db, input.parentId, name, null)
    const info = db
      .prepare(
        "INSERT INTO units(parent_id, name, name_key, level, path, created_at) VALUES (?, ?, ?, ?, '', ?)"
      )
      .run(input.parentId, name, foldVietnamese(name), level, nowIso())
    const id = Number(info.lastInsertRowid)
    db.prepare('UPDATE units SET path = ? WHERE id = ?').run(`${parent?.path ?? '/'}${id}/`, id)
    recordUnitChange(db, id, 'created', null, name)
    if (input.signer) setSigner(db, unitRow(db, id), input.signer)
    renumberUnits(db)
    return getUnit(db, id)
  })
}

export function updateUnit(db: Database, input: UnitUpdateInput): Unit {
  return inTransaction(db, () => {
    const current = unitRow(db, input.id)
    if (input.name !== undefined) {
      const name = requireText(input.name, 'name', 'Tên đơn vị')
      if (name !== current.name) {
        checkSiblingName(db, current.parent_id, name, current.id)
        db.prepare('UPDATE units SET name = ?, name_key = ? WHERE id = ?').run(
          name,
          foldVietnamese(name),
          current.id
        )
        recordUnitChange(db, current.id, 'renamed', current.name, name)
        renumberUnits(db)
      }
    }
    if (input.level !== undefined) {
      const level = requireText(input.level, 'level', 'Cấp tổ chức')
      if (level !== current.level) {
        db.prepare('UPDATE units SET level = ? WHERE id = ?').run(level, current.id)
        recordUnitChange(db, current.id, 'relabelled', current.level, level)
      }
    }
    if (input.signer !== undefined) setSigner(db, current, input.signer)
    return getUnit(db, current.id)
  })
}

/** One part of the signer: blank is "not set"; longer than a printed line is refused, never cut. */
function signerText(value: string | null, field: string, label: string): string | null {
  const v = cleanText(value ?? '')
  if (!v) return null
  if (v.length > SIGNER_TEXT_MAX) {
    const message = `${label} dài ${v.length} ký tự, quá mức tối đa ${SIGNER_TEXT_MAX} ký tự: hãy rút gọn.`
    throw new CoreError('VALIDATION', message, { [field]: message })
  }
  return v
}

function setSigner(db: Database, current: UnitRow, input: UnitSignerSetting): void {
  // The line and title print in capitals whatever case they are typed in; stored as printed.
  const caps = (s: string | null) => s && s.toLocaleUpperCase('vi')
  const next: UnitSignerSetting = {
    line: caps(signerText(input.line, 'signerLine', 'Dòng "thay mặt"')),
    title: caps(signerText(input.title, 'signerTitle', 'Chức vụ người ký')),
    name: signerText(input.name, 'signerName', 'Họ tên người ký')
  }
  const before = { line: current.sign_line, title: current.sign_title, name: current.sign_name }
  if (JSON.stringify(before) === JSON.stringify(next)) return
  if (next.line === null && next.title === null && next.name === null)
    db.prepare('DELETE FROM unit_signers WHERE unit_id = ?').run(current.id)
  else
    db.prepare(
      `INSERT INTO unit_signers(unit_id, line, title, name) VALUES (?, ?, ?, ?)
       ON CONFLICT(unit_id) DO UPDATE SET line = excluded.line, title = excluded.title, name = excluded.name`
    ).run(current.id, next.line, next.title, next.name)
  const show = (s: UnitSignerSetting) =>
    s.line === null && s.title === null && s.name === null
      ? null
      : [s.line ?? '(mặc định)', s.title ?? '(mặc định)', s.name ?? ''].filter(Boolean).join(' – ')
  recordUnitChange(db, current.id, 'signer', show(before), show(next))
}

export function moveUnit(db: Database, id: number, parentId: number | null): Unit {
  return inTransaction(db, () => {
    const current = unitRow(db, id)
    if (current.parent_id === parentId) return toUnit(current)
    const parent = activeParent(db, parentId)
    if (parent && parent.path.startsWith(current.path)) {
      const msg = 'Không thể chuyển một đơn vị vào chính nó hoặc đơn vị trực thuộc của nó.'
      throw new CoreError('VALIDATION', msg, { parentId: msg })
    }
    checkSiblingName(db, parentId, current.name, current.id)
    const newPath = `${parent?.path ?? '/'}${id}/`
    // Rewrite the path prefix of the whole subtree in one statement.
    db.prepare('UPDATE units SET path = ? || substr(path, ?) WHERE path >= ? AND path < ?').run(
      newPath,
      current.path.length + 1,
      ...subtreeRange(current.path)
    )
    db.prepare('UPDATE units SET parent_id = ? WHERE id = ?').run(parentId, id)
    const oldParent = current.parent_id === null ? null : unitRow(db, current.parent_id).name
    recordUnitChange(db, id, 'moved', oldParent, parent?.name ?? null)
    renumberUnits(db)
    return getUnit(db, id)
  })
}

export function retireUnit(db: Database, id: number, on: string | undefined): Unit {
  return inTransaction(db, () => {
    const current = unitRow(db, id)
    if (current.retired_on) return toUnit(current)
    // path > lo: the subtree without the unit itself.
    const active = db
      .prepare(`SELECT count(*) AS n FROM units WHERE path > ? AND path < ? AND retired_on IS NULL`)
      .get(...subtreeRange(current.path)) as { n: number }
    if (active.n > 0) {
      throw new CoreError(
        'CONFLICT',
        `"${current.name}" còn ${active.n} đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể chúng trước.`
      )
    }
    if (current.people_count > 0) {
      throw new CoreError(
        'CONFLICT',
        `"${current.name}" còn ${current.people_count} người đang sinh hoạt; hãy chuyển họ sang đơn vị khác trước.`
      )
    }
    const date = on ?? todayIso()
    db.prepare('UPDATE units SET retired_on = ? WHERE id = ?').run(date, id)
    recordUnitChange(db, id, 'retired', null, date)
    return getUnit(db, id)
  })
}

export function restoreUnit(db: Database, id: number): Unit {
  return inTransaction(db, () => {
    const current = unitRow(db, id)
    if (!current.retired_on) return toUnit(current)
    activeParent(db, current.parent_id)
    checkSiblingName(db, current.parent_id, current.name, current.id)
    db.prepare('UPDATE units SET retired_on = NULL WHERE id = ?').run(id)
    recordUnitChange(db, id, 'restored', current.retired_on, null)
    return getUnit(db, id)
  })
}

function describeChange(
  change: UnitHistoryEntry['change'],
  oldValue: string | null,
  newValue: string | null
): string {
  switch (change) {
    case 'created':
      return `Thành lập với tên "${newValue}"`
    case 'renamed':
      return `Đổi tên từ "${oldValue}" thành "${newValue}"`
    case 'relabelled':
      return `Đổi cấp tổ chức từ "${oldValue}" thành "${newValue}"`
    case 'moved':
      return `Chuyển từ "${oldValue ?? 'cấp cao nhất'}" sang trực thuộc "${newValue ?? 'cấp cao nhất'}"`
    case 'retired':
      return `Giải thể / sáp nhập ngày ${newValue?.split('-').reverse().join('/')}`
    case 'restored':
      return 'Hoạt động trở lại'
    case 'merged_into':
      return `Sáp nhập vào "${newValue}" ngày ${oldValue?.split('-').reverse().join('/')}: người và hồ sơ chuyển sang đơn vị đó`
    case 'merged_from':
      return `Nhận người và hồ sơ của "${newValue}" (sáp nhập ngày ${oldValue?.split('-').reverse().join('/')})`
    case 'signer':
      return `Đổi người ký văn bản từ "${oldValue ?? 'mặc định theo cấp'}" thành "${newValue ?? 'mặc định theo cấp'}"`
  }
}

export function unitHistory(db: Database, id: number): UnitHistoryEntry[] {
  unitRow(db, id)
  const rows = db
    .prepare(
      'SELECT at, change, old_value, new_value FROM unit_history WHERE unit_id = ? ORDER BY id'
    )
    .all(id) as {
    at: string
    change: UnitHistoryEntry['change']
    old_value: string | null
    new_value: string | null
  }[]
  return rows.map((r) => ({
    at: r.at,
    change: r.change,
    text: describeChange(r.change, r.old_value, r.new_value)
  }))
}
