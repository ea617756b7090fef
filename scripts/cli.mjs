// `npm run cli -- …`: runs the bundled command line (out/cli/index.mjs, see build-cli.mjs), making
// it first when it is missing or older than one of its sources, so the command line works right
// after `npm install` and after every edit, without paying tsx's compile on each start.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..')
const bundle = join(root, 'out/cli/index.mjs')
/** What the bundle is made from: a newer file means it must be made again. */
const sources = ['src/cli', 'src/core', 'src/shared', 'scripts/build-cli.mjs', 'package.json']

/** Whether a file under `path` was changed after `time` (ms); a few hundred stats, a few ms. */
function changedSince(path, time) {
  const s = statSync(path, { throwIfNoEntry: false })
  if (!s) return false
  if (!s.isDirectory()) return s.mtimeMs > time
  return readdirSync(path).some((name) => changedSince(join(path, name), time))
}

const built = existsSync(bundle) ? statSync(bundle).mtimeMs : -1
if (built < 0 || sources.some((p) => changedSince(join(root, p), built))) {
  const { buildCli } = await import('./build-cli.mjs')
  await buildCli()
}
await import(pathToFileURL(bundle).href)
