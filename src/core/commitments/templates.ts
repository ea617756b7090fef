// The template a unit edits for the year, from which its people's commitments are made in bulk.
// A unit without its own uses the nearest ancestor's (a committee can set one for all its chi bộ),
// else the built-in suggestion below.
import type { CommitmentItem, CommitmentTemplate } from '../../shared/api'
import { inTransaction, nowIso, type Database } from '../db/connection'
import { notFound } from '../db/errors'
import { topicByYear } from '../study/topics'
import { normaliseItems, readItems, writeItems } from './items'

/** The usual content of a bản cam kết, with the year's topic: a start the unit adjusts. */
export function defaultTemplateItems(year: number, topicTitle: string | null): CommitmentItem[] {
  const topic = topicTitle ? `Chuyên đề năm ${year} "${topicTitle}"` : `Chuyên đề năm ${year}`
  return [
    {
      heading: 'politics',
      content:
        'Kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, mục tiêu độc lập dân tộc gắn liền với chủ nghĩa xã hội; tin tưởng vào đường lối đổi mới của Đảng.',
      tasks:
        'Học tập, quán triệt đầy đủ các nghị quyết, chỉ thị của Đảng; không dao động trước thông tin sai trái, thù địch.',
      measures:
        'Tham gia đầy đủ các buổi học tập, quán triệt; thường xuyên tự nghiên cứu tài liệu, báo chí chính thống.',
      deadline: 'Thường xuyên',
      expected: 'Tư tưởng chính trị vững vàng; chấp hành nghiêm chủ trương, chính sách.'
    },
    {
      heading: 'ethics',
      content:
        'Giữ gìn phẩm chất đạo đức, lối sống trong sạch, giản dị; thực hành cần, kiệm, liêm, chính, chí công vô tư.',
      tasks:
        'Phòng, chống các biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa".',
      measures: 'Thường xuyên tự soi, tự sửa; lắng nghe góp ý của chi bộ, đồng nghiệp và nhân dân.',
      deadline: 'Thường xuyên',
      expected: 'Không vi phạm; được quần chúng tín nhiệm.'
    },
    {
      heading: 'duty',
      content: 'Hoàn thành tốt chức trách, nhiệm vụ được giao.',
      tasks: 'Thực hiện đúng tiến độ, bảo đảm chất lượng các nhiệm vụ chuyên môn của năm.',
      measures:
        'Xây dựng kế hoạch công tác từng tháng, quý; chủ động đề xuất, phối hợp giải quyết công việc.',
      deadline: 'Cả năm',
      expected: 'Hoàn thành tốt nhiệm vụ được giao.'
    },
    {
      heading: 'discipline',
      content: 'Chấp hành nghiêm nguyên tắc tổ chức, kỷ luật và quy định về trách nhiệm nêu gương.',
      tasks: 'Tham gia sinh hoạt đầy đủ, đúng giờ; gương mẫu ở nơi công tác và nơi cư trú.',
      measures:
        'Giữ mối liên hệ với cấp ủy nơi cư trú; thực hiện đúng nội quy, quy chế của cơ quan, đơn vị.',
      deadline: 'Thường xuyên',
      expected: 'Không vi phạm kỷ luật; là tấm gương cho quần chúng noi theo.'
    },
    {
      heading: 'topic',
      content: `Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo ${topic}.`,
      tasks: 'Tham gia học tập đầy đủ Chuyên đề; đăng ký ít nhất một việc làm cụ thể để làm theo.',
      measures:
        'Gắn nội dung Chuyên đề với nhiệm vụ chuyên môn; báo cáo kết quả tại các kỳ sinh hoạt chi bộ.',
      deadline: 'Cả năm',
      expected: 'Có việc làm cụ thể được chi bộ ghi nhận.'
    }
  ]
}

interface TemplateRow {
  id: number
  unit_id: number
  unit_name: string
  updated_at: string
  path_len: number
}

/** The unit's own template of the year, or the nearest ancestor's, or the built-in one. */
export function getTemplate(
  db: Database,
  { unitId, year }: { unitId: number; year: number }
): CommitmentTemplate {
  const unit = db.prepare('SELECT path FROM units WHERE id = ?').get(unitId) as
    { path: string } | undefined
  if (!unit) throw notFound('đơn vị')
  // Ancestors are the units whose path is a prefix of this unit's path; the longest is the nearest.
  const row = db
    .prepare(
      `SELECT t.id, t.unit_id, u.name AS unit_name, t.updated_at, length(u.path) AS path_len
       FROM commitment_templates t JOIN units u ON u.id = t.unit_id
       WHERE t.year = ? AND ? LIKE u.path || '%'
       ORDER BY path_len DESC LIMIT 1`
    )
    .get(year, unit.path) as TemplateRow | undefined
  if (!row) {
    return {
      unitId,
      year,
      source: 'default',
      fromUnitId: null,
      fromUnitName: null,
      items: defaultTemplateItems(year, topicByYear(db, year)?.title ?? null),
      updatedAt: null
    }
  }
  return {
    unitId,
    year,
    source: row.unit_id === unitId ? 'own' : 'inherited',
    fromUnitId: row.unit_id,
    fromUnitName: row.unit_name,
    items: readItems(db, 'commitment_template_items', [row.id]).get(row.id) ?? [],
    updatedAt: row.updated_at
  }
}

export function saveTemplate(
  db: Database,
  { unitId, year, items }: { unitId: number; year: number; items: CommitmentItem[] }
): CommitmentTemplate {
  const clean = normaliseItems(items)
  return inTransaction(db, () => {
    if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(unitId)) throw notFound('đơn vị')
    db.prepare(
      `INSERT INTO commitment_templates(unit_id, year, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(unit_id, year) DO UPDATE SET updated_at = excluded.updated_at`
    ).run(unitId, year, nowIso())
    const { id } = db
      .prepare('SELECT id FROM commitment_templates WHERE unit_id = ? AND year = ?')
      .get(unitId, year) as { id: number }
    writeItems(db, 'commitment_template_items', id, clean)
    return getTemplate(db, { unitId, year })
  })
}
