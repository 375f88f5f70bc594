/** What the command-line tests share. */
import { run } from '../../src/cli/run.js'

/** Runs the command line in process; answers its exit code and what it wrote. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await run(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), tty: false })
  return { code, out, err }
}
