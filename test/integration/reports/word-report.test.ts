// The report itself as a Word document, on the known data set of the annex tests (tan-lap-fixture):
// the year report being written and the same report issued as 05-BC/ĐU, exported through the
// channels, converted to PDF by LibreOffice and read back with pdftotext — the header band, the
// number, the figures written as offices write them, the office's text, "Nơi nhận" and the
// signer; A4 pages with no word printed over another; the page images saved to be looked at. An
// issued report re-exported after the data changed still says what it said. The .docx is also
// read without the docx package (Times New Roman, A4 11906×16838), and the CLI writes one.
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, personInput, tempDir, type TestCore } from '../../helpers/core'
import { cli, cliCommittee } from '../../helpers/cli'
import { A4, overlaps, pagesOf, printTools, savePageImages, toPdf } from '../../helpers/pdf'
import { writeReportWord } from '../../../src/core/reports/word-report'
import { seedTanLap, type TanLap } from './tan-lap-fixture'

let t: TestCore
let ids: TanLap
let out: string
let pdfDir: string
let issuedId: number
const files = {
  draft: '',
  issued: '',
  reissued: ''
}

const YEAR = { kind: 'year' as const, year: 2026 }
const TOPIC = 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026'

/** The figures of the data set (with the large conference added below), as the report writes them. */
const STUDY =
  'Trong năm 2026, đã tổ chức 2 lớp (buổi) học tập, quán triệt chuyên đề (2 điểm cầu, 7 người dự); ' +
  '5/6 đảng viên đã học tập (83,33%); 2 quần chúng đã học tập, 38 lượt quần chúng dự học; ' +
  '4/8 bản cam kết tu dưỡng, rèn luyện đã được xây dựng (50%).'
const PROPAGANDA =
  'Đã tổ chức 3 hoạt động tuyên truyền (191 điểm cầu, 1.210 đảng viên, 20.416 quần chúng, 21.631 lượt người dự); ' +
  'thực hiện 2 tin, 3 pano, áp phích; 1 tác phẩm báo chí dự giải, 1 tác phẩm đạt giải.'
const FOLLOWING = [
  'Đã đăng ký 1 mô hình học tập và làm theo; ghi nhận 1 điển hình cá nhân.',
  'Kết quả thực hiện bản cam kết: 1 bản hoàn thành tốt, 1 bản hoàn thành, 1 bản không hoàn thành, 1 bản chưa đánh giá.',
  'Kết quả xếp loại: 4/6 đảng viên được xếp loại, trong đó hoàn thành xuất sắc nhiệm vụ 1 (25%), ' +
    'hoàn thành tốt nhiệm vụ 2 (50%), hoàn thành nhiệm vụ 1 (25%), không hoàn thành nhiệm vụ 0 (0%); ' +
    '2 đảng viên không, chưa xếp loại.'
]
const INSPECTION =
  'Đã tiến hành 1 cuộc kiểm tra việc thực hiện chuyên đề đối với 1 tổ chức đảng, 12 đảng viên; ' +
  'qua kiểm tra, giám sát đã kiến nghị 2 nội dung, đã thực hiện 1, 1 kiến nghị quá hạn chưa thực hiện.'
const RECOGNITION = 'Đã biểu dương, khen thưởng 2 lượt tập thể, cá nhân (giấy khen: 2).'

const LEADERSHIP =
  'Đảng ủy ban hành Kế hoạch số 12-KH/ĐU ngày 15/01/2026 triển khai chuyên đề năm 2026 đến các chi bộ trực thuộc.'
const STUDY_TEXT = 'Các chi bộ tổ chức học tập nghiêm túc, đúng thời gian.'
const TASKS = [
  'Tiếp tục đẩy mạnh việc học tập và làm theo chuyên đề năm 2027.',
  'Nhân rộng mô hình "Tuyến đường nở hoa" ra các ấp.'
]

