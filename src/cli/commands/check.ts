/**
 * `banzi check`: check a proposal against every hard rule, with the independent validator.
 *
 * @module
 * @internal
 */
import { isLeft } from 'fp-ts/lib/Either.js'
import { validateProposal } from '../../check/index.js'
import { type Command } from 'commander'
import { RULE_LABELS, wordsIn } from '../../domain/codes.js'
import { type Proposal } from '../../domain/proposal.js'
import { loadJson } from '../load.js'
import { type CliIo, type Common, EXIT, addCommon, json, withScenario } from '../shared.js'

/** Adds `check` to the program; `exit` records the exit code of its run. @internal */
export function checkCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  addCommon(
    program
      .command('check')
      .description('check a proposal against every hard rule, with the independent validator')
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .argument('<proposal>', 'proposal .json (as banzi solve --out writes it)')
      .addHelpText('after', '\nExample: banzi check examples/data/sample-county.json proposal.json'),
  ).action(async (path: string, proposalPath: string, o: Common) => {
    exit(
      await withScenario(io, path, o, async (scenario) => {
        const read = await loadJson(proposalPath, 'proposal')
        if (isLeft(read)) {
          for (const line of read.left) io.stderr(`${line}\n`)
          return EXIT.badInput
        }
        // `solve --top` writes a ranking: check its first proposal.
        const raw = read.right
        const proposal = (
          Array.isArray(raw) ? (raw[0] as { proposal?: unknown } | undefined)?.proposal : raw
        ) as Proposal
        const violations = validateProposal(scenario, proposal)
        const t = wordsIn(o.lang)
        if (o.json === true) io.stdout(json(violations))
        else {
          io.stdout(`${t.validator}: ${violations.length} ${t.violations}\n`)
          for (const v of violations) io.stdout(`  [${RULE_LABELS[v.code][o.lang]}] ${v.message}\n`)
        }
        return violations.length > 0 ? EXIT.failed : EXIT.ok
      }),
    )
  })
}
