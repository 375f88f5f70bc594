/**
 * `banzi check`: check a proposal against every hard rule, with the independent validator.
 *
 * @module
 * @internal
 */
import { isLeft } from 'fp-ts/lib/Either.js'
import { validateProposal } from '../../check/index.js'
import { type Command } from 'commander'
import { RULE_LABELS, UI_PHRASES, wordsIn } from '../../domain/codes.js'
import { type Proposal } from '../../domain/proposal.js'
import { renderValue } from '../../io/errors.js'
import { formatPath, type Path } from '../../io/path.js'
import { loadJson } from '../load.js'
import { type CliIo, type Common, EXIT, addCommon, json, withScenario } from '../shared.js'

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

const PROPOSAL_OR_RANKING =
  'a proposal (an object with assignments: a list of { postId, cadreId }) or a ranking (a list of { rank, proposal }), as banzi solve --out writes them'

/**
 * Where a proposal file's content is not a proposal nor a ranking — the
 * first place, what was expected there and what it holds — or `null`. The
 * validator reads the assignments' post and cadre ids; anything else of a
 * proposal it does not need.
 */
function shapeIssue(raw: unknown): { at: Path; expected: string; got: unknown } | null {
  let proposal = raw
  let at: Path = []
  if (Array.isArray(raw)) {
    if (raw.length === 0)
      return { at, expected: `${PROPOSAL_OR_RANKING} (a ranking of one at least)`, got: raw }
    if (!isObject(raw[0]) || !isObject(raw[0].proposal))
      return {
        at: isObject(raw[0]) ? [0, 'proposal'] : [0],
        expected: 'a ranked proposal { rank, proposal: { assignments, … } }',
        got: isObject(raw[0]) ? raw[0].proposal : raw[0],
      }
    proposal = raw[0].proposal
    at = [0, 'proposal']
  }
  if (!isObject(proposal)) return { at, expected: PROPOSAL_OR_RANKING, got: proposal }
  const list = proposal.assignments
  if (!Array.isArray(list))
    return { at: [...at, 'assignments'], expected: 'a list of assignments { postId, cadreId }', got: list }
  for (const [i, a] of list.entries()) {
    const here = [...at, 'assignments', i]
    if (!isObject(a)) return { at: here, expected: 'an assignment { postId, cadreId }', got: a }
    if (typeof a.postId !== 'string')
      return { at: [...here, 'postId'], expected: 'a post id (text)', got: a.postId }
    if (a.cadreId !== null && typeof a.cadreId !== 'string')
      return {
        at: [...here, 'cadreId'],
        expected: 'a cadre id (text), or null for a vacancy',
        got: a.cadreId,
      }
  }
  return null
}

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
        const wrong = shapeIssue(raw)
        if (wrong !== null) {
          const at = wrong.at.length === 0 ? '' : ` ${formatPath(wrong.at)}:`
          const got = wrong.got === undefined ? 'nothing' : renderValue(wrong.got)
          io.stderr(`proposal ${proposalPath}:${at} expected ${wrong.expected}, got ${got}\n`)
          return EXIT.badInput
        }
        const proposal = (
          Array.isArray(raw) ? (raw[0] as { proposal?: unknown } | undefined)?.proposal : raw
        ) as Proposal
        const violations = validateProposal(scenario, proposal)
        const t = wordsIn(o.lang)
        if (o.json === true) io.stdout(json(violations))
        else {
          io.stdout(`${t.validator}: ${UI_PHRASES.violationCount(violations.length)[o.lang]}\n`)
          for (const v of violations) io.stdout(`  [${RULE_LABELS[v.code][o.lang]}] ${v.message}\n`)
        }
        return violations.length > 0 ? EXIT.failed : EXIT.ok
      }),
    )
  })
}
