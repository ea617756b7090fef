// Layering as lint rules (CONVENTIONS.md §9), beside test/unit/architecture/layering.test.ts: an editor shows
// a forbidden import as it is typed. Two levels:
//  1. layers: renderer, main, preload, cli, core, shared may import only what they are allowed;
//  2. core folders: infrastructure (db, excel, word, jobs, audit, rpc) knows no domain; a domain may use
//     the infrastructure, the foundations (units, people, settings, backup) and the domains named
//     for it below, so a new section cannot quietly grow a dependency on another.

const INFRASTRUCTURE = ['db', 'excel', 'word', 'jobs', 'audit']
const FOUNDATIONS = ['units', 'people', 'settings', 'backup']

/** Which other core folders each core folder may import (itself is always allowed). */
const CORE_ALLOWED = {
  db: ['people'], // migrations reuse the people module's fingerprint
  // db/errors holds CoreError, the one way to refuse with a Vietnamese message.
  excel: ['db', 'jobs'],
  word: ['db', 'excel'], // the place-and-date line is written once, in excel/party-document
  jobs: ['db'],
  // The audit log: written by every domain inside its own transactions; knows none of them.
  audit: ['db', 'excel', 'rpc'],
  settings: ['db'],
  app: ['db', 'settings', 'backup', 'rpc', 'security', 'audit'],
  security: ['db', 'settings', 'backup', 'audit'],
  backup: ['db', 'settings', 'rpc', 'audit'],
  units: ['db', 'people', 'settings', 'backup', 'rpc', 'audit'], // a merge takes a backup first
  // erasure and bulk changes take a backup first; the list exports
  people: ['db', 'units', 'settings', 'rpc', 'backup', 'audit', 'excel'],
  import: [...INFRASTRUCTURE, ...FOUNDATIONS, 'rpc'],
  study: [...INFRASTRUCTURE, ...FOUNDATIONS, 'rpc', 'import'],
  commitments: [...INFRASTRUCTURE, ...FOUNDATIONS, 'rpc', 'study'],
  evaluation: [...INFRASTRUCTURE, ...FOUNDATIONS, 'rpc', 'import', 'commitments'],
  exemplars: [
    ...INFRASTRUCTURE,
    ...FOUNDATIONS,
    'rpc',
    'import',
    'study',
    'commitments',
    'evaluation'
  ],
  propaganda: [...INFRASTRUCTURE, ...FOUNDATIONS, 'rpc'],
  inspections: [...INFRASTRUCTURE, ...FOUNDATIONS, 'rpc'],
  reports: [
    ...INFRASTRUCTURE,
    ...FOUNDATIONS,
    'rpc',
    'study',
    'commitments',
    'evaluation',
    'exemplars',
    'propaganda',
    'inspections'
  ],
  rpc: null // composes every domain's handlers
}

const folderPatterns = (names) =>
  names.flatMap((n) => [`../${n}`, `../${n}/*`, `../../core/${n}/*`])

const restrict = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] }
})

const NODE_ONLY = ['electron', 'better-sqlite3-multiple-ciphers', 'exceljs', 'yauzl', 'docx'].map(
  (name) => ({
    name,
    message: 'Chỉ dùng được trong core/main.'
  })
)
const UI = ['vue', 'pinia', 'vue-router', 'element-plus'].map((name) => ({
  name,
  message: 'Giao diện chỉ có trong renderer.'
}))

export const layeringRules = [
  restrict(
    ['src/shared/**'],
    [
      {
        group: ['../core/*', '../main/*', '../renderer/*', '../cli/*', '../preload/*', 'node:*'],
        message: 'shared chỉ chứa mã thuần, không phụ thuộc tầng khác.'
      }
    ],
    [...NODE_ONLY, ...UI]
  ),
  restrict(
    ['src/renderer/**'],
    [
      {
        group: ['**/core/*', '**/main/*', '**/cli/*', '**/preload/*', 'node:*'],
        message: 'renderer chỉ gọi core qua api.ts.'
      }
    ],
    NODE_ONLY
  ),
  restrict(
    ['src/preload/**'],
    [
      {
        group: ['**/core/*', '**/main/*', '**/renderer/*', '**/cli/*', 'node:*'],
        message: 'preload chỉ phơi bày hợp đồng api.'
      }
    ],
    UI
  ),
  restrict(
    ['src/main/**'],
    [{ group: ['**/renderer/*', '**/cli/*'], message: 'main không dùng renderer hay cli.' }],
    UI
  ),
  restrict(
    ['src/cli/**'],
    [{ group: ['**/renderer/*', '**/main/*'], message: 'cli dùng core qua dispatch.' }],
    [{ name: 'electron', message: 'cli chạy bằng Node.' }, ...UI]
  ),
  ...Object.entries(CORE_ALLOWED).map(([folder, allowed]) => {
    const forbiddenCore =
      allowed === null
        ? []
        : Object.keys(CORE_ALLOWED).filter((n) => n !== folder && !allowed.includes(n))
    const patterns = [
      {
        group: ['**/renderer/*', '**/main/*', '**/cli/*', '**/preload/*'],
        message: 'core không biết đến các tầng trên nó.'
      }
    ]
    if (forbiddenCore.length)
      patterns.push({
        group: folderPatterns(forbiddenCore),
        message: `core/${folder} không được phụ thuộc thư mục này (xem eslint.layering.js).`
      })
    return restrict([`src/core/${folder}/**`], patterns, [
      { name: 'electron', message: 'core là Node thuần.' },
      ...UI
    ])
  })
]
