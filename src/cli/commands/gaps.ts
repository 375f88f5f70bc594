/**
 * `banzi gaps`: structure gaps of the teams as they are: every structure rule checked.
 *
 * @module
 * @internal
 */
import { type Command } from 'commander'
import { wordsIn } from '../../domain/codes.js'
import { teamGaps } from '../../pool/index.js'
import { type CliIo, type Common, EXIT, addCommon, json, withScenario } from '../shared.js'

/** Adds `gaps` to the program; `exit` records the exit code of its run. @internal */
export function gapsCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  addCommon(
    program
      .command('gaps')
      .description('structure gaps of the teams as they are: every structure rule checked')
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .addHelpText('after', '\nExample: banzi gaps examples/data/sample-county.json --lang en'),
  ).action(async (path: string, o: Common) => {
    exit(
      await withScenario(io, path, o, async (scenario) => {
        const gaps = teamGaps(scenario)
        const names = new Map(scenario.teams.map((x) => [x.id, x.name]))
        if (o.json === true) io.stdout(json(gaps))
        else {
          io.stdout(`${wordsIn(o.lang).gaps}: ${gaps.length}\n`)
          for (const g of gaps) io.stdout(`  ${names.get(g.teamId) ?? g.teamId}: ${g[o.lang]}\n`)
        }
        return EXIT.ok
      }),
    )
  })
}