beforeAll(async () => {
  t = openTestCore()
  ids = await seedTanLap(t)
  out = tempDir('cd05-report-word-')
  pdfDir = tempDir('cd05-report-word-pdf-')
  await t.call('units:update', {
    id: ids.commune,
    signer: { line: null, title: null, name: 'Nguyễn Văn Thắng' }
  })
  // A large conference, so that the figures need thousands dots.
  await t.call('propaganda:createActivity', {
    kind: 'conference',
    startsOn: '2026-05-19',
    endsOn: null,
    title: 'Hội nghị trực tuyến kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh',
    onTopic: true,
    anniversaryId: null,
    unitId: ids.commune,
    points: 190,
    members: 1200,
    nonMembers: 20396,
    attendances: 21596,
    news: 0,
    articles: 0,
    reports: 0,
    panels: 0,
    note: null
  })
  const narrative = {
    leadership: LEADERSHIP,
    study: STUDY_TEXT,
    tasks: TASKS.join('\n\n')
  }
  await t.call('reports:saveDraft', { unitId: ids.commune, period: YEAR, narrative })
  const issued = await t.call('reports:issue', {
    unitId: ids.commune,
    period: YEAR,
    number: '05-BC/ĐU',
    issuedOn: '2026-12-03',
    narrative,
    place: 'Tân Lập'
  })
  issuedId = issued.id

  files.draft = join(out, 'bao-cao-dang-soan.docx')
  files.issued = join(out, 'bao-cao-ban-hanh.docx')
  files.reissued = join(out, 'bao-cao-ban-hanh-lai.docx')
  // The place was kept at issue: none is given when it is exported.
  await t.callWithFile('reports:exportIssuedWord', { id: issuedId, path: files.issued })
  // The data changes after the issue: a new member at chi bộ ấp 1 who has not studied.
  await t.call('people:create', personInput(ids.cellA, { fullName: 'Lý Văn Mới' }))
  // … and the committee has a new secretary: the issued report still names who signed it.
  await t.call('units:update', {
    id: ids.commune,
    signer: { line: null, title: null, name: 'Trần Thị Lan' }
  })
  await t.callWithFile('reports:exportWord', {
    unitId: ids.commune,
    period: YEAR,
    place: 'Tân Lập',
    path: files.draft
  })
  // Another place typed on the page later does not change the issued report.
  await t.callWithFile('reports:exportIssuedWord', {
    id: issuedId,
    place: 'Xã Khác',
    path: files.reissued
  })
  if (!printTools) return
  toPdf(Object.values(files), pdfDir)
  savePageImages(join(pdfDir, 'bao-cao-dang-soan.pdf'), 'report-word-draft')
  savePageImages(join(pdfDir, 'bao-cao-ban-hanh.pdf'), 'report-word-issued')
}, 300_000)

afterAll(() => {
  t.dispose()
  rmSync(out, { recursive: true, force: true })
  rmSync(pdfDir, { recursive: true, force: true })
})

