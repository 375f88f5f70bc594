/**
 * `banzi diagnose`: why the rules cannot all be met: supply shortages, an irreducible conflict, the cheapest relaxation.
 *
 * @module
 * @internal
 */
import { isLeft } from 'fp-ts/lib/Either.js'
import { type Command } from 'commander'
import { wordsIn } from '../../domain/codes.js'
import { diagnose } from '../../proposals/index.js'
import { relaxationAmount } from '../../report/words.js'
import {
  type CliIo,
  type Common,
  EXIT,
  addCommon,
  exitOfSolveError,
  fixed,
  json,
  progress,
  withScenario,
} from '../shared.js'

/** Adds `diagnose` to the program; `exit` records the exit code of its run. @internal */
export function diagnoseCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  addCommon(
    program
      .command('diagnose')
      .description(
        'why the rules cannot all be met: supply shortages, an irreducible conflict, the cheapest relaxation',
      )
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .addHelpText('after', '\nExample: banzi diagnose county.json --policy strict.json'),
  ).action(async (path: string, o: Common) => {
    exit(
      await withScenario(io, path, o, async (scenario) => {
        const t = wordsIn(o.lang)
        const p = progress(io, t)
        const d = await diagnose(scenario, { timeLimitMs: o.timeLimit * 1000, onProgress: p.onProgress })
        p.done()
        if (isLeft(d)) {
          io.stderr(`${d.left._tag}: ${d.left.message}\n`)
          return exitOfSolveError(d.left)
        }
        if (o.json === true) io.stdout(json(d.right))
        else {
          io.stdout(`${d.right.feasible ? t.feasible : t.infeasible}\n`)
          for (const s of d.right.supply) io.stdout(`  ${t.supply}: ${o.lang === 'zh' ? s.zh : s.message}\n`)
          if (d.right.conflict.length > 0) io.stdout(`${t.conflict}:\n`)
          for (const m of d.right.conflict) io.stdout(`  ${m.label}\n`)
          if (d.right.relaxations.length > 0)
            io.stdout(`${t.relaxation} (${fixed(d.right.relaxationCost)}):\n`)
          for (const r of d.right.relaxations)
            io.stdout(`  ${r.member.label}: ${relaxationAmount(r, o.lang)} (${fixed(r.cost)})\n`)
        }
        return d.right.feasible ? EXIT.ok : EXIT.failed
      }),
    )
  })
}
