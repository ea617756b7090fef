// The command line in-process, its output captured, for integration tests.
import { runCli } from '../../src/cli/index'
import type { Out } from '../../src/cli/output'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const out: Out = {
    json: false,
    write: (t) => (stdout += `${t}\n`),
    writeError: (t) => (stderr += `${t}\n`)
  }
  const code = await runCli(argv, out)
  return { code, stdout, stderr }
}

/** A committee with chi bộ under it, made through the CLI as a user would (units add). */
export async function cliCommittee(db: string, committee: string, cells: string[]): Promise<void> {
  await cli('units', 'add', '--name', committee, '--level', 'Đảng ủy cơ sở', '--db', db)
  for (const cell of cells) {
    await cli(
      'units',
      'add',
      '--name',
      cell,
      '--level',
      'Chi bộ',
      '--parent',
      committee,
      '--db',
      db
    )
  }
}
