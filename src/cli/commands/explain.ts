/**
 * `banzi explain`: why the best proposal puts who it puts in a post: fit components, the other candidates and why they lost.
 *
 * @module
 * @internal
 */
import { isLeft } from 'fp-ts/lib/Either.js'
import { type Command, Option } from 'commander'
import { COST_METHOD_LABELS, RULE_LABELS, wordsIn, type UiWord } from '../../domain/codes.js'
import type { FitComponents } from '../../domain/proposal.js'
import { explainProposal, solve } from '../../proposals/index.js'
import { costShown, costText, runnerUpReason } from '../../report/words.js'
import {
  type CliIo,
  type Common,
  EXIT,
  addCommon,
  exitOfSolveError,
  fixed,
  json,
  postTitles,
  progress,
  withScenario,
} from '../shared.js'

/** The word of each fit component, as the workbook heads its columns. */
const COMPONENT_WORDS: Readonly<Record<keyof FitComponents, UiWord>> = {
  specialty: 'specialty',
  assessment: 'assessment',
  experience: 'experience',
  age: 'age',
  combined: 'combinedComponent',
  support: 'supportComponent',
}

/** Adds `explain` to the program; `exit` records the exit code of its run. @internal */
export function explainCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  addCommon(
    program
      .command('explain')
      .description(
        'why the best proposal puts who it puts in a post: fit components, the other candidates and why they lost',
      )
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .requiredOption('--post <id>', 'the post to explain')
      .addOption(
        new Option('--costs <how>', 'also price every rule: estimate (one LP) or exact (a solve per rule)')
          .choices(['none', 'estimate', 'exact'])
          .default('none'),
      )
      .addHelpText('after', '\nExample: banzi explain examples/data/sample-county.json --post P00028'),
  ).action(async (path: string, o: Common & { post: string; costs: 'none' | 'estimate' | 'exact' }) => {
    exit(
      await withScenario(io, path, o, async (scenario) => {
        const t = wordsIn(o.lang)
        const seat = scenario.teams
          .flatMap((team) => team.posts.map((post) => ({ team, post })))
          .find((x) => x.post.id === o.post)
        if (seat === undefined) {
          io.stderr(`--post: ${t.unknownPost} ${JSON.stringify(o.post)}\n`)
          return EXIT.badInput
        }
        const p = progress(io, t)
        const options = { timeLimitMs: o.timeLimit * 1000, onProgress: p.onProgress }
        const solved = await solve(scenario, options)
        if (isLeft(solved)) {
          p.done()
          io.stderr(`${solved.left._tag}: ${solved.left.message}\n`)
          return exitOfSolveError(solved.left)
        }
        const explained = await explainProposal(scenario, solved.right, { ...options, costs: o.costs })
        p.done()
        if (isLeft(explained)) {
          io.stderr(`${explained.left._tag}: ${explained.left.message}\n`)
          return exitOfSolveError(explained.left)
        }
        const e = explained.right.posts.find((x) => x.postId === o.post)
        if (o.json === true) {
          io.stdout(json({ post: e ?? null, ruleCosts: explained.right.ruleCosts }))
          return EXIT.ok
        }
        const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
        const who = (id: string | null) => (id === null ? t.vacant : `${names.get(id) ?? id} (${id})`)
        const title = postTitles(scenario)
        io.stdout(`${seat.team.name} ${seat.post.title} (${seat.post.id})\n`)
        if (e === undefined) {
          io.stdout(`  ${t.notOpen}\n`)
          return EXIT.ok
        }
        // A vacancy has no fit (the report leaves it blank), not a fit of 0.
        io.stdout(
          `  ${t.chosen}: ${who(e.cadreId)}${e.cadreId === null ? '' : `  ${t.fit} ${fixed(e.fit, 1)}`}\n`,
        )
        if (e.components !== null)
          io.stdout(
            `  ${Object.entries(e.components)
              .map(([k, v]) => `${t[COMPONENT_WORDS[k as keyof FitComponents]]} ${fixed(v as number)}`)
              .join(', ')}\n`,
          )
        for (const r of e.runnersUp)
          io.stdout(
            `  ${t.otherCandidate}: ${who(r.cadreId)} ${t.fit} ${fixed(r.fit, 1)} — ${runnerUpReason(r.outcome, o.lang, title)}\n`,
          )
        for (const r of e.blocked)
          io.stdout(
            `  ${t.notEligible}: ${who(r.cadreId)} ${t.fit} ${fixed(r.fit, 1)} — ${runnerUpReason(r.outcome, o.lang, title)}\n`,
          )
        for (const c of explained.right.ruleCosts.filter(costShown))
          io.stdout(
            `  ${t.ruleCost}: ${RULE_LABELS[c.code][o.lang]} ${costText(c, o.lang, (x) => fixed(x))} (${COST_METHOD_LABELS[c.method][o.lang]})\n`,
          )
        return EXIT.ok
      }),
    )
  })
}
