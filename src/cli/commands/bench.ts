/**
 * `banzi bench`: time exact staffing of generated counties on this machine.
 *
 * @module
 * @internal
 */
import { isLeft } from 'fp-ts/lib/Either.js'
import { validateProposal } from '../../check/index.js'
import { type Command, Option } from 'commander'
import { solve } from '../../proposals/index.js'
import { generateScenario } from '../../sample/index.js'
import { type CliIo, EXIT, fixed } from '../shared.js'

/** Adds `bench` to the program; `exit` records the exit code of its run. @internal */
export function benchCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  program
    .command('bench')
    .description('time exact staffing of generated counties on this machine')
    .option('--sizes <list>', 'county sizes in cadres, comma-separated', '300,1200')
    .option('--seed <n>', 'generator seed', '2026')
    .addOption(new Option('--time-limit <seconds>', 'per solve').default(120).argParser(Number))
    .addHelpText('after', '\nExample: banzi bench --sizes 300,1200,5000')
    .action(async (o: { sizes: string; seed: string; timeLimit: number }) => {
      const sizes = o.sizes.split(',').map(Number)
      const seed = Number(o.seed)
      if (
        !sizes.every((n) => Number.isInteger(n) && n >= 20 && n <= 10_000) ||
        !Number.isInteger(seed) ||
        !(o.timeLimit > 0)
      ) {
        io.stderr(`--sizes: expected cadre counts 20–10000, --seed an integer, --time-limit seconds > 0\n`)
        exit(EXIT.badInput)
        return
      }
      io.stdout(
        '| cadres | open posts | status | objective | gap | seconds | violations |\n|---|---|---|---|---|---|---|\n',
      )
      for (const n of sizes) {
        const s = generateScenario({ seed, cadres: n })
        const t0 = performance.now()
        const r = await solve(s, { timeLimitMs: o.timeLimit * 1000 })
        const seconds = (performance.now() - t0) / 1000
        if (isLeft(r)) {
          io.stdout(`| ${n} | | ${r.left._tag} | | | ${seconds.toFixed(2)} | |\n`)
          exit(EXIT.failed)
          continue
        }
        const v = validateProposal(s, r.right).length
        if (v > 0) exit(EXIT.failed)
        io.stdout(
          `| ${n} | ${s.openPosts.length} | ${r.right.status} | ${fixed(r.right.objective)} | ${r.right.gap === null ? '—' : `${fixed(r.right.gap * 100, 4)}%`} | ${seconds.toFixed(2)} | ${v} |\n`,
        )
      }
    })
}
