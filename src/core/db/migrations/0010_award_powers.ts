// SQL of migration 10: who may award what, per level (DOMAIN part 4, QĐ 29-QĐ/TW, HD 01-HD/TW),
// as data the user edits. A decision beyond its issuer's power is warned about, never blocked.
import { SEED_AWARD_POWERS } from '../../exemplars/seed'

const q = (s: string) => `'${s.replace(/'/g, "''")}'`

export default /* sql */ `
CREATE TABLE award_powers (
  level_key TEXT PRIMARY KEY,
  level     TEXT NOT NULL,
  forms     TEXT NOT NULL
) STRICT;

INSERT INTO award_powers(level_key, level, forms) VALUES
${SEED_AWARD_POWERS.map((p) => `  (${q(p.levelKey)}, ${q(p.level)}, ${q(JSON.stringify(p.forms))})`).join(',\n')};
`
