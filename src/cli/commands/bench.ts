/**
 * `banzi bench`: time exact staffing of generated counties on this machine.
 * A case stopped by its time limit is a result (its row gives the best
 * proposal found, if any, and the bound proved); the exit code is 1 only for
 * a wrong result: validator violations, an objective above the proven bound,
 * or no proposal for another reason than the time limit (docs/cli.md).
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
    .addHelpText(
      'after',
      '\nA case stopped by its time limit is a result: its row gives the bound proved (exit 0).\n' +
        'Exit 1 only on a wrong result: violations, an objective above its bound, no proposal otherwise.\n' +
        'Example: banzi bench --sizes 300,1200,5000',
    )
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
        '| cadres | open posts | status | objective | bound | gap | seconds | violations |\n|---|---|---|---|---|---|---|---|\n',
      )
      for (const n of sizes) {
        const s = generateScenario({ seed, cadres: n })
        const t0 = performance.now()
        const r = await solve(s, { timeLimitMs: o.timeLimit * 1000 })
        const seconds = (performance.now() - t0) / 1000
        if (isLeft(r)) {
          // Stopped by the time limit before any proposal: a result, with the bound proved so far.
          if (r.left._tag === 'TimeLimit') {
            io.stdout(
              `| ${n} | ${s.openPosts.length} | time-limit | — | ${fixed(r.left.bound)} | — | ${seconds.toFixed(2)} | — |\n`,
            )
            continue
          }
          // A generated county is feasible: any other end is a wrong result.
          io.stdout(
            `| ${n} | ${s.openPosts.length} | ${r.left._tag} | — | — | — | ${seconds.toFixed(2)} | — |\n`,
          )
          exit(EXIT.failed)
          continue
        }
        const p = r.right
        const v = validateProposal(s, p).length
        // Wrong results: a violation, or an objective above the bound proved (beyond 1e-6 relative).
        const aboveBound = p.bound !== null && p.objective > p.bound + 1e-6 * Math.max(1, Math.abs(p.bound))
        if (v > 0 || aboveBound) exit(EXIT.failed)
        io.stdout(
          `| ${n} | ${s.openPosts.length} | ${p.status} | ${fixed(p.objective)} | ${fixed(p.bound)} | ${p.gap === null ? '—' : `${fixed(p.gap * 100, 4)}%`} | ${seconds.toFixed(2)} | ${v} |\n`,
        )
      }
    })
}
