// The rules of each span of years as first seeded (DOMAIN.md, part 3). They are data: the user
// edits them under "Quy định từng năm". Marked "(cần kiểm tra)" where the guide leaves room.
import type { EvaluationRuleSet } from '../../shared/api'

export type SeedRuleSet = Omit<EvaluationRuleSet, 'id' | 'toYear'>

export const SEED_RULE_SETS: SeedRuleSet[] = [
  {
    fromYear: 2018,
    name: 'QĐ 132-QĐ/TW; HD 16-HD/BTCTW, HD 21-HD/BTCTW',
    quotaPercent: 20,
    quotaBase: 'httnv_or_better',
    quotaScope: 'grassroots',
    exemptStatuses: ['exempt', 'suspended'],
    newMemberMonths: null,
    scoreThresholds: null,
    note:
      'Số đảng viên HTXSNV không vượt quá 20% số đảng viên được xếp loại HTTNV, tính ở từng tổ chức cơ sở đảng; ' +
      'HTXSNV được chọn trong số HTTNV nên cơ sở tính gồm cả HTXSNV. Đảng viên miễn công tác và sinh hoạt đảng, ' +
      'đình chỉ sinh hoạt không xếp loại (cần kiểm tra theo hướng dẫn của cấp ủy).'
  },
  {
    fromYear: 2023,
    name: 'QĐ 124-QĐ/TW; HD 25-HD/BTCTW',
    quotaPercent: 20,
    quotaBase: 'httnv_or_better',
    quotaScope: 'grassroots',
    exemptStatuses: ['exempt', 'suspended'],
    newMemberMonths: 6,
    scoreThresholds: null,
    note:
      'Không xếp loại: đảng viên miễn công tác và sinh hoạt đảng, đình chỉ sinh hoạt, mới kết nạp chưa đủ 6 tháng. ' +
      'Các tiêu chí chấm Xuất sắc/Tốt/Trung bình/Kém. Tỷ lệ HTXSNV tối đa 20% số HTTNV ở từng tổ chức cơ sở đảng (cần kiểm tra).'
  },
  {
    fromYear: 2025,
    name: 'QĐ 366-QĐ/TW; HD 43-HD/BTCTW',
    quotaPercent: 20,
    quotaBase: 'httnv_or_better',
    quotaScope: 'grassroots',
    exemptStatuses: ['exempt', 'suspended'],
    newMemberMonths: 6,
    scoreThresholds: { excellent: 90, good: 70, done: 50 },
    note:
      'Thang 100 điểm: từ 90 điểm HTXSNV (hoàn thành mọi nhiệm vụ đúng hạn, không bị kỷ luật), từ 70 đến dưới 90 HTTNV, ' +
      'từ 50 đến dưới 70 HTNV, dưới 50 KHTNV. Tỷ lệ HTXSNV (cần kiểm tra theo hướng dẫn năm).'
  }
]
