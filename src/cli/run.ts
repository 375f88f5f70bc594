/**
 * The `banzi` command line: `solve`, `check`, `diagnose`, `gaps`, `pool`.
 * `run(argv, io)` answers the exit code, so that tests drive it in process:
 * 0 ok, 1 infeasible or violations, 2 bad input, 3 time limit without a
 * proposal. Progress of long work goes to stderr: a live line on a terminal,
 * plain lines otherwise. `--json` prints machine-readable results.
 *
 * @module
 * @internal
 */
import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { Command, CommanderError, Option } from 'commander'
import { isLeft } from 'fp-ts/lib/Either.js'
import { validateProposal } from '../check/index.js'
import { CHANGE_LABELS, RULE_LABELS, STATUS_LABELS } from '../domain/codes.js'
import type { Change, Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { queryPool, teamGaps } from '../pool/index.js'
import { diagnose, rankProposals, solve, type RankedProposal, type SolveError } from '../proposals/index.js'
import type { ProgressEvent } from '../solvers/index.js'
import { renderReport } from '../report/html.js'
import { writeProposal } from '../report/workbook.js'
import { loadJson, loadScenario, type RoundFlags } from './load.js'
import { CLI_TEXT, type Lang } from './text.js'

/** Where the command line writes. @internal */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Whether stderr is a terminal (a live progress line) or not (plain lines). */
  readonly tty: boolean
}

/** Exit codes, as documented in docs/cli.md. @internal */
export const EXIT = { ok: 0, failed: 1, badInput: 2, timeLimit: 3 } as const

interface Common extends RoundFlags {
  readonly json?: boolean
  readonly lang: Lang
  readonly timeLimit: number
}

