// `commitments …` commands: who has made their commitment, bulk creation from a unit's template,
// and the printed commitments (one person's, or a whole unit's in one workbook), over the same
// dispatch as the app.
import { date, required, text } from './args'
import type { CommandContext } from './commands'
import { call, callWithFile, resolveUnit, unitOption, yearOption } from './dispatch'
import { formatPercent } from '../shared/numbers'
import { CliRefusal, indentedName, printResult, rollupJson, table } from './output'

async function status({ core, out, opts }: CommandContext): Promise<void> {
  const year = await yearOption(core, opts)
  const unit = await unitOption(core, opts)
  const s = await call(core, 'commitments:status', { year, unitId: unit?.id ?? null })
  printResult(out, { year, ...rollupJson(s) }, () =>
    [
      `Cam kết năm ${year}`,
      table(
        ['Đơn vị', 'Phải lập', 'Đã lập', 'Chưa lập', 'Tỷ lệ', 'Không phải lập'],
        s.rows.map((r) => [
          indentedName(r),
          String(r.required),
          String(r.made),
          String(r.missing),
          formatPercent(r.percent),
          String(r.notAsked)
        ])
      )
    ].join('\n')
  )
}

async function bulk({ core, out, opts }: CommandContext): Promise<void> {
  const year = await yearOption(core, opts)
  const unit = await resolveUnit(core, required(opts, 'unit'))
  const madeOn = date(opts, 'date')
  if (madeOn !== null && madeOn.length !== 10)
    throw new CliRefusal('VALIDATION', '--date: cần đủ ngày, tháng, năm (dd/mm/yyyy).')
  const r = await call(core, 'commitments:bulk', { unitId: unit.id, year, madeOn })
  const from = {
    own: 'mẫu của đơn vị',
    inherited: 'mẫu của cấp trên',
    default: 'mẫu gợi ý có sẵn'
  }[r.templateSource]
  printResult(
    out,
    { unitId: unit.id, unit: unit.name, year, ...r },
    () =>
      `${unit.name}, năm ${year}: đã lập ${r.created} bản cam kết từ ${from}; ${r.skippedExisting} người đã có, ${r.skippedNotAsked} người không phải lập.`
  )
}

/** `ref`: a person id, or 8 digits for a party card number. */
async function exportPerson({ core, out, opts }: CommandContext, ref: string): Promise<void> {
  let personId = Number(ref)
  if (/^\d{8}$/.test(ref)) {
    // 8 digits: a party card number (a person id that long is not realistic).
    const found = await call(core, 'people:list', {
      unitId: null,
      includeSubunits: true,
      q: ref,
      limit: 5
    })
    const hit = found.rows.filter((p) => p.partyCardNumber === ref)
    if (hit.length !== 1)
      throw new CliRefusal('NOT_FOUND', `Không tìm thấy đảng viên có số thẻ ${ref}.`)
    personId = hit[0].id
  }
  const year = await yearOption(core, opts)
  const path = required(opts, 'out')
  const r = await callWithFile(core, 'commitments:export', {
    personId,
    year,
    path,
    place: text(opts, 'place')
  })
  printResult(
    out,
    { personId, year, path: r?.path ?? null },
    () => `Đã lưu bản cam kết năm ${year} vào ${r?.path}.`
  )
}

async function exportUnit({ core, out, opts }: CommandContext, ref: string): Promise<void> {
  const unit = await resolveUnit(core, ref)
  const year = await yearOption(core, opts)
  const path = required(opts, 'out')
  const r = await callWithFile(core, 'commitments:exportUnit', {
    unitId: unit.id,
    year,
    path,
    place: text(opts, 'place')
  })
  printResult(out, { unitId: unit.id, unit: unit.name, year, ...r }, () =>
    [
      `Đã lưu ${r?.people} bản cam kết năm ${year} của ${unit.name} vào ${r?.path} (mỗi người một trang tính).`,
      ...(r?.withoutCommitment
        ? [`${r.withoutCommitment} người chưa có bản cam kết nên không có trong tệp.`]
        : [])
    ].join('\n')
  )
}

/** One person's commitment (NGƯỜI), or all of a unit's (--unit), never both. */
async function exportCommitments(c: CommandContext): Promise<void> {
  const ref = c.positionals[0]
  const unitRef = text(c.opts, 'unit')
  if (ref !== undefined && unitRef !== undefined)
    throw new CliRefusal('USAGE', 'Chọn một người (NGƯỜI) hoặc một đơn vị (--unit), không cả hai.')
  if (unitRef !== undefined) return exportUnit(c, unitRef)
  if (ref === undefined || !/^\d+$/.test(ref))
    throw new CliRefusal(
      'USAGE',
      'Cần mã người, số thẻ đảng viên hoặc đơn vị: commitments export NGƯỜI --out TỆP.xlsx, hoặc commitments export --unit ĐƠN_VỊ --out TỆP.xlsx.'
    )
  return exportPerson(c, ref)
}

export const COMMITMENTS_COMMANDS: Record<string, (c: CommandContext) => Promise<void>> = {
  'commitments status': status,
  'commitments bulk': bulk,
  'commitments export': exportCommitments
}

export const COMMITMENTS_USAGE = `  commitments status [--year Y] [--unit ĐƠN_VỊ]    Cam kết: phải lập / đã lập / chưa lập theo đơn vị
  commitments bulk --unit ĐƠN_VỊ [--year Y] [--date dd/mm/yyyy]
                                                   Lập cam kết từ mẫu của đơn vị cho người chưa có
  commitments export NGƯỜI --out TỆP.xlsx [--year Y] [--place ĐỊA_DANH]
                                                   NGƯỜI: mã người hoặc số thẻ đảng viên
  commitments export --unit ĐƠN_VỊ --out TỆP.xlsx [--year Y] [--place ĐỊA_DANH]
                                                   Cam kết của cả đơn vị: mỗi người một trang tính`
