// SQL of migration 8: the anniversaries every plan cites, from resources/anniversaries.json.
import { SEED_ANNIVERSARIES } from '../../../shared/seed-anniversaries'

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`

export default /* sql */ `
INSERT INTO anniversaries(title, date, source, seeded, created_at, updated_at) VALUES
${SEED_ANNIVERSARIES.map((e) => `  (${quote(e.title)}, ${quote(e.date)}, ${quote(e.source)}, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).join(',\n')};
`