const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`
const fixed = (x: number | null | undefined, d = 2): string =>
  typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '—'

/** A progress reporter on stderr: a live line on a terminal, a line a second otherwise. */
function progress(
  io: CliIo,
  t: (typeof CLI_TEXT)[Lang],
): { onProgress: (e: ProgressEvent) => void; done: () => void } {
  let last = -Infinity
  let live = false
  const line = (e: ProgressEvent) =>
    `${t.progress}: ${t.incumbent} ${fixed(e.incumbent)} ${t.bound} ${fixed(e.bound)} ${t.gap} ${e.gap === null ? '—' : `${(e.gap * 100).toFixed(3)}%`} ${(e.elapsedMs / 1000).toFixed(1)} s`
  return {
    onProgress: (e) => {
      if (io.tty) {
        io.stderr(`\r${line(e)}\u001b[K`)
        live = true
      } else if (e.elapsedMs - last >= 1000) {
        last = e.elapsedMs
        io.stderr(`${line(e)}\n`)
      }
    },
    done: () => {
      if (live) io.stderr('\n')
    },
  }
}

function exitOfSolveError(e: SolveError): number {
  return e._tag === 'Infeasible' ? EXIT.failed : e._tag === 'TimeLimit' ? EXIT.timeLimit : EXIT.failed
}

/** The proposal as people read it: summary, then each changed post by team. */
function describeProposal(scenario: Scenario, p: Proposal, lang: Lang): string {
  const t = CLI_TEXT[lang]
  const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
  const seats = new Map(scenario.teams.flatMap((team) => team.posts.map((post) => [post.id, { team, post }])))
  const who = (id: string | null) => (id === null ? t.vacant : `${names.get(id) ?? id}`)
  const out = [
    `${t.status} ${STATUS_LABELS[p.status][lang]}  ${t.objective} ${fixed(p.objective)}  ${t.bound} ${fixed(p.bound)}  ${t.gap} ${fixed(p.gap * 100, 4)}%`,
  ]
  const changed = p.assignments.filter((a) => a.change !== 'stays')
  const counts = new Map<string, number>()
  for (const a of changed) counts.set(a.change, (counts.get(a.change) ?? 0) + 1)
  out.push(
    `${t.changes} ${changed.length}: ${[...counts].map(([c, n]) => `${CHANGE_LABELS[c as Change][lang]} ${n}`).join(', ')}`,
  )
  let team = ''
  for (const a of changed) {
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

async function withScenario(
  io: CliIo,
  path: string,
  o: Common,
  then: (s: Scenario) => Promise<number>,
): Promise<number> {
  const loaded = await loadScenario(path, o)
  if (isLeft(loaded)) {
    for (const line of loaded.left) io.stderr(`${line}\n`)
    return EXIT.badInput
  }
  for (const w of loaded.right.warnings) io.stderr(`${CLI_TEXT[o.lang].warning}: ${w}\n`)
  return then(loaded.right.scenario)
}

function addCommon(c: Command): Command {
  return c
    .option('--round <file>', 'JSON with the round: asOf, county, policy, openPosts, locks, forbidden')
    .option('--policy <file>', 'JSON policy (deep-partial), over the round’s')
    .option('--as-of <YYYY-MM>', 'reference month of the round')
    .option('--county <name>', 'the county')
    .option('--json', 'print machine-readable JSON on stdout')
    .addOption(new Option('--lang <lang>', 'language of the text output').choices(['zh', 'en']).default('zh'))
    .addOption(
      new Option('--time-limit <seconds>', 'stop after this many seconds')
        .default(60)
        .argParser((v: string) => {
          const n = Number(v)
          if (!Number.isFinite(n) || n <= 0)
            throw new CommanderError(
              EXIT.badInput,
              'banzi.timeLimit',
              `--time-limit: expected seconds > 0, got "${v}"`,
            )
          return n
        }),
    )
}

/**
 * Runs the command line on `argv` (without the node and script paths) and
 * answers the exit code.
 * @internal
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok
  const program = new Command('banzi')
    .description('Exact, explained and checked staffing of a county’s leadership teams (领导班子配备).')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError()
  program.addHelpText(
    'after',
    `
Exit codes: 0 ok, 1 infeasible or violations, 2 bad input, 3 time limit without a proposal.
Example: banzi solve examples/data/sample-county.json --top 3 --out proposal.json`,
  )

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
    code = await withScenario(io, path, o, async (scenario) => {
      const t = CLI_TEXT[o.lang]
      const format = o.out === undefined ? null : extname(o.out).toLowerCase()
      if (format !== null && format !== '.json' && format !== '.xlsx' && format !== '.html') {
        io.stderr(`--out ${o.out}: ${t.unsupportedOut}\n`)
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
        if (format === '.json') await writeFile(o.out, json(result.right))
        else if (format === '.html') {
          const ranked = Array.isArray(result.right) ? (result.right as readonly RankedProposal[]) : undefined
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
          await writeFile(o.out, page.right)
        } else {
          const book = await writeProposal(scenario, result.right, { lang: o.lang })
          if (isLeft(book)) {
            io.stderr(`--out ${o.out}: ${book.left.message}\n`)
            return EXIT.failed
          }
          await writeFile(o.out, book.right)
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
    })
  })

  addCommon(
    program
      .command('check')
      .description('check a proposal against every hard rule, with the independent validator')
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .argument('<proposal>', 'proposal .json (as banzi solve --out writes it)')
      .addHelpText('after', '\nExample: banzi check examples/data/sample-county.json proposal.json'),
  ).action(async (path: string, proposalPath: string, o: Common) => {
    code = await withScenario(io, path, o, async (scenario) => {
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
      const t = CLI_TEXT[o.lang]
      if (o.json === true) io.stdout(json(violations))
      else {
        io.stdout(`${t.validator}: ${violations.length} ${t.violations}\n`)
        for (const v of violations) io.stdout(`  [${RULE_LABELS[v.code][o.lang]}] ${v.message}\n`)
      }
      return violations.length > 0 ? EXIT.failed : EXIT.ok
    })
  })

  addCommon(
    program
      .command('diagnose')
      .description(
        'why the rules cannot all be met: supply shortages, an irreducible conflict, the cheapest relaxation',
      )
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .addHelpText('after', '\nExample: banzi diagnose county.json --policy strict.json'),
  ).action(async (path: string, o: Common) => {
    code = await withScenario(io, path, o, async (scenario) => {
      const t = CLI_TEXT[o.lang]
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
        for (const s of d.right.supply) io.stdout(`  ${t.supply}: ${s.message}\n`)
        if (d.right.conflict.length > 0) io.stdout(`${t.conflict}:\n`)
        for (const m of d.right.conflict) io.stdout(`  ${m.label}\n`)
        if (d.right.relaxations.length > 0) io.stdout(`${t.relaxation} (${fixed(d.right.relaxationCost)}):\n`)
        for (const r of d.right.relaxations)
          io.stdout(`  ${r.member.label}: ${fixed(r.violation, 0)} (${fixed(r.cost)})\n`)
      }
      return d.right.feasible ? EXIT.ok : EXIT.failed
    })
  })

  addCommon(
    program
      .command('gaps')
      .description('structure gaps of the teams as they are: every structure rule checked')
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .addHelpText('after', '\nExample: banzi gaps examples/data/sample-county.json --lang en'),
  ).action(async (path: string, o: Common) => {
    code = await withScenario(io, path, o, async (scenario) => {
      const gaps = teamGaps(scenario)
      const names = new Map(scenario.teams.map((x) => [x.id, x.name]))
      if (o.json === true) io.stdout(json(gaps))
      else {
        io.stdout(`${CLI_TEXT[o.lang].gaps}: ${gaps.length}\n`)
        for (const g of gaps) io.stdout(`  ${names.get(g.teamId) ?? g.teamId}: ${g[o.lang]}\n`)
      }
      return EXIT.ok
    })
  })

  addCommon(
    program
      .command('pool')
      .description('query the talent pool')
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .option('--query <json>', 'a pool query as JSON, or @file.json', '{}')
      .addHelpText(
        'after',
        `\nExample: banzi pool county.json --query '{"field":"economy/finance","maxAge":40}'`,
      ),
  ).action(async (path: string, o: Common & { query: string }) => {
    code = await withScenario(io, path, o, async (scenario) => {
      let query: unknown
      if (o.query.startsWith('@')) {
        const q = await loadJson(o.query.slice(1), '--query')
        if (isLeft(q)) {
          for (const line of q.left) io.stderr(`${line}\n`)
          return EXIT.badInput
        }
        query = q.right
      } else
        try {
          query = JSON.parse(o.query) as unknown
        } catch {
          io.stderr(`--query: expected JSON, got ${JSON.stringify(o.query)}\n`)
          return EXIT.badInput
        }
      const r = queryPool(scenario, query as never)
      if (isLeft(r)) {
        io.stderr(`${r.left.message}\n`)
        return EXIT.badInput
      }
      if (o.json === true) io.stdout(json(r.right))
      else {
        io.stdout(`${CLI_TEXT[o.lang].found}: ${r.right.total}\n`)
        for (const c of r.right.cadres)
          io.stdout(`  ${c.name} (${c.cadreId}) ${c.age} ${c.rank} ${c.field ?? ''}\n`)
      }
      return EXIT.ok
    })
  })

  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT.ok
      if (!e.message.startsWith('error:') && e.code.startsWith('banzi.')) io.stderr(`${e.message}\n`)
      return EXIT.badInput
    }
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`)
    return EXIT.failed
  }
  return code
}
