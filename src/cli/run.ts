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
import {
  CHANGE_LABELS,
  INDICATOR_LABELS,
  RULE_LABELS,
  STATUS_LABELS,
  wordsIn,
  type Lang,
  type UiWord,
} from '../domain/codes.js'
import type { Change, Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { queryPool, teamGaps } from '../pool/index.js'
import {
  diagnose,
  explainProposal,
  rankProposals,
  solve,
  whyNotChosen,
  type NotChosen,
  type RankedProposal,
  type SolveError,
} from '../proposals/index.js'
import { feedbackLists } from '../assessment/index.js'
import { whyNot } from '../rules/index.js'
import { generateScenario } from '../sample/index.js'
import type { ProgressEvent } from '../solvers/index.js'
import { renderReport } from '../report/html.js'
import { runnerUpReason } from '../report/words.js'
import { writeProposal } from '../report/workbook.js'
import { loadJson, loadScenario, type RoundFlags } from './load.js'

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
  t: Readonly<Record<UiWord, string>>,
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
  switch (e._tag) {
    case 'TimeLimit':
      return EXIT.timeLimit
    // What the call was given does not fit: bad input, as a roster that does not read.
    case 'InvalidOptions':
    case 'InvalidArgument':
    case 'ScenarioMismatch':
    case 'UnknownId':
      return EXIT.badInput
    default:
      return EXIT.failed
  }
}

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
  for (const w of loaded.right.warnings) io.stderr(`${wordsIn(o.lang).warning}: ${w}\n`)
  return then(loaded.right.scenario)
}

function addCommon(c: Command): Command {
  return c
    .option(
      '--round <file>',
      'JSON with the round: asOf, county, policy, openPosts, locks, forbidden, recommendations',
    )
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
      const t = wordsIn(o.lang)
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
      const t = wordsIn(o.lang)
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
        io.stdout(`${wordsIn(o.lang).gaps}: ${gaps.length}\n`)
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
        io.stdout(`${wordsIn(o.lang).found}: ${r.right.total}\n`)
        for (const c of r.right.cadres)
          io.stdout(`  ${c.name} (${c.cadreId}) ${c.age} ${c.rank} ${c.field ?? ''}\n`)
      }
      return EXIT.ok
    })
  })

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
    code = await withScenario(io, path, o, async (scenario) => {
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
      const titles = new Map(scenario.teams.flatMap((x) => x.posts.map((p) => [p.id, `${x.name}${p.title}`])))
      const title = (id: string) => titles.get(id) ?? id
      io.stdout(`${seat.team.name} ${seat.post.title} (${seat.post.id})\n`)
      if (e === undefined) {
        io.stdout(`  ${t.notOpen}\n`)
        return EXIT.ok
      }
      io.stdout(`  ${t.chosen}: ${who(e.cadreId)}  ${t.fit} ${fixed(e.fit, 1)}\n`)
      if (e.components !== null)
        io.stdout(
          `  ${Object.entries(e.components)
            .map(([k, v]) => `${k} ${fixed(v as number)}`)
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
      for (const c of explained.right.ruleCosts.filter((x) => x.cost > 0))
        io.stdout(`  ${t.ruleCost}: ${RULE_LABELS[c.code][o.lang]} ${fixed(c.cost)} (${c.method})\n`)
      return EXIT.ok
    })
  })

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
    code = await withScenario(io, path, o, async (scenario) => {
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
          if (w.left._tag === 'UnknownId') return EXIT.badInput
          io.stderr(`${w.left._tag}: ${w.left.message}\n`)
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
              `  ${t.preferred}: ${c.cadreId === null ? t.vacant : `${names.get(c.cadreId) ?? c.cadreId} (${c.cadreId})`} (${t.fit} ${fixed(c.fit, 1)}; ${fixed(chosen.fit, 1)})\n`,
            )
          const f = chosen.forced
          if (f?._tag === 'Cost') io.stdout(`  ${t.forceCost}: ${fixed(f.cost)}\n`)
          else if (f?._tag === 'Infeasible') io.stdout(`  ${t.cannotForce}: ${f.message}\n`)
        }
      }
      return EXIT.ok
    })
  })

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
    code = await withScenario(io, path, o, async (scenario) => {
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
        for (const f of lists) {
          if (f.year === null) continue
          io.stdout(
            `${names.get(f.cadreId) ?? f.cadreId} (${f.cadreId}) ${f.year}: ${fixed(f.score, 1)}${f.peerRank === null ? '' : `, ${f.peerRank}/${f.peers}`}`,
          )
          if (f.strengths.length > 0)
            io.stdout(`; ${t.strengths} ${f.strengths.map((x) => label(x.indicator)).join('、')}`)
          if (f.weaknesses.length > 0)
            io.stdout(`; ${t.weaknesses} ${f.weaknesses.map((x) => label(x.indicator)).join('、')}`)
          io.stdout('\n')
        }
      }
      return EXIT.ok
    })
  })

  program
    .command('bench')
    .description('time exact staffing of generated counties on this machine')
    .option('--sizes <list>', 'county sizes in cadres, comma-separated', '300,1200')
    .option('--seed <n>', 'generator seed', '2026')
    .addOption(new Option('--time-limit <seconds>', 'per solve').default(120).argParser(Number))
    .addHelpText('after', '\nExample: banzi bench --sizes 300,1200,5000')
    .action(async (o: { sizes: string; seed: string; timeLimit: number }) => {
      const sizes = o.sizes.split(',').map(Number)
      const seed = Number(o.seed)
      if (
        !sizes.every((n) => Number.isInteger(n) && n >= 20 && n <= 10_000) ||
        !Number.isInteger(seed) ||
        !(o.timeLimit > 0)
      ) {
        io.stderr(`--sizes: expected cadre counts 20–10000, --seed an integer, --time-limit seconds > 0\n`)
        code = EXIT.badInput
        return
      }
      io.stdout(
        '| cadres | open posts | status | objective | gap | seconds | violations |\n|---|---|---|---|---|---|---|\n',
      )
      for (const n of sizes) {
        const s = generateScenario({ seed, cadres: n })
        const t0 = performance.now()
        const r = await solve(s, { timeLimitMs: o.timeLimit * 1000 })
        const seconds = (performance.now() - t0) / 1000
        if (isLeft(r)) {
          io.stdout(`| ${n} | | ${r.left._tag} | | | ${seconds.toFixed(2)} | |\n`)
          code = EXIT.failed
          continue
        }
        const v = validateProposal(s, r.right).length
        if (v > 0) code = EXIT.failed
        io.stdout(
          `| ${n} | ${s.openPosts.length} | ${r.right.status} | ${fixed(r.right.objective)} | ${r.right.gap === null ? '—' : `${fixed(r.right.gap * 100, 4)}%`} | ${seconds.toFixed(2)} | ${v} |\n`,
        )
      }
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
