/**
 * `banzi why-not`: why a cadre is not in a post: the rules that block or penalise the pair; if none, who the best proposal preferred and what forcing the pair costs.
 *
 * @module
 * @internal
 */
import { isLeft } from 'fp-ts/lib/Either.js'
import { type Command } from 'commander'
import { RULE_LABELS, wordsIn } from '../../domain/codes.js'
import { solve, whyNotChosen, type NotChosen } from '../../proposals/index.js'
import { whyNot } from '../../rules/index.js'
import {
  type CliIo,
  type Common,
  EXIT,
  addCommon,
  exitOfSolveError,
  fixed,
  json,
  withScenario,
} from '../shared.js'

/** Adds `why-not` to the program; `exit` records the exit code of its run. @internal */
export function whyNotCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  addCommon(
    program
      .command('why-not')
      .description(
        'why a cadre is not in a post: the rules that block or penalise the pair; if none, who the best proposal preferred and what forcing the pair costs',
      )
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .requiredOption('--cadre <id>', 'the cadre')
      .requiredOption('--post <id>', 'the post')
      .addHelpText(
        'after',
        '\nExample: banzi why-not examples/data/sample-county.json --cadre C00012 --post P00028',
      ),
  ).action(async (path: string, o: Common & { cadre: string; post: string }) => {
    exit(
      await withScenario(io, path, o, async (scenario) => {
        const t = wordsIn(o.lang)
        const r = whyNot(scenario, o.cadre, o.post)
        if (isLeft(r)) {
          io.stderr(`--${r.left.kind}: ${t.unknownId} ${JSON.stringify(r.left.id)}\n`)
          return EXIT.badInput
        }
        // Eligible: why the best proposal did not choose the cadre, and what forcing the pair costs.
        let chosen: NotChosen | null = null
        if (r.right.eligible) {
          const options = { timeLimitMs: o.timeLimit * 1000 }
          const solved = await solve(scenario, options)
          if (isLeft(solved)) {
            io.stderr(`${solved.left._tag}: ${solved.left.message}\n`)
            return exitOfSolveError(solved.left)
          }
          const w = await whyNotChosen(scenario, solved.right, o.cadre, o.post, options)
          if (isLeft(w)) {
            io.stderr(`${w.left._tag}: ${w.left.message}\n`)
            if (w.left._tag === 'UnknownId') return EXIT.badInput
            return exitOfSolveError(w.left)
          }
          chosen = w.right
        }
        if (o.json === true) io.stdout(json(chosen ?? r.right))
        else {
          io.stdout(`${r.right.eligible ? t.eligible : t.notEligible}\n`)
          for (const x of r.right.reasons)
            io.stdout(
              `  [${RULE_LABELS[x.code][o.lang]}${x._tag === 'penalty' ? ` −${fixed(x.amount)}` : ''}] ${o.lang === 'zh' ? x.zh : x.message}\n`,
            )
          if (chosen !== null) {
            const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
            const c = chosen.chosen
            if (chosen.outcome === 'chosen') io.stdout(`  ${t.isChosen}\n`)
            else if (c !== null)
              io.stdout(
                `  ${t.preferred}: ${c.cadreId === null ? t.vacant : `${names.get(c.cadreId) ?? c.cadreId} (${c.cadreId})`} (${t.fit} ${fixed(c.fit, 1)}; ${t.askedFit} ${fixed(chosen.fit, 1)})\n`,
              )
            const f = chosen.forced
            if (f?._tag === 'Cost')
              io.stdout(
                f.exact
                  ? `  ${t.forceCost}: ${fixed(f.cost)}\n`
                  : `  ${t.forceCostBounded}: ${f.lower === null ? '?' : fixed(f.lower)} … ${fixed(f.cost)}\n`,
              )
            else if (f?._tag === 'Infeasible') io.stdout(`  ${t.cannotForce}: ${f.message}\n`)
          }
        }
        return EXIT.ok
      }),
    )
  })
}
