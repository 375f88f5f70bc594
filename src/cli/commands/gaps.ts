/**
 * `banzi gaps`: structure gaps the round must fill: every structure rule
 * checked on the teams as they are, the posts open this round counted as
 * vacant (their incumbents are not members), as `teamGaps` counts them.
 *
 * @module
 * @internal
 */
import { type Command } from 'commander'
import { UI_PHRASES, wordsIn } from '../../domain/codes.js'
import { teamGaps } from '../../pool/index.js'
import { type CliIo, type Common, EXIT, addCommon, json, withScenario } from '../shared.js'

/** Adds `gaps` to the program; `exit` records the exit code of its run. @internal */
export function gapsCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  addCommon(
    program
      .command('gaps')
      .description(
        'structure gaps the round must fill: every structure rule checked, the open posts counted as vacant',
      )
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .addHelpText('after', '\nExample: banzi gaps examples/data/sample-county.json --lang en'),
  ).action(async (path: string, o: Common) => {
    exit(
      await withScenario(io, path, o, async (scenario) => {
        const gaps = teamGaps(scenario)
        if (o.json === true) io.stdout(json(gaps))
        else {
          const t = wordsIn(o.lang)
          // Said on every run: the holder of an open post is no member here, so a team can read
          // short of what its current holders meet (a woman in an open post, say).
          const open = scenario.openPosts.length
          io.stdout(
            `${t.gaps}: ${gaps.length}${open === 0 ? '' : UI_PHRASES.openCountVacant(open)[o.lang]}\n`,
          )
          // Each gap's message begins with its team's name: said once.
          for (const g of gaps) io.stdout(`  ${g[o.lang]}\n`)
        }
        return EXIT.ok
      }),
    )
  })
}
