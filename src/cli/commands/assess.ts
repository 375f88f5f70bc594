/**
 * `banzi assess`: assessment feedback lists (清单式反馈): combined score, rank among peers, strengths and weaknesses.
 *
 * @module
 * @internal
 */
import { type Command } from 'commander'
import { INDICATOR_LABELS, wordsIn } from '../../domain/codes.js'
import { feedbackLists } from '../../assessment/index.js'
import { type CliIo, type Common, EXIT, addCommon, fixed, json, withScenario } from '../shared.js'

/** Adds `assess` to the program; `exit` records the exit code of its run. @internal */
export function assessCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  addCommon(
    program
      .command('assess')
      .description(
        'assessment feedback lists (清单式反馈): combined score, rank among peers, strengths and weaknesses',
      )
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .option('--cadre <id>', 'only this cadre')
      .addHelpText('after', '\nExample: banzi assess examples/data/sample-county.json --cadre C00012'),
  ).action(async (path: string, o: Common & { cadre?: string }) => {
    exit(
      await withScenario(io, path, o, async (scenario) => {
        const t = wordsIn(o.lang)
        if (o.cadre !== undefined && !scenario.cadres.some((c) => c.id === o.cadre)) {
          io.stderr(`--cadre: ${t.unknownId} ${JSON.stringify(o.cadre)}\n`)
          return EXIT.badInput
        }
        const lists = feedbackLists(scenario).filter((f) => o.cadre === undefined || f.cadreId === o.cadre)
        if (o.json === true) io.stdout(json(lists))
        else {
          const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
          const label = (code: string) => INDICATOR_LABELS[code]?.[o.lang] ?? code
          // A list as each language writes one: 、 in Chinese, a comma in English.
          const list = o.lang === 'zh' ? '、' : ', '
          for (const f of lists) {
            if (f.year === null) continue
            io.stdout(
              `${names.get(f.cadreId) ?? f.cadreId} (${f.cadreId}) ${f.year}: ${fixed(f.score, 1)}${f.peerRank === null ? '' : `, ${f.peerRank}/${f.peers}`}`,
            )
            if (f.strengths.length > 0)
              io.stdout(`; ${t.strengths} ${f.strengths.map((x) => label(x.indicator)).join(list)}`)
            if (f.weaknesses.length > 0)
              io.stdout(`; ${t.weaknesses} ${f.weaknesses.map((x) => label(x.indicator)).join(list)}`)
            io.stdout('\n')
          }
        }
        return EXIT.ok
      }),
    )
  })
}
