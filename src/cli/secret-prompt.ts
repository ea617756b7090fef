// Reads a password for the command line: from an environment variable, else typed at a prompt
// that does not echo (only when stdin is a terminal; a script without the variable is refused
// rather than left waiting). Never from an argument, which other users can see in `ps`.
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { CliRefusal } from './output'

export async function readSecret(envName: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envName]
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!process.stdin.isTTY) {
    throw new CliRefusal(
      'PASSWORD_NEEDED',
      `Dữ liệu cần mật khẩu: đặt biến môi trường ${envName} hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.`
    )
  }
  process.stderr.write(prompt)
  // Output to a stream that drops everything: what is typed is not shown.
  const silent = new Writable({ write: (_chunk, _enc, done) => done() })
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true })
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve))
  } finally {
    rl.close()
    process.stderr.write('\n')
  }
}
