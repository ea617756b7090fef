// The command line's entry: `npm run cli -- …` runs it bundled (scripts/cli.mjs), `npm run cli:dev
// -- …` through tsx. runCli (index.ts) does the work; this file only ties it to the process.
import { runCli } from './index'
import type { Out } from './output'

/**
 * When the reader of the output goes away (`… | head`), writing fails with EPIPE. Unix tools stop
 * quietly then; so does this: no more output, no stack trace, and the command still finishes what
 * it was doing (an import piped into head is not cut off halfway) and exits with its own code.
 */
let readerGone = false
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e
    readerGone = true
  })
}

const out: Out = {
  json: false,
  write: (t) => {
    if (!readerGone) process.stdout.write(`${t}\n`)
  },
  writeError: (t) => {
    if (!readerGone) process.stderr.write(`${t}\n`)
  }
}

void runCli(process.argv.slice(2), out).then((code) => {
  process.exitCode = code
})
