// The yearly topics seeded into a new data file (DOMAIN.md, "Yearly topics"). The same data is
// published as resources/topics.json for people and tools; a unit test keeps the two equal.
// (The core may not import files outside src/, see test/unit/layering.test.ts.)

export interface SeedTopic {
  year: number
  title: string
  note: string
}

const PREFIX = 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về'

/** The whole-term topic 2021–2025: offered as the default title for a year of that term. */
export const TERM_TOPIC = {
  from: 2021,
  to: 2025,
  title: `${PREFIX} ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc`
}

export const SEED_TOPICS: SeedTopic[] = [
  { year: 2021, title: TERM_TOPIC.title, note: 'Chuyên đề toàn khóa 2021–2025, cũng là chủ đề năm 2021' },
  {
    year: 2022,
    title: `${PREFIX} xây dựng đội ngũ cán bộ, đảng viên nâng cao đạo đức cách mạng, bản lĩnh chính trị, tiên phong, gương mẫu, ngang tầm nhiệm vụ`,
    note: 'Chủ đề năm 2022 của tỉnh Tây Ninh'
  },
  {
    year: 2023,
    title: `${PREFIX} phát huy sức mạnh khối đại đoàn kết toàn dân tộc, đổi mới sáng tạo, khơi dậy khát vọng vươn lên để Tây Ninh phát triển nhanh và bền vững`,
    note: 'Chủ đề năm 2023 của tỉnh Tây Ninh'
  },
  {
    year: 2024,
    title: `Đẩy mạnh ${PREFIX.charAt(0).toLowerCase()}${PREFIX.slice(1)} thực hành tiết kiệm, đấu tranh phòng, chống tham nhũng, tiêu cực, lãng phí`,
    note: 'Chủ đề năm 2024 của tỉnh Tây Ninh'
  }
]
