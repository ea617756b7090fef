// The annex's figures as the report's sentences (core/reports/report-text.ts): thousands dots and
// decimal commas, shares with two decimals as the annex has them, and nothing-to-count written as
// a sentence, never "0 buổi", "undefined" or "NaN".
import { describe, expect, it } from 'vitest'
import type { Annex, AnnexTable, AnnexTableCode, ReportPeriod } from '../../../src/shared/api'
import {
  figureSentences,
  followingSentences,
  inspectionSentence,
  periodPhrase,
  propagandaSentence,
  recognitionSentence,
  studySentence
} from '../../../src/core/reports/report-text'

const YEAR: ReportPeriod = {
  kind: 'year',
  year: 2026,
  from: '2026-01-01',
  to: '2026-11-30',
  due: '2026-12-05',
  label: 'năm 2026'
}

/** A table holding only its total row, with these figures by code. */
function table(code: AnnexTableCode, totals: Record<string, number | null>): AnnexTable {
  const codes = Object.keys(totals)
  return {
    code,
    title: code,
    columns: codes.map((c) => ({ code: c, label: c, unit: '' })),
    rows: [],
    total: {
      unitId: 1,
      name: 'Đảng bộ xã Tân Lập',
      values: codes.map((c) => totals[c]),
      source: 'own',
      both: false
    }
  }
}

function annex(tables: AnnexTable[], period: ReportPeriod = YEAR): Annex {
  return {
    unit: { id: 1, name: 'Đảng bộ xã Tân Lập', level: 'Đảng ủy cơ sở', parentName: null, path: [] },
    period,
    tables
  }
}

const STUDY = {
  sessions: 378,
  points: 190,
  attendees: 21596,
  membersRequired: 35900,
  membersStudied: 35599,
  membersPercent: 99.16,
  nonMembersStudied: 4210,
  nonMemberAttendances: 5806,
  commitmentsRequired: 35900,
  commitmentsMade: 35577,
  commitmentsPercent: 99.1
}

const ZERO_STUDY = Object.fromEntries(
  Object.keys(STUDY).map((k) => [k, k.endsWith('Percent') ? null : 0])
)

