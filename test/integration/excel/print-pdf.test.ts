// Every kind of export printed as an office prints it: each workbook converted to PDF by
// LibreOffice (one call for all, with a private profile), then read back from the word boxes
// (pdftotext -bbox-layout): no two words overlap anywhere (a row too short for its wrapped text
// prints its lines over the next row), every page is A4 in the orientation the export sets, and
// the same unit signs the same way everywhere. The pages are also saved as PNG under
// test-results/screenshots/pdf/ to be looked at.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommitmentItem } from '../../../src/shared/api'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { A4, overlaps, pagesOf } from '../../helpers/pdf'
import { SOFFICE } from '../../helpers/workbook'

const SCREENSHOTS = resolve(__dirname, '../../../test-results/screenshots/pdf')
const tools =
  existsSync(SOFFICE) &&
  ['pdftotext', 'pdftoppm'].every((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' })
      return true
    } catch {
      return false
    }
  })

const LONG_CELL = 'Chi bộ Khu phố Tân Lập Thượng và Khu dân cư Bình Minh mở rộng'
const LONG_COMMITTEE = 'Đảng ủy xã Tân Lập Thượng huyện Tân Biên tỉnh Tây Ninh'
const LONG_NAMES = [
  'Tôn Nữ Thị Hoàng Phương Thảo Nguyên',
  'Nguyễn Hoàng Trường Giang Thiên Phúc',
  'Công Tằng Tôn Nữ Ngọc Quỳnh Anh Thư'
]
const LONG_POSITION =
  'Phó Bí thư Chi bộ, Trưởng ban công tác Mặt trận khu dân cư, Tổ trưởng tổ tự quản'
const LONG_NOTE =
  'Chuyển sinh hoạt đảng tạm thời từ Đảng bộ phường Hiệp Ninh về từ tháng 3; đã có ý kiến nhận xét của nơi cư trú'

/** Items with long text in every column, under three headings. */
function longItems(): CommitmentItem[] {
  const item = (heading: CommitmentItem['heading'], content: string): CommitmentItem => ({
    heading,
    content,
    tasks:
      'Nghiên cứu, quán triệt đầy đủ các nghị quyết, chỉ thị của Đảng; tham gia đầy đủ các buổi sinh hoạt chi bộ định kỳ và chuyên đề hằng tháng',
    measures:
      'Tự học tập qua sách báo, Internet; trao đổi với đồng chí, đồng nghiệp; ghi chép sổ tay và báo cáo kết quả với chi bộ mỗi quý',
    deadline: 'Thường xuyên, cả năm 2024',
    expected: 'Hoàn thành tốt nhiệm vụ được giao, không có đảng viên vi phạm kỷ luật'
  })
  return [
    item(
      'politics',
      'Kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, đường lối đổi mới của Đảng; không dao động trước những thông tin sai trái, thù địch'
    ),
    item(
      'ethics',
      'Giữ gìn phẩm chất đạo đức, lối sống trong sạch, giản dị; cần, kiệm, liêm, chính, chí công vô tư'
    ),
    item('ethics', 'Gương mẫu trong gia đình và nơi cư trú'),
    item(
      'topic',
      'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng văn hóa, con người Việt Nam phát triển toàn diện'
    ),
    item(
      'breakthrough',
      'Số hóa toàn bộ hồ sơ đảng viên của chi bộ và cập nhật dữ liệu lên phần mềm quản lý trước ngày 30 tháng 6'
    )
  ]
}

let t: TestCore
let out: string
let pdfDir: string
/** Each export: its file and the orientation of its pages. */
const exports: {
  name: string
  file: string
  orientation: 'portrait' | 'landscape'
  cell: boolean
}[] = []

async function seed() {
  const district = (
    await t.call('units:create', { parentId: null, name: 'Huyện ủy Tân Biên', level: 'Huyện ủy' })
  ).id
  const committee = (
    await t.call('units:create', {
      parentId: district,
      name: LONG_COMMITTEE,
      level: 'Đảng ủy cơ sở'
    })
  ).id
  const cellA = (
    await t.call('units:create', { parentId: committee, name: LONG_CELL, level: 'Chi bộ' })
  ).id
  const cellB = (
    await t.call('units:create', { parentId: committee, name: 'Chi bộ ấp 2', level: 'Chi bộ' })
  ).id
  const people: number[] = []
  for (const [i, fullName] of [...LONG_NAMES, 'Lê Văn Cường', 'Trần Thị Bình'].entries()) {
    people.push(
      (
        await t.call(
          'people:create',
          personInput(i < 4 ? cellA : cellB, {
            fullName,
            birthDate: `19${70 + i}-0${1 + i}-1${i}`,
            partyCardNumber: `0100000${i}`,
            position: i % 2 === 0 ? LONG_POSITION : 'Đảng viên',
            partyJoinDate: '2001-05-19',
            partyOfficialDate: '2002-05-19'
          })
        )
      ).id
    )
  }
  await t.call('commitments:bulk', { unitId: cellA, year: 2024, madeOn: '2024-02-15' })
  for (const personId of people.slice(0, 2))
    await t.call('commitments:save', {
      personId,
      year: 2024,
      madeOn: '2024-02-20',
      items: longItems()
    })
  await t.call('evaluation:save', {
    year: 2024,
    unitId: cellA,
    entries: [
      { personId: people[0], self: 'HTXSNV', proposed: 'HTXSNV', note: LONG_NOTE },
      { personId: people[1], self: 'HTTNV', proposed: 'HTTNV', decided: 'HTTNV', note: LONG_NOTE },
      {
        personId: people[2],
        self: 'not_rated',
        proposed: 'not_rated',
        reason: 'temporary',
        note: LONG_NOTE
      },
      { personId: people[3], self: 'HTNV' }
    ]
  })
  await t.call('evaluation:save', {
    year: 2024,
    unitId: cellB,
    entries: [{ personId: people[4], self: 'HTTNV', proposed: 'HTXSNV', note: LONG_NOTE }]
  })
  return { committee, cellA, cellB, people }
}

