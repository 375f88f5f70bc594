/**
 * The `banzi` command line: `solve`, `check`, `diagnose`, `gaps`, `pool`,
 * `explain`, `why-not`, `assess`, `bench`, one module each in `commands/`.
 * `run(argv, io)` answers the exit code, so that tests drive it in process:
 * 0 ok, 1 infeasible or violations, 2 bad input (no command at all
 * included: the usage goes to stderr), 3 time limit without a proposal.
 * Progress of long work goes to stderr: a live line on a terminal,
 * plain lines otherwise. `--json` prints machine-readable results.
 *
 * @module
 * @internal
 */
import { Command, CommanderError } from 'commander'
import { assessCommand } from './commands/assess.js'
import { benchCommand } from './commands/bench.js'
import { checkCommand } from './commands/check.js'
import { diagnoseCommand } from './commands/diagnose.js'
import { explainCommand } from './commands/explain.js'
import { gapsCommand } from './commands/gaps.js'
import { poolCommand } from './commands/pool.js'
import { solveCommand } from './commands/solve.js'
import { whyNotCommand } from './commands/why-not.js'
import { EXIT, terminalIo, type CliIo } from './shared.js'

export { EXIT, type CliIo } from './shared.js'

/**
 * Runs the command line on `argv` (without the node and script paths) and
 * answers the exit code.
 * @internal
 */
export async function run(argv: readonly string[], given: CliIo): Promise<number> {
  let code: number = EXIT.ok
  // Text for a terminal shows the controls of user data (a name's ESC ] 0; …) escaped; --json's stdout is left as it is.
  let jsonOut = false
  const io = terminalIo(given, () => jsonOut)
  const program = new Command('banzi')
    .description('Exact, explained and checked staffing of a county’s leadership teams (领导班子配备).')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError()
    .hook('preAction', (_program, command) => {
      jsonOut = command.opts<{ json?: boolean }>().json === true
    })
  program.addHelpText(
    'after',
    `
Exit codes: 0 ok, 1 infeasible or violations, 2 bad input, 3 time limit without a proposal.
Example: banzi solve examples/data/sample-county.json --top 3 --out proposal.json`,
  )

  const exit = (c: number) => {
    code = c
  }
  for (const add of [
    solveCommand,
    checkCommand,
    diagnoseCommand,
    gapsCommand,
    poolCommand,
    explainCommand,
    whyNotCommand,
    assessCommand,
    benchCommand,
  ])
    add(program, io, exit)

  // No command is a bad call like any other: the usage on stderr, exit 2 (`--help` asks for it: exit 0).
  if (argv.length === 0) {
    program.outputHelp({ error: true })
    return EXIT.badInput
  }
  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT.ok
      if (!e.message.startsWith('error:') && e.code.startsWith('banzi.')) io.stderr(`${e.message}\n`)
      return EXIT.badInput
    }
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`)
    return EXIT.failed
  }
  return code
}
