/**
 * `banzi solve`: staff the open posts: the best proposal (or the k best), checked by the validator.
 *
 * @module
 * @internal
 */
import { constants } from 'node:fs'
import { access, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { isLeft } from 'fp-ts/lib/Either.js'
import { validateProposal } from '../../check/index.js'
import { type Command, CommanderError } from 'commander'
import { CHANGE_LABELS, STATUS_LABELS, wordsIn, type Lang } from '../../domain/codes.js'
import { type Change, type Proposal } from '../../domain/proposal.js'
import { type Scenario } from '../../domain/types.js'
import { rankProposals, solve, type RankedProposal } from '../../proposals/index.js'
import { renderReport } from '../../report/html.js'
import { writeProposal } from '../../report/workbook.js'
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

/** The proposal as people read it: summary, then each changed post by team. */
function describeProposal(scenario: Scenario, p: Proposal, lang: Lang): string {
  const t = wordsIn(lang)
  const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
  const seats = new Map(scenario.teams.flatMap((team) => team.posts.map((post) => [post.id, { team, post }])))
  const who = (id: string | null) => (id === null ? t.vacant : `${names.get(id) ?? id}`)
  const out = [
    `${t.status} ${STATUS_LABELS[p.status][lang]}  ${t.objective} ${fixed(p.objective)}  ${t.bound} ${fixed(p.bound)}  ${t.gap} ${p.gap === null ? '—' : `${fixed(p.gap * 100, 4)}%`}`,
  ]
  const changed = p.assignments.filter((a) => a.change !== 'stays')
  const counts = new Map<string, number>()
  for (const a of changed) counts.set(a.change, (counts.get(a.change) ?? 0) + 1)
  out.push(
    `${t.changes} ${changed.length}: ${[...counts].map(([c, n]) => `${CHANGE_LABELS[c as Change][lang]} ${n}`).join(', ')}`,
  )
  // By team, in the roster's order of teams and posts, whatever order the open posts came in.
  const order = new Map(scenario.teams.flatMap((tm) => tm.posts).map((post, i) => [post.id, i]))
  const byTeam = [...changed].sort((x, y) => (order.get(x.postId) ?? 0) - (order.get(y.postId) ?? 0))
  let team = ''
  for (const a of byTeam) {
    const seat = seats.get(a.postId)
    if (seat === undefined) continue
    if (seat.team.id !== team) {
      team = seat.team.id
      out.push(`${seat.team.name} (${seat.team.id})`)
    }
    out.push(
      `  ${seat.post.title} (${a.postId}): ${who(a.incumbentId)} → ${who(a.cadreId)}  [${CHANGE_LABELS[a.change][lang]}${a.cadreId === null ? '' : `, ${t.fit} ${fixed(a.fit, 1)}`}]`,
    )
  }
  return `${out.join('\n')}\n`
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/**
 * Why `--out <path>` cannot be written, or `null`: its folder must exist and
 * be writable, and the path must not be a folder.
 */
async function whyUnwritable(path: string): Promise<string | null> {
  const folder = dirname(resolve(path))
  try {
    if (!(await stat(folder)).isDirectory()) return `${folder} is not a folder`
    await access(folder, constants.W_OK)
  } catch (e) {
    return `cannot write in the folder ${folder} (${reason(e)})`
  }
  try {
    if ((await stat(path)).isDirectory()) return 'is a folder'
  } catch {
    // No such file yet: it will be made.
  }
  return null
}

/**
 * Writes `data` to `path` whole or not at all: into a file of its own beside
 * it, renamed onto `path` once written (removed on a failure). Answers why
 * it failed, or `null`.
 */
async function writeWhole(path: string, data: string | Uint8Array): Promise<string | null> {
  const part = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.part`)
  try {
    await writeFile(part, data)
    await rename(part, path)
    return null
  } catch (e) {
    await rm(part, { force: true }).catch(() => undefined)
    return reason(e)
  }
}

/** Adds `solve` to the program; `exit` records the exit code of its run. @internal */
export function solveCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  addCommon(
    program
      .command('solve')
      .description('staff the open posts: the best proposal (or the k best), checked by the validator')
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .option('--top <k>', 'rank the k best proposals', (v: string) => {
        const n = Number(v)
        if (!Number.isInteger(n) || n < 1 || n > 100)
          throw new CommanderError(EXIT.badInput, 'banzi.top', `--top: expected an integer 1–100, got "${v}"`)
        return n
      })
      .option(
        '--out <file>',
        'write the proposal(s): .json, .xlsx (the workbook a department files) or .html (the report)',
      )
      .addHelpText(
        'after',
        '\nExample: banzi solve county.xlsx --round round.json --top 3 --out proposals.json',
      ),
  ).action(async (path: string, o: Common & { top?: number; out?: string }) => {
    exit(
      await withScenario(io, path, o, async (scenario) => {
        const t = wordsIn(o.lang)
        const format = o.out === undefined ? null : extname(o.out).toLowerCase()
        if (format !== null && format !== '.json' && format !== '.xlsx' && format !== '.html') {
          io.stderr(`--out ${o.out}: ${t.unsupportedOut}\n`)
          return EXIT.badInput
        }
        // Where the result goes is checked before the solve, not found wrong after it.
        const unwritable = o.out === undefined ? null : await whyUnwritable(o.out)
        if (unwritable !== null) {
          io.stderr(`--out ${o.out}: ${unwritable}\n`)
          return EXIT.badInput
        }
        const p = progress(io, t)
        const options = { timeLimitMs: o.timeLimit * 1000, onProgress: p.onProgress }
        const result =
          o.top === undefined
            ? await solve(scenario, options)
            : await rankProposals(scenario, { ...options, k: o.top })
        p.done()
        if (isLeft(result)) {
          if (o.json === true) io.stdout(json(result.left))
          else io.stderr(`${result.left._tag}: ${result.left.message}\n`)
          return exitOfSolveError(result.left)
        }
        const proposals = Array.isArray(result.right)
          ? result.right.map((r) => r.proposal)
          : [result.right as Proposal]
        const violations = proposals.map((p) => validateProposal(scenario, p))
        if (o.out !== undefined) {
          let data: string | Uint8Array
          if (format === '.json') data = json(result.right)
          else if (format === '.html') {
            const ranked = Array.isArray(result.right)
              ? (result.right as readonly RankedProposal[])
              : undefined
            const page = await renderReport(
              scenario,
              ranked === undefined ? { proposal: proposals[0] } : { ranked },
              {
                lang: o.lang,
              },
            )
            if (isLeft(page)) {
              io.stderr(`--out ${o.out}: ${page.left.message}\n`)
              return EXIT.failed
            }
            data = page.right
          } else {
            const book = await writeProposal(scenario, result.right, { lang: o.lang })
            if (isLeft(book)) {
              io.stderr(`--out ${o.out}: ${book.left.message}\n`)
              return EXIT.failed
            }
            data = book.right
          }
          const failed = await writeWhole(o.out, data)
          if (failed !== null) {
            io.stderr(`--out ${o.out}: ${failed}\n`)
            return EXIT.badInput
          }
        }
        if (o.json === true) io.stdout(json({ result: result.right, violations }))
        else
          proposals.forEach((p, i) => {
            if (proposals.length > 1) io.stdout(`\n# ${i + 1}\n`)
            io.stdout(describeProposal(scenario, p, o.lang))
            io.stdout(`${t.validator}: ${violations[i]?.length ?? 0} ${t.violations}\n`)
            for (const v of violations[i] ?? []) io.stdout(`  ${v.message}\n`)
          })
        return violations.some((v) => v.length > 0) ? EXIT.failed : EXIT.ok
      }),
    )
  })
}