/** A member list with long names and dates, two bad card numbers and a doubtful gender, to send back marked. */
async function problemList(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Danh sách')
  ws.columns = [
    { width: 5 },
    { width: 22 },
    { width: 11 },
    { width: 8 },
    { width: 20 },
    { width: 11 }
  ]
  ws.addRow(['DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3'])
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Quê quán', 'Số thẻ ĐV'])
  const names = [...LONG_NAMES, 'Lê Văn Tám', 'Phạm Thị Hà']
  names.forEach((name, i) => {
    const row = ws.addRow([
      i + 1,
      name,
      new Date(Date.UTC(1970 + i, i, 10 + i)),
      i === 2 ? 'Khác' : 'Nữ',
      'Xã Tân Lập Thượng, huyện Tân Biên, tỉnh Tây Ninh',
      i % 2 ? '12' : `0200000${i}`
    ])
    row.getCell(3).numFmt = 'dd/mm/yyyy'
  })
  await wb.xlsx.writeFile(path)
}

beforeAll(async () => {
  if (!tools) return
  t = openTestCore()
  out = tempDir('cd05-print-')
  pdfDir = tempDir('cd05-print-pdf-')
  const o = await seed()
  const file = (name: string) => join(out, `${name}.xlsx`)
  const add = (name: string, orientation: 'portrait' | 'landscape', cell: boolean) =>
    exports.push({ name, file: file(name), orientation, cell })

  await t.call('commitments:export', {
    personId: o.people[0],
    year: 2024,
    path: file('cam-ket'),
    place: 'Tân Lập'
  })
  add('cam-ket', 'portrait', true)
  await t.call('commitments:exportUnit', {
    unitId: o.cellA,
    year: 2024,
    path: file('cam-ket-chi-bo'),
    place: 'Tân Lập'
  })
  add('cam-ket-chi-bo', 'portrait', true)
  await t.call('study:exportMissing', {
    year: 2024,
    unitId: o.committee,
    perUnit: true,
    path: file('chua-hoc'),
    place: 'Tân Lập'
  })
  add('chua-hoc', 'landscape', false)
  await t.call('evaluation:export', {
    year: 2024,
    unitId: o.cellA,
    path: file('xep-loai-chi-bo'),
    place: 'Tân Lập'
  })
  add('xep-loai-chi-bo', 'portrait', true)
  await t.call('evaluation:export', {
    year: 2024,
    unitId: o.committee,
    path: file('xep-loai-dang-uy'),
    place: 'Tân Lập'
  })
  add('xep-loai-dang-uy', 'portrait', false)

  const list = join(out, 'source.xlsx')
  await problemList(list)
  const opened = (await t.call('import:open', { path: list }))!
  await t.call('import:preview', {
    sessionId: opened.sessionId,
    parentUnitId: o.committee,
    limit: 1
  })
  await t.call('import:exportProblems', { sessionId: opened.sessionId, path: file('tep-loi') })
  // Seven columns with the messages: wider than a portrait page.
  add('tep-loi', 'landscape', false)

  const profile = tempDir('cd05-lo-profile-')
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        pdfDir,
        ...exports.map((e) => e.file)
      ],
      {
        timeout: 180_000,
        stdio: 'pipe'
      }
    )
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  rmSync(SCREENSHOTS, { recursive: true, force: true })
  mkdirSync(SCREENSHOTS, { recursive: true })
  for (const e of exports) {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      join(pdfDir, `${e.name}.pdf`),
      join(SCREENSHOTS, e.name)
    ])
    copyFileSync(join(pdfDir, `${e.name}.pdf`), join(SCREENSHOTS, `${e.name}.pdf`))
  }
}, 240_000)

