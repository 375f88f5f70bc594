#!/usr/bin/env node
/**
 * The `banzi` executable: `run` on the process's arguments, its exit code as
 * the process's. docs/cli.md describes the commands.
 *
 * @module
 * @internal
 */
import { run } from './run.js'

// Output piped into a reader that stops early (`banzi gaps … | head`) is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw e
  })

void run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  tty: process.stderr.isTTY === true,
}).then((code) => {
  process.exitCode = code
})
