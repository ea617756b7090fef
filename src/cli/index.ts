// The command line: `npm run cli -- <command> …`, over the same dispatch as the app.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { appDataFolderName, CoreError, openCore } from '../core/index'
import { noDialogs } from '../core/platform'
import type { Options } from './args'
import { COMMANDS, USAGE } from './commands'
import { call } from './dispatch'
import { readSecret } from './secret-prompt'
import { CliRefusal, EXIT_OK, EXIT_REFUSED, printRefusal, type Out } from './output'

const valued = [
  'db',
  'name',
  'level',
  'parent',
  'unit',
  'q',
  'limit',
  'gender',
  'birth',
  'kind',
  'joined',
  'official',
  'card',
  'profile',
  'national-id',
  'position',
  'role',
  'ethnicity',
  'religion',
  'hometown',
  'residence',
  'phone',
  'year',
  'date',
  'title',
  'points',
  'extra',
  'note',
  'file',
  'people',
  'out',
  'place',
  'person',
  'achievement',
  'field',
  'since',
  'proposer',
  'propose',
  'status',
  'search',
  'to',
  'number',
  'issuer',
  'form',
  'recipients',
  'occasion',
  'signer',
  'anniversary',
  'members',
  'others',
  'attendances',
  'items',
  'articles',
  'reports',
  'panels',
  'end',
  'from',
  'authors',
  'outlet',
  'category',
  'link',
  'stage',
  'result',
  'period',
  'content',
  'decision',
  'decision-date',
  'text',
  'due',
  'by',
  'quarter',
  'month',
  'mode',
  'plan',
  'today',
  'issued'
]
const flags = ['json', 'all', 'help', 'dry-run', 'per-unit', 'with-records', 'yes']
const OPTIONS = Object.fromEntries([
  ...valued.map((n) => [n, { type: 'string' as const }]),
  ...flags.map((n) => [n, { type: 'boolean' as const }])
])

/** Where Electron keeps the app's data on this system, so the CLI and the app share a file. */
function defaultDataDir(): string {
  const appData =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'))
  return join(appData, appDataFolderName)
}

export async function runCli(argv: string[], out: Out): Promise<number> {
  out.json = argv.includes('--json')
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS })
  } catch (e) {
    const unknown = /'(-[^']+)'/.exec((e as Error).message)?.[1]
    printRefusal(
      out,
      'USAGE',
      unknown
        ? `Tùy chọn không hợp lệ hoặc thiếu giá trị: ${unknown}. Xem --help.`
        : 'Tùy chọn không hợp lệ. Xem --help.'
    )
    return EXIT_REFUSED
  }
  const opts = parsed.values as Options
  const positionals = parsed.positionals
  const name = COMMANDS[positionals.slice(0, 2).join(' ')]
    ? positionals.slice(0, 2).join(' ')
    : positionals[0]
  const command = name ? COMMANDS[name] : undefined
  if (!command || opts.help) {
    if (opts.help || positionals.length === 0) {
      out.write(USAGE)
      return positionals.length === 0 && !opts.help ? EXIT_REFUSED : EXIT_OK
    }
    printRefusal(out, 'USAGE', `Lệnh không hợp lệ: "${positionals.join(' ')}". Xem --help.`)
    return EXIT_REFUSED
  }
  const dbOpt = typeof opts.db === 'string' ? opts.db : undefined
  let core
  try {
    core = openCore({
      dataDir: dbOpt ? join(dbOpt, '..') : defaultDataDir(),
      dbPath: dbOpt,
      appVersion: process.env.npm_package_version ?? 'cli',
      platform: noDialogs
    })
  } catch (e) {
    const err = e instanceof CoreError ? e : new CoreError('DB_OPEN', (e as Error).message)
    printRefusal(out, err.code, err.message)
    return EXIT_REFUSED
  }
  try {
    // An encrypted data file starts locked: the password from CD05_PASSWORD or a prompt.
    if (core.ctx.lock.locked)
      await call(core, 'app:unlock', {
        secret: await readSecret('CD05_PASSWORD', 'Mật khẩu dữ liệu: ')
      })
    await command({ core, out, opts, positionals: positionals.slice(name.split(' ').length) })
    return EXIT_OK
  } catch (e) {
    if (e instanceof CliRefusal) printRefusal(out, e.code, e.message)
    else printRefusal(out, 'INTERNAL', `Lỗi không mong muốn: ${(e as Error).message}`)
    return EXIT_REFUSED
  } finally {
    core.close()
  }
}