describe('the figures written as offices write them', () => {
  it('writes study with thousands dots, decimal commas and two decimals', () => {
    expect(studySentence(annex([table('study', STUDY)]))).toBe(
      'Trong năm 2026, đã tổ chức 378 lớp (buổi) học tập, quán triệt chuyên đề (190 điểm cầu, 21.596 người dự); ' +
        '35.599/35.900 đảng viên đã học tập (99,16%); ' +
        '4.210 quần chúng đã học tập, 5.806 lượt quần chúng dự học; ' +
        '35.577/35.900 bản cam kết tu dưỡng, rèn luyện đã được xây dựng (99,10%).'
    )
  })

  it('reads naturally when nothing was held or nobody had to study', () => {
    const h1: ReportPeriod = {
      ...YEAR,
      kind: 'h1',
      to: '2026-05-31',
      label: '6 tháng đầu năm 2026'
    }
    expect(studySentence(annex([table('study', ZERO_STUDY)], h1))).toBe(
      'Trong 6 tháng đầu năm 2026, chưa tổ chức buổi học tập, quán triệt chuyên đề nào.'
    )
    // Members who studied at sessions of the topic before the period, none held in it.
    expect(
      studySentence(
        annex([
          table('study', {
            ...ZERO_STUDY,
            membersRequired: 40,
            membersStudied: 40,
            membersPercent: 100
          })
        ])
      )
    ).toBe(
      'Trong năm 2026, chưa tổ chức buổi học tập, quán triệt chuyên đề nào; 40/40 đảng viên đã học tập (100%).'
    )
  })

  it('says nobody has studied or made a commitment yet, rather than 0/… (0%)', () => {
    expect(
      studySentence(
        annex([
          table('study', {
            ...ZERO_STUDY,
            membersRequired: 1200,
            membersPercent: 0,
            commitmentsRequired: 1500,
            commitmentsPercent: 0
          })
        ])
      )
    ).toBe(
      'Trong năm 2026, chưa tổ chức buổi học tập, quán triệt chuyên đề nào; ' +
        'chưa có đảng viên nào học tập (1.200 đảng viên phải học); ' +
        'chưa có bản cam kết tu dưỡng, rèn luyện nào được xây dựng (1.500 bản phải lập).'
    )
  })

  it('names a custom period by its days', () => {
    expect(
      periodPhrase({
        ...YEAR,
        kind: 'custom',
        from: '2026-03-01',
        to: '2026-08-31',
        due: null,
        label: 'từ 01/03/2026 đến 31/08/2026'
      })
    ).toBe('Từ ngày 01/03/2026 đến ngày 31/08/2026')
  })

  it('writes models, exemplars, commitment results and the ratings of the year', () => {
    const a = annex([
      table('exemplars', { models: 12, modelsSpread: 3, persons: 1250, collectives: 0 }),
      table('commitments', {
        completedWell: 1,
        completed: 1,
        notCompleted: 1,
        notJudged: 0,
        members: 6,
        rated: 4,
        rated_HTXSNV: 1,
        percent_HTXSNV: 25,
        rated_HTTNV: 2,
        percent_HTTNV: 50,
        rated_HTNV: 1,
        percent_HTNV: 25,
        rated_KHTNV: 0,
        percent_KHTNV: 0,
        notRated: 2
      })
    ])
    expect(followingSentences(a)).toEqual([
      'Đã đăng ký 12 mô hình học tập và làm theo, trong đó 3 mô hình được nhân rộng; ghi nhận 1.250 điển hình cá nhân.',
      'Kết quả thực hiện bản cam kết: 1 bản hoàn thành tốt, 1 bản hoàn thành, 1 bản không hoàn thành.',
      'Kết quả xếp loại: 4/6 đảng viên được xếp loại, trong đó hoàn thành xuất sắc nhiệm vụ 1 (25%), ' +
        'hoàn thành tốt nhiệm vụ 2 (50%), hoàn thành nhiệm vụ 1 (25%), không hoàn thành nhiệm vụ 0 (0%); ' +
        '2 đảng viên không, chưa xếp loại.'
    ])
  })

  it('says so when there are no models, exemplars, results or ratings (a half-year has no ratings table)', () => {
    expect(
      followingSentences(
        annex([table('exemplars', { models: 0, modelsSpread: 0, persons: 0, collectives: 0 })])
      )
    ).toEqual(['Chưa có mô hình học tập và làm theo được đăng ký; chưa ghi nhận điển hình nào.'])
    expect(
      followingSentences(
        annex([
          table('commitments', {
            completedWell: 0,
            completed: 0,
            notCompleted: 0,
            notJudged: 0,
            members: 35,
            rated: 0,
            rated_HTXSNV: 0,
            percent_HTXSNV: null,
            notRated: 35
          })
        ])
      )
    ).toEqual(['Chưa có đảng viên nào được xếp loại (35 đảng viên).'])
  })

  it('writes propaganda: activities, attendees, items and press works', () => {
    const full = {
      activities: 25,
      points: 190,
      members: 1200,
      nonMembers: 20396,
      attendances: 21596,
      news: 40,
      articles: 12,
      reports: 0,
      panels: 3,
      works: 4,
      awarded: 1
    }
    expect(propagandaSentence(annex([table('propaganda', full)]))).toBe(
      'Đã tổ chức 25 hoạt động tuyên truyền (190 điểm cầu, 1.200 đảng viên, 20.396 quần chúng, 21.596 lượt người dự); ' +
        'thực hiện 40 tin, 12 bài, 3 pano, áp phích; 4 tác phẩm báo chí dự giải, 1 tác phẩm đạt giải.'
    )
    const none = Object.fromEntries(Object.keys(full).map((k) => [k, 0]))
    expect(propagandaSentence(annex([table('propaganda', none)]))).toBe(
      'Chưa tổ chức hoạt động tuyên truyền nào.'
    )
  })

  it('writes inspections, whom they covered and the recommendations, late ones said', () => {
    const t = {
      inspections: 1,
      supervisions: 2,
      organisations: 3,
      members: 12,
      recommendations: 2,
      done: 1,
      late: 1
    }
    expect(inspectionSentence(annex([table('inspections', t)]))).toBe(
      'Đã tiến hành 1 cuộc kiểm tra, 2 cuộc giám sát việc thực hiện chuyên đề đối với 3 tổ chức đảng, 12 đảng viên; ' +
        'qua kiểm tra, giám sát đã kiến nghị 2 nội dung, đã thực hiện 1, 1 kiến nghị quá hạn chưa thực hiện.'
    )
    const none = Object.fromEntries(Object.keys(t).map((k) => [k, 0]))
    expect(inspectionSentence(annex([table('inspections', none)]))).toBe(
      'Chưa tiến hành cuộc kiểm tra, giám sát nào về việc thực hiện chuyên đề.'
    )
  })

  it('writes rewards by form, and none as a sentence', () => {
    expect(
      recognitionSentence(
        annex([
          table('exemplars', {
            awards_praise: 3,
            awards_certificate: 1012,
            awards_merit: 1,
            awards_emblem: 0,
            awards_flag: 0
          })
        ])
      )
    ).toBe(
      'Đã biểu dương, khen thưởng 1.016 lượt tập thể, cá nhân (biểu dương: 3, giấy khen: 1.012, bằng khen: 1).'
    )
    expect(recognitionSentence(annex([table('exemplars', { awards_praise: 0 })]))).toBe(
      'Chưa có tập thể, cá nhân nào được biểu dương, khen thưởng.'
    )
  })

  it('gives nothing for a part whose table is missing, and never writes undefined or NaN', () => {
    expect(figureSentences(annex([]))).toEqual({
      study: [],
      following: [],
      propaganda: [],
      inspection: [],
      recognition: []
    })
    const all = figureSentences(annex([table('study', ZERO_STUDY)]))
    expect(JSON.stringify(all)).not.toMatch(/undefined|NaN|null/)
  })
})