/** The PDF's text with lines joined, so a sentence wrapped over lines still reads whole. */
const pdfText = (name: string) =>
  execFileSync('pdftotext', [join(pdfDir, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' '
  )
/** The same for an expected sentence. */
const flat = (s: string) => s.replace(/\s+/g, ' ')

describe('the report as a Word document', () => {
  it.runIf(printTools)(
    'prints the issued report on A4 with its header, number, figures, text and signer',
    () => {
      const text = pdfText('bao-cao-ban-hanh')
      for (const line of [
        'ĐẢNG BỘ TỈNH TÂY NINH',
        'ĐẢNG BỘ XÃ TÂN LẬP',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số 05-BC/ĐU',
        'Tân Lập, ngày 03 tháng 12 năm 2026',
        'BÁO CÁO',
        `Kết quả năm 2026 thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị và chuyên đề năm 2026 “${TOPIC}”`,
        'I. KẾT QUẢ THỰC HIỆN',
        '1. Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện',
        LEADERSHIP,
        '2. Việc học tập, quán triệt chuyên đề',
        `${STUDY_TEXT} ${STUDY}`,
        '3. Việc làm theo, nêu gương; xây dựng mô hình, điển hình',
        ...FOLLOWING,
        `4. Công tác tuyên truyền ${PROPAGANDA}`,
        `5. Công tác kiểm tra, giám sát ${INSPECTION}`,
        `6. Sơ kết, biểu dương, khen thưởng ${RECOGNITION}`,
        `II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI ${TASKS.join(' ')}`,
        'Nơi nhận:',
        '- Đảng bộ tỉnh Tây Ninh (báo cáo),',
        '- Lưu VP.',
        'T/M ĐẢNG ỦY',
        'BÍ THƯ',
        'Nguyễn Văn Thắng'
      ])
        expect(text).toContain(flat(line))
      // Parts the office left empty are left out of an issued report, never "undefined".
      expect(text).not.toMatch(/Hạn chế, khuyết điểm|Bài học kinh nghiệm|ĐỀ XUẤT, KIẾN NGHỊ|…………/)
      expect(text).not.toMatch(/undefined|NaN|null/)
      const pages = pagesOf(join(pdfDir, 'bao-cao-ban-hanh.pdf'))
      expect(pages.length).toBeGreaterThan(1)
      for (const p of pages) {
        expect(Math.abs(p.width - A4.portrait[0])).toBeLessThan(2)
        expect(Math.abs(p.height - A4.portrait[1])).toBeLessThan(2)
        expect(overlaps(p.words)).toEqual([])
      }
      // Pages numbered from the second, at the top (above the 20 mm margin), the first without.
      const above = (k: number) => pages[k].words.filter((w) => w.y1 < 56).map((w) => w.text)
      expect(above(0)).toEqual([])
      expect(above(1)).toEqual(['2'])
      // The title is centred on the text area (left margin 30 mm, right 15 mm).
      const title = pages[0].words.find((w) => w.text === 'BÁO')!
      const titleEnd = pages[0].words.find(
        (w) => w.text === 'CÁO' && Math.abs(w.y0 - title.y0) < 1
      )!
      const middle = (title.x0 + titleEnd.x1) / 2
      const textMiddle = (85 + (595 - 42.5)) / 2
      expect(Math.abs(middle - textMiddle)).toBeLessThan(6)
    }
  )

  it.runIf(printTools)(
    'prints the report being written with no number nor date and lines to write on',
    () => {
      const text = pdfText('bao-cao-dang-soan')
      expect(text).toContain('Số -BC/ĐU')
      expect(text).toContain('Tân Lập, ngày tháng năm 20…')
      expect(text).not.toContain('05-BC/ĐU')
      // Today's figures: the member added after the issue has not studied.
      expect(text).toContain('5/7 đảng viên đã học tập (71,43%)')
      expect(text).toContain('Trần Thị Lan')
      expect(text).toContain(LEADERSHIP)
      // The parts with nothing yet keep their heading over a line to write on.
      expect(text).toMatch(/7\. Hạn chế, khuyết điểm và nguyên nhân …+ 8\. Bài học kinh nghiệm …+/)
      expect(text).toMatch(/III\. ĐỀ XUẤT, KIẾN NGHỊ …+/)
      for (const p of pagesOf(join(pdfDir, 'bao-cao-dang-soan.pdf'))) {
        expect(Math.abs(p.width - A4.portrait[0])).toBeLessThan(2)
        expect(Math.abs(p.height - A4.portrait[1])).toBeLessThan(2)
        expect(overlaps(p.words)).toEqual([])
      }
    }
  )

  it.runIf(printTools)(
    're-exports an issued report with the figures and place it was issued with',
    () => {
      const text = pdfText('bao-cao-ban-hanh-lai')
      expect(text).toContain('Tân Lập, ngày 03 tháng 12 năm 2026')
      expect(text).not.toContain('Xã Khác')
      expect(text).toContain(flat(STUDY))
      expect(text).not.toContain('5/7 đảng viên')
      expect(text).toContain('Nguyễn Văn Thắng')
      expect(text).not.toContain('Trần Thị Lan')
      expect(text).toBe(pdfText('bao-cao-ban-hanh'))
    }
  )

  it('writes a .docx in Times New Roman on A4, read without the docx package', () => {
    const xml = execFileSync('unzip', ['-p', files.issued, 'word/document.xml'], {
      encoding: 'utf8'
    })
    expect(xml).toContain('Times New Roman')
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(xml).toContain('Số 05-BC/ĐU')
    expect(xml).toContain('83,33%')
  })

  it('writes the report to a path with no dialog (what the benchmark times)', async () => {
    const path = join(out, 'bench.docx')
    expect(
      await writeReportWord(
        t.core.ctx.db,
        { unitId: ids.commune, period: YEAR, place: 'Tân Lập' },
        path
      )
    ).toEqual({ path })
    const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' })
    expect(xml).toContain('5/7 đảng viên đã học tập (71,43%)')
  })

  it('refuses a file name without .docx, records each export in the log, and says no to a missing report', async () => {
    const wrong = await t.refuseWithFile('reports:exportWord', {
      unitId: ids.commune,
      period: YEAR,
      path: join(out, 'bao-cao.txt')
    })
    expect(wrong.message).toBe('Tên tệp phải có đuôi .docx.')
    const missing = await t.refuseWithFile('reports:exportIssuedWord', {
      id: 9999,
      path: join(out, 'x.docx')
    })
    expect(missing.code).toBe('NOT_FOUND')
    const log = (await t.call('audit:list', { action: 'export', limit: 50 })).rows.map(
      (r) => r.description
    )
    expect(log).toContain('Xuất Báo cáo (Word) ra tệp bao-cao-dang-soan.docx.')
    expect(log).toContain('Xuất Báo cáo đã ban hành (Word) ra tệp bao-cao-ban-hanh.docx.')
    // The page never names a file: the schema refuses a path.
    const fromPage = await t.refuse('reports:exportWord', {
      unitId: ids.commune,
      period: YEAR,
      path: join(out, 'y.docx')
    })
    expect(fromPage.code).toBe('INVALID_INPUT')
  })
})

describe('an issued report kept before the annex held its topic', () => {
  it('takes the topic of its year as it is now for the subject', async () => {
    const db = t.core.ctx.db
    const { annex } = db.prepare('SELECT annex FROM report_issues WHERE id = ?').get(issuedId) as {
      annex: string
    }
    const old = JSON.parse(annex) as { topic?: string }
    expect(old.topic).toBe(TOPIC)
    delete old.topic
    db.prepare('UPDATE report_issues SET annex = ? WHERE id = ?').run(JSON.stringify(old), issuedId)
    const path = join(out, 'cu.docx')
    await t.callWithFile('reports:exportIssuedWord', { id: issuedId, path })
    const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' })
    expect(xml).toContain(`chuyên đề năm 2026 “${TOPIC}”`)
  })
})

describe('cli: reports word', () => {
  it('writes the report being written and an issued one to the file named', async () => {
    const dir = tempDir()
    const db = join(dir, 'a.sqlite')
    await cliCommittee(db, 'Đảng ủy xã Tân Lập', ['Chi bộ ấp 1'])
    const draft = join(dir, 'bao-cao.docx')
    const r = await cli(
      'reports',
      'word',
      '--unit',
      'dang uy xa tan lap',
      '--period',
      'year',
      '--year',
      '2026',
      '--place',
      'Tân Lập',
      '--out',
      draft,
      '--db',
      db
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`Đã lưu báo cáo Đảng ủy xã Tân Lập (bản đang soạn) vào ${draft}.`)
    expect(
      execFileSync('unzip', ['-p', draft, 'word/document.xml'], { encoding: 'utf8' })
    ).toContain('Trong năm 2026, chưa tổ chức buổi học tập, quán triệt chuyên đề nào.')

    const issue = await cli(
      'reports',
      'issue',
      '--unit',
      'dang uy xa tan lap',
      '--period',
      'year',
      '--year',
      '2026',
      '--number',
      '07-BC/ĐU',
      '--date',
      '04/12/2026',
      '--place',
      'Tân Lập',
      '--db',
      db,
      '--json'
    )
    const id = JSON.parse(issue.stdout).id as number
    const issued = join(dir, 'ban-hanh.docx')
    const w = await cli('reports', 'word', '--issued', String(id), '--out', issued, '--db', db)
    expect(w.code).toBe(0)
    expect(existsSync(issued)).toBe(true)
    expect(
      execFileSync('unzip', ['-p', issued, 'word/document.xml'], { encoding: 'utf8' })
    ).toContain('Số 07-BC/ĐU')
    // The place given at issue, kept with the report.
    expect(
      execFileSync('unzip', ['-p', issued, 'word/document.xml'], { encoding: 'utf8' })
    ).toContain('Tân Lập, ngày 04 tháng 12 năm 2026')
    const noOut = await cli('reports', 'word', '--issued', String(id), '--db', db)
    expect(noOut.code).toBe(2)
    expect(noOut.stderr).toContain('Thiếu tùy chọn --out.')
  })
})