afterAll(() => {
  if (!tools) return
  t.dispose()
  rmSync(out, { recursive: true, force: true })
  rmSync(pdfDir, { recursive: true, force: true })
})

describe.runIf(tools)('every export printed to PDF through LibreOffice', () => {
  it('prints every page on A4 in the orientation the export sets, with no two words overlapping', () => {
    expect(exports.map((e) => e.name)).toEqual([
      'cam-ket',
      'cam-ket-chi-bo',
      'chua-hoc',
      'xep-loai-chi-bo',
      'xep-loai-dang-uy',
      'tep-loi'
    ])
    const problems: string[] = []
    for (const e of exports) {
      const pages = pagesOf(join(pdfDir, `${e.name}.pdf`))
      expect(pages.length, e.name).toBeGreaterThan(0)
      pages.forEach((p, i) => {
        // The evaluation sheet's instructions sheet is portrait whatever the sheet's orientation.
        const [w, h] =
          e.name.startsWith('xep-loai') && i === pages.length - 1 ? A4.portrait : A4[e.orientation]
        if (Math.abs(p.width - w) > 1 || Math.abs(p.height - h) > 1)
          problems.push(`${e.name} p.${i + 1}: ${p.width}×${p.height}, not ${w}×${h}`)
        for (const [a, b] of overlaps(p.words))
          problems.push(
            `${e.name} p.${i + 1}: "${a.text}" (${a.x0},${a.y0}) overlaps "${b.text}" (${b.x0},${b.y0})`
          )
      })
    }
    expect(problems).toEqual([])
  })

  it('prints one page per commitment, the whole text of long cells, and the right signers', () => {
    const text = (name: string) =>
      execFileSync('pdftotext', ['-layout', join(pdfDir, `${name}.pdf`), '-'], { encoding: 'utf8' })
    expect(pagesOf(join(pdfDir, 'cam-ket.pdf'))).toHaveLength(1)
    // Four people in the chi bộ, each with a commitment: one page each.
    expect(pagesOf(join(pdfDir, 'cam-ket-chi-bo.pdf'))).toHaveLength(4)
    for (const e of exports.filter((x) => x.name !== 'tep-loi')) {
      const all = text(e.name)
      expect(all, e.name).not.toMatch(/CHI ỦY/)
      expect(all, e.name).toMatch(/BÍ THƯ/)
    }
    expect(text('cam-ket')).toMatch(/T\/M CHI BỘ/)
    expect(text('xep-loai-chi-bo')).toMatch(/T\/M CHI BỘ/)
    expect(text('xep-loai-dang-uy')).toMatch(/T\/M ĐẢNG ỦY/)
    // The missing list per chi bộ: the committee's list, then each chi bộ's own signed for the chi bộ.
    expect(text('chua-hoc')).toMatch(/T\/M ĐẢNG ỦY[\s\S]*T\/M CHI BỘ/)
    // The last words of a long note are printed (a short row would cut them off).
    const flat = (name: string) =>
      pagesOf(join(pdfDir, `${name}.pdf`))
        .flatMap((p) => p.words.map((w) => w.text))
        .join(' ')
    expect(flat('xep-loai-chi-bo')).toContain('cư trú')
    expect(flat('cam-ket')).toContain('thù địch')
    // Dates in the problem file print as dates, not "###".
    expect(flat('tep-loi')).toContain('10/01/1970')
    expect(flat('tep-loi')).not.toContain('###')
  })

  it('keeps the app’s own notes off the evaluation sheet’s printed pages', () => {
    for (const name of ['xep-loai-chi-bo', 'xep-loai-dang-uy']) {
      const pages = pagesOf(join(pdfDir, `${name}.pdf`))
      const printed = pages.slice(0, -1).map((p) => p.words.map((w) => w.text).join(' '))
      expect(printed.join(' ')).not.toMatch(/Lưu ý|phần mềm/)
      // The instructions are on their own sheet, the last page.
      expect(pages[pages.length - 1].words.map((w) => w.text).join(' ')).toMatch(
        /phần mềm nhập lại/
      )
    }
  })

  it('prints the problem file on A4, fitted to its width: the messages on the same page as the data', () => {
    const pages = pagesOf(join(pdfDir, 'tep-loi.pdf'))
    expect(pages).toHaveLength(1)
    const words = pages[0].words.map((w) => w.text).join(' ')
    expect(words).toContain('Lỗi')
    expect(words).toContain(LONG_NAMES[0].split(' ')[0])
    expect(
      readdirSync(SCREENSHOTS).filter((f) => f.endsWith('.png')).length
    ).toBeGreaterThanOrEqual(exports.length)
    expect(
      readFileSync(
        join(
          SCREENSHOTS,
          readdirSync(SCREENSHOTS).find((f) => f.startsWith('tep-loi'))!
        )
      )
        .subarray(1, 4)
        .toString()
    ).toBe('PNG')
  })
})
